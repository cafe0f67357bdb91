import RelnotesAudience
import RelnotesMarkdown
import RelnotesModel

/// Turns what an audience sees into template contexts, rendering every piece of Markdown
/// for that audience, in HTML or in Markdown.
package struct ViewBuilder {
    let site: AudienceSite
    let config: SiteConfig
    let bodies: BodyRenderer
    let format: MarkupFormat
    /// The final versions this audience sees released (or withdrawn): their candidates are
    /// superseded, no longer drafts.
    let finals: Set<SemanticVersion>

    var audience: String { site.audience.name }

    init(site: AudienceSite, config: SiteConfig, bodies: BodyRenderer, format: MarkupFormat) {
        self.site = site
        self.config = config
        self.bodies = bodies
        self.format = format
        finals = Set(site.releases.compactMap(\.release).filter { !$0.version.isPrerelease && !$0.isDraft }.map(\.version))
    }

    // MARK: - Releases

    func summary(of visible: VisibleRelease) -> ReleaseSummary {
        let release = visible.release
        // The Unreleased notes are named, not numbered: "Unreleased", without a title.
        let title = visible.isUnreleased ? nil : visible.fields.title
        let isLatest = release.map { $0.version == site.latest && $0.status == .released } ?? false
        let restrictedTo = visible.restrictedTo.isEmpty ? nil : visible.restrictedTo.joined(separator: ", ")
        let isCandidate = release?.version.isPrerelease ?? false
        let supersededBy = release.flatMap { isCandidate && finals.contains($0.version.core) ? $0.version.core.text : nil }
        let isDraft = visible.isDraft && supersededBy == nil
        return ReleaseSummary(
            version: visible.isUnreleased ? "Unreleased" : visible.versionText,
            path: "releases/\(visible.versionText)/",
            title: title.map { bodies.inline($0, for: audience, as: format) } ?? visible.versionText,
            titleText: title.map { bodies.plain($0) } ?? visible.versionText,
            hasTitle: title != nil,
            summary: visible.fields.summary.map { bodies.inline($0, for: audience, as: format) },
            date: release?.date,
            dateLong: release?.date.flatMap(CalendarDate.init)?.longForm,
            status: release?.status.rawValue ?? "unreleased",
            line: release?.version.line ?? "Unreleased",
            isLatest: isLatest,
            isDraft: isDraft,
            isWithdrawn: release?.status == .withdrawn,
            isCandidate: isCandidate,
            isUnreleased: visible.isUnreleased,
            restrictedTo: restrictedTo,
            supersededBy: supersededBy,
            hasBadges: isLatest || isDraft || isCandidate || release?.status == .withdrawn || restrictedTo != nil,
            extra: visible.fields.extra,
            schemaValues: schemaValues(visible.fields, ReleaseSummary.schemaFields))
    }

    func detail(of visible: VisibleRelease) throws(DiagnosticsError) -> ReleaseDetail {
        let anchors = HeadingSlugs()
        let body = try visible.release.map { (release) throws(DiagnosticsError) in try bodies.render(release.body, for: audience, as: format) }
        let highlights = body.flatMap { $0.text.allSatisfy(\.isWhitespace) ? nil : $0 }
        let version = visible.release?.version
        let newSections = try visible.newEntries.map { (entries) throws(DiagnosticsError) in
            try self.sections(entries, anchors: anchors, folding: version, level: 3, linkable: true)
        }
        let sections = try sections(visible.entries, anchors: anchors, folding: version, level: newSections == nil ? 2 : 3, linkable: true)
        let layout = ReleaseLayout(highlights: highlights?.headings ?? [], sections: sections, newSections: newSections)
        return ReleaseDetail(
            head: summary(of: visible),
            highlights: highlights?.text,
            sections: sections,
            pageSections: layout.pageSections,
            continuedSection: layout.continuedSection,
            toc: layout.toc,
            hasToc: layout.toc.count >= ReleaseLayout.tocThreshold,
            newSections: newSections,
            hasNewSections: newSections != nil,
            previousCandidate: visible.previousCandidate?.text,
            meta: meta(visible.fields))
    }

    private func meta(_ fields: ReleaseFields) -> ReleaseMeta? {
        guard fields.releaseManager != nil || fields.branch != nil || fields.signOff != nil else { return nil }
        return ReleaseMeta(
            releaseManager: fields.releaseManager.map { text($0) },
            branch: fields.branch.map { code($0) },
            signOff: fields.signOff.map { $0.map { SignOffView(team: text($0.team), state: text($0.state), done: $0.isDone) } },
            hasSignOff: !(fields.signOff ?? []).isEmpty)
    }

    // MARK: - Entries

    /// Entries grouped by type (configured order), then by component (ungrouped first).
    ///
    /// `linkable`: sections of the site's pages, whose headings get ids, entries permalinks,
    /// and component groups a class for the changelog's filters (not those of announcements).
    func sections(_ entries: [VisibleEntry], anchors: HeadingSlugs, folding version: SemanticVersion?, level: Int = 2, linkable: Bool = false) throws(DiagnosticsError) -> [EntrySection] {
        var sections: [EntrySection] = []
        // By index: a filtered copy of the entries would copy each entry, all its fields.
        for type in config.types {
            let ofType = entries.indices.filter { entries[$0].type == type.name }
            guard !ofType.isEmpty else { continue }
            let components = Set(ofType.compactMap { entries[$0].fields.component }).sorted()
            var groups: [ComponentGroup] = []
            let ungrouped = ofType.filter { entries[$0].fields.component == nil }
            if !ungrouped.isEmpty { groups.append(ComponentGroup(component: nil, entries: try views(entries, at: ungrouped, anchors: anchors, folding: version))) }
            for component in components {
                let members = ofType.filter { entries[$0].fields.component == component }
                groups.append(ComponentGroup(component: text(component), entries: try views(entries, at: members, anchors: anchors, folding: version)))
            }
            // After the entries' anchors, so that adding sections' ones changed none of them.
            let prefix = version.map { "v" + $0.text } ?? "unreleased"
            sections.append(EntrySection(
                type: type.name, title: text(type.title), anchor: anchors.unique(for: Self.dotsToDashes("\(prefix)-\(type.name)")), hasHeading: true, linkable: linkable,
                level: level, componentLevel: level + 1,
                marks: String(repeating: "#", count: level), componentMarks: String(repeating: "#", count: level + 1),
                groups: groups, count: ofType.count))
        }
        return sections
    }

    /// A section with no entries (for announcements whose text comes from the release body).
    func emptySection(_ type: EntryType) -> EntrySection {
        EntrySection(type: type.name, title: text(type.title), anchor: type.name, hasHeading: true, linkable: false, level: 2, componentLevel: 3, marks: "##", componentMarks: "###", groups: [], count: 0)
    }

    /// (Closures here rather than method references such as `map(text)`: a method reference
    /// copies the whole builder, its configuration with it, for every entry.)
    private func views(_ entries: [VisibleEntry], at indices: [Int], anchors: HeadingSlugs, folding version: SemanticVersion?) throws(DiagnosticsError) -> [EntryView] {
        var views: [EntryView] = []
        views.reserveCapacity(indices.count)
        for index in indices { views.append(try view(of: entries[index], anchors: anchors, folding: version)) }
        return views
    }

    /// (The entry lent, not copied out of its array with all its fields.)
    private func view(of visible: VisibleEntry, anchors: HeadingSlugs, folding version: SemanticVersion?) throws(DiagnosticsError) -> EntryView {
        let title = visible.fields.title ?? ""
        let fileName = Self.fileName(of: visible.id)
        let folder = visible.folder
        return EntryView(
            id: visible.id,
            // Unique in any page, the changelog too, where a release's candidates
            // list the same entries: the version the entry is listed under, and its file.
            anchor: anchors.unique(for: Self.dotsToDashes("\(version.map { "v" + $0.text } ?? "unreleased")-\(fileName)")),
            title: bodies.inline(title, for: audience, as: format),
            titleText: bodies.plain(title),
            body: try entryBody(visible.body),
            tickets: (visible.fields.tickets ?? []).map { ticket($0) },
            hasTickets: !(visible.fields.tickets ?? []).isEmpty,
            component: visible.fields.component.map { text($0) },
            breaking: visible.breaking,
            restrictedTo: visible.restrictedTo.isEmpty ? nil : visible.restrictedTo.joined(separator: ", "),
            // On a candidate's page, which candidate brought each entry; a final
            // release presents its candidates' entries as its own.
            fromVersion: version?.isPrerelease == true && folder != version ? folder?.text : nil,
            extra: visible.fields.extra,
            schemaValues: schemaValues(visible.fields, EntryView.schemaFields))
    }

    /// The values of the schema's `fields` that no view property shows, as this audience
    /// sees them (`resolved`), in the output's format.
    private func schemaValues<Fields: ContentFields>(_ resolved: Fields, _ fields: [SchemaFieldValues.Field<Fields>]) -> SchemaFieldValues {
        fields.isEmpty ? .none : SchemaFieldValues(resolved, fields, text: text, inline: { bodies.inline($0, for: audience, as: format) })
    }

    /// Text from front matter or configuration, as text in the output's format: escaped
    /// for Markdown (`MarkdownText`); HTML templates escape it themselves.
    func text(_ value: String) -> String {
        format == .markdown ? MarkdownText.escape(value) : value
    }

    /// `text` for the inside of a code span (`` `release/v1.2.0` ``), where backslashes are
    /// literal: only a backtick could end it, and a value cannot hold one as text there.
    private func code(_ value: String) -> String {
        format == .markdown ? String(value.map { $0 == "`" || $0.isNewline ? "'" : $0 }) : value
    }

    /// `.` as `-`, scalar by scalar (as Foundation's `replacingOccurrences` replaced it):
    /// byte by byte, which is the same, as no other scalar's UTF-8 holds the byte of `.`.
    /// The last part of an entry's id (`1.2.0/REL-117`: `REL-117`), read from its bytes
    /// where it is ASCII: splitting it as characters was a share of every entry's view.
    static func fileName(of id: String) -> String {
        let bytes = id.utf8
        guard id.isASCII, let last = bytes.last, last != UInt8(ascii: "/") else {
            return id.split(separator: "/").last.map(String.init) ?? id
        }
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return id }
        return String(id[bytes.index(after: slash)...])
    }

    static func dotsToDashes(_ text: String) -> String {
        guard text.containsByte(UInt8(ascii: ".")) else { return text }
        return String(decoding: text.utf8.map { $0 == UInt8(ascii: ".") ? UInt8(ascii: "-") : $0 }, as: UTF8.self)
    }

    /// An entry's body; in Markdown an entry is a list item, so its body is indented to
    /// continue the item (and kept so, rather than beside the body as rendered).
    private func entryBody(_ source: MarkdownSource) throws(DiagnosticsError) -> String? {
        guard format == .markdown else { return try bodies.optionalBody(source, for: audience, as: format) }
        return try bodies.optionalBody(source, for: audience, as: format, reshaped: .listItem) { $0.indentedAsListItem() }
    }

    private func ticket(_ key: String) -> TicketView {
        let url = bodies.markdown.policy.linksTickets(for: audience) ? bodies.markdown.tickets.url(for: key) : nil
        return TicketView(key: text(key), url: format == .markdown ? url.map(MarkdownText.destination) : url)
    }

    // MARK: - Pages

    func page(_ visible: VisiblePage, site info: SiteInfo) throws(DiagnosticsError) -> ContentPage {
        let rendered = try bodies.render(visible.body, for: audience, as: format)
        let title = visible.fields.title ?? visible.slug
        let toc = rendered.headings.filter { $0.level >= 2 && $0.level <= 3 }.map { TocItem(level: $0.level, text: $0.text, id: $0.id) }
        return ContentPage(
            site: info,
            title: bodies.inline(title, for: audience, as: format),
            titleText: bodies.plain(title),
            body: rendered.text,
            toc: toc,
            hasToc: toc.count > 1,
            restrictedTo: visible.restrictedTo.isEmpty ? nil : visible.restrictedTo.joined(separator: ", "),
            extra: visible.fields.extra,
            schemaValues: schemaValues(visible.fields, ContentPage.schemaFields))
    }

    /// Releases newest first, grouped by release line; the Unreleased notes first.
    func lines(_ summaries: [ReleaseSummary]) -> [LineGroup] {
        var groups: [(line: String, releases: [ReleaseSummary])] = []
        for summary in summaries {
            if groups.last?.line == summary.line {
                groups[groups.count - 1].releases.append(summary)
            } else {
                groups.append((summary.line, [summary]))
            }
        }
        return groups.map { LineGroup(line: $0.line, releases: $0.releases) }
    }
}
