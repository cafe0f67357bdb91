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

    func render() throws(DiagnosticsError) -> [OutputFile] {
        let html = ViewBuilder(site: site, config: config, bodies: bodies, format: .html)
        let markdown = ViewBuilder(site: site, config: config, bodies: bodies, format: .markdown)
        let info = siteInfo()
        var files: [OutputFile] = []

        let details = try site.releases.map { (release) throws(DiagnosticsError) in try html.detail(of: release) }
        let notes = try site.releases.map { (release) throws(DiagnosticsError) in try markdown.detail(of: release) }

        files.append(page("index.html", "index", IndexPage(
            site: info.at(depth: 0, current: ""),
            lines: html.lines(details.map(\.head)),
            latest: details.map(\.head).first { $0.isLatest })))

        for (detail, note) in zip(details, notes) {
            let path = detail.head.path
            files.append(page(path + "index.html", "release", ReleasePage(site: info.at(depth: 2, current: path), release: detail)))
            files.append(page(path + "notes.md", "notes.md", ReleasePage(site: info.at(depth: 2, current: path), release: note)))
        }

        files += changelogPages(details, info: info)
        files.append(page("CHANGELOG.md", "changelog.md", ChangelogPage(site: info.at(depth: 0, current: ""), releases: notes, pagination: nil)))

        for visible in site.pages {
            let path = "pages/\(visible.page.slug)/"
            files.append(page(path + "index.html", "page", try html.page(visible, site: info.at(depth: 2, current: path))))
        }
        let releases = Array(zip(site.releases, details))
        if let feed = FeedBuilder(config: config, audience: site.audience, theme: theme).build(releases) {
            files.append(page("feed.xml", "feed.xml", feed))
        }
        let text = ViewBuilder(site: site, config: config, bodies: bodies, format: .text)
        let json = try ReleasesJSONBuilder(views: html, text: text).build(releases)
        do {
            files.append(OutputFile(path: "\(folder)/releases.json", contents: try json.encoded()))
        } catch {
            throw DiagnosticsError([.error("json", "cannot encode releases.json: \(error)", at: nil)])
        }
        for (name, data) in theme.assets.sorted(by: { $0.key < $1.key }) {
            files.append(OutputFile(path: "\(folder)/\(name)", contents: data))
        }
        return files
    }

    // MARK: - Pieces

    private func page(_ path: String, _ template: String, _ context: Any) -> OutputFile {
        OutputFile(path: "\(folder)/\(path)", text: theme.render(template, context))
    }

    private func changelogPages(_ details: [ReleaseDetail], info: SiteInfo) -> [OutputFile] {
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
            return page(path + "index.html", "changelog", ChangelogPage(site: info.at(depth: depth, current: "changelog/"), releases: releases, pagination: pagination))
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
