import Testing
@testable import RelnotesMarkdown
@testable import RelnotesModel

@Suite("Markdown: heading ids and contents")
struct MarkdownHeadingIDTests {
    @Test("every heading gets a slug id, unique in the page; Markdown output has none", arguments: [
        "slugs", "repeats", "unicode", "in-admonitions",
    ])
    func golden(_ name: String) throws {
        try RenderRun.checkGolden("heading-ids/\(name)", variants: [.external])
    }

    @Test("hidden headings take no id: each audience numbers only the headings it sees")
    func hidden() throws {
        try RenderRun.checkGolden("heading-ids/hidden-headings", variants: [.external, .internal])
    }

    @Test("the rendered text lists its headings, admonition bodies included, for a table of contents")
    func contents() throws {
        let renderer = MarkdownRenderer(config: SiteConfig())
        let source = MarkdownSource(text: "# Notes\n\n!!! note\n    ## Notes\n\n## `build` *fast*\n", path: "page.md")
        let rendered = try renderer.render(source, for: "external", as: .html)
        #expect(rendered.headings == [
            Heading(level: 1, text: "Notes", id: "notes"),
            Heading(level: 2, text: "Notes", id: "notes-2"),
            Heading(level: 2, text: "build fast", id: "build-fast"),
        ])
    }
}
