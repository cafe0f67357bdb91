/// A free-standing page, `content/pages/<name>.md`, listed in the site navigation.
public struct Page: Sendable, Hashable {
    /// The URL segment, `pages/<slug>/`: the `slug` key or the file name.
    public var slug: String
    public var audience: AudienceTag
    public var fields: PageFields
    public var overrides: [AudienceOverride<PageFields>]
    public var body: MarkdownSource
    public var keys: KeyLocations

    package init(slug: String, audience: AudienceTag, fields: PageFields, overrides: [AudienceOverride<PageFields>], body: MarkdownSource, keys: KeyLocations) {
        self.slug = slug
        self.audience = audience
        self.fields = fields
        self.overrides = overrides
        self.body = body
        self.keys = keys
    }
}

/// Fields of a page that may be given per audience; declared in `ContentSchema.page`.
public struct PageFields: Sendable, Hashable {
    public var title: String?
    /// A team's own fields (`extra:`).
    public var extra: CustomFields?

    public init() {}
}
