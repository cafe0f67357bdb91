import Testing
@testable import RelnotesMarkdown
@testable import RelnotesModel

/// Random documents mixing containers with every block-level extension, in quotes, list
/// items, indented code and code spans: whenever hidden text shows in the external view,
/// a warning said why (closed code fences, where text is code on purpose, are left out).
@Suite("Markdown: random documents never leak silently")
struct MarkdownRandomLeakTests {
    /// A small deterministic generator (xorshift), so that a failure can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }
        mutating func pick(_ choices: [String]) -> String { choices[next(choices.count)] }
    }

    static let prefixes = ["", "> ", "  ", "    ", "- ", "> > ", ">     ", "\t", "1. ", "      "]
    static let lines = ["text line", "!!! note", "!!! warning \"T\"", "??? tip", "???+ \"x\"", "| a | b |", "|---|---|", "~~strike~~",
                        "www.a.com", "- [x] box", "", "[^1]: n", "<div>", "# head", "---", "`code"]
    static let hidden = ["SECRET", "    SECRET", "SECRET ~~x~~", "| SECRET |", "!!! note \"SECRET\"", "    SECRET body"]

    static func document(_ random: inout Generator) -> String {
        var text: [String] = []
        for _ in 0..<(3 + random.next(12)) {
            let prefix = random.pick(prefixes)
            if random.next(4) == 0 {
                let inner = random.pick(Array(prefixes.prefix(4)))
                text.append(prefix + inner + "::: internal")
                for _ in 0..<(1 + random.next(3)) { text.append(prefix + inner + random.pick(hidden)) }
                text.append(prefix + inner + ":::")
            } else {
                text.append(prefix + random.pick(lines))
            }
        }
        return text.joined(separator: "\n") + "\n"
    }

    @Test("1,000 random documents: hidden text shows in the external view only with a warning, in HTML and Markdown")
    func randomDocuments() {
        var random = Generator(state: 0x9E37_79B9_7F4A_7C15)
        for _ in 0..<1000 {
            let text = Self.document(&random)
            let prepared = InProcessRender.renderer.prepare(MarkdownSource(text: text, path: "<stdin>"))
            guard !prepared.diagnostics.containsErrors else { continue }
            let warned = !prepared.diagnostics.isEmpty
            for format in [MarkupFormat.html, .markdown] {
                guard let output = try? InProcessRender.renderer.render(prepared, for: "external", as: format).text else { continue }
                #expect(!output.contains("SECRET") || warned, "\(format) of \(text.debugDescription)")
            }
        }
    }
}
