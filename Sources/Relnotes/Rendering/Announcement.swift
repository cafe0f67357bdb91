import Foundation

/// Release communication in its two fixed shapes (SPEC: The release process it serves):
///
/// | internal announcement | external (customer) notes |
/// |---|---|
/// | new features, bug fixes, known issues, potential impact | new features, bug fixes, API changes, upgrade instructions |
///
/// Each section lists the entries of its type and, when the release body has a `##` section
/// of the same name ("Upgrade instructions", "Potential impact"), that text. Empty sections
/// are left out.
struct AnnouncementBuilder {
    static let internalShape = ["feature", "fix", "known-issue", "impact"]
    static let externalShape = ["feature", "fix", "api-change", "upgrade"]

    let views: ViewBuilder
    let isInternal: Bool

    func build(_ visible: VisibleRelease) throws(DiagnosticsError) -> AnnouncementView {
        let config = views.config
        let types = (isInternal ? Self.internalShape : Self.externalShape).compactMap(config.type(named:))
        let sections = try views.sections(visible.entries, anchors: HeadingSlugs(), folding: visible.release?.version)
        let bodySections = try visible.release.map { (release) throws(DiagnosticsError) in
            try views.bodies.sections(release.body, for: views.audience, as: views.format)
        } ?? []
        var result: [AnnouncementSection] = []
        for type in types {
            let body = bodySections.filter { $0.heading.map { Self.heading($0, names: type) } ?? false }
                .map(\.text).joined(separator: "\n")
            let section = sections.first { $0.type == type.name }
            guard section != nil || !body.isEmpty else { continue }
            result.append(AnnouncementSection(
                section: section ?? views.emptySection(type),
                body: body.isEmpty ? nil : body))
        }
        let detail = try views.detail(of: visible)
        return AnnouncementView(
            siteTitle: views.text(config.title),
            isInternal: isInternal,
            release: detail.head,
            meta: isInternal ? detail.meta : nil,
            sections: result,
            nothingToSay: "Nothing to announce: this release lists no \(types.map { views.text($0.title.lowercased()) }.joined(separator: ", "))."
        )
    }

    /// Whether a body heading names `type`: its title or name, or the start of its title
    /// ("Potential impact" for "Potential impact on existing systems"), in any case.
    static func heading(_ heading: String, names type: EntryType) -> Bool {
        let heading = heading.trimmingCharacters(in: .whitespaces).lowercased()
        let title = type.title.lowercased()
        return heading == title || heading == type.name || (heading.contains(" ") && title.hasPrefix(heading + " "))
    }
}

