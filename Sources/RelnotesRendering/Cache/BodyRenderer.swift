import RelnotesMarkdown
import RelnotesModel

/// Renders the Markdown bodies of a project, each prepared once and filtered per audience.
///
/// Renderings are memoised for the life of the renderer (one build, one preview snapshot),
/// and shared between audiences wherever they cannot differ: a body without audience
/// containers reads the same for every audience, apart from tracker links, which it can
/// only get when its text may hold a tracker key (`RenderVariants`). So the release page,
/// the changelog, the feed and `releases.json` of both audiences reuse one rendering.
package struct BodyRenderer: Sendable {
    package let markdown: MarkdownRenderer
    package let prepared: PreparedBodies
    private let variants: RenderVariants
    private let cache: RenderCache

    /// `previous`: the renderer of an earlier load of the same project with the same
    /// configuration, whose prepared bodies and renderings still hold where a text is
    /// unchanged (the preview, after a save).
    package init(project: Project, reusing previous: BodyRenderer? = nil) {
        markdown = MarkdownRenderer(config: project.config)
        let variants = RenderVariants(config: project.config, policy: markdown.policy)
        prepared = PreparedBodies(project.allBodies, with: markdown, hint: variants.mayHoldKey, reusing: previous?.prepared)
        self.variants = variants
        cache = previous?.cache ?? RenderCache()
    }

    /// Problems found in any body, whatever the audience.
    package var diagnostics: [Diagnostic] { prepared.diagnostics }

    func render(_ source: MarkdownSource, for audience: String, as format: MarkupFormat) throws(DiagnosticsError) -> RenderedMarkup {
        try render(source, for: audience, as: format, reshaped: nil) { $0 }
    }

    /// A body, or `nil` when nothing of it is left for the audience.
    func optionalBody(_ source: MarkdownSource, for audience: String, as format: MarkupFormat) throws(DiagnosticsError) -> String? {
        let text = try render(source, for: audience, as: format).text
        return text.allSatisfy(\.isWhitespace) ? nil : text
    }

    /// A body reshaped by `reshape` (an entry's Markdown, indented as a list item), or `nil`
    /// when nothing of it is left for the audience. Only the reshaped text is kept.
    func optionalBody(_ source: MarkdownSource, for audience: String, as format: MarkupFormat, reshaped shape: RenderCache.Shape, _ reshape: (String) -> String) throws(DiagnosticsError) -> String? {
        let text = try render(source, for: audience, as: format, reshaped: shape) { $0.allSatisfy(\.isWhitespace) ? "" : reshape($0) }.text
        return text.isEmpty ? nil : text
    }

    private func render(_ source: MarkdownSource, for audience: String, as format: MarkupFormat, reshaped shape: RenderCache.Shape?, _ reshape: (String) -> String) throws(DiagnosticsError) -> RenderedMarkup {
        let (body, mayHoldKey) = prepared.withHint(source) ?? (markdown.prepare(source), variants.mayHoldKey(source.text))
        func keyOf(_ format: MarkupFormat, _ shape: RenderCache.Shape?) -> RenderCache.BodyKey {
            RenderCache.BodyKey(path: source.path, variant: variants.variant(of: body, mayHoldKey: mayHoldKey, for: audience, as: format), format: format, shape: shape)
        }
        let key = keyOf(format, shape)
        func isOf(_ cached: RenderCache.BodyResult) -> Bool { cached.firstLine == source.firstLine && cached.text == source.text }
        if let cached = cache.body(key), isOf(cached) { return try cached.result.get() }
        let unshaped: Result<RenderedMarkup, DiagnosticsError>
        if shape != nil, let made = cache.takeBody(keyOf(format, nil)), isOf(made) {
            // Made by the HTML rendering (below) and kept only until it is reshaped here.
            unshaped = made.result
        } else {
            unshaped = Result { () throws(DiagnosticsError) in
                guard format == .html && shape == nil else { return try markdown.render(body, for: audience, as: format) }
                // Where one tree serves every format, the other formats' renderings come
                // with the HTML one, for the notes, releases.json and search to find.
                let every = try markdown.renderEveryFormat(body, for: audience)
                for (other, made) in [(MarkupFormat.markdown, every.markdown), (.text, every.text)] {
                    if let made { cache.storeIfAbsent(keyOf(other, nil), source: source, .success(made)) }
                }
                return every.html
            }
        }
        let result = unshaped.map { rendered in
            var rendered = rendered
            rendered.text = reshape(rendered.text)
            return rendered
        }
        cache.store(key, source: source, result)
        return try result.get()
    }

    /// A body cut at its `##` headings, as `audience` sees it.
    func sections(_ source: MarkdownSource, for audience: String, as format: MarkupFormat) throws(DiagnosticsError) -> [BodySection] {
        try markdown.renderSections(prepared[source] ?? markdown.prepare(source), for: audience, as: format)
    }

    func inline(_ text: String, for audience: String, as format: MarkupFormat) -> String {
        let key = RenderCache.InlineKey(text: text, variant: variants.variant(ofInline: text, for: audience, as: format), format: format)
        if let cached = cache.inline(key) { return cached }
        let rendered = markdown.renderInline(text, for: audience, as: format)
        cache.store(key, rendered)
        return rendered
    }

    func plain(_ text: String) -> String {
        let key = RenderCache.InlineKey(text: text, variant: .plainText, format: .text)
        if let cached = cache.inline(key) { return cached }
        let rendered = markdown.plainText(inline: text)
        cache.store(key, rendered)
        return rendered
    }
}

/// Every body of a project made ready for rendering, found by its file.
package struct PreparedBodies: Sendable {
    /// Each body, with whether its text may hold a tracker key (`RenderVariants`), found once.
    private let byPath: [String: (source: MarkdownSource, prepared: PreparedMarkdown, mayHoldKey: Bool)]

    /// `hint`: whether a text may hold a tracker key.
    init(_ sources: [MarkdownSource], with markdown: MarkdownRenderer, hint: @Sendable (String) -> Bool, reusing previous: PreparedBodies? = nil) {
        let prepared = Concurrent.map(sources) { source in
            previous?.withHint(source) ?? (markdown.prepare(source), hint(source.text))
        }
        var byPath: [String: (source: MarkdownSource, prepared: PreparedMarkdown, mayHoldKey: Bool)] = [:]
        byPath.reserveCapacity(sources.count)
        for (source, (body, mayHoldKey)) in zip(sources, prepared) { byPath[source.path] = (source, body, mayHoldKey) }
        self.byPath = byPath
        // In the order of the sources: diagnostics come out in a stable order.
        diagnostics = prepared.flatMap(\.0.diagnostics)
    }

    let diagnostics: [Diagnostic]

    /// The prepared body of `source`, when it is one of the project's bodies as loaded: the
    /// same text, starting on the same line of its file (problems carry file positions).
    package subscript(source: MarkdownSource) -> PreparedMarkdown? {
        withHint(source)?.prepared
    }

    /// The prepared body of `source` (as the subscript finds it), with whether its text may
    /// hold a tracker key.
    func withHint(_ source: MarkdownSource) -> (prepared: PreparedMarkdown, mayHoldKey: Bool)? {
        guard let found = byPath[source.path], found.source.firstLine == source.firstLine, found.source.text == source.text else { return nil }
        return (found.prepared, found.mayHoldKey)
    }
}

extension Project {
    /// Every Markdown body of the project: release records, entries, pages.
    var allBodies: [MarkdownSource] {
        releases.flatMap { [$0.body] + $0.entries.map(\.body) } + unreleased.map(\.body) + pages.map(\.body)
    }
}
