import Testing
@testable import RelnotesMarkdown
@testable import RelnotesModel

@Suite("Markdown: audience containers")
struct MarkdownAudienceContainerTests {
    static let goldenCases = ["nested", "in-list", "in-block-quote", "in-code", "link-reference", "list-of-audiences"]

    @Test("containers show their content only to the audiences that see it", arguments: goldenCases.filter { $0 != "in-code" })
    func golden(_ name: String) throws {
        try RenderRun.checkGolden("audience-containers/\(name)", variants: [.external, .internal])
    }

    @Test("container lines in code are never containers; in a code span over lines they are a warning")
    func inCode() throws {
        let warning = "warning: this audience container line is read as code (indented four columns or a tab past its block, in a code fence never closed, or in a code span over lines), so it hides nothing and shows as code; indent it less or close the fence or span, or put code in a closed fenced block"
        try RenderRun.checkGolden("audience-containers/in-code", variants: [.external, .internal], problems: ["<stdin>:8:1: \(warning)"])
    }

    @Test("nothing of hidden content reaches external output, in either format", arguments: goldenCases.map { "audience-containers/\($0)" } + [
        "admonitions/container-in-body", "admonitions/in-container", "heading-ids/hidden-headings",
    ])
    func nothingHiddenLeaks(_ path: String) throws {
        let input = try String(contentsOf: Fixtures.url("markdown/\(path).md"), encoding: .utf8)
        for format in ["html", "markdown"] {
            let result = try RenderRun.render(input, .external, format: format)
            #expect(!result.failed, "\(path) as \(format) failed: \(result.problems)")
            let output = result.text
            #expect(!output.isEmpty, "\(path) as \(format) renders something")
            #expect(!output.lowercased().contains("secret"), "\(path) as \(format)")
            if !path.hasSuffix("in-code") { #expect(!output.contains(":::"), "\(path) as \(format)") }
        }
    }

    @Test("a link reference defined in a hidden container does not make a link for external readers")
    func hiddenLinkReference() throws {
        let input = "[x]\n\n::: internal\n[x]: https://secret.example.com\n:::\n"
        #expect(try RenderRun.render(input, .external).text == "<p>[x]</p>\n")
        #expect(try RenderRun.render(input, .internal).text == "<p><a href=\"https://secret.example.com\">x</a></p>\n")
    }

    @Test("containers work with CRLF and CR line endings, as editors on Windows send them", arguments: ["\r\n", "\r"])
    func lineEndings(_ newline: String) throws {
        let input = ["Public.", "", "::: internal", "SECRET", ":::", "", "> ::: internal", "> SECRET", "> :::", ""]
            .joined(separator: newline)
        #expect(try RenderRun.render(input, .external).text == "<p>Public.</p>\n")
        #expect(try RenderRun.render(input, .internal).text.contains("<p>SECRET</p>"))
    }

    @Test("a container right after an admonition's body is read with the admonition replaced, not as the code span the body opens")
    func containerAfterAdmonition() throws {
        let input = "!!! note\n    `x\n::: internal\n` SECRET\n:::\n\nAfter.\n"
        let external = try RenderRun.render(input, .external)
        #expect(!external.failed)
        #expect(external.text == "<div class=\"admonition note\">\n<p class=\"admonition-title\">Note</p>\n<p>`x</p>\n</div>\n<p>After.</p>\n")
        #expect(try RenderRun.render(input, .internal).text.contains("SECRET"))
    }

    // MARK: - Errors

    @Test("container problems are errors at their place, and nothing is rendered", arguments: [
        ("Public.\n\n::: internal\nNever closed.\n",
         "<stdin>:3:1: error: audience container 'internal' is never closed; add a ':::' line where it ends"),
        ("Public.\n\n:::\n",
         "<stdin>:3:1: error: ':::' closes no audience container"),
        ("::: internl\nHidden.\n:::\n",
         "<stdin>:1:1: error: unknown audience 'internl' in audience container — did you mean 'internal'?"),
        ("::: staff\nHidden.\n:::\n",
         "<stdin>:1:1: error: unknown audience 'staff' in audience container"),
        ("- item\n- ::: internal\n",
         "<stdin>:2:3: error: an audience container line must stand alone on its line, outside list markers"),
        ("> 1. ::: internal\n",
         "<stdin>:1:6: error: an audience container line must stand alone on its line, outside list markers"),
        ("<div>\n::: internal\n</div>\n",
         "<stdin>:2:1: error: this audience container line is inside a raw HTML block, where it cannot work; put a blank line before it"),
        ("> Quoted.\n>   ::: internal\n",
         "<stdin>:2:5: error: audience container 'internal' is never closed; add a ':::' line where it ends"),
    ])
    func errors(input: String, message: String) throws {
        let result = try RenderRun.render(input, .internal)
        #expect(result.failed)
        #expect(result.text == "")
        #expect(result.problems == [message])
    }

    @Test("an unclosed container fails for every audience: it never falls open", arguments: ["external", "internal"])
    func unclosedFailsForEveryone(audience: String) throws {
        let renderer = MarkdownRenderer(config: SiteConfig())
        let prepared = renderer.prepare(MarkdownSource(text: "---\n::: internal\nSECRET\n", path: "content/pages/p.md", firstLine: 4))
        #expect(prepared.diagnostics.map(\.description) == [
            "content/pages/p.md:5:1: error: audience container 'internal' is never closed; add a ':::' line where it ends",
        ])
        #expect(throws: DiagnosticsError.self) { try renderer.render(prepared, for: audience, as: .html) }
    }

    @Test("a container line behind a list marker is an error, with every other problem of the text")
    func misplacedAndStray() throws {
        let result = try RenderRun.render("- ::: internal\n  Hidden?\n  :::\n", .external)
        #expect(result.failed)
        #expect(result.problems == [
            "<stdin>:1:3: error: an audience container line must stand alone on its line, outside list markers",
            "<stdin>:3:3: error: ':::' closes no audience container",
        ])
    }
}
