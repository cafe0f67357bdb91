import Testing
@testable import RelnotesMarkdown
@testable import RelnotesRendering

@Suite("HTML escaping of template values and relnotes' own text")
struct HTMLEscapingTests {
    @Test("the five characters are replaced, and text without them comes back as it is", arguments: [
        ("plain text, café", "plain text, café"),
        ("a < b & c > d", "a &lt; b &amp; c &gt; d"),
        ("\"quoted\" and 'single'", "&quot;quoted&quot; and &#39;single&#39;"),
        ("ünïcode <b>", "ünïcode &lt;b&gt;"),
    ])
    func fiveCharacters(input: String, expected: String) {
        #expect(HTML.escape(input) == expected)
        #expect(HTMLEscaping().escapeText(input) == expected)
    }

    @Test("a quote or bracket followed by a combining mark is escaped all the same (it cannot end an attribute)")
    func combiningMarks() {
        #expect(HTML.escape("x\"\u{301} onmouseover=y") == "x&quot;\u{301} onmouseover=y")
        #expect(HTML.escape("<\u{301}img>") == "&lt;\u{301}img&gt;")
    }
}
