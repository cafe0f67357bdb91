/// A release record, `content/releases/<version>/release.md`, with its changelog entries.
public struct Release: Sendable, Hashable {
    public var version: SemanticVersion
    public var status: ReleaseStatus
    /// `YYYY-MM-DD`, printed as written (no time zones involved).
    public var date: String?
    public var audience: AudienceTag
    public var fields: ReleaseFields
    public var overrides: [AudienceOverride<ReleaseFields>]
    /// Highlights; audience containers mark parts of it.
    public var body: MarkdownSource
    /// The entries of this release's own folder, in file-name order.
    public var entries: [Entry]
    public var keys: KeyLocations

    package init(version: SemanticVersion, status: ReleaseStatus, date: String?, audience: AudienceTag, fields: ReleaseFields, overrides: [AudienceOverride<ReleaseFields>], body: MarkdownSource, entries: [Entry], keys: KeyLocations) {
        self.version = version
        self.status = status
        self.date = date
        self.audience = audience
        self.fields = fields
        self.overrides = overrides
        self.body = body
        self.entries = entries
        self.keys = keys
    }

    /// Planned and candidate releases are drafts: built only with `--drafts`.
    public var isDraft: Bool { status == .planned || status == .candidate }
}

public enum ReleaseStatus: String, Sendable, CaseIterable {
    case planned, candidate, released, withdrawn
}

/// The descriptive fields of a release record; any of them may be given per audience.
/// Declared in `ContentSchema.release`, which reads and merges them.
public struct ReleaseFields: Sendable, Hashable {
    public var title: String?
    public var summary: String?
    public var releaseManager: String?
    public var branch: String?
    public var signOff: [SignOff]?
    /// A team's own fields (`extra:`).
    public var extra: CustomFields?
    /// Why a withdrawn release was rolled back (`relnotes withdraw --reason`); written
    /// into the block of the default audience, so only trusted audiences receive it.
    public var withdrawalReason: String?

    public init() {}
}

/// One team's sign-off state (`engineering: yes`), as written.
public struct SignOff: Sendable, Hashable {
    public var team: String
    public var state: String

    public init(team: String, state: String) {
        self.team = team
        self.state = state
    }
}
