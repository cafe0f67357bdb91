/// A changelog entry: one change, one file.
public struct Entry: Sendable, Hashable {
    /// Stable identifier: the release folder and file name without `.md` (`1.2.0/REL-117`).
    public var id: String
    /// The configured type's name (`fix`).
    public var type: String
    public var audience: AudienceTag
    public var breaking: Bool
    public var fields: EntryFields
    public var overrides: [AudienceOverride<EntryFields>]
    public var body: MarkdownSource
    public var keys: KeyLocations
    /// The folder the entry was written in: a version, or `nil` for `unreleased/`.
    public var folder: SemanticVersion?
    /// `resolved_in`: the version that fixed this known issue; the entry is left out of
    /// that release and every later one that would fold it in.
    public var resolvedIn: SemanticVersion? = nil

    package init(id: String, type: String, audience: AudienceTag, breaking: Bool, fields: EntryFields, overrides: [AudienceOverride<EntryFields>], body: MarkdownSource, keys: KeyLocations, folder: SemanticVersion?, resolvedIn: SemanticVersion? = nil) {
        self.id = id
        self.type = type
        self.audience = audience
        self.breaking = breaking
        self.fields = fields
        self.overrides = overrides
        self.body = body
        self.keys = keys
        self.folder = folder
        self.resolvedIn = resolvedIn
    }
}

/// Fields of an entry that may be given per audience; declared in `ContentSchema.entry`.
public struct EntryFields: Sendable, Hashable {
    /// Inline Markdown.
    public var title: String?
    public var component: String?
    public var tickets: [String]?
    /// A team's own fields (`extra:`).
    public var extra: CustomFields?

    public init() {}
}
