import RelnotesModel

/// The context of each template. Every page template gets `site`; the rest is its own.
struct IndexPage: Sendable {
    var site: SiteInfo
    var lines: [LineGroup]
    var latest: ReleaseSummary?
}

struct ReleasePage: Sendable {
    var site: SiteInfo
    /// The neighbouring releases of its line; `nil` in notes and the feed.
    var neighbours: ReleaseNeighbours? = nil
    var release: ReleaseDetail
}

struct ChangelogPage: Sendable {
    var site: SiteInfo
    var releases: [ReleaseDetail]
    var pagination: Pagination?
}

struct Pagination: Sendable {
    var page: Int
    var pages: Int
    var previous: String?
    var next: String?
}

struct ContentPage: Sendable {
    var site: SiteInfo
    var title: String
    var titleText: String
    var body: String
    var toc: [TocItem]
    var hasToc: Bool
    var restrictedTo: String?
    /// The page's own fields (`extra:`) as this audience sees them.
    var extra: CustomFields? = nil
    /// The schema's fields no property above shows (`SchemaFieldValues`).
    var schemaValues: SchemaFieldValues = .none
}

struct TocItem: Sendable {
    var level: Int
    var text: String
    var id: String
}
