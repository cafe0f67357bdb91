import RelnotesModel

/// What an importer read from another tool's files, before anything is written: releases
/// with their entries, unreleased entries, and what was passed over and why.
public struct ImportedHistory: Sendable {
    public var releases: [ImportedRelease] = []
    /// Entries not yet released (Keep a Changelog's `[Unreleased]`, pending fragments).
    public var unreleased: [ImportedEntry] = []
    /// What was not imported, each with its reason and place (warnings).
    public var skipped: [Diagnostic] = []

    public init() {}

    /// Adds `release`, or reports it as skipped when its version is there already (build
    /// metadata aside, as SemVer's precedence says).
    mutating func add(_ release: ImportedRelease, at location: SourceLocation) {
        if let earlier = releases.first(where: { $0.version == release.version }) {
            skip("version \(release.version) appears twice (as \(earlier.version.text) before); the first one is imported", at: location)
            return
        }
        releases.append(release)
    }

    mutating func skip(_ reason: String, at location: SourceLocation?) {
        skipped.append(.warning("import-skipped", "skipped: \(reason)", at: location))
    }

    /// The entries of every release and the unreleased ones.
    public var entryCount: Int { releases.map(\.entries.count).reduce(unreleased.count, +) }
}

/// A release found in another tool's history.
public struct ImportedRelease: Sendable {
    public var version: SemanticVersion
    /// `released` or `withdrawn` (a yanked release): what a published history holds.
    public var status: ReleaseStatus
    public var date: String
    /// One line of inline Markdown for listings (a single paragraph under the heading).
    public var summary: String?
    /// Text written under the release's heading before its first section, as Markdown.
    public var body: String = ""
    public var entries: [ImportedEntry] = []
}

/// One change found in another tool's files.
public struct ImportedEntry: Sendable, Equatable {
    public var type: String
    /// Inline Markdown on one line.
    public var title: String
    public var body: String = ""
    public var tickets: [String] = []
    public var component: String?
    /// `external` for entries of a published (released) history; `nil` leaves the
    /// configured default to decide.
    public var audience: String?
}
