import Testing
@testable import RelnotesMarkdown
@testable import RelnotesModel

/// The divergences from GitHub and MkDocs found in issue 8, each with a minimal input,
/// checked in both audiences and in HTML and Markdown output.
@Suite("Markdown: as GitHub and MkDocs users write it")
struct MarkdownGitHubMkDocsTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var markdown: String
        var html: [String]
        var commonMark: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "emphasis at the start of a table cell",
             markdown: "| _x_ | __x__ | *(x)* |***(a)***|\n|---|---|---|---|\n| 1 | 2 | 3 | 4 |\n",
             html: ["<th><em>x</em></th>", "<th><strong>x</strong></th>", "<th><em>(x)</em></th>", "<th><em><strong>(a)</strong></em></th>"],
             commonMark: ["| *x* | **x** | *(x)* | ***(a)*** |"]),
        Case(name: "emphasis at the start of a title-like line in a cell of a body row",
             markdown: "| a |\n|---|\n| _y_ z |\n", html: ["<td><em>y</em> z</td>"], commonMark: ["| *y* z |"]),
        Case(name: "details with an empty title",
             markdown: "??? note \"\"\n    Body.\n",
             html: ["<details class=\"admonition note\">\n<summary></summary>\n<p>Body.</p>\n</details>"],
             commonMark: ["> [!NOTE]\n>\n> Body."]),
        Case(name: "an admonition interrupting a paragraph, and one right after a body line",
             markdown: "Text.\n!!! note\n    a\n!!! tip\n    b\n",
             html: ["<p>Text.</p>\n<div class=\"admonition note\">", "<p>a</p>\n</div>\n<div class=\"admonition tip\">"],
             commonMark: ["Text.\n\n> [!NOTE]", "> [!TIP]"]),
        Case(name: "details with a quoted title and no kind",
             markdown: "???+ \"Open\"\n    Body.\n",
             html: ["<details class=\"admonition\" open>\n<summary>Open</summary>\n<p>Body.</p>"],
             commonMark: ["> **Open**"]),
        Case(name: "an opener without a space, and a kind starting with a digit",
             markdown: "!!!note\n    a\n\n!!! 2fa\n    b\n",
             html: ["<div class=\"admonition note\">", "<div class=\"admonition 2fa\">\n<p class=\"admonition-title\">2fa</p>"],
             commonMark: ["> [!NOTE]\n> **Note**", "> **2fa**"]),
        Case(name: "an admonition inside a block quote",
             markdown: "> !!! warning\n>     Careful.\n",
             html: ["<blockquote>\n<div class=\"admonition warning\">\n<p class=\"admonition-title\">Warning</p>\n<p>Careful.</p>\n</div>\n</blockquote>"],
             commonMark: ["> > **Warning**\n> >\n> > Careful."]),
        Case(name: "a task box that is also a link reference",
             markdown: "- [x] foo\n\n[x]: /url\n",
             html: ["<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> foo</li>"],
             commonMark: ["  - [x] foo"]),
        Case(name: "a box with nothing after it stays text",
             markdown: "- [ ]\n- [x]\n", html: ["<li>[ ]</li>", "<li>[x]</li>"], commonMark: ["  - \\[ \\]", "  - \\[x\\]"]),
        Case(name: "a table directly under a paragraph line",
             markdown: "Results:\n| a | b |\n|---|--:|\n| 1 | 2 |\n",
             html: ["<p>Results:</p>\n<table>", "<th style=\"text-align: right\">b</th>"],
             commonMark: ["Results:\n\n| a | b |\n| --- | --: |\n| 1 | 2 |"]),
        Case(name: "a table in a block quote keeps the quote around what follows it in Markdown output",
             markdown: "> | a |\n> |---|\n> | 1 |\n>\n> after\n",
             html: ["<blockquote>\n<table>", "</table>\n<p>after</p>\n</blockquote>"],
             commonMark: ["> | a |\n> | --- |\n> | 1 |\n> \n> after\n"]),
        Case(name: "bare URLs, www. links and e-mail addresses",
             markdown: "See https://example.com/a, www.example.org and help@example.com.\n",
             html: ["<a href=\"https://example.com/a\">https://example.com/a</a>,", "<a href=\"http://www.example.org\">www.example.org</a>", "<a href=\"mailto:help@example.com\">help@example.com</a>."],
             commonMark: ["<https://example.com/a>,", "[www.example.org](http://www.example.org)", "<help@example.com>."]),
        Case(name: "strikethrough with one or two tildes",
             markdown: "~~gone~~ and ~also~, not ~~~this~~~\n",
             html: ["<del>gone</del> and <del>also</del>, not ~~~this~~~"],
             commonMark: ["~~gone~~ and ~~also~~, not ~~~this~~~"]),
        Case(name: "autolinks never inside code or links",
             markdown: "`www.a.com` [see www.b.com](/x) <https://c.com>\n",
             html: ["<code>www.a.com</code> <a href=\"/x\">see www.b.com</a> <a href=\"https://c.com\">https://c.com</a>"],
             commonMark: ["`www.a.com` [see www.b.com](/x) <https://c.com>"]),
        Case(name: "a footnote stays text, never a link to its note",
             markdown: "Text[^1].\n\n[^1]: note\n",
             html: ["<p>Text[^1].</p>\n<p>[^1]: note</p>"],
             commonMark: ["Text\\[^1\\].\n\n\\[^1\\]: note"]),
        Case(name: "an admonition in a list item is a titled quote in Markdown output, not an alert",
             markdown: "- item\n\n    !!! note\n        Body.\n",
             html: ["<li>\n<p>item</p>\n<div class=\"admonition note\">"],
             commonMark: ["    > **Note**\n    >\n    > Body."]),
    ]

    @Test("each renders as GitHub or MkDocs renders it, in both audiences and both formats", arguments: cases)
    func renders(_ testCase: Case) {
        for audience in ["external", "internal"] {
            let html = InProcessRender.render(testCase.markdown, audience, .html)
            for expected in testCase.html { #expect(html.contains(expected), "\(audience) HTML:\n\(html)") }
            let markdown = InProcessRender.render(testCase.markdown, audience, .markdown)
            for expected in testCase.commonMark { #expect(markdown.contains(expected), "\(audience) Markdown:\n\(markdown)") }
            #expect(!markdown.contains("[!") || !testCase.name.contains("list item"))
        }
    }

    @Test("a footnote definition is a warning at its place")
    func footnoteWarning() {
        #expect(InProcessRender.diagnostics("Text[^1].\n\n> [^1]: note\n") == [
            "<stdin>:3:3: warning: footnotes are not supported: this definition and its references stay text; write the note in the text instead",
        ])
    }
}

@Suite("Markdown: tracker keys and autolinks")
struct MarkdownTrackerAutolinkTests {
    @Test("tracker keys are never linked inside autolinks, code or links, but are inside strikethrough", arguments: [MarkupFormat.html, .markdown])
    func noNesting(_ format: MarkupFormat) {
        var config = SiteConfig()
        config.tickets.url = "https://t.example.com/{key}"
        let input = "See https://x.com/REL-1 and www.y.com/REL-2, mail REL-3@x.com, ~~REL-4~~ and `REL-5` [REL-6](/u)\n"
        let output = InProcessRender.render(input, "internal", format, renderer: MarkdownRenderer(config: config))
        switch format {
        case .html:
            #expect(output == "<p>See <a href=\"https://x.com/REL-1\">https://x.com/REL-1</a> and <a href=\"http://www.y.com/REL-2\">www.y.com/REL-2</a>, mail <a href=\"mailto:REL-3@x.com\">REL-3@x.com</a>, <del><a href=\"https://t.example.com/REL-4\">REL-4</a></del> and <code>REL-5</code> <a href=\"/u\">REL-6</a></p>\n")
        default:
            #expect(output == "See <https://x.com/REL-1> and [www.y.com/REL-2](http://www.y.com/REL-2), mail <REL-3@x.com>, ~~[REL-4](https://t.example.com/REL-4)~~ and `REL-5` [REL-6](/u)\n")
        }
        let external = InProcessRender.render(input, "external", format, renderer: MarkdownRenderer(config: config))
        #expect(!external.contains("t.example.com"))
    }
}
