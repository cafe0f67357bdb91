import RelnotesAudience
import RelnotesModel

/// What an audience's site offers its readers besides the content (`ReadingViews`).
extension AudienceRenderer {
    /// The older and newer release of the same line, as this audience's site lists them
    /// (newest first, a line's releases side by side); `nil` for the Unreleased notes.
    func neighbours(of number: Int) -> ReleaseNeighbours? {
        guard let line = site.releases[number].release?.version.line else { return nil }
        func link(_ index: Int) -> NeighbourLink? {
            guard site.releases.indices.contains(index), let release = site.releases[index].release, release.version.line == line else { return nil }
            let visible = site.releases[index]
            return NeighbourLink(version: visible.versionText, path: "releases/\(visible.versionText)/", titleText: visible.fields.title.map { bodies.plain($0) })
        }
        let neighbours = ReleaseNeighbours(line: line, previous: link(number + 1), next: link(number - 1))
        return neighbours.previous == nil && neighbours.next == nil ? nil : neighbours
    }

    /// The release dates of the release pages, for `sitemap.xml`'s `lastmod`.
    var sitemapDates: [String: String] {
        var dates: [String: String] = [:]
        for visible in site.releases { if let date = visible.release?.date { dates["releases/\(visible.versionText)/index.html"] = date } }
        return dates
    }

    /// `site.reading`: the filters are the types and components of the entries this
    /// audience sees (already cut down to it), in configured and alphabetical order.
    static func reading(_ site: AudienceSite, config: SiteConfig, bodies: BodyRenderer) -> SiteReading {
        var types = Set<String>(), components = Set<String>()
        // By index: the entries lent in place, not copied out one by one.
        for release in site.releases.indices {
            for entry in site.releases[release].entries.indices {
                types.insert(site.releases[release].entries[entry].type)
                if let component = site.releases[release].entries[entry].fields.component { components.insert(component) }
            }
        }
        var slugs = Set<String>()
        let componentLinks = components.sorted().compactMap { component -> FilterLink? in
            let slug = ComponentGroup.slug(component)
            guard slugs.insert(slug).inserted else { return nil }
            return FilterLink(id: "filter-component-\(slug)", keeps: "component-\(slug)", title: component)
        }
        return SiteReading(
            noindex: config.isPrivate(site.audience),
            audienceTitle: site.audience.title == config.title ? nil : site.audience.title,
            searchIndex: SearchIndex.fileName,
            types: config.types.filter { types.contains($0.name) }.map { FilterLink(id: "filter-type-\($0.name)", keeps: "type-\($0.name)", title: $0.title) },
            components: componentLinks)
    }
}
