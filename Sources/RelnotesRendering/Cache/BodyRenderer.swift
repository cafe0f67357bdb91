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
        prepared = PreparedBodies(project, with: markdown, hint: variants.mayHoldKey, reusing: previous?.prepared)
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
        // A body of the project keeps its renderings itself; any other text (not loaded
        // with the project) is kept in the cache, found by its path and checked by its text.
        let body = prepared.body(source) ?? cache.body(of: source) {
            PreparedBody(source: source, prepared: markdown.prepare(source), mayHoldKey: variants.mayHoldKey(source.text))
        }
        func keyOf(_ format: MarkupFormat, _ shape: RenderCache.Shape?) -> RenderCache.RenderingKey {
            RenderCache.RenderingKey(variant: variants.variant(of: body.prepared, mayHoldKey: body.mayHoldKey, for: audience, as: format), format: format, shape: shape)
        }
        let key = keyOf(format, shape)
        if let cached = body.rendering(key) { return try cached.get() }
        let unshaped: Result<RenderedMarkup, DiagnosticsError>
        if shape != nil, let made = body.take(keyOf(format, nil)) {
            // Made by the HTML rendering (below) and kept only until it is reshaped here.
            unshaped = made
        } else {
            unshaped = Result { () throws(DiagnosticsError) in
                guard format == .html && shape == nil else { return try markdown.render(body.prepared, for: audience, as: format) }
                // Where one tree serves every format, the other formats' renderings come
                // with the HTML one, for the notes, releases.json and search to find.
                let every = try markdown.renderEveryFormat(body.prepared, for: audience)
                for (other, made) in [(MarkupFormat.markdown, every.markdown), (.text, every.text)] {
                    if let made { body.storeIfAbsent(keyOf(other, nil), .success(made)) }
                }
                return every.html
            }
        }
        let result = unshaped.map { rendered in
            var rendered = rendered
            rendered.text = reshape(rendered.text)
            return rendered
        }
        body.store(key, result)
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
