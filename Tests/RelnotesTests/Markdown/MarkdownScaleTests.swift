import Foundation
import Testing
@testable import RelnotesMarkdown
@testable import RelnotesModel

/// Texts far larger or more repetitive than notes usually are: the shapes that used to take
/// time in the square of their size. These state what comes out, never how long it takes.
@Suite("Markdown: large and repetitive texts")
struct MarkdownScaleTests {
    let renderer = MarkdownRenderer(config: SiteConfig())

    func render(_ text: String, for audience: String = "external", as format: MarkupFormat = .html) throws -> RenderedMarkup {
        try renderer.render(MarkdownSource(text: text, path: "page.md"), for: audience, as: format)
    }

    // MARK: - Heading ids

    @Test("30,000 equal headings get the ids x, x-3, x-4, … after a heading written x-2: unique and in reading order")
    func equalHeadings() throws {
        let count = 30_000
        let rendered = try render("# x-2\n\n" + String(repeating: "# x\n\n", count: count))
        let ids = rendered.headings.map(\.id)
        #expect(ids.count == count + 1)
        #expect(ids.prefix(4) == ["x-2", "x", "x-3", "x-4"])
        #expect(ids.last == "x-\(count + 1)")
        #expect(Set(ids).count == ids.count)
        #expect(rendered.text.hasPrefix("<h1 id=\"x-2\">x-2</h1>\n<h1 id=\"x\">x</h1>\n<h1 id=\"x-3\">x</h1>\n"))
    }

    @Test("ids are what trying x, x-2, x-3, … in turn gives, whatever the order of equal and numbered headings")
    func idsAsBefore() {
        let texts = ["x", "x-2", "x", "X 2", "x", "x-3", "y", "x", "x-5", "x", "x", "", "?", "section", "x-2-2", "x-2", "x-2"]
        // The definition: the first of slug, slug-2, slug-3, … not taken yet.
        var taken = Set<String>()
        let expected = texts.map { text -> String in
            let base = HeadingSlugs.slug(text)
            var candidate = base, number = 2
            while taken.contains(candidate) {
                candidate = "\(base)-\(number)"
                number += 1
            }
            taken.insert(candidate)
            return candidate
        }
        let slugs = HeadingSlugs()
        #expect(texts.map(slugs.unique(for:)) == expected)
    }

    @Test("slugs of ASCII and of other text follow the same rule", arguments: [
        ("Hello, World!", "hello-world"), ("  API_v2 - rate-limit  ", "--api_v2---rate-limit--"), ("Ünïcode Straße", "ünïcode-straße"),
        ("!!!", "section"), ("Tab\there", "tabhere"), ("Café 2", "café-2"),
    ])
    func slugs(text: String, slug: String) {
        #expect(HeadingSlugs.slug(text) == slug)
    }

    @Test("relnotes escapes ASCII and other text alike, byte by byte (a combining mark does not shield an ampersand)", arguments: [
        ("a&b<c>\"d'e", "a&amp;b&lt;c&gt;&quot;d&#39;e"), ("é&<", "é&amp;&lt;"), ("plain", "plain"), ("&\u{301}", "&amp;\u{301}"),
    ])
    func escaping(text: String, escaped: String) {
        #expect(HTML.escape(text) == escaped)
    }

    // MARK: - Tables

    @Test("2,000 tables in one text each render their cells with the text's link references")
    func manyTables() throws {
        let count = 2_000
        let tables = (0..<count).map { "| a | b |\n|---|--:|\n| \($0) | [x][r] \\| *y* |\n" }.joined(separator: "\n")
        let html = try render(tables + "\n[r]: /target\n").text
        let cell = "<td style=\"text-align: right\"><a href=\"/target\">x</a> | <em>y</em></td>"
        #expect(html.components(separatedBy: "<table>").count == count + 1)
        #expect(html.components(separatedBy: cell).count == count + 1)
        #expect(html.contains("<td>1999</td>"))
    }

    @Test("tables whose cells expand more than cmark allows in one parse still resolve each table's references")
    func referenceExpansionLimit() throws {
        // cmark resolves references in one parse only up to the size of what it parses
        // (at least 100 kB). Eight 30 kB references: one parse per table resolves them all.
        let target = "/" + String(repeating: "t", count: 30_000)
        let tables = (0..<8).map { "| n |\n|---|\n| [x\($0)][r] |\n" }.joined(separator: "\n")
        let html = try render(tables + "\n[r]: \(target)\n").text
        for number in 0..<8 {
            #expect(html.contains("<td><a href=\"\(target)\">x\(number)</a></td>"), "table \(number)")
        }
    }

    @Test("pipe rows split the same way in ASCII and in other text", arguments: [
        (" | a \\| b | `c\\|d` |  ", ["a | b", "`c|d`"]),
        ("| é \\| b | `c` |", ["é | b", "`c`"]),
        ("a|b\\", ["a", "b\\"]),
        ("ä|b\\", ["ä", "b\\"]),
        ("|", [""]), ("", [""]), ("| x |  |", ["x", ""]),
    ])
    func pipeRows(row: String, cells: [String]) {
        #expect(PipeTable.cells(Substring(row)) == cells)
    }

    // MARK: - Containers and tracker keys

    @Test("5,000 internal containers are each labelled for staff and all hidden from customers")
    func manyContainers() throws {
        let count = 5_000
        let text = (0..<count).map { "::: internal\nSecret \($0).\n:::\n\nPublic \($0).\n" }.joined(separator: "\n")
        let staff = try render(text, for: "internal").text
        #expect(staff.components(separatedBy: "<div class=\"audience-only\" data-audience=\"internal\">\n<p>Secret ").count == count + 1)
        let customers = try render(text).text
        #expect(!customers.contains("Secret"))
        #expect(customers.components(separatedBy: "<p>Public ").count == count + 1)
    }

    @Test("10,000 tracker keys on one page are all linked for staff")
    func manyKeys() throws {
        var config = SiteConfig()
        config.tickets.url = "https://tracker.example.com/browse/{key}"
        let text = (0..<1_000).map { line in (0..<10).map { "REL-\(line * 10 + $0)" }.joined(separator: " ") }.joined(separator: "\n\n")
        let html = try MarkdownRenderer(config: config).render(MarkdownSource(text: text, path: "page.md"), for: "internal", as: .html).text
        #expect(html.components(separatedBy: "<a href=\"https://tracker.example.com/browse/REL-").count == 10_001)
        #expect(html.contains("<a href=\"https://tracker.example.com/browse/REL-9999\">REL-9999</a></p>"))
    }

    // MARK: - Deep emphasis

    @Test("emphasis nested deeper than 16 levels comes out in Markdown exactly as cmark writes it", arguments: [
        "*a **a " * 1_000 + "b" + " a** a*" * 1_000,
        "***" * 700 + "x" + "***" * 700,
        "_a " * 40 + "[*l* **m**](u)" + " a_" * 40,
        "*a " * 30 + "[" + "**b " * 25 + "c" + " b**" * 25 + "](/u)" + " a*" * 30,
        "*" * 30 + "![*i* ![**j**](k)](m \"t\")" + "*" * 30,
        "> " + "*x _y " * 20 + "`z`" + " y_ x*" * 20 + "\\\n" + "- " + "**q " * 20 + "r" + " q**" * 20,
    ])
    func deepEmphasis(markdown: String) throws {
        let expected = try CmarkReference.commonMark(markdown)
        #expect(try render(markdown, as: .markdown).text == expected)
    }

    // MARK: - Bare links

    /// Runs where cmark-gfm reads on from every `@` or counts the parentheses again for
    /// every `)` it trims: as cmark-gfm renders them (at a size it renders quickly), and at
    /// a size where that would take minutes, with the same links.
    @Test("runs of @ and of ) after a bare link come out as cmark-gfm writes them")
    func bareLinkRuns() throws {
        let gfm = CmarkGFMReference.extensions
        let (small, large) = (2_000, 300_000)
        do {
            let texts = [
                ("a@", "a@" * small, "a@" * large),
                ("word@", "aaaaaaaaaa@" * small + "b.c", "aaaaaaaaaa@" * (large / 6) + "b.c"),
                ("url)", "http://a" + ")" * small, "http://a" + ")" * large),
                ("url()", "see www.a.b/" + "()" * small + ")" * small, "see www.a.b/" + "()" * (large / 2) + ")" * (large / 2)),
            ]
            for (name, short, long) in texts {
                #expect(try render(short).text == CmarkGFMReference.run(short, arguments: gfm), "\(name)")
                let rendered = try render(long).text
                #expect(rendered.utf8.count > long.utf8.count, "\(name)")
            }
        }
        #expect(try render("a@" * 300_000).text == "<p>" + "a@" * 300_000 + "</p>\n", "no address: each has two @ or none after it")
        #expect(try render("http://a" + ")" * 100_000).text == "<p><a href=\"http://a\">http://a</a>" + ")" * 100_000 + "</p>\n")
        #expect(try render("aaaaaaaaaa@" * 50_000 + "b.c").text == "<p>" + "aaaaaaaaaa@" * 50_000 + "b.c</p>\n", "past the 1,001st @")
    }

    @Test("cmark-gfm looks at the first 1,001 @ of a text for addresses, and relnotes too", arguments: [
        "a@b.c " * 1_005, "x@ " * 998 + "a@b.c " * 4, "@@ " * 600 + "a@b.c " * 600, "a@a@a@b.c " * 400,
        "aaaaaaaaaa@" * 1_000 + "b.c", "aaaaaaaaaa@" * 1_001 + "b.c", "aaaaaaaaaa@" * 1_002 + "b.c",
        "a@b.c " * 999 + "see http://x.y/ then " + "a@b.c " * 999,
    ])
    func addressesLookedFor(text: String) throws {
        #expect(try render(text).text == CmarkGFMReference.run(text, arguments: CmarkGFMReference.extensions))
    }
}

private func * (text: String, count: Int) -> String { String(repeating: text, count: count) }
