import Testing
@testable import RelnotesMarkdown
@testable import RelnotesModel

@Suite("Markdown: fidelity to cmark")
struct MarkdownFidelityTests {
    @Test("relnotes renders as the cmark command does, apart from heading ids, every tenth CommonMark example (all 652 are compared with cmark's library in CommonMarkSpecTests)",
          arguments: SpecExample.commonMark.filter { $0.number % 10 == 1 && !CommonMarkSpecTests.gfmAutolinkExamples.contains($0.number) })
    func specExample(_ example: SpecExample) throws {
        try expectCmarkHTML(for: example.markdown)
    }

    /// Inputs that only look like extension syntax, and inputs cmark takes in its stride.
    static let lookalikes = [
        "Wow!!! That was quick??? Yes.\n",
        "Ratio 1:::2 and a::: b\n",
        "a | b\n",
        "| one | two |\n| three | four |\n",
        "- [y] not a box\n- [ x] nor this\n",
        "rel-117 and Rel-117 are not keys\n",
        "Paragraph\n!!!\n    is a continuation\n",
        "Line\r\nendings\r\n\r\n# CRLF\r\n",
        "Old Mac\rline endings\r\r- item\r",
        "A NUL\u{0}byte\n",
        "An empty quote stays:\n\n>\n",
        "Private use \u{E000}0 character\n\n# \u{E000}0\n",
    ]

    @Test("text that only looks like extension syntax renders as cmark renders it", arguments: lookalikes)
    func lookalike(_ markdown: String) throws {
        try expectCmarkHTML(for: markdown)
    }

    /// `markdown` rendered for external readers with the default configuration, as
    /// `relnotes render` renders it, is the `cmark` command's HTML, without a problem.
    private func expectCmarkHTML(for markdown: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let expected = try CmarkReference.html(markdown)
        let result = try RenderRun.render(markdown, .external)
        #expect(!result.failed, sourceLocation: sourceLocation)
        #expect(result.problems.isEmpty, sourceLocation: sourceLocation)
        #expect(CmarkReference.withoutHeadingIDs(result.text) == expected, sourceLocation: sourceLocation)
    }
}
