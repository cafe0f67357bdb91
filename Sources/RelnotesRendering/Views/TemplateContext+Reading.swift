/// The template fields of what the theme offers readers (`ReadingViews`).

extension SiteReading: TemplateContext {
    static let templateFields: TemplateFieldTable<SiteReading> = [
        "noindex": .init({ $0.noindex }, "the audience is private: `<meta name=\"robots\" content=\"noindex\">`"),
        "audienceTitle": .init({ $0.audienceTitle }, "the audience's title where it differs from the site's"),
        "searchIndex": .init({ $0.searchIndex }, "the search index, from the audience root"),
        "types": .init({ $0.types }, "the entry types this audience's site shows, to filter by"),
        "components": .init({ $0.components }, "the components it shows, to filter by"),
        "hasTypes": .init({ $0.hasTypes }, "whether there are types to filter by"),
        "hasComponents": .init({ $0.hasComponents }, "whether there are components to filter by"),
        "hasFilters": .init({ $0.hasFilters }, "whether there is any filter"),
    ]
}

extension FilterLink: TemplateContext {
    static let templateFields: TemplateFieldTable<FilterLink> = [
        "id": .init({ $0.id }, "the target's `id`: `filter-type-fix`"),
        "keeps": .init({ $0.keeps }, "the class it keeps: `type-fix`"),
        "title": .init({ $0.title }, "the link's text"),
    ]
}

extension ReleaseNeighbours: TemplateContext {
    static let templateFields: TemplateFieldTable<ReleaseNeighbours> = [
        "line": .init({ $0.line }, "the release line (`1.2.x`)"),
        "previous": .init({ $0.previous }, "the older release of the line"),
        "next": .init({ $0.next }, "the newer release of the line"),
    ]
}

extension NeighbourLink: TemplateContext {
    static let templateFields: TemplateFieldTable<NeighbourLink> = [
        "version": .init({ $0.version }, "the version"),
        "path": .init({ $0.path }, "from the audience root: `releases/1.2.1/`"),
        "titleText": .init({ $0.titleText }, "its title as plain text"),
    ]
}
