/// The template fields of what the theme offers readers (`ReadingViews`).

extension SiteReading: TemplateContext {
    static let templateFields: [String: TemplateField<SiteReading>] = [
        "noindex": .init(\SiteReading.noindex),
        "audienceTitle": .init(\SiteReading.audienceTitle),
        "searchIndex": .init(\SiteReading.searchIndex),
        "types": .init(\SiteReading.types),
        "components": .init(\SiteReading.components),
        "hasTypes": .init(\SiteReading.hasTypes),
        "hasComponents": .init(\SiteReading.hasComponents),
        "hasFilters": .init(\SiteReading.hasFilters),
    ]
}

extension FilterLink: TemplateContext {
    static let templateFields: [String: TemplateField<FilterLink>] = [
        "id": .init(\FilterLink.id),
        "keeps": .init(\FilterLink.keeps),
        "title": .init(\FilterLink.title),
    ]
}

extension ReleaseNeighbours: TemplateContext {
    static let templateFields: [String: TemplateField<ReleaseNeighbours>] = [
        "line": .init(\ReleaseNeighbours.line),
        "previous": .init(\ReleaseNeighbours.previous),
        "next": .init(\ReleaseNeighbours.next),
    ]
}

extension NeighbourLink: TemplateContext {
    static let templateFields: [String: TemplateField<NeighbourLink>] = [
        "version": .init(\NeighbourLink.version),
        "path": .init(\NeighbourLink.path),
        "titleText": .init(\NeighbourLink.titleText),
    ]
}
