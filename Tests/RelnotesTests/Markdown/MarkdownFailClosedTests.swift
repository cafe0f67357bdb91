import Testing
@testable import RelnotesMarkdown

/// Containers in places where they used to fall open or land outside their block.
@Suite("Markdown: containers in quotes, lists and code")
struct MarkdownFailClosedTests {
    static let quotedAdmonition = """
        > !!! warning "Careful"
        >     Visible.
        >
        >     ::: internal
        >     SECRET text.
        >     :::
        >
        > After.

        """

    @Test("a container inside an admonition inside a block quote hides its text, in HTML and Markdown", arguments: MarkupFormat.allCases)
    func containerInQuotedAdmonition(_ format: MarkupFormat) {
        let external = InProcessRender.render(Self.quotedAdmonition, "external", format)
        #expect(!external.contains("SECRET"))
        #expect(!external.contains(":::"))
        #expect(external.contains("Visible."))
        #expect(external.contains("After."))
        #expect(InProcessRender.render(Self.quotedAdmonition, "internal", format).contains("SECRET text."))
        #expect(InProcessRender.diagnostics(Self.quotedAdmonition) == [])
    }

    @Test("a problem in a quoted admonition's body is reported at its column in the file")
    func positionInQuotedBody() {
        #expect(InProcessRender.diagnostics("> !!! note\n>     ::: internl\n>     x\n>     :::\n") == [
            "<stdin>:2:7: error: unknown audience 'internl' in audience container — did you mean 'internal'?",
        ])
    }

    @Test("the quoted admonition is a box inside the quote, and a titled quote in Markdown output")
    func quotedAdmonitionShape() {
        #expect(InProcessRender.render(Self.quotedAdmonition) == """
            <blockquote>
            <div class="admonition warning">
            <p class="admonition-title">Careful</p>
            <p>Visible.</p>
            </div>
            <p>After.</p>
            </blockquote>

            """)
        #expect(InProcessRender.render(Self.quotedAdmonition, "internal", .markdown) == """
            > > **Careful**
            > >
            > > Visible.
            > >
            > > SECRET text.
            > 
            > After.

            """)
    }

    @Test("container-shaped lines that cmark reads as code the author may not have meant are warnings at their place, and show as code", arguments: [
        ("- item\n\n      ::: internal\n      x\n      :::\n", ["<stdin>:3:7", "<stdin>:5:7"]),
        ("Text.\n\n\t::: internal\n\tx\n\t:::\n", ["<stdin>:3:2", "<stdin>:5:2"]),
        ("> Quote.\n>\n>     ::: internal\n", ["<stdin>:3:7"]),
        ("-     ::: internal\n-     x\n-     :::\n", ["<stdin>:1:7", "<stdin>:3:7"]),
        ("Text.\n\n```\n::: internal\nx\n:::\n", ["<stdin>:4:1", "<stdin>:6:1"]),
        ("A `span\n::: internal\nx\n:::\nends` here.\n", ["<stdin>:2:1", "<stdin>:4:1"]),
    ])
    func containersInIndentedCode(input: String, places: [String]) {
        let message = ": warning: this audience container line is read as code (indented four columns or a tab past its block, in a code fence never closed, or in a code span over lines), so it hides nothing and shows as code; indent it less or close the fence or span, or put code in a closed fenced block"
        #expect(InProcessRender.diagnostics(input) == places.map { $0 + message })
        #expect(InProcessRender.render(input).contains("::: internal"))
    }

    @Test("container lines in a closed code fence, which is how they are documented, are not warned about")
    func containersInFencedCode() {
        #expect(InProcessRender.diagnostics("```\n::: internal\nx\n:::\n```\n\n    ```\n    ::: internal\n").count == 1)
        #expect(InProcessRender.diagnostics("```\n::: internal\nx\n:::\n```\n\n~~~\n> ::: internal\n~~~\n") == [])
    }

    @Test("a container in a block quote in a list item leaves the quote in the item, for both audiences", arguments: ["external", "internal"])
    func containerInQuoteInList(_ audience: String) {
        let input = "- item\n\n  > quoted\n  >\n  > ::: internal\n  > SECRET\n  > :::\n  >\n  > after\n"
        let html = InProcessRender.render(input, audience)
        #expect(html.hasSuffix("<p>after</p>\n</blockquote>\n</li>\n</ul>\n"))
        #expect(html.contains("SECRET") == (audience == "internal"))
        let markdown = InProcessRender.render(input, audience, .markdown)
        #expect(markdown.hasSuffix("  >\n    > after\n") || markdown.hasSuffix("> after\n"))
        #expect(!markdown.contains("\n> after"), "the quote stays indented inside the item")
    }

    @Test("task items inside a container keep their boxes in the internal view", arguments: MarkupFormat.allCases)
    func tasksInContainer(_ format: MarkupFormat) {
        let input = "::: internal\n- [x] done\n- [ ] todo\n:::\n"
        let output = InProcessRender.render(input, "internal", format)
        switch format {
        case .html:
            #expect(output.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" /> done"))
            #expect(output.contains("<input type=\"checkbox\" disabled=\"\" /> todo"))
        case .markdown, .text:
            #expect(output.contains("[x] done"))
            #expect(output.contains("[ ] todo"))
            #expect(!output.contains("\\["))
        }
        #expect(!InProcessRender.render(input, "external", format).contains("done"))
    }
}
