/// Renders the Markdown bodies of a project, each prepared once and filtered per audience.
struct BodyRenderer: Sendable {
    let markdown: MarkdownRenderer
    let prepared: [MarkdownSource: PreparedMarkdown]

    init(project: Project) {
        markdown = MarkdownRenderer(config: project.config)
        var prepared: [MarkdownSource: PreparedMarkdown] = [:]
        for source in project.allBodies { prepared[source] = markdown.prepare(source) }
        self.prepared = prepared
    }

    /// Problems found in any body, whatever the audience.
    var diagnostics: [Diagnostic] { prepared.values.flatMap(\.diagnostics) }

    func render(_ source: MarkdownSource, for audience: String, as format: MarkupFormat) throws(DiagnosticsError) -> RenderedMarkup {
        try markdown.render(prepared[source] ?? markdown.prepare(source), for: audience, as: format)
    }

    /// A body, or `nil` when nothing of it is left for the audience.
    func optionalBody(_ source: MarkdownSource, for audience: String, as format: MarkupFormat) throws(DiagnosticsError) -> String? {
        let text = try render(source, for: audience, as: format).text
        return text.allSatisfy(\.isWhitespace) ? nil : text
    }

    /// A body cut at its `##` headings, as `audience` sees it.
    func sections(_ source: MarkdownSource, for audience: String, as format: MarkupFormat) throws(DiagnosticsError) -> [BodySection] {
        try markdown.renderSections(prepared[source] ?? markdown.prepare(source), for: audience, as: format)
    }

    func inline(_ text: String, for audience: String, as format: MarkupFormat) -> String {
        markdown.renderInline(text, for: audience, as: format)
    }

    func plain(_ text: String) -> String {
        markdown.plainText(inline: text)
    }
}

extension Project {
    /// Every Markdown body of the project: release records, entries, pages.
    var allBodies: [MarkdownSource] {
        releases.flatMap { [$0.body] + $0.entries.map(\.body) } + unreleased.map(\.body) + pages.map(\.body)
    }
}
