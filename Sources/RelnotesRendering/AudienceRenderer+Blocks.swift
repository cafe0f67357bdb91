import RelnotesAudience
import RelnotesMarkdown
import RelnotesModel

extension AudienceRenderer {
    /// The release page of release `number` in blocks, in page order (`Site.releaseBlocks`).
    package func blocks(ofRelease number: Int) throws(DiagnosticsError) -> [PageBlock] {
        let detail = try htmlDetail(number)
        let header = theme.render("partials/release-header", detail.head)
        var blocks = [PageBlock(kind: .header, key: "header", html: header.isEmpty ? "<h1>\(HTML.escape(detail.head.version))</h1>" : header)]
        if let meta = detail.meta {
            blocks.append(PageBlock(kind: .meta, key: "meta", html: theme.render("partials/release-meta", meta)))
        }
        if let highlights = detail.highlights, let release = site.releases[number].release {
            blocks += try bodyBlocks(release.body, shown: highlights, kind: .body, key: "body:")
        }
        let sources = Dictionary(site.releases[number].entries.map { ($0.id, $0.body) }, uniquingKeysWith: { first, _ in first })
        if let newSections = detail.newSections, let previous = detail.previousCandidate {
            blocks.append(PageBlock(kind: .heading, key: "new-since", html: "<h2>New since \(HTML.escape(previous))</h2>"))
            blocks += try entryBlocks(newSections, sources: sources, key: "new:")
            blocks.append(PageBlock(kind: .heading, key: "cumulative", html: "<h2>Everything since the last stable release</h2>"))
        }
        blocks += try entryBlocks(detail.sections, sources: sources, key: "")
        if let neighbours = neighbours(of: number) {
            let links = [("Previous", neighbours.previous), ("Next", neighbours.next)].compactMap { label, link in
                link.map { "\(label) in \(HTML.escape(neighbours.line)): \(HTML.escape($0.version))" }
            }
            blocks.append(PageBlock(kind: .neighbours, key: "neighbours", html: "<nav>\(links.joined(separator: " · "))</nav>"))
        }
        return blocks
    }

    func bodyBlocks(_ body: MarkdownSource, shown: String, kind: PageBlock.Kind, key prefix: String) throws(DiagnosticsError) -> [PageBlock] {
        let prepared = bodies.prepared[body] ?? bodies.markdown.prepare(body)
        let audience = site.audience.name
        let html = try bodies.markdown.renderBlocks(prepared, for: audience, as: .html)
        let text = try bodies.markdown.renderBlocks(prepared, for: audience, as: .text)
        guard html.joined() == shown, text.count == html.count else { return [PageBlock(kind: kind, key: prefix, html: shown)] }
        return html.indices.map { index in
            PageBlock(kind: kind, key: prefix + text[index].split(whereSeparator: \.isWhitespace).joined(separator: " "), html: html[index])
        }
    }

    func entryBlocks(_ sections: [EntrySection], sources: [String: MarkdownSource], key prefix: String) throws(DiagnosticsError) -> [PageBlock] {
        var blocks: [PageBlock] = []
        for section in sections {
            blocks.append(PageBlock(kind: .heading, key: "\(prefix)section:\(section.type)", html: "<h\(section.level)>\(HTML.escape(section.title))</h\(section.level)>"))
            for group in section.groups {
                if let component = group.component {
                    blocks.append(PageBlock(kind: .heading, key: "\(prefix)component:\(section.type):\(component)",
                                            html: "<h\(section.componentLevel) class=\"component\">\(HTML.escape(component))</h\(section.componentLevel)>"))
                }
                for entry in group.entries {
                    let key = "\(prefix)entry:\(entry.id)"
                    guard let body = entry.body, let source = sources[entry.id] else {
                        blocks.append(PageBlock(kind: .entry, key: key, html: list(entry.withBody(entry.body))))
                        continue
                    }
                    blocks.append(PageBlock(kind: .entry, key: key, html: list(entry.withBody(nil))))
                    blocks += try bodyBlocks(source, shown: body, kind: .entryBody, key: key + ":").map { block in
                        PageBlock(kind: block.kind, key: block.key, html: "<div class=\"entry-body prose\">\n\(block.html)</div>\n")
                    }
                }
            }
        }
        return blocks
    }

    /// An entry as `partials/entry` shows it, in the list that holds it on the page.
    func list(_ entry: EntryView) -> String {
        "<ul class=\"entries\">\n" + theme.render("partials/entry", entry) + "</ul>\n"
    }
}

private extension EntryView {
    /// The entry with `body` as its body (its head alone, or its body apart).
    func withBody(_ body: String?) -> EntryView {
        EntryView(id: id, anchor: anchor, title: title, titleText: titleText, body: body, tickets: tickets, hasTickets: hasTickets,
                  component: component, breaking: breaking, restrictedTo: restrictedTo, fromVersion: fromVersion, extra: extra, schemaValues: schemaValues)
    }
}
