/// `relnotes next-version`: the SemVer bump the unreleased entries call for, from the
/// latest released version: a breaking change → major, a feature or API change → minor,
/// anything else → patch.
public struct NextVersion: Sendable {
    public enum Bump: String, Sendable { case major, minor, patch }

    public var version: String
    public var bump: Bump
    public var latest: SemanticVersion?
    /// Why, one line per deciding entry.
    public var reasons: [String]

    /// `nil` when `unreleased/` holds no entries.
    public static func compute(for project: Project) -> NextVersion? {
        let entries = project.unreleased
        guard !entries.isEmpty else { return nil }
        let latest = project.releases.filter { $0.status == .released && !$0.version.isPrerelease }.map(\.version).max()
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
        let reasons = deciding.map { entry in
            "\(entry.body.path): \(entry.breaking ? "breaking " : "")\(entry.type): \(entry.fields.title ?? "")"
        }
        let from = latest.map { "latest release \($0)" } ?? "no release yet"
        return NextVersion(version: version, bump: bump, latest: latest, reasons: ["\(bump.rawValue) bump (\(cause)) from \(from):"] + reasons)
    }
}
