import RelnotesModel

/// `CHANGELOG.md` in Keep a Changelog 1.1.0's exact form: `## [1.2.0] - 2026-03-10`,
/// `## [1.2.1] - 2026-03-24 [YANKED]` for a withdrawn release, `## [Unreleased]`, the
/// six section names (`changelog.sections` maps entry types to them), and link
/// references at the bottom when `changelog.compare_url` is configured.
struct KeepAChangelogBuilder {
    let config: ChangelogConfig

    /// `details` newest first, as the changelog lists them (the Unreleased notes first).
    func build(_ details: [ReleaseDetail]) -> KeepAChangelogView {
        let releases = details.map { detail in
            let head = detail.head
            let sections = config.sections.compactMap { mapping -> KeepAChangelogSection? in
                let types = mapping.types.compactMap { type in detail.sections.first { $0.type == type } }
                return types.isEmpty ? nil : KeepAChangelogSection(title: mapping.title, types: types)
            }
            return KeepAChangelogRelease(
                label: head.isUnreleased ? "Unreleased" : head.version,
                date: head.isUnreleased ? nil : head.date,
                isYanked: head.isWithdrawn,
                sections: sections)
        }
        let links = self.links(releases)
        return KeepAChangelogView(releases: releases, links: links, hasLinks: !links.isEmpty)
    }

    /// One reference per version: compared with the next older version listed, the
    /// oldest by its tag, `[Unreleased]` from the latest version listed.
    private func links(_ releases: [KeepAChangelogRelease]) -> [ChangelogLink] {
        guard let compare = config.compareURL else { return [] }
        let versions = releases.filter { $0.label != "Unreleased" }.map(\.label)
        var links: [ChangelogLink] = []
        if releases.first?.label == "Unreleased", let latest = versions.first, let url = config.unreleasedURL {
            links.append(ChangelogLink(label: "Unreleased", url: url.replacing("{latest}", with: latest)))
        }
        for (index, version) in versions.enumerated() {
            if index + 1 < versions.count {
                links.append(ChangelogLink(label: version, url: compare.replacing("{previous}", with: versions[index + 1]).replacing("{version}", with: version)))
            } else if let tag = config.tagURL {
                links.append(ChangelogLink(label: version, url: tag.replacing("{version}", with: version)))
            }
        }
        return links
    }
}

/// The context of `changelog.md`.
struct KeepAChangelogView: Sendable {
    var releases: [KeepAChangelogRelease]
    /// Link references (`[1.2.0]: https://…`), for the bottom of the file.
    var links: [ChangelogLink]
    var hasLinks: Bool
}

struct KeepAChangelogRelease: Sendable {
    /// The version, or `Unreleased`.
    var label: String
    var date: String?
    /// Withdrawn: Keep a Changelog's `[YANKED]`.
    var isYanked: Bool
    var sections: [KeepAChangelogSection]
}

/// `### Added` and the entries of the types mapped to it, type by type.
struct KeepAChangelogSection: Sendable {
    var title: String
    var types: [EntrySection]
}

struct ChangelogLink: Sendable {
    var label: String
    var url: String
}
