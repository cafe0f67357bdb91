import Foundation
import RelnotesAudience
import RelnotesMarkdown
import RelnotesModel

/// Release communication in its two fixed shapes (SPEC: The release process it serves):
///
/// | internal announcement | external (customer) notes |
/// |---|---|
/// | new features, bug fixes, known issues, potential impact | new features, bug fixes, API changes, upgrade instructions |
///
/// Each section lists the entries of the types `announcement:` maps to it and, before them,
/// the release body's `##` section of the same name ("Upgrade instructions"). Entries of
/// types no section lists go under "Other changes", and the rest of the body is the
/// introduction: nothing the audience sees is dropped. Empty sections are left out.
struct AnnouncementBuilder {
    static let otherChanges = "Other changes"

    let views: ViewBuilder
    let isInternal: Bool
    /// The published page's address (`base_url`), when there is one to point to.
    var link: AnnouncementLink? = nil

    func build(_ visible: VisibleRelease) throws(DiagnosticsError) -> AnnouncementView {
        let config = views.config
        let shape = isInternal ? config.announcement.internalSections : config.announcement.externalSections
        let mapped = Set(shape.flatMap(\.types))
        let others = config.types.map(\.name).filter { !mapped.contains($0) }
        let wanted = shape + [SectionMapping(Self.otherChanges, others)]

        var bodySections = try visible.release.map { (release) throws(DiagnosticsError) in
            try views.bodies.sections(release.body, for: views.audience, as: views.format)
        } ?? []
        var sections: [AnnouncementSection] = []
        for (index, mapping) in wanted.enumerated() {
            let isOther = index == wanted.count - 1
            // "Other changes" takes no body text: a body section it would name stays in the
            // introduction, under its own heading.
            let matching = isOther ? [] : bodySections.indices.filter { bodySections[$0].heading.map { Self.heading($0, names: mapping, types: config.types) } ?? false }
            let body = matching.map { bodySections[$0].text }.joined(separator: views.format == .html ? "" : "\n")
            for index in matching.reversed() { bodySections.remove(at: index) }
            let items = try self.items(of: mapping, in: visible.entries, labelAll: isOther)
            guard !items.isEmpty || !body.isEmpty else { continue }
            sections.append(AnnouncementSection(title: mapping.title, body: body.isEmpty ? nil : body, items: items, hasItems: !items.isEmpty))
        }
        let introduction = bodySections.map { AnnouncementPart(heading: $0.heading, underline: $0.heading.map { String(repeating: "-", count: $0.count) }, text: $0.text) }

        let detail = try views.detail(of: visible)
        let product = config.product ?? config.title
        return AnnouncementView(
            subject: views.text(subject(product: product, head: detail.head, visible: visible)),
            product: views.text(product),
            isInternal: isInternal,
            release: detail.head,
            status: status(of: visible, head: detail.head),
            link: link,
            meta: isInternal ? detail.meta : nil,
            withdrawalReason: visible.fields.withdrawalReason.map(views.text),
            introduction: introduction,
            sections: sections,
            nothingToSay: "Nothing to announce: this release lists no \(shape.map { views.text($0.title.lowercased()) }.joined(separator: ", "))."
        )
    }

    /// Whether a body heading names a section: its title, or the name or title of one of
    /// its types, or the start of one of those ("Potential impact" for "Potential impact
    /// on existing systems"), in any case.
    static func heading(_ heading: String, names section: SectionMapping, types: [EntryType] = EntryType.defaults) -> Bool {
        let heading = heading.trimmingCharacters(in: .whitespaces).lowercased()
        let titles = [section.title] + section.types.flatMap { name in [name] + types.filter { $0.name == name }.map(\.title) }
        return titles.map { $0.lowercased() }.contains { title in
            heading == title || (heading.contains(" ") && title.hasPrefix(heading + " "))
        }
    }

    // MARK: - Parts

    /// The entries of a section, in the order of its types, then by component.
    private func items(of mapping: SectionMapping, in entries: [VisibleEntry], labelAll: Bool) throws(DiagnosticsError) -> [AnnouncementItem] {
        let listed = entries.filter { mapping.types.contains($0.type) }
        guard !listed.isEmpty else { return [] }
        // No folding version: announcements do not say which candidate an entry came from.
        let sections = try views.sections(listed, anchors: HeadingSlugs(), folding: nil)
            .sorted { (mapping.types.firstIndex(of: $0.type) ?? 0) < (mapping.types.firstIndex(of: $1.type) ?? 0) }
        var items: [AnnouncementItem] = []
        for section in sections {
            let labelled = labelAll || views.config.announcement.labelled.contains(section.type)
            for group in section.groups {
                for entry in group.entries {
                    items.append(AnnouncementItem(
                        entry: entry,
                        label: labelled ? section.title : nil,
                        body: views.format == .text ? entry.body.map { $0.indentedAsListItem() } : entry.body,
                        hasDetails: entry.component != nil || entry.hasTickets))
                }
            }
        }
        return items
    }

    private func subject(product: String, head: ReleaseSummary, visible: VisibleRelease) -> String {
        let prefix = isInternal ? "Internal: " : ""
        guard !visible.isUnreleased else { return "\(prefix)\(product): changes not yet released" }
        let withdrawn = visible.release?.status == .withdrawn ? " withdrawn" : ""
        return "\(prefix)\(product) \(head.version)\(withdrawn)" + (head.hasTitle ? ": \(head.titleText)" : "")
    }

    /// One sentence on the release's state, instead of badges; none for the Unreleased
    /// notes, whose summary says it.
    private func status(of visible: VisibleRelease, head: ReleaseSummary) -> String? {
        guard let release = visible.release else { return nil }
        let date = head.dateLong.map { " on \($0)" } ?? ""
        switch release.status {
        case .released: return "Released\(date)."
        case .withdrawn: return "Withdrawn: released\(date), then rolled back. Do not install this release."
        case .candidate: return "Release candidate of \(release.version.core), not yet released\(head.dateLong.map { " (dated \($0))" } ?? "")."
        case .planned: return "Planned, not yet released\(head.dateLong.map { " (dated \($0))" } ?? "")."
        }
    }
}

/// The address of a release's published page, and what it is called.
struct AnnouncementLink: Sendable {
    var url: String
    /// "Read these notes online" for the audience's own page, "Customer notes" for the
    /// public page an internal announcement points to.
    var label: String
}
