import Testing
@testable import RelnotesMarkdown

/// cmark's own pathological inputs (its `test/pathological_tests.py`): the four that Debian's
/// libcmark 0.30.2 parses in quadratic time are refused at once with an error at their line;
/// every other one renders as cmark renders it; and shapes like them but smaller still render.
/// In process: the refusal comes before cmark reads a byte.
@Suite("Robustness: cmark's pathological inputs")
struct CmarkPathologicalTests {
    static func repeated(_ text: String, _ count: Int) -> String { String(repeating: text, count: count) }

    /// The inputs of cmark 0.31's `pathological_tests.py` that take cmark 0.30.2 from 20 s to
    /// minutes, by what is left to tell the author.
    static let refused: [(name: String, text: String, message: String)] = [
        ("pattern ![[]() repeated", repeated("![[]()", 160_000),
         "<stdin>:1:1: error: a paragraph with 160000 '![' and 160000 ']': Debian's libcmark (cmark 0.30) takes time in their product to parse that; split the paragraph"),
        ("empty lines in deeply nested lists", repeated("- ", 30_000) + "x" + repeated("\n", 30_000),
         "<stdin>:1:1: error: list items and block quotes nested 30000 deep, kept open by the blank lines below: Debian's libcmark (cmark 0.30) takes time in depth × lines to parse that; nest them less deeply"),
        ("empty lines in deeply nested lists in blockquote", "> " + repeated("- ", 30_000) + "x\n" + repeated(">\n", 30_000),
         "<stdin>:1:1: error: list items and block quotes nested 30001 deep, kept open by the blank lines below: Debian's libcmark (cmark 0.30) takes time in depth × lines to parse that; nest them less deeply"),
        ("emph in deep blockquote", repeated(">", 100_000) + repeated("a*", 100_000),
         "<stdin>:1:1: error: emphasis inside list items and block quotes nested 100000 deep: Debian's libcmark (cmark 0.30) takes time in depth × delimiters to parse that; nest them less deeply"),
    ]

    @Test("the four that cmark 0.30 parses in quadratic time are an error at their line", arguments: refused.indices)
    func refusedAtOnce(index: Int) {
        let (name, text, message) = Self.refused[index]
        for audience in ["external", "internal"] {
            let rendering = Rendering(text, for: audience, as: .html, renderer: InProcessRender.renderer)
            #expect(rendering.failed, "\(name)")
            #expect(rendering.problems == [message], "\(name)")
        }
    }

    @Test("the line reported is the one that opens the deep containers, in the file")
    func reportedWhereTheNestingIs() {
        let text = "Intro.\n\n" + Self.repeated("- ", 30_000) + "x" + Self.repeated("\n", 30_000)
        let rendering = Rendering(text, for: "external", as: .html, renderer: InProcessRender.renderer)
        #expect(rendering.problems.first?.hasPrefix("<stdin>:3:1: error: list items and block quotes nested 30000 deep") == true)
        let images = "Intro.\n\nA [link](x) and more\n" + Self.repeated("![[]()", 40_000) + "\n\nAfter.\n"
        #expect(Rendering(images, for: "external", as: .html, renderer: InProcessRender.renderer).problems.first?.hasPrefix("<stdin>:3:1: error: a paragraph with 40000 '![' and 40001 ']'") == true)
    }

    @Test("a refused text holding admonitions or audience containers is not parsed to find them either")
    func refusedBeforeAnyParse() {
        for tail in ["\n\n!!! note\n    x\n", "\n\n::: internal\nx\n:::\n", "\n\n[^1]: a note\n"] {
            let rendering = Rendering(Self.repeated("![[]()", 160_000) + tail, for: "internal", as: .html, renderer: InProcessRender.renderer)
            #expect(rendering.problems.count == 1, "\(tail)")
            #expect(rendering.problems.first?.hasPrefix("<stdin>:1:1: error: a paragraph with 160000 '![' and 160000 ']'") == true, "\(tail)")
        }
    }

    /// The other inputs of `pathological_tests.py`, each as cmark renders it.
    static let rendered: [(name: String, text: String)] = [
        ("nested strong emph", repeated("*a **a ", 32_500) + "b" + repeated(" a** a*", 32_500)),
        ("many emph closers with no openers", repeated("a_ ", 32_500)),
        ("many emph openers with no closers", repeated("_a ", 32_500)),
        ("many link closers with no openers", repeated("a]", 32_500)),
        ("many link openers with no closers", repeated("[a", 32_500)),
        ("mismatched openers and closers", repeated("*a_ ", 25_000)),
        ("issue #389", repeated("*a ", 20_000) + repeated("_a*_ ", 20_000)),
        ("openers and closers multiple of 3", "a**b" + repeated("c* ", 25_000)),
        ("link openers and emph closers", repeated("[ a_", 25_000)),
        ("pattern [ (]( repeated", repeated("[ (](", 40_000)),
        ("hard link/emph case", "**x [a*b**c*](d)"),
        ("nested brackets", repeated("[", 25_000) + "a" + repeated("]", 25_000)),
        ("nested block quotes", repeated("> ", 25_000) + "a"),
        ("deeply nested lists", (0..<500).map { repeated("  ", $0) + "* a\n" }.joined()),
        ("backticks", (1..<2_500).map { "e" + repeated("`", $0) }.joined()),
        ("unclosed links A", repeated("[a](<b", 30_000)),
        ("unclosed links B", repeated("[a](b", 30_000)),
        ("nested inlines", repeated("*", 20_000) + "a" + repeated("*", 20_000)),
        // Like the refused ones, a little smaller: under the budgets, rendered.
        ("![[]() repeated 20,000 times", repeated("![[]()", 20_000)),
        ("empty lines in lists nested 5,000 deep", repeated("- ", 5_000) + "x" + repeated("\n", 5_000)),
        ("emph in a block quote 20,000 deep", repeated(">", 20_000) + repeated("a*", 20_000)),
        ("a 17-deep list with many blank lines", repeated("- ", 17) + "x" + repeated("\n", 100_000) + "after\n"),
    ]

    @Test("the others render as cmark renders them", arguments: rendered.indices)
    func renderedAsCmark(index: Int) throws {
        let (name, text) = Self.rendered[index]
        let rendering = Rendering(text, for: "external", as: .html, renderer: InProcessRender.renderer)
        #expect(!rendering.failed, "\(name): \(rendering.problems)")
        #expect(rendering.text == (try CmarkReference.html(text)), "\(name)")
    }

    @Test("thematic breaks and ordinary lists are not counted as nesting")
    func ordinaryLines() {
        let text = Self.repeated("* ", 40) + "\n" + Self.repeated("\n", 10_000) + Self.repeated("- item *a*\n", 1_000)
        #expect(ParserWork.refuse(MarkdownStructure.lines(of: text), mayHoldImages: false, origin: TextOrigin(path: "x.md", firstLine: 1, indent: 0)).isEmpty)
    }
}
