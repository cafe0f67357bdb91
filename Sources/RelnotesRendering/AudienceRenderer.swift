import Foundation
import Synchronization
import RelnotesAudience
import RelnotesModel

/// The fourth stage: one audience's site under `<audience>/`, as a listing of its files,
/// each rendered when asked for.
///
/// A build renders the whole listing, side by side on every core; the preview renders a
/// page when a browser asks for it. Either way a release's views (every body in it rendered
/// for the audience) are made once and shared by its page, its notes, the changelog, the
/// feed and `releases.json`, so both give the same bytes.
package final class AudienceRenderer: Sendable {
    /// Where the preview server serves its live-reload script (`Site.liveReloadPath`).
    package static let liveReloadPath = "/_relnotes/live-reload.js"

    package let site: AudienceSite
    let config: SiteConfig
    let theme: Theme
    let bodies: BodyRenderer
    /// The files of the site in listing order, by path under the audience's folder.
    package let listing: [(path: String, file: File)]

    private let html: ViewBuilder
    private let markdown: ViewBuilder
    private let info: SiteInfo
    private let details: [Memo<ReleaseDetail>]
    private let notes: [Memo<ReleaseDetail>]
    private let index: [String: File]
    /// The releases the feed shows (the latest released ones), by number.
    private let feedReleases: [Int]

    /// What a file of the listing is.
    package enum File: Sendable, Hashable {
        case index, release(Int), notes(Int), changelog(page: Int), changelogMarkdown, page(Int), feed, json, searchIndex, sitemap, asset(String)
    }

    /// `previewAudiences`: the audiences to offer in the preview banner; `nil` outside
    /// `relnotes preview`.
    package init(site: AudienceSite, config: SiteConfig, theme: Theme, bodies: BodyRenderer, previewAudiences: [AudienceDefinition]? = nil) {
        self.site = site
        self.config = config
        self.theme = theme
        self.bodies = bodies
        html = ViewBuilder(site: site, config: config, bodies: bodies, format: .html)
        markdown = ViewBuilder(site: site, config: config, bodies: bodies, format: .markdown)
        info = Self.siteInfo(site, config: config, bodies: bodies, previewAudiences: previewAudiences)
        details = site.releases.map { _ in Memo() }
        notes = site.releases.map { _ in Memo() }
        let siteURL = config.siteURL(of: site.audience)
        feedReleases = siteURL == nil ? [] : Array(site.releases.indices.filter { site.releases[$0].release?.status == .released }.prefix(config.feedSize))

        var listing: [(path: String, file: File)] = [("index.html", .index)]
        for (number, release) in site.releases.enumerated() {
            let path = "releases/\(release.versionText)/"
            listing += [(path + "index.html", .release(number)), (path + "notes.md", .notes(number))]
        }
        for page in 0..<Self.changelogPageCount(site.releases.count, size: config.changelogPageSize) {
            listing.append((page == 0 ? "changelog/index.html" : "changelog/\(page + 1)/index.html", .changelog(page: page)))
        }
        listing.append(("CHANGELOG.md", .changelogMarkdown))
        for (number, visible) in site.pages.enumerated() {
            listing.append(("pages/\(visible.slug)/index.html", .page(number)))
        }
        if siteURL != nil { listing.append(("feed.xml", .feed)) }
        listing.append(("releases.json", .json))
        listing.append((SearchIndex.fileName, .searchIndex))
        if siteURL != nil && !config.isPrivate(site.audience) { listing.append(("sitemap.xml", .sitemap)) }
        for name in theme.assets.keys.sorted() { listing.append((name, .asset(name))) }
        self.listing = listing
        index = Dictionary(listing.map { ($0.path, $0.file) }, uniquingKeysWith: { first, _ in first })
    }

    /// The audience's folder under the output folder (`audiences.<name>.path`).
    var folder: String { site.audience.path }

    /// Renders every file of the listing, handing each to `emit` with its place in the
    /// listing as soon as it is made, from any thread.
    ///
    /// With `stream`, `releases.json` (tens of megabytes on a long history) is handed over
    /// piece by piece instead (`stream(path, produce)`), never held whole.
    package func renderAll(emit: @Sendable (Int, OutputFile) throws(DiagnosticsError) -> Void, stream: StreamWriter? = nil) throws(DiagnosticsError) {
        // Every release's views first, side by side: the changelog, the feed and
        // releases.json each need many of them, and would otherwise make them one by one.
        _ = try Concurrent.map(Array(site.releases.indices)) { (number) throws(DiagnosticsError) in
            _ = try self.htmlDetail(number)
            _ = try self.markdownDetail(number)
        }
        // The largest single files (releases.json, the feed) start first, not last.
        let order = listing.indices.sorted { (isLarge(listing[$0].file) ? 0 : 1, $0) < (isLarge(listing[$1].file) ? 0 : 1, $1) }
        _ = try Concurrent.map(order, oneByOne: true) { (number) throws(DiagnosticsError) in
            let (path, file) = self.listing[number]
            if file == .json, let stream {
                try stream(SiteConfig.outputPath(path, in: self.folder)) { (write) throws(DiagnosticsError) in
                    try ReleasesJSONBuilder(views: self.html).encode(try self.jsonReleases(), writingTo: write)
                }
            } else if let output = try self.render(file) {
                try emit(number, output)
            }
        }
    }

    /// What the file at `path` (under the audience's folder) is, `nil` when the site has none.
    package func file(at path: String) -> File? { index[path] }

    /// A file of the listing (`nil` only for a feed that cannot be built).
    package func render(_ file: File) throws(DiagnosticsError) -> OutputFile? {
        switch file {
        case .index:
            let heads = site.releases.map(html.summary(of:))
            return page("index.html", "index", IndexPage(site: info.at(depth: 0, current: ""), lines: html.lines(heads), latest: heads.first { $0.isLatest }))
        case .release(let number):
            let detail = try htmlDetail(number)
            return page(detail.head.path + "index.html", "release", ReleasePage(site: info.at(depth: 2, current: detail.head.path), neighbours: neighbours(of: number), release: detail))
        case .notes(let number):
            let note = try markdownDetail(number)
            return page(note.head.path + "notes.md", "notes.md", ReleasePage(site: info.at(depth: 2, current: note.head.path), release: note))
        case .changelog(let number):
            return try changelogPage(number)
        case .changelogMarkdown:
            let all = try site.releases.indices.map { (number) throws(DiagnosticsError) in try markdownDetail(number) }
            return page("CHANGELOG.md", "changelog.md", KeepAChangelogBuilder(config: config.changelog).build(all))
        case .page(let number):
            let visible = site.pages[number]
            let path = "pages/\(visible.slug)/"
            return page(path + "index.html", "page", try html.page(visible, site: info.at(depth: 2, current: path)))
        case .feed:
            // Only the releases the feed can show (the latest released ones) need their views.
            let releases = try feedReleases.map { (number) throws(DiagnosticsError) in (site.releases[number], try htmlDetail(number)) }
            let feed = FeedBuilder(config: config, audience: site.audience, theme: theme).build(releases)
            return feed.map { page("feed.xml", "feed.xml", $0) }
        case .json:
            return OutputFile(path: SiteConfig.outputPath("releases.json", in: folder), contents: try ReleasesJSONBuilder(views: html).encode(try jsonReleases()))
        case .searchIndex:
            return OutputFile(path: SiteConfig.outputPath(SearchIndex.fileName, in: folder), text: SearchIndex(bodies: bodies, audience: site.audience.name).encode(try jsonReleases()))
        case .sitemap:
            return OutputFile(path: SiteConfig.outputPath("sitemap.xml", in: folder), text: Sitemap.build(listing: listing.map(\.path), siteURL: config.siteURL(of: site.audience) ?? "", dates: sitemapDates))
        case .asset(let name):
            return OutputFile(path: SiteConfig.outputPath(name, in: folder), contents: theme.assets[name] ?? Data())
        }
    }

    // MARK: - Views, made once

    func htmlDetail(_ number: Int) throws(DiagnosticsError) -> ReleaseDetail {
        try details[number].value { () throws(DiagnosticsError) in
            let detail = try html.detail(of: site.releases[number])
            theme.prepareReuse(detail)
            return detail
        }
    }

    private func markdownDetail(_ number: Int) throws(DiagnosticsError) -> ReleaseDetail {
        try notes[number].value { () throws(DiagnosticsError) in try markdown.detail(of: site.releases[number]) }
    }

    private func jsonReleases() throws(DiagnosticsError) -> [(visible: VisibleRelease, detail: ReleaseDetail)] {
        try site.releases.indices.map { (number) throws(DiagnosticsError) in (site.releases[number], try htmlDetail(number)) }
    }

    private func isLarge(_ file: File) -> Bool { file == .json || file == .feed || file == .changelogMarkdown || file == .searchIndex }

    // MARK: - Pieces

    private func page(_ path: String, _ template: String, _ context: Any) -> OutputFile {
        OutputFile(path: SiteConfig.outputPath(path, in: folder), text: theme.render(template, context))
    }

    private static func changelogPageCount(_ releases: Int, size: Int) -> Int {
        (max(releases, 1) + size - 1) / size
    }

    private func changelogPage(_ index: Int) throws(DiagnosticsError) -> OutputFile {
        let size = config.changelogPageSize
        let pages = Self.changelogPageCount(site.releases.count, size: size)
        let releases = try (index * size..<min(index * size + size, site.releases.count)).map { (number) throws(DiagnosticsError) in try htmlDetail(number) }
        let number = index + 1
        let path = number == 1 ? "changelog/" : "changelog/\(number)/"
        let depth = number == 1 ? 1 : 2
        let root = String(repeating: "../", count: depth)
        let pagination = pages > 1 ? Pagination(
            page: number, pages: pages,
            previous: number > 1 ? root + (number == 2 ? "changelog/" : "changelog/\(number - 1)/") : nil,
            next: number < pages ? root + "changelog/\(number + 1)/" : nil) : nil
        return page(path + "index.html", "changelog", ChangelogPage(site: info.at(depth: depth, current: "changelog/"), releases: releases, pagination: pagination))
    }

    private static func siteInfo(_ site: AudienceSite, config: SiteConfig, bodies: BodyRenderer, previewAudiences: [AudienceDefinition]?) -> SiteInfo {
        var nav = [NavLink(title: "Releases", path: "", url: "", current: false),
                   NavLink(title: "Changelog", path: "changelog/", url: "", current: false)]
        for visible in site.pages {
            nav.append(NavLink(title: bodies.plain(visible.fields.title ?? visible.slug), path: "pages/\(visible.slug)/", url: "", current: false))
        }
        return SiteInfo(
            title: config.title, reading: reading(site, config: config, bodies: bodies), audience: site.audience.name, audienceTitle: site.audience.title,
            root: "", home: "./", nav: nav, drafts: site.includesDrafts, hasFeed: config.siteURL(of: site.audience) != nil,
            preview: previewAudiences.map { audiences in
                PreviewBanner(
                    audience: site.audience.name, audienceTitle: site.audience.title,
                    switches: audiences.map { AudienceSwitch(audience: $0.name, title: $0.title, url: "", current: $0.name == site.audience.name) },
                    script: Self.liveReloadPath)
            })
    }
}

/// Writes the file at `path` (under the output folder) from the bytes `produce` hands over.
package typealias StreamWriter = @Sendable (_ path: String, _ produce: ((Data) throws(DiagnosticsError) -> Void) throws(DiagnosticsError) -> Void) throws(DiagnosticsError) -> Void
