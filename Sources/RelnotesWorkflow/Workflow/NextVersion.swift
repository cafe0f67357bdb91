import RelnotesModel

/// `relnotes next-version`: the SemVer bump the unreleased changes call for, from the
/// latest released version: a breaking change → major, a feature or API change → minor,
/// anything else → patch (a withdrawn version counts as released: its number is taken).
/// Unreleased changes are the entries of `unreleased/` and of the
/// drafts above the latest release (the candidates of a version in stabilization), so
/// QA fixes after `1.3.0-rc.1` still call for `1.3.0`.
public struct NextVersion: Sendable {
    public enum Bump: String, Sendable { case major, minor, patch }

    public var version: String
    public var bump: Bump
    public var latest: SemanticVersion?
    /// Why, one line per deciding entry.
    public var reasons: [String]

    /// `nil` when there are no unreleased changes.
    /// With `pre` (`rc`), the next candidate of that version: `1.3.0-rc.3` after `-rc.2`.
    public static func compute(for project: Project, pre: String? = nil) -> NextVersion? {
        guard var next = final(for: project) else { return nil }
        if let pre {
            let core = try? SemanticVersion(parsing: next.version)
            let numbers = project.releases.filter { $0.version.isPrerelease && $0.version.core == core }.compactMap { release -> Int? in
                let identifiers = release.version.value.prereleaseIdentifiers
                guard identifiers.count == 2, identifiers[0] == pre else { return nil }
                return Int(identifiers[1])
            }
            let number = (numbers.max() ?? 0) + 1
            next.reasons.append(numbers.isEmpty ? "first candidate of \(next.version)" : "candidate \(number) of \(next.version), after \(next.version)-\(pre).\(number - 1)")
            next.version += "-\(pre).\(number)"
        }
        return next
    }

    /// The next final version.
    private static func final(for project: Project) -> NextVersion? {
        // A withdrawn version shipped: its number is taken, the next one counts from it.
        let shipped = project.releases.filter { !$0.version.isPrerelease && ($0.status == .released || $0.status == .withdrawn) }.map(\.version)
        let latest = shipped.max()
        let released = Set(shipped)
        // Drafts above the latest release (candidates out, final not) hold changes that
        // are not released either: they count as the unreleased entries do.
        let drafts = project.releases.filter { release in
            let core = release.version.core
            return release.isDraft && !released.contains(core) && (latest.map { core > $0 } ?? true)
        }
        let entries = drafts.flatMap(\.entries) + project.unreleased
        guard !entries.isEmpty else { return nil }
        let breaking = entries.filter(\.breaking)
        let minor = entries.filter { ["feature", "api-change"].contains($0.type) }
        let bump: Bump
        let deciding: [Entry]
        if !breaking.isEmpty {
            (bump, deciding) = (.major, breaking)
        } else if !minor.isEmpty {
            (bump, deciding) = (.minor, minor)
        } else {
            (bump, deciding) = (.patch, entries)
        }
        let version: String
        switch (latest, bump) {
        case (nil, _): version = "1.0.0"
        case let (latest?, .major): version = "\(latest.major + 1).0.0"
        case let (latest?, .minor): version = "\(latest.major).\(latest.minor + 1).0"
        case let (latest?, .patch): version = "\(latest.major).\(latest.minor).\(latest.patch + 1)"
        }
        let cause: String
        switch bump {
        case .major: cause = "breaking change"
        case .minor: cause = "feature or API change"
        case .patch: cause = "fixes and other changes only"
        }
        let from = latest.map { "latest release \($0)" } ?? "no release yet"
        return NextVersion(version: version, bump: bump, latest: latest, reasons: ["\(bump.rawValue) bump (\(cause)) from \(from):"] + deciding.map(reason))
    }

    private static func reason(_ entry: Entry) -> String {
        "\(entry.body.path): \(entry.breaking ? "breaking " : "")\(entry.type): \(entry.fields.title ?? "")"
    }

}
