import Foundation

/// The fourth stage: renders one audience's site into files under `<audience>/`.
struct AudienceRenderer {
    let site: AudienceSite
    let config: SiteConfig
    let theme: Theme
    let bodies: BodyRenderer
    /// The audiences to offer in the preview banner; `nil` outside `relnotes preview`.
    var previewAudiences: [AudienceDefinition]? = nil

    var folder: String { site.audience.name }

    /// Renders every file of the site, handing each to `emit` with its place in the
    /// site's listing as soon as it is made (from any thread).
    func render(emit: @Sendable (Int, OutputFile) throws(DiagnosticsError) -> Void) throws(DiagnosticsError) {
        let html = ViewBuilder(site: site, config: config, bodies: bodies, format: .html)
        let markdown = ViewBuilder(site: site, config: config, bodies: bodies, format: .markdown)
        let info = siteInfo()
        Trace.mark("render \(folder) start")

        // Views first (every body rendered once, releases side by side), then the pages.
        let details = try Concurrent.map(site.releases) { (release) throws(DiagnosticsError) in try html.detail(of: release) }
        Trace.mark("html details")
        let notes = try Concurrent.map(site.releases) { (release) throws(DiagnosticsError) in try markdown.detail(of: release) }
        Trace.mark("md details")
        let contentPages = try Concurrent.map(site.pages) { (visible) throws(DiagnosticsError) in
            let path = "pages/\(visible.page.slug)/"
            return (path, try html.page(visible, site: info.at(depth: 2, current: path)))
        }

        var pages: [PageJob] = []
        pages.append(PageJob("index.html", "index", IndexPage(
            site: info.at(depth: 0, current: ""),
            lines: html.lines(details.map(\.head)),
            latest: details.map(\.head).first { $0.isLatest })))
        for (detail, note) in zip(details, notes) {
            let path = detail.head.path
            pages.append(PageJob(path + "index.html", "release", ReleasePage(site: info.at(depth: 2, current: path), release: detail)))
            pages.append(PageJob(path + "notes.md", "notes.md", ReleasePage(site: info.at(depth: 2, current: path), release: note)))
        }
        pages += changelogPages(details, info: info)
        pages.append(PageJob("CHANGELOG.md", "changelog.md", ChangelogPage(site: info.at(depth: 0, current: ""), releases: notes, pagination: nil)))
        for (path, page) in contentPages {
            pages.append(PageJob(path + "index.html", "page", page))
        }
        let releases = Array(zip(site.releases, details))
        let feed = FeedBuilder(config: config, audience: site.audience, theme: theme)
        let json = ReleasesJSONBuilder(views: html, text: ViewBuilder(site: site, config: config, bodies: bodies, format: .text))

        // The feed and releases.json are two jobs more beside the pages.
        enum Job: Sendable {
            case page(PageJob), feed, json
            var isPage: Bool { if case .page = self { true } else { false } }
        }
        let jobs = pages.map(Job.page) + [.feed, .json]
        let assets = theme.assets.sorted(by: { $0.key < $1.key })
        // The largest jobs (releases.json, the feed) start first, not last.
        let order = Array(jobs.enumerated()).sorted { ($0.element.isPage ? 1 : 0, $0.offset) < ($1.element.isPage ? 1 : 0, $1.offset) }
        _ = try Concurrent.map(order) { (index, job) throws(DiagnosticsError) in
            let file: OutputFile?
            switch job {
            case .page(let page):
                file = self.page(page.path, page.template, page.context)
            case .feed:
                file = feed.build(releases).map { self.page("feed.xml", "feed.xml", $0) }
            case .json:
                let document = try json.build(releases)
                do {
                    file = OutputFile(path: "\(folder)/releases.json", contents: try document.encoded())
                } catch {
                    throw DiagnosticsError([.error("json", "cannot encode releases.json: \(error)", at: nil)])
                }
            }
            if let file { try emit(index, file) }
        }
        Trace.mark("pages")
        for (offset, (name, data)) in assets.enumerated() {
            try emit(jobs.count + offset, OutputFile(path: "\(folder)/\(name)", contents: data))
        }
    }

    /// One page to render: where it goes, with which template and context.
    struct PageJob: Sendable {
        var path: String
        var template: String
        var context: any Sendable

        init(_ path: String, _ template: String, _ context: any Sendable) {
            self.path = path
            self.template = template
            self.context = context
        }
    }

    // MARK: - Pieces

    private func page(_ path: String, _ template: String, _ context: Any) -> OutputFile {
        OutputFile(path: "\(folder)/\(path)", text: theme.render(template, context))
    }

    private func changelogPages(_ details: [ReleaseDetail], info: SiteInfo) -> [PageJob] {
        let size = config.changelogPageSize
        let chunks = stride(from: 0, to: max(details.count, 1), by: size).map { Array(details[$0..<min($0 + size, details.count)]) }
        return chunks.enumerated().map { index, releases in
            let number = index + 1
            let path = number == 1 ? "changelog/" : "changelog/\(number)/"
            let depth = number == 1 ? 1 : 2
            let root = String(repeating: "../", count: depth)
            let pagination = chunks.count > 1 ? Pagination(
                page: number, pages: chunks.count,
                previous: number > 1 ? root + (number == 2 ? "changelog/" : "changelog/\(number - 1)/") : nil,
                next: number < chunks.count ? root + "changelog/\(number + 1)/" : nil) : nil
            return PageJob(path + "index.html", "changelog", ChangelogPage(site: info.at(depth: depth, current: "changelog/"), releases: releases, pagination: pagination))
        }
    }

    private func siteInfo() -> SiteInfo {
        var nav = [NavLink(title: "Releases", path: "", url: "", current: false),
                   NavLink(title: "Changelog", path: "changelog/", url: "", current: false)]
        for visible in site.pages {
            nav.append(NavLink(title: bodies.plain(visible.fields.title ?? visible.page.slug), path: "pages/\(visible.page.slug)/", url: "", current: false))
        }
        return SiteInfo(
            title: config.title, audience: site.audience.name, audienceTitle: site.audience.title,
            root: "", home: "./", nav: nav, drafts: site.includesDrafts, hasFeed: config.baseURL != nil,
            preview: previewAudiences.map { audiences in
                PreviewBanner(
                    audience: site.audience.name, audienceTitle: site.audience.title,
                    switches: audiences.map { AudienceSwitch(audience: $0.name, title: $0.title, url: "", current: $0.name == site.audience.name) },
                    script: Site.liveReloadPath)
            })
    }
}
