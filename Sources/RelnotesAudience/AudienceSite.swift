import RelnotesModel

/// Everything one audience may see, before rendering: the third stage's output.
/// Nothing outside it is ever handed to a template.
///
/// It holds resolved values only: each field is the one this audience receives, with
/// the audience blocks it sees applied and the others gone, and each label is the one
/// `AudiencePolicy` gave. No path leads from it back to the project's unfiltered content
/// (another audience's block, a hidden entry of a release).
public struct AudienceSite: Sendable, Equatable, ResolvedValue {
    public var audience: AudienceDefinition
    public var includesDrafts: Bool
    /// Releases newest first; the Unreleased notes first of all when drafts are included.
    public var releases: [VisibleRelease]
    public var pages: [VisiblePage]
    /// The newest released (not withdrawn, not pre-release) version this audience sees.
    public var latest: SemanticVersion?
}

/// A release as one audience sees it.
public struct VisibleRelease: Sendable, Equatable, ResolvedValue {
    /// Fields after this audience's blocks were applied.
    public var fields: ReleaseFields
    /// The record's own values; `nil` for the Unreleased notes.
    public var release: ReleaseRecord?
    /// Audiences named by the release when some audience this one sees may not see it
    /// (for labelling internal-only material in the internal view); empty otherwise.
    public var restrictedTo: [String] = []
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

/// What of a release record every audience that sees the release receives alike: the
/// values no audience block can change.
public struct ReleaseRecord: Sendable, Equatable, ResolvedValue {
    public var version: SemanticVersion
    public var status: ReleaseStatus
    /// `YYYY-MM-DD`, as written.
    public var date: String?
    /// Highlights, unfiltered: the Markdown renderer filters them for the audience.
    public var body: MarkdownSource
    /// Where each front-matter key was written (positions only, for checks).
    public var keys: KeyLocations

    init(_ release: Release) {
        version = release.version
        status = release.status
        date = release.date
        body = release.body
        keys = release.keys
    }

    /// Planned and candidate releases are drafts: built only with `--drafts`.
    public var isDraft: Bool { status == .planned || status == .candidate }
}

/// An entry as one audience sees it.
public struct VisibleEntry: Sendable, Equatable, ResolvedValue {
    /// The entry's identifier (`1.2.0/REL-117`).
    public var id: String
    /// The configured type's name (`fix`).
    public var type: String
    public var breaking: Bool
    /// Fields after this audience's blocks were applied.
    public var fields: EntryFields
    /// The description, unfiltered: the Markdown renderer filters it for the audience.
    public var body: MarkdownSource
    /// Where each front-matter key was written (positions only, for checks).
    public var keys: KeyLocations
    /// The folder the entry was written in: a version, or `nil` for `unreleased/`.
    public var folder: SemanticVersion?
    /// `resolved_in`: the version that fixed this known issue.
    public var resolvedIn: SemanticVersion?
    /// Audiences named by the entry when some audience this one sees may not see it
    /// (for labelling internal-only material in the internal view); empty otherwise.
    public var restrictedTo: [String]

    init(_ entry: Entry, fields: EntryFields, restrictedTo: [String]) {
        id = entry.id
        type = entry.type
        breaking = entry.breaking
        self.fields = fields
        body = entry.body
        keys = entry.keys
        folder = entry.folder
        resolvedIn = entry.resolvedIn
        self.restrictedTo = restrictedTo
    }
}

/// A page as one audience sees it.
public struct VisiblePage: Sendable, Equatable, ResolvedValue {
    /// The URL segment, `pages/<slug>/`.
    public var slug: String
    /// Fields after this audience's blocks were applied.
    public var fields: PageFields
    /// The text, unfiltered: the Markdown renderer filters it for the audience.
    public var body: MarkdownSource
    /// Where each front-matter key was written (positions only, for checks).
    public var keys: KeyLocations
    public var restrictedTo: [String]

    init(_ page: Page, fields: PageFields, restrictedTo: [String]) {
        slug = page.slug
        self.fields = fields
        body = page.body
        keys = page.keys
        self.restrictedTo = restrictedTo
    }
}

/// The values of an audience's site, and the field groups in them, as opposed to the
/// values of single fields (a sign-off): what `SensitivePatterns` walks through, field by
/// field, to search every text the site holds.
package protocol ResolvedValue {}

extension ReleaseFields: ResolvedValue {}
extension EntryFields: ResolvedValue {}
extension PageFields: ResolvedValue {}
