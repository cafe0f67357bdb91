/// What the theme offers a reader besides the content: search, filters, the way to the
/// neighbouring releases, and what search engines may do with the site.

/// On every page, as `site.reading`.
final class SiteReading: Sendable {
    /// `<meta name="robots" content="noindex">`: the audience is private (`private`).
    let noindex: Bool
    /// The audience's title where it differs from the site's (so a default configuration
    /// does not title its pages "Release notes · Release notes"); `nil` where it is the same.
    let audienceTitle: String?
    /// The search index, from the audience root (`search-index.js`).
    let searchIndex: String
    /// The entry types and components this audience's site shows, to filter the changelog by.
    let types: [FilterLink]
    let components: [FilterLink]
    let hasTypes: Bool
    let hasComponents: Bool
    let hasFilters: Bool

    /// For what is not a page of a site (`relnotes notes`): nothing to offer.
    static let none = SiteReading(noindex: false, audienceTitle: nil, searchIndex: "", types: [], components: [])

    init(noindex: Bool, audienceTitle: String?, searchIndex: String, types: [FilterLink], components: [FilterLink]) {
        self.noindex = noindex
        self.audienceTitle = audienceTitle
        self.searchIndex = searchIndex
        self.types = types
        self.components = components
        hasTypes = !types.isEmpty
        hasComponents = !components.isEmpty
        hasFilters = hasTypes || hasComponents
    }
}

/// A filter of the changelog: `#filter-type-fix` shows only the entries of class `type-fix`
/// (CSS `:target`, no script needed).
final class FilterLink: Sendable {
    /// The target's `id`: `filter-type-fix`, `filter-component-exports`.
    let id: String
    /// The class the filter keeps: `type-fix`, `component-exports`.
    let keeps: String
    let title: String

    init(id: String, keeps: String, title: String) {
        self.id = id
        self.keeps = keeps
        self.title = title
    }
}

/// The previous and next release of a release's line (`1.2.x`), on its page.
final class ReleaseNeighbours: Sendable {
    let line: String
    /// The older release of the line.
    let previous: NeighbourLink?
    /// The newer release of the line.
    let next: NeighbourLink?

    init(line: String, previous: NeighbourLink?, next: NeighbourLink?) {
        self.line = line
        self.previous = previous
        self.next = next
    }
}

final class NeighbourLink: Sendable {
    let version: String
    /// From the audience root: `releases/1.2.1/`.
    let path: String
    let titleText: String?

    init(version: String, path: String, titleText: String?) {
        self.version = version
        self.path = path
        self.titleText = titleText
    }
}
