/// What every page of an audience's site shows around its content: the templates' context.
/// View types hold stored properties only: swift-mustache reads nothing else.
struct SiteInfo: Sendable {
    var title: String
    /// Search, filters, `noindex` (`ReadingViews`).
    var reading = SiteReading.none
    var audience: String
    var audienceTitle: String
    /// The way from the page to the audience's root folder (`../../`), so a site works from
    /// any base URL or straight from disk.
    var root: String
    /// `./` or `root`: a link to the home page.
    var home: String
    var nav: [NavLink]
    /// Set when drafts are included (`--drafts`, preview).
    var drafts: Bool
    var hasFeed: Bool
    /// Set only in `relnotes preview`: the banner with the audience switch.
    var preview: PreviewBanner?

    func at(depth: Int, current: String) -> SiteInfo {
        var info = self
        info.root = String(repeating: "../", count: depth)
        info.home = depth == 0 ? "./" : info.root
        info.preview = preview.map { banner in
            var banner = banner
            banner.switches = banner.switches.map { link in
                var link = link
                link.url = "/\(link.audience)/\(current)"
                return link
            }
            return banner
        }
        info.nav = nav.map { link in
            var link = link
            link.current = link.path == current
            link.url = link.path.isEmpty ? info.home : info.root + link.path
            return link
        }
        return info
    }
}

struct NavLink: Sendable {
    var title: String
    /// Path from the audience root (`changelog/`).
    var path: String
    var url: String
    var current: Bool
}

/// The preview's banner: which audience this is, that drafts are shown, and a switch to
/// the same page as another audience sees it.
struct PreviewBanner: Sendable {
    var audience: String
    var audienceTitle: String
    var switches: [AudienceSwitch]
    /// The live-reload script the preview server serves.
    var script: String
}

struct AudienceSwitch: Sendable {
    var audience: String
    var title: String
    /// `/<audience>/<same path>`.
    var url: String
    var current: Bool
}
