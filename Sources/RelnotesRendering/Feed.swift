import RelnotesAudience
import RelnotesMarkdown
import RelnotesModel

/// `feed.xml`: an Atom 1.0 feed of the latest `feed_size` released versions an audience
/// sees, newest first, with full content and absolute links under `base_url`.
/// Drafts and withdrawn releases are never in it. Dates are the release dates, at midnight
/// UTC, so the feed is the same whenever and wherever it is built.
package struct FeedBuilder {
    let config: SiteConfig
    let audience: AudienceDefinition
    let theme: Theme

    /// The feed, or `nil` without `base_url` (a warning says so at load time).
    func build(_ releases: [(visible: VisibleRelease, detail: ReleaseDetail)]) -> FeedView? {
        guard let siteURL = config.siteURL(of: audience) else { return nil }
        let published = releases.filter { $0.visible.release?.status == .released }.prefix(config.feedSize)
        let entries = published.map { release in
            let head = release.detail.head
            let url = siteURL + head.path
            let content = theme.render("partials/release-content", release.detail)
            return FeedEntry(
                title: head.hasTitle ? "\(head.version): \(head.titleText)" : head.version,
                id: url,
                url: url,
                updated: Self.timestamp(head.date),
                summary: head.summary,
                content: content,
                contentEscaped: HTML.escape(content),
                extra: head.extra)
        }
        return FeedView(
            title: config.title,
            subtitle: audience.title,
            id: siteURL,
            selfURL: siteURL + "feed.xml",
            siteURL: siteURL,
            updated: entries.map(\.updated).max() ?? Self.timestamp(nil),
            entries: Array(entries))
    }

    /// `2026-03-10T00:00:00Z` for a release date (the Unix epoch for none).
    static func timestamp(_ date: String?) -> String {
        "\(date ?? "1970-01-01")T00:00:00Z"
    }

    /// Without `base_url` there can be no feed (and no sitemap): said once, as a warning.
    package static func warnings(_ config: SiteConfig) -> [Diagnostic] {
        let unplaced = config.audiences.filter { config.siteURL(of: $0) == nil }
        guard !unplaced.isEmpty else { return [] }
        let files = unplaced.contains { !config.isPrivate($0) } ? "feed.xml and sitemap.xml are" : "feed.xml is"
        let whose = unplaced.count == config.audiences.count ? "" : " for \(unplaced.map(\.name).quotedList)"
        return [.warning("feed-skipped", "\(files) not built\(whose): set base_url in relnotes.yml to the site's public URL", at: SourceLocation(path: "relnotes.yml"))]
    }
}
