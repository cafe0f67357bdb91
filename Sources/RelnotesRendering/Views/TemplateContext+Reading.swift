/// The template fields of what the theme offers readers (`ReadingViews`).

extension SiteReading: TemplateContext {
    static let templateFields: [String: TemplateField<SiteReading>] = [
        "noindex": .init(\SiteReading.noindex, "the audience is private: `<meta name=\"robots\" content=\"noindex\">`"),
        "audienceTitle": .init(\SiteReading.audienceTitle, "the audience's title where it differs from the site's"),
        "searchIndex": .init(\SiteReading.searchIndex, "the search index, from the audience root"),
        "types": .init(\SiteReading.types, "the entry types this audience's site shows, to filter by"),
        "components": .init(\SiteReading.components, "the components it shows, to filter by"),
        "hasTypes": .init(\SiteReading.hasTypes, "whether there are types to filter by"),
        "hasComponents": .init(\SiteReading.hasComponents, "whether there are components to filter by"),
        "hasFilters": .init(\SiteReading.hasFilters, "whether there is any filter"),
    ]
}

extension FilterLink: TemplateContext {
    static let templateFields: [String: TemplateField<FilterLink>] = [
        "id": .init(\FilterLink.id, "the target's `id`: `filter-type-fix`"),
        "keeps": .init(\FilterLink.keeps, "the class it keeps: `type-fix`"),
        "title": .init(\FilterLink.title, "the link's text"),
    ]
}

extension ReleaseNeighbours: TemplateContext {
    static let templateFields: [String: TemplateField<ReleaseNeighbours>] = [
        "line": .init(\ReleaseNeighbours.line, "the release line (`1.2.x`)"),
        "previous": .init(\ReleaseNeighbours.previous, "the older release of the line"),
        "next": .init(\ReleaseNeighbours.next, "the newer release of the line"),
    ]
}

extension NeighbourLink: TemplateContext {
    static let templateFields: [String: TemplateField<NeighbourLink>] = [
        "version": .init(\NeighbourLink.version, "the version"),
        "path": .init(\NeighbourLink.path, "from the audience root: `releases/1.2.1/`"),
        "titleText": .init(\NeighbourLink.titleText, "its title as plain text"),
    ]
}
