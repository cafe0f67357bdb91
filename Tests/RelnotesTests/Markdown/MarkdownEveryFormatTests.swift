import Foundation
import Testing
@testable import RelnotesMarkdown
@testable import RelnotesModel

/// `renderEveryFormat` writes CommonMark and plain text from the HTML rendering's tree
/// wherever that tree reads the same in every format: what it gives must be, byte for
/// byte, what a rendering in that format gives on its own.
@Suite("Markdown: every format from one tree")
struct MarkdownEveryFormatTests {
    static let renderers: [MarkdownRenderer] = [InProcessRender.renderer, CommonMarkSpecTests.unsafe]

    /// Bodies with relnotes' own syntax: containers seen and hidden, tracker keys linked for
    /// the internal audience, tables, task boxes, strikethrough, raw HTML, headings,
    /// admonitions, bare URLs, deep emphasis, dangerous links.
    static let bodies: [String] = [
        "A paragraph with REL-12 and OPS-3 in it, *emphasis* and `code`.\n",
        "Highlights:\n\n- one REL-1\n- two\n\n```swift\nlet x = 1\n```\n",
        "Before.\n\n::: internal\nOnly staff: REL-7, see https://tracker.example/REL-7.\n:::\n\nAfter.\n",
        "::: external\nCustomers only.\n:::\n",
        "- [ ] todo REL-4\n- [x] done\n",
        "| a | b |\n|---|---|\n| REL-1 | 2 |\n",
        "~~gone~~ and ~one~ tilde\n",
        "Raw <b>html</b> here.\n\n<div>block</div>\n",
        "## A heading\n\nText.\n",
        "!!! note \"Heads up\"\n    An admonition body with REL-9.\n",
        "Visit www.example.com or mail dana@example.com.\n",
        String(repeating: "*a **b ", count: 40) + "c" + String(repeating: "** b*", count: 40) + "\n",
        "[click](javascript:alert(1)) and ![img](data:image/png;base64,AAAA)\n",
        "> quoted REL-2\n>\n> - item\n",
        "Line one  \nline two\\\nline three\n",
        // Labelled in the internal view, with what else the formats write differently.
        "::: internal\n- [x] done REL-5\n:::\n",
        "::: internal\n| a | b |\n|---|---|\n| 1 | 2 |\n:::\n",
        "::: internal\n## Staff heading\n\nText.\n:::\n",
        "::: internal\n~~struck~~ REL-6\n:::\n",
        "::: internal\nRaw <b>html</b>.\n:::\n",
        "::: internal\n!!! warning \"Staff\"\n    Body.\n:::\n",
        "Public *a* [link](https://example.com \"t\").\n\n::: internal\n> Staff quote REL-8\n>\n> 1. one\n:::\n\n::: internal\n::: external\nNested.\n:::\n:::\n",
        "::: internal\n" + String(repeating: "*a **b ", count: 40) + "c" + String(repeating: "** b*", count: 40) + "\n:::\n",
    ]

    static func check(_ markdown: String, renderer: MarkdownRenderer) throws {
        let prepared = renderer.prepare(MarkdownSource(text: markdown, path: "<stdin>"))
        guard !prepared.diagnostics.containsErrors else { return }
        for audience in ["external", "internal"] {
            let every = try renderer.renderEveryFormat(prepared, for: audience)
            #expect(every.html == (try renderer.render(prepared, for: audience, as: .html)), "\(audience) HTML")
            if let markdown = every.markdown {
                #expect(markdown == (try renderer.render(prepared, for: audience, as: .markdown)), "\(audience) Markdown")
            }
            if let text = every.text {
                #expect(text == (try renderer.render(prepared, for: audience, as: .text)), "\(audience) text")
            }
        }
    }

    @Test("each CommonMark example: the formats written from one tree equal their own renderings", arguments: SpecExample.commonMark)
    func commonMark(_ example: SpecExample) throws {
        for renderer in Self.renderers { try Self.check(example.markdown, renderer: renderer) }
    }

    @Test("each GFM extension example likewise", arguments: SpecExample.gfmExtensions)
    func gfm(_ example: SpecExample) throws {
        for renderer in Self.renderers { try Self.check(example.markdown, renderer: renderer) }
    }

    @Test("bodies with containers, tracker keys, tables, task boxes, admonitions… likewise", arguments: bodies)
    func extensions(_ markdown: String) throws {
        for renderer in Self.renderers { try Self.check(markdown, renderer: renderer) }
    }

    @Test("a plain body gets every format from one tree; one with a heading, a table or a box does not")
    func whereShared() throws {
        let renderer = InProcessRender.renderer
        func shared(_ markdown: String, _ audience: String = "external") throws -> Bool {
            let every = try renderer.renderEveryFormat(renderer.prepare(MarkdownSource(text: markdown, path: "<stdin>")), for: audience)
            return every.markdown != nil && every.text != nil
        }
        #expect(try shared(Self.bodies[0]))
        #expect(try shared(Self.bodies[0], "internal"))
        #expect(try shared(Self.bodies[1]))
        // The internal view labels what customers do not see, which only HTML shows: the
        // other formats are written before the labels.
        #expect(try shared(Self.bodies[2]))
        #expect(try shared(Self.bodies[2], "internal"))
        #expect(try shared(Self.bodies[21], "internal"))
        // Labels and a task box, table, heading or strikethrough: each format on its own.
        for index in 15...18 { #expect(try !shared(Self.bodies[index], "internal"), "body \(index)") }
        for index in [4, 5, 6, 7, 8, 9] { #expect(try !shared(Self.bodies[index]), "body \(index)") }
    }
}
