@testable import RelnotesMarkdown
@testable import RelnotesModel

/// One Markdown body rendered in process, as `relnotes render` renders standard input:
/// the text, and the problems as the command prints them on standard error.
struct Rendering {
    /// The rendered text; empty when an error stopped the rendering.
    var text: String
    /// Warnings, or the errors that stopped the rendering, sorted and printed as `path:line:column: …`.
    var problems: [String]
    /// Whether an error stopped the rendering (`relnotes render` exits 1 then).
    var failed: Bool

    init(_ markdown: String, for audience: String, as format: MarkupFormat, renderer: MarkdownRenderer) {
        let prepared = renderer.prepare(MarkdownSource(text: markdown, path: "<stdin>"))
        do {
            text = try renderer.render(prepared, for: audience, as: format).text
            problems = prepared.diagnostics.sortedForDisplay().map(\.description)
            failed = false
        } catch {
            text = ""
            problems = error.diagnostics.sortedForDisplay().map(\.description)
            failed = true
        }
    }
}

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
