import RelnotesModel

/// The third stage: cuts a project down to what one audience may see.
///
/// Releases, entries and pages are kept only when the audience sees their tag; fields in
/// audience blocks are applied only for audiences that see that block. Bodies are filtered
/// later, by the Markdown renderer, line by line before cmark parses them.
public struct AudienceFilter: Sendable {
    public let project: Project
    public let policy: AudiencePolicy

    /// The candidates of each final version, in project order.
    private let candidatesByCore: [SemanticVersion: [Release]]

    public init(project: Project) {
        self.project = project
        self.policy = AudiencePolicy(project.config)
        candidatesByCore = Dictionary(grouping: project.releases.filter(\.version.isPrerelease), by: \.version.core)
    }

    /// `memo`: what the last filtering of this project (before an edit) made of each
    /// release, to take over what did not change; it is then updated with this filtering.
    public func site(for audience: AudienceDefinition, includeDrafts: Bool, memo: FilterMemo? = nil) -> AudienceSite {
        let viewer = audience.name
        var releases: [VisibleRelease] = []
        if includeDrafts, let unreleased = unreleasedNotes(for: viewer) { releases.append(unreleased) }
        // Each release as `memo` has it, when it and its candidates are those it was made from.
        let earlier = memo?.releases(seenBy: viewer) ?? [:]
        var kept: [SemanticVersion: FilterMemo.Kept] = [:]
        if memo != nil { kept.reserveCapacity(project.releases.count) }
        for release in project.releases where policy.sees(viewer, release.audience) && (includeDrafts || !release.isDraft) {
            let candidates = candidatesByCore[release.version.core] ?? []
            let made: VisibleRelease
            if let before = earlier[release.version], before.source == release, before.candidates == candidates {
                made = before.visible
            } else {
                made = visible(release, candidates: candidates, for: viewer)
            }
            if memo != nil { kept[release.version] = FilterMemo.Kept(source: release, candidates: candidates, visible: made) }
            releases.append(made)
        }
        memo?.keep(kept, seenBy: viewer)
        let latest = releases.compactMap(\.release)
            .filter { $0.status == .released && !$0.version.isPrerelease }
            .map(\.version).max()
        let pages = project.pages.filter { policy.sees(viewer, $0.audience) }.map { page in
            VisiblePage(page, fields: policy.resolve(page.fields, page.overrides, for: viewer), restrictedTo: policy.restriction(of: page.audience.names, for: viewer) ?? [])
        }
        return AudienceSite(audience: audience, includesDrafts: includeDrafts, releases: releases, pages: pages, latest: latest)
    }

    // MARK: - Releases

    /// `all`: the candidates of the release's final version, in project order.
    private func visible(_ release: Release, candidates all: [Release], for viewer: String) -> VisibleRelease {
        let fields = policy.releaseFields(of: release, for: viewer)
        let record = ReleaseRecord(release)
        let restrictedTo = policy.restriction(of: release.audience.names, for: viewer) ?? []
        let own = entries(release.entries, for: viewer)
        let version = release.version
        // Only candidates the viewer sees: an entry inside a hidden release is hidden, and so
        // is that release's version (it must not even be named as the previous candidate).
        let candidates = all
            .filter { $0.version < version }
            .filter { policy.sees(viewer, $0.audience) }
            .sorted { $0.version < $1.version }
        // Known issues resolved by this version or an earlier one are not carried into it.
        let isResolved = { (entry: VisibleEntry) in entry.resolvedIn.map { $0 <= version } ?? false }
        // Entries are large values: the lists are copied only where something is folded in
        // or left out.
        func split(_ all: [VisibleEntry]) -> (kept: [VisibleEntry], resolved: [VisibleEntry]) {
            guard all.contains(where: isResolved) else { return (all, []) }
            return (all.filter { !isResolved($0) }, all.filter(isResolved))
        }
        if !version.isPrerelease {
            let folded = project.config.prereleases == .fold ? candidates.flatMap { entries($0.entries, for: viewer) } : []
            let (kept, resolved) = split(folded.isEmpty ? own : folded + own)
            return VisibleRelease(fields: fields, release: record, restrictedTo: restrictedTo, entries: kept, resolved: resolved)
        }
        // A candidate: everything since the last stable release, and what is new in it.
        let earlier = candidates.flatMap { entries($0.entries, for: viewer) }
        let (kept, resolved) = split(earlier.isEmpty ? own : earlier + own)
        return VisibleRelease(
            fields: fields, release: record, restrictedTo: restrictedTo, entries: kept,
            newEntries: candidates.isEmpty ? nil : split(own).kept, previousCandidate: candidates.last?.version,
            resolved: resolved)
    }

    private func unreleasedNotes(for viewer: String) -> VisibleRelease? {
        let visible = entries(project.unreleased, for: viewer)
        guard !visible.isEmpty else { return nil }
        var fields = ReleaseFields()
        fields.title = "Unreleased"
        fields.summary = "Changes not yet assigned to a release."
        return VisibleRelease(fields: fields, release: nil, entries: visible)
    }

    private func entries(_ entries: [Entry], for viewer: String) -> [VisibleEntry] {
        // In one pass: filtering first would copy every entry it keeps, all its fields.
        var visible: [VisibleEntry] = []
        // By index, each read in place: a loop variable would copy every entry, kept or not.
        for index in entries.indices where policy.sees(viewer, entries[index].audience) {
            visible.append(VisibleEntry(entries[index], fields: policy.resolve(entries[index].fields, entries[index].overrides, for: viewer), restrictedTo: policy.restriction(of: entries[index].audience.names, for: viewer) ?? []))
        }
        return visible
    }
}
