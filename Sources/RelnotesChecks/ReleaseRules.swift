import RelnotesModel

/// The release rules `check` enforces beyond the shape of each file (SPEC: Errors). That a
/// released release has a date is checked by `ReleaseLoader`, which knows whether one was
/// written at all.
package enum ReleaseRules {
    package static func check(_ project: Project) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let stable = project.releases.filter { $0.status == .released && !$0.version.isPrerelease }.map(\.version).sorted()
        for release in project.releases {
            diagnostics += candidateRule(release)
            diagnostics += entryRules(release, stable: stable)
        }
        return diagnostics
    }

    /// A pre-release version is a candidate: it should say so.
    private static func candidateRule(_ release: Release) -> [Diagnostic] {
        guard release.version.isPrerelease, release.status == .released else { return [] }
        return [.warning("prerelease-status", "version '\(release.version)' is a pre-release; its status should be 'candidate'", at: release.keys["status"])]
    }

    /// `stable`: the released stable versions, in ascending order.
    private static func entryRules(_ release: Release, stable: [SemanticVersion]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let version = release.version
        let core = version.core
        let below = stable.partitionIndex { !($0 < core) }
        let previous = below > 0 ? stable[below - 1] : nil
        let majorBump = previous.map { version.major > $0.major } ?? true
        // Each entry's fields read where it lies: a `for … in` loop would copy every entry
        // out of the array, all its fields, to look at two of them.
        let entries = release.entries
        for index in entries.indices {
            if entries[index].breaking && !majorBump && version.major > 0 {
                diagnostics.append(.error(
                    "breaking-without-major",
                    "a breaking change needs a major release, but \(version) follows \(previous?.text ?? "no release") in the same major version; release it as \(nextMajor(after: previous)) or drop 'breaking'",
                    at: entries[index].keys["breaking"]))
            }
            if entries[index].type == "feature" && version.patch > 0 {
                diagnostics.append(.warning(
                    "feature-in-patch",
                    "a feature in patch release \(version); features belong in a minor release",
                    at: entries[index].keys["type"]))
            }
        }
        return diagnostics
    }

    private static func nextMajor(after version: SemanticVersion?) -> String {
        guard let version else { return "1.0.0" }
        return "\(version.major + 1).0.0"
    }
}
