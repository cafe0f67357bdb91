import Foundation
import Testing
@testable import RelnotesMarkdown
@testable import RelnotesModel

/// Front-matter and configuration text reaches `notes.md`, `CHANGELOG.md` and Markdown
/// announcements as text: rendered by cmark with raw HTML allowed (as a careless reader
/// would), it is the same characters, never a link or an element.
@Suite("Markdown outputs: front matter as text")
struct MarkdownOutputEscapingTests {
    static let link = "[x](javascript:alert(1))"
    static let image = "<img src=x onerror=alert(1)>"

    @Test("escaped text reads back as exactly the text it was", arguments: [
        link, image, "# not a heading", "- not a list", "1. not a list", "2026) no", "*a* _b_ `c` ~~d~~ |e| &amp; \\f",
        "plain text, kept: Dana Lee (QA) 1.2.0", "line\nbreak",
    ])
    func roundTrip(text: String) throws {
        let html = try CmarkReference.html("A " + MarkdownText.escape(text) + "\n")
        let expected = HTML.escape(text.replacingOccurrences(of: "\n", with: " "))
        #expect(html == "<p>A \(expected)</p>\n")
        // At the start of a line, too.
        #expect(try CmarkReference.html(MarkdownText.escape(text) + "\n") == "<p>\(expected)</p>\n")
    }

    @Test("a ticket URL stays one link destination")
    func destination() throws {
        let html = try CmarkReference.html("[K](" + MarkdownText.destination("https://t.example/a)b(c\\d <e>") + ")\n")
        #expect(html == "<p><a href=\"https://t.example/a)b(c%5Cd%20%3Ce%3E\">K</a></p>\n")
    }

    @Test("component, release manager, sign-off, site title and type titles stay text in every Markdown output")
    func outputs() throws {
        let project = try FixtureProject("basic")
        defer { project.remove() }
        try project.write("relnotes.yml", """
            title: '\(Self.image) notes'
            base_url: https://notes.harbor.example/
            tickets:
              url: https://tracker.harbor.example/browse/{key}
              link_for: [internal]
            types:
              feature: New features
              improvement: '\(Self.link) improvements'
              fix: Bug fixes
              known-issue: Known issues
              impact: {title: Impact, audience: internal}
            """)
        try project.write("content/releases/1.1.0/HB-9-csv.md", """
            ---
            type: improvement
            title: CSV exports are twice as fast
            audience: external
            tickets: [HB-9]
            component: '\(Self.link)'
            ---
            """)
        try project.write("content/releases/1.1.0/release.md", """
            ---
            version: 1.1.0
            status: released
            date: 2026-02-10
            audience: external
            internal:
              release_manager: '\(Self.image)'
              sign_off: {'\(Self.link)': '\(Self.image)'}
            ---
            Text.
            """)
        #expect(try project.run(["build"]).status == 0)
        let announcement = try project.run(["announce", "1.1.0", "--audience", "internal", "--format", "markdown"])
        #expect(announcement.status == 0)
        let outputs = [
            try project.read("site/internal/releases/1.1.0/notes.md"),
            try project.read("site/internal/CHANGELOG.md"),
            try project.read("site/external/CHANGELOG.md"),
            announcement.stdout,
        ]
        for markdown in outputs {
            let html = try CmarkReference.unsafeHTML(markdown)
            #expect(!html.contains("<img"), "\(markdown)")
            #expect(!html.contains("javascript:alert(1)\""), "\(markdown)")
        }
        #expect(try CmarkReference.unsafeHTML(outputs[0]).contains("Release manager: \(HTML.escape(Self.image))"))
        #expect(try CmarkReference.unsafeHTML(outputs[0]).contains(HTML.escape(Self.link)))
        #expect(try CmarkReference.unsafeHTML(outputs[3]).contains(HTML.escape(Self.image) + " notes"))
    }

    @Test("a ticket value that is not a tracker key is an error at the value")
    func ticketValue() throws {
        let problems = try InlineProject.problems([
            "content/releases/1.0.0/release.md": InlineProject.release(),
            "content/releases/1.0.0/fix.md": InlineProject.entry("A fix", "tickets: [REL-1, '\(Self.link)']\ninternal: {tickets: [ops 7]}"),
        ])
        #expect(problems == [
            "content/releases/1.0.0/fix.md:5:18: error: '\(Self.link)' is not a tracker key: it must match 'tickets.pattern' ('[A-Z][A-Z0-9]+-[0-9]+') as a whole",
            "content/releases/1.0.0/fix.md:6:22: error: 'ops 7' is not a tracker key: it must match 'tickets.pattern' ('[A-Z][A-Z0-9]+-[0-9]+') as a whole",
        ])
    }
}
