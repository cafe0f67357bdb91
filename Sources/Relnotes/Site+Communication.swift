import RelnotesAudience
import RelnotesMarkdown
import RelnotesModel
import RelnotesRendering

/// The release communication commands: one release's notes and its announcement, for any
/// audience, drafts included (that is how notes are reviewed during stabilization).
extension Site {
    /// One release's notes: the `notes.md` template, or the `notes.html` fragment.
    public func notes(version: String, audience: String, format: MarkupFormat) throws(DiagnosticsError) -> String {
        let (site, visible) = try release(version, for: audience)
        return try communication.notes(visible, in: site, format: format)
    }

    /// The announcement of a release: the internal shape for audiences that see the
    /// default audience, the customer shape for the others; `leftOut` says what of the
    /// release it does not show, and why.
    public func announcement(version: String, audience: String, format: MarkupFormat) throws(DiagnosticsError) -> Announcement {
        let (site, visible) = try release(version, for: audience)
        let isInternal = bodies.markdown.policy.isTrusted(audience)
        let text = try communication.announcement(visible, in: site, format: format, isInternal: isInternal, link: publishedLink(of: visible, for: audience))
        return Announcement(text: text, leftOut: leftOut(of: visible, for: audience))
    }

    // MARK: - Helpers

    private var communication: ReleaseCommunication {
        ReleaseCommunication(config: project.config, theme: theme, bodies: bodies)
    }

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

    /// The release's page on the published site of `audience`, or, for a trusted audience,
    /// of the first public audience that sees it: only released and withdrawn versions
    /// are published (`build` leaves drafts out), and only with `base_url`.
    private func publishedLink(of visible: VisibleRelease, for audience: String) -> (url: String, label: String)? {
        guard let baseURL = project.config.baseURL, let release = recorded(visible),
              release.status == .released || release.status == .withdrawn else { return nil }
        let policy = bodies.markdown.policy
        let path = "/releases/\(release.version.text)/"
        if !policy.isTrusted(audience) { return (url: baseURL + audience + path, label: "Read these notes online") }
        guard let published = project.config.audiences.first(where: { !policy.isTrusted($0.name) && policy.sees($0.name, release.audience) }) else { return nil }
        return (url: baseURL + published.name + path, label: "Published notes")
    }

    /// What of a release the announcement does not show: entries the audience does not
    /// see, and known issues resolved by then.
    private func leftOut(of visible: VisibleRelease, for audience: String) -> [String] {
        var notes = visible.resolved.map { entry in
            "left out \(entry.body.path): resolved in \(entry.resolvedIn?.text ?? "")"
        }
        guard let release = recorded(visible) else { return notes }
        let shown = Set((visible.entries + visible.resolved).map(\.id))
        var all = release.entries
        if release.version.isPrerelease || project.config.prereleases == .fold {
            all = project.releases.filter { $0.version.isPrerelease && $0.version.core == release.version.core && $0.version < release.version }
                .flatMap(\.entries) + all
        }
        let hidden = all.filter { !shown.contains($0.id) }
        if !hidden.isEmpty {
            notes.append("left out \(hidden.count) entr\(hidden.count == 1 ? "y" : "ies") '\(audience)' does not see: \(hidden.map(\.body.path).joined(separator: ", "))")
        }
        return notes
    }

    /// The project's release that `visible` shows, unfiltered: what the audience's site does
    /// not say (who else sees it, its entries hidden from the audience), for the link and
    /// the notes on what was left out.
    private func recorded(_ visible: VisibleRelease) -> Release? {
        visible.release.flatMap { shown in project.releases.first { $0.version == shown.version } }
    }
}

/// An announcement, and what it left out of its release (for standard error).
public struct Announcement: Sendable {
    public var text: String
    public var leftOut: [String]
}
