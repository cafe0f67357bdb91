import Foundation
import Testing

/// Through the binary: a depth that overflows a stack must be tried on the stack a user's
/// `relnotes render` has, and would take the whole test run down in process.
@Suite("Markdown: deep nesting")
struct MarkdownDeepNestingTests {
    static let depth = 100_000

    /// Each nesting structure, by the marker that opens one level of it.
    static let levelMarkers = ["block quotes": ">", "list items": "- ", "ordered list items": "1. "]

    @Test("100,000 levels of nesting render without crashing, in both formats", arguments: levelMarkers.keys.sorted())
    func deep(structure: String) throws {
        let markdown = String(repeating: Self.levelMarkers[structure]!, count: Self.depth) + " deep\n"
        for format in ["html", "markdown"] {
            let result = try RenderRun.command(markdown, .external, format: format)
            #expect(result.status == 0, "\(structure) as \(format)")
            #expect(result.stdout.contains("deep"), "\(structure) as \(format)")
        }
    }

    @Test("tracker links in deeply nested text take time in proportion to the text, not to its depth")
    func trackerLinksInDeepText() throws {
        let markdown = String(repeating: ">", count: Self.depth) + " REL-1 " + String(repeating: "*a* ", count: 2_000) + "\n"
        let start = Date()
        let result = try RenderRun.command(markdown, .ticketsInternal)
        #expect(result.status == 0)
        #expect(result.stdout.contains("<a href=\"https://\(Configs.trackerHost)/browse/REL-1\">REL-1</a>"))
        #expect(Date().timeIntervalSince(start) < 10, "a walk up the tree from every text node is quadratic")
    }

    @Test("10,000 nested audience containers are filtered without crashing")
    func deepContainers() throws {
        let levels = 10_000
        let markdown = String(repeating: "::: internal\n", count: levels) + "SECRET\n" + String(repeating: ":::\n", count: levels) + "Public.\n"
        let external = try RenderRun.command(markdown, .external)
        #expect(external.status == 0)
        #expect(external.stdout == "<p>Public.</p>\n")
        let staff = try RenderRun.command(markdown, .internal)
        #expect(staff.stdout == "<div class=\"audience-only\" data-audience=\"internal\">\n<p>SECRET</p>\n</div>\n<p>Public.</p>\n", "labelled for staff")
    }
}
