import RelnotesModel

/// Everything one audience may see, before rendering: the third stage's output.
/// Nothing outside it is ever handed to a template.
public struct AudienceSite: Sendable {
    public var audience: AudienceDefinition
    public var includesDrafts: Bool
    /// Releases newest first; the Unreleased notes first of all when drafts are included.
    public var releases: [VisibleRelease]
    public var pages: [VisiblePage]
    /// The newest released (not withdrawn, not pre-release) version this audience sees.
    public var latest: SemanticVersion?
}

/// A release as one audience sees it.
public struct VisibleRelease: Sendable {
    /// `nil` for the Unreleased notes.
    public var release: Release?
    /// Fields after this audience's blocks were applied.
    public var fields: ReleaseFields
    /// The release's notes: its own entries, with its candidates' folded in (`prereleases: fold`).
    public var entries: [VisibleEntry]
    /// For a candidate after the first: only the entries new since the previous candidate.
    public var newEntries: [VisibleEntry]?
    /// The candidate the new entries are counted from.
    public var previousCandidate: SemanticVersion?
    /// Entries of its candidates (or its own) left out because they were resolved by this
    /// version or an earlier one (`resolved_in`), for `announce` to say so.
    public var resolved: [VisibleEntry] = []

    public var isUnreleased: Bool { release == nil }
    public var versionText: String { release?.version.text ?? "unreleased" }
    public var isDraft: Bool { release?.isDraft ?? true }
}

/// An entry as one audience sees it.
public struct VisibleEntry: Sendable {
    public var entry: Entry
    public var fields: EntryFields
    /// Audiences named by the entry when some audience this one sees may not see it
    /// (for labelling internal-only material in the internal view); empty otherwise.
    public var restrictedTo: [String]
}

public struct VisiblePage: Sendable {
    public var page: Page
    public var fields: PageFields
    public var restrictedTo: [String]
}
