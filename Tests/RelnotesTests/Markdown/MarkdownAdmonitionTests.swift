import Testing

@Suite("Markdown: MkDocs admonitions")
struct MarkdownAdmonitionTests {
    @Test("admonitions become MkDocs boxes in HTML and GitHub alerts with a bold title in Markdown", arguments: [
        "note", "titled", "untitled", "collapsible", "expanded", "kinds", "title-escaping", "body-blocks", "nested",
        "not-admonitions", "openers",
    ])
    func golden(_ name: String) throws {
        try RenderRun.checkGolden("admonitions/\(name)", variants: [.external])
    }

    @Test("admonitions and audience containers nest in each other, filtered per audience", arguments: [
        "container-in-body", "in-container",
    ])
    func withContainers(_ name: String) throws {
        try RenderRun.checkGolden("admonitions/\(name)", variants: [.external, .internal])
    }

    @Test("admonitions nested deeper than the limit are an error at the too-deep opener, not a crash")
    func tooDeep() throws {
        let depth = 200
        let markdown = (0..<depth).map { String(repeating: " ", count: 4 * $0) + "!!! note" }.joined(separator: "\n")
            + "\n" + String(repeating: " ", count: 4 * depth) + "deepest text\n"
        let result = try RenderRun.render(markdown)
        #expect(result.failed)
        #expect(result.text == "")
        #expect(result.problems == ["<stdin>:17:65: error: admonitions are nested more than 16 deep"])
    }

    @Test("sixteen levels of admonitions are allowed")
    func deepestAllowed() throws {
        let markdown = (0..<16).map { String(repeating: " ", count: 4 * $0) + "!!! note" }.joined(separator: "\n")
            + "\n" + String(repeating: " ", count: 64) + "deepest text\n"
        let result = try RenderRun.render(markdown)
        #expect(!result.failed)
        #expect(result.text.components(separatedBy: "<div class=\"admonition note\">").count == 17)
        #expect(result.text.contains("<p>deepest text</p>"))
    }

    @Test("a problem inside an admonition body is reported at its place in the file")
    func positionInBody() throws {
        let result = try RenderRun.render("Intro.\n\n!!! note\n    Body.\n\n    ::: internl\n    Hidden.\n    :::\n")
        #expect(result.failed)
        #expect(result.problems.first == "<stdin>:6:5: error: unknown audience 'internl' in audience container — did you mean 'internal'?")
    }
}
