import RelnotesModel

/// Warnings about the state of the release cycle: what a release manager has to settle
/// before, or should have settled when, a version shipped.
package enum ReleaseCycleRules {
    package static func check(_ project: Project) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for release in project.releases {
            diagnostics += pendingSignOffs(release)
            diagnostics += resolvedTooEarly(release)
        }
        diagnostics += unresolvedKnownIssues(project)
        return diagnostics
    }

    /// A released version whose sign-offs are still `pending`.
    private static func pendingSignOffs(_ release: Release) -> [Diagnostic] {
        let pending = release.pendingSignOffs
        guard release.status == .released, !pending.isEmpty else { return [] }
        let location = release.overrides.last { $0.fields.signOff != nil }?.location ?? release.keys["sign_off"]
        return [.warning("pending-sign-off", "\(release.version) is released, but its sign-off is pending for \(pending.joined(separator: ", ")); record the sign-off or explain it in the release body", at: location)]
    }

    /// `resolved_in` at or before the entry's own release would hide it everywhere.
    private static func resolvedTooEarly(_ release: Release) -> [Diagnostic] {
        release.entries.compactMap { entry in
            guard let resolved = entry.resolvedIn, resolved <= release.version else { return nil }
            return .error("resolved-too-early", "'resolved_in: \(resolved)' is not after this entry's release \(release.version), so no release would show it; name the version that fixes it", at: entry.keys["resolved_in"])
        }
    }

    /// A candidate's known issue that its final release, not yet shipped, would take in
    /// (`prereleases: fold`) without a `resolved_in` at or below that release. Once the
    /// release has shipped, carrying it was a decision, and `check` says nothing.
    private static func unresolvedKnownIssues(_ project: Project) -> [Diagnostic] {
        project.releases.filter { !$0.version.isPrerelease && $0.isDraft }.flatMap { final in
            carriedKnownIssues(into: final.version, in: project).map { entry, candidate in
                .warning(
                    "known-issue-carried",
                    "known issue '\(entry.fields.title ?? entry.id)' of \(candidate) is carried into \(final.version) unresolved; add 'resolved_in: \(final.version)' if \(final.version) fixes it, or leave it to be listed as a known issue of \(final.version)",
                    at: entry.keys["type"])
            }
        }
    }

    /// The known issues of `final`'s candidates that it takes in unresolved.
    package static func carriedKnownIssues(into final: SemanticVersion, in project: Project) -> [(entry: Entry, candidate: SemanticVersion)] {
        guard project.config.prereleases == .fold else { return [] }
        return project.releases.filter { $0.version.isPrerelease && $0.version.core == final }.flatMap { candidate in
            candidate.entries.filter { $0.type == "known-issue" && !($0.resolvedIn.map { $0 <= final } ?? false) }.map { ($0, candidate.version) }
        }
    }
}
