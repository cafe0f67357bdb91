/// The release communication commands: one release's notes and its announcement, for any
/// audience, drafts included (that is how notes are reviewed during stabilization).
extension Site {
    /// One release's notes: the `notes.md` template, or the `notes.html` fragment.
    public func notes(version: String, audience: String, format: MarkupFormat) throws(DiagnosticsError) -> String {
        let (site, visible) = try release(version, for: audience)
        let views = ViewBuilder(site: site, config: project.config, bodies: bodies, format: format)
        let detail = try views.detail(of: visible)
        return theme.render(format == .html ? "notes.html" : "notes.md", ReleasePage(site: siteInfo(site), release: detail))
    }

    /// The announcement of a release: the internal shape for audiences that see the
    /// default audience, the customer shape for the others.
    public func announcement(version: String, audience: String, format: MarkupFormat) throws(DiagnosticsError) -> String {
        let (site, visible) = try release(version, for: audience)
        let views = ViewBuilder(site: site, config: project.config, bodies: bodies, format: format)
        let isInternal = bodies.markdown.graph.isTrusted(audience)
        let view = try AnnouncementBuilder(views: views, isInternal: isInternal).build(visible)
        return theme.render(format == .html ? "announcement.html" : "announcement.md", view)
    }

    // MARK: - Helpers

    private func release(_ version: String, for audience: String) throws(DiagnosticsError) -> (AudienceSite, VisibleRelease) {
        guard let definition = project.config.audience(named: audience) else {
            throw DiagnosticsError([.error("unknown-audience", "unknown audience '\(audience)'\(Suggestion.hint(for: audience, in: audiences.map(\.name)))", at: nil)])
        }
        let site = AudienceFilter(project: project).site(for: definition, includeDrafts: true)
        let wanted = try? SemanticVersion(parsing: version)
        let match = site.releases.first { visible in
            guard let release = visible.release else { return version == "unreleased" }
            return release.version.text == version || release.version == wanted
        }
        guard let match else {
            let exists = project.releases.contains { $0.version.text == version || $0.version == wanted } || (version == "unreleased" && !project.unreleased.isEmpty)
            let known = site.releases.map(\.versionText).joined(separator: ", ")
            let message = exists
                ? "release '\(version)' has nothing visible to '\(audience)'"
                : "there is no release '\(version)'; known: \(known.isEmpty ? "none" : known)"
            throw DiagnosticsError([.error("unknown-version", message, at: nil)])
        }
        return (site, match)
    }

    private func siteInfo(_ site: AudienceSite) -> SiteInfo {
        SiteInfo(title: project.config.title, audience: site.audience.name, audienceTitle: site.audience.title,
                 root: "", home: "./", nav: [], drafts: true, hasFeed: false, preview: nil)
    }
}
