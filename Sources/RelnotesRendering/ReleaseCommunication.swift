import RelnotesAudience
import RelnotesMarkdown
import RelnotesModel

/// One release's notes and its announcement, rendered for one audience: what the release
/// communication commands print (`Site.notes`, `Site.announcement`).
package struct ReleaseCommunication {
    let config: SiteConfig
    let theme: Theme
    let bodies: BodyRenderer

    package init(config: SiteConfig, theme: Theme, bodies: BodyRenderer) {
        self.config = config
        self.theme = theme
        self.bodies = bodies
    }

    /// The `notes.md` template, or the `notes.html` fragment.
    package func notes(_ visible: VisibleRelease, in site: AudienceSite, format: MarkupFormat) throws(DiagnosticsError) -> String {
        let views = ViewBuilder(site: site, config: config, bodies: bodies, format: format)
        let detail = try views.detail(of: visible)
        return theme.render(format == .html ? "notes.html" : "notes.md", ReleasePage(site: siteInfo(site), release: detail))
    }

    /// The announcement's text: the internal shape when `isInternal`, the customer shape
    /// otherwise; `link`, the published page to point to.
    package func announcement(_ visible: VisibleRelease, in site: AudienceSite, format: MarkupFormat, isInternal: Bool, link: (url: String, label: String)?) throws(DiagnosticsError) -> String {
        let views = ViewBuilder(site: site, config: config, bodies: bodies, format: format)
        let builder = AnnouncementBuilder(views: views, isInternal: isInternal, link: link.map { AnnouncementLink(url: $0.url, label: $0.label) })
        let view = try builder.build(visible)
        let name = switch format {
        case .html: "announcement.html"
        case .markdown: "announcement.md"
        case .text: "announcement.txt"
        }
        return theme.render(name, view)
    }

    private func siteInfo(_ site: AudienceSite) -> SiteInfo {
        SiteInfo(title: config.title, audience: site.audience.name, audienceTitle: site.audience.title,
                 root: "", home: "./", nav: [], drafts: true, hasFeed: false, preview: nil)
    }
}
