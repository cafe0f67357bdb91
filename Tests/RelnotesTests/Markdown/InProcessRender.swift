@testable import RelnotesMarkdown
@testable import RelnotesModel

/// The library's renderer driven in process, as `relnotes render` drives it, for tests that
/// need many renderings or the diagnostics themselves.
enum InProcessRender {
    static let renderer = MarkdownRenderer(config: SiteConfig())

    /// The text for `audience` in `format`, or the description of the first error.
    static func render(_ markdown: String, _ audience: String = "external", _ format: MarkupFormat = .html, renderer: MarkdownRenderer = renderer) -> String {
        do {
            return try renderer.render(MarkdownSource(text: markdown, path: "<stdin>"), for: audience, as: format).text
        } catch {
            return error.diagnostics.first?.description ?? "error"
        }
    }

    /// The problems `prepare` finds, as printed.
    static func diagnostics(_ markdown: String) -> [String] {
        renderer.prepare(MarkdownSource(text: markdown, path: "<stdin>")).diagnostics.map(\.description)
    }
}
