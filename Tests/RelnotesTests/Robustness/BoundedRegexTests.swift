import Foundation
import Testing
@testable import RelnotesMarkdown
@testable import RelnotesModel

/// User patterns cannot hang `check` or `build`: ICU with a bound on each search's work,
/// exponential patterns refused where they are written.
@Suite("Regular expressions with a budget")
struct BoundedRegexTests {
    static func problems(_ yaml: String) throws -> [String] {
        try InlineProject.problems(["relnotes.yml": yaml, "content/pages/.keep": ""])
    }

    @Test("patterns that backtrack exponentially are refused at their place in relnotes.yml", arguments: [
        ("sensitive_patterns: ['(a+)+$']\n", "1:22: error: the sensitive pattern '(a+)+$' backtracks exponentially (on 'a' repeated 40 times it gave up after 10 million steps); avoid nested or overlapping repetition such as '(a+)+' or '(a|aa)*'"),
        ("sensitive_patterns:\n  - ok\n  - '(x|xx)*y'\n", "3:5: error: the sensitive pattern '(x|xx)*y' backtracks exponentially (on 'x' repeated 40 times it gave up after 10 million steps); avoid nested or overlapping repetition such as '(a+)+' or '(a|aa)*'"),
        ("tickets:\n  pattern: '([A-Z]+)+-'\n", "2:12: error: 'pattern' '([A-Z]+)+-' backtracks exponentially (on 'A' repeated 40 times it gave up after 10 million steps); avoid nested or overlapping repetition such as '(a+)+' or '(a|aa)*'"),
    ])
    func exponential(yaml: String, expected: String) throws {
        let start = ContinuousClock.now
        #expect(try Self.problems(yaml) == ["relnotes.yml:\(expected)"])
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test("empty patterns and patterns that match the empty text are refused", arguments: [
        ("sensitive_patterns: ['']\n", "1:22: error: the sensitive pattern '' is empty, which would match every text; remove it or write what it must find"),
        ("sensitive_patterns: ['a*']\n", "1:22: error: the sensitive pattern 'a*' matches the empty text, so it matches everywhere; make it require at least one character"),
        ("tickets: {pattern: '[0-9]*'}\n", "1:20: error: 'pattern' '[0-9]*' matches the empty text, so it matches everywhere; make it require at least one character"),
        ("tickets: {pattern: ''}\n", "1:20: error: 'pattern' is empty"),
        ("sensitive_patterns: ['(unclosed']\n", "1:22: error: the sensitive pattern '(unclosed' is not a valid regular expression (ICU syntax)"),
    ])
    func emptyAndInvalid(yaml: String, expected: String) throws {
        #expect(try Self.problems(yaml) == ["relnotes.yml:\(expected)"])
    }

    @Test("a search that runs out of steps ends at once, as a search that was stopped")
    func budget() throws {
        let regex = try #require(BoundedRegex("(a+)+$"))
        let start = ContinuousClock.now
        #expect(throws: BoundedRegex.BudgetExceeded.self) { try regex.matches(in: String(repeating: "a", count: 5_000) + "b") }
        // 0.2 s on an idle machine; the bound is for a loaded one.
        #expect(ContinuousClock.now - start < .seconds(10))
        // Linear patterns over long texts never come near the bound.
        let linear = try BoundedRegex(validating: "[a-z]+@example\\.com")
        let text = String(repeating: "mail me: dana@example.com, or not ", count: 30_000)
        #expect(try linear.matches(in: text).count == 30_000)
    }

    @Test("a sensitive pattern stopped on a text is an error at that text, naming the pattern's place")
    func stoppedOnText() throws {
        // Linear on every probe, exponential on 'ab' repeated: only the budget stops it.
        let pattern = "^(ab|a(b))*c"
        let (site, problems) = try InlineProject.site([
            "relnotes.yml": "sensitive_patterns: ['\(pattern)']\n",
            "content/releases/1.0.0/release.md": InlineProject.release("1.0.0", "summary: \(String(repeating: "ab", count: 40))"),
        ])
        #expect(site == nil)
        #expect(problems == ["content/releases/1.0.0/release.md:6:10: error: the sensitive pattern '\(pattern)' (relnotes.yml:1:22) ran out of its step budget on this text (10 million steps and 1,250 per character) and was stopped; rewrite it without nested or overlapping repetition"])
    }

    @Test("a ticket pattern stopped on a text is a warning at the pattern, naming the text")
    func ticketPatternWarning() throws {
        // Linear on every probe, exponential on 'ab' repeated: only the budget stops it.
        let (site, problems) = try InlineProject.site([
            "relnotes.yml": "tickets:\n  pattern: '^(ab|a(b))*c'\n",
            "content/releases/1.0.0/release.md": InlineProject.release("1.0.0") + "\n" + String(repeating: "ab", count: 40) + "\n",
        ])
        #expect(site != nil)
        #expect(problems == ["relnotes.yml:2:12: warning: 'tickets.pattern' ran out of its step budget (10 million steps and 1,250 per character) on content/releases/1.0.0/release.md:9:1, where tracker keys stay plain text; rewrite it without nested or overlapping repetition"])
    }

    @Test("ticket keys of a configured pattern stopped on a text stay plain text, and the render ends")
    func stoppedTickets() throws {
        var config = TicketConfig()
        config.pattern = "(X|XX)+Y"
        let linker = TicketLinker(config)
        let start = ContinuousClock.now
        #expect(linker.keys(in: String(repeating: "X", count: 200)).isEmpty)
        #expect(linker.keys(in: "XXY").count == 1)
        #expect(ContinuousClock.now - start < .seconds(2))
    }
}
