import Foundation
import Testing
import Yams
@testable import RelnotesLoading

/// The quick reading of one-line `key: value` front matter gives exactly the tree Yams
/// composes (strings, styles, tags, marks), and leaves everything else to Yams.
@Suite("Loading: simple front matter read without libyaml")
struct SimpleFrontMatterTests {
    /// Shapes the quick reading must take: what entries and releases are made of.
    static let taken = [
        "type: feature\ntitle: \"Speed up usage quotas\"\naudience: external\ntickets: [REL-39949]\ncomponent: Reports\nbreaking: false",
        "version: 1.2.0\nstatus: released\ndate: 2026-03-01\n",
        "title: 'single'\nsummary: \"double, with: colon and # hash\"",
        "\n\ntype: fix\n\nticket: REL-1   \n",
        "tickets: []\naudience: [external, internal]\nlinks: [ a-1 ,b_2,  c.3/x+y ]",
        "url: https://example.com/a#b\nnote: a - b [c] {d} 'e' \"f\" !g",
        "date: ~\ncount: 12\nflag: yes",
        "version: 26.26.1\ninternal:\n  release_manager: Priya Natarajan\n  sign_off: {engineering: yes, qa: pending}\naudience: external",
        "a:\n    b:\n      c: d\n    e: f\ng: {}\nh: {x: 1,y: 2}",
    ]

    /// Shapes it must leave to Yams (each either different YAML or an error there).
    static let left = [
        "", "\n", "# comment\ntype: fix", "type: fix # comment", "type:\n  nested: yes\n bad: indent", "a:\n  b: c\n    d: e", "a:\nb: c", "type:",
        "type: fix\ntype: feature", "title: \"esc\\u0041\"", "title: a\n  continued", "\ttype: fix",
        "type:\tfix", "type: fix\r", "title: Ünïcode", "title: 'a''b'", "title: a: b", "title: ends:",
        "list:\n  - a", "- a", "---\ntype: fix", "key : value", "key:value", "anchor: &a x", "alias: *a",
        "tag: !!str x", "block: |\n  text", "folded: >\n  text", "flow: {a:b}", "flow: {a: b, a: c}", "flow: {a}", "list: [a, [b]]",
        "list: [a,]", "list: [a] x", "list: [\"a\"]", "title: \"open", "title: 'x' y", "? complex",
        "%YAML 1.2\n---\na: b", "@at: x", "a: @x", "a: `x", "a: |x", "a: >x", "a: %x", "a: -x", "a: ?x", "a: :x",
    ]

    @Test("gives Yams' tree", arguments: taken)
    func givesYamsTree(_ yaml: String) throws {
        let quick = try #require(SimpleFrontMatter.parse(yaml))
        #expect(Self.describe(quick) == Self.describe(try Yams.compose(yaml: yaml, .basic, .default)))
    }

    @Test("leaves the rest to Yams", arguments: left)
    func leavesTheRest(_ yaml: String) {
        #expect(SimpleFrontMatter.parse(yaml) == nil)
    }

    /// Lines put together from the pieces YAML is particular about: wherever the quick
    /// reading answers, its tree is Yams' tree.
    @Test("agrees with Yams on generated front matter")
    func agreesOnGenerated() throws {
        let pieces = [
            "type", "title", "a_b", "x-1", ":", ": ", " ", "  ", "\"", "'", "#", " #", "[", "]", ", ", ",", "-", "REL-1",
            "fix", "a b", "1.2.0", "~", "\\", "\t", "{", "}", "&", "*", "!", "|", ">", "?", "%", "@", "`", "é", "\n", "\n  ",
        ]
        let plain = ["fix", "a b", "REL-1", "1.2.0", "x-1", "a_b", " ", ", ", "k: v"]
        // A line's start, and what closes it: most cases are front matter as it is written.
        let starts = [("type: ", ""), ("title: ", ""), ("tickets: [", "]"), ("k: '", "'"), ("k: \"", "\""), ("", ""),
                      ("m: {", "}"), ("m:\n  n: ", ""), ("  n: ", ""), ("m:\n  n:\n    o: ", "")]
        var generator = SplitMix(seed: 20261202)
        var taken = 0
        for _ in 0..<20_000 {
            var yaml = ""
            for _ in 0..<(1 + generator.next() % 4) {
                let (start, end) = starts[Int(generator.next() % UInt64(starts.count))]
                yaml += start
                for _ in 0..<(generator.next() % 5) {
                    let from = generator.next() % 5 == 0 ? pieces : plain
                    yaml += from[Int(generator.next() % UInt64(from.count))]
                }
                if generator.next() % 8 != 0 { yaml += end }
                yaml += "\n"
            }
            guard let quick = SimpleFrontMatter.parse(yaml) else { continue }
            taken += 1
            let composed = try Yams.compose(yaml: yaml, .basic, .default)
            #expect(Self.describe(quick) == Self.describe(composed), "\(yaml.debugDescription)")
        }
        #expect(taken > 2_000)
    }

    /// Every front matter of the sample project and of the test fixtures.
    @Test("agrees with Yams on every fixture")
    func agreesOnFixtures() throws {
        let root = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var taken = 0
        for folder in ["content", "Tests/RelnotesTests/Fixtures"] {
            let files = FileManager.default.enumerator(atPath: root.appending(path: folder).path)?.compactMap { $0 as? String } ?? []
            for file in files where file.hasSuffix(".md") {
                let path = root.appending(path: folder).appending(path: file).path
                guard let text = try? String(contentsOfFile: path, encoding: .utf8),
                      let split = try? FrontMatterFile.split(SourceFile(path: file, text: text)),
                      let quick = SimpleFrontMatter.parse(split.yaml) else { continue }
                taken += 1
                #expect(Self.describe(quick) == Self.describe(try Yams.compose(yaml: split.yaml, .basic, .default)), "\(folder)/\(file)")
            }
        }
        #expect(taken > 20)
    }

    @Test("makes marks as Yams does")
    func marks() throws {
        let composed = try #require(try Yams.compose(yaml: "\n\nkey:    value", .basic, .default))
        let mark = SimpleFrontMatter.mark(line: 3, column: 9)
        #expect(composed.mapping?.values.first?.mark?.line == mark.line)
        #expect(composed.mapping?.values.first?.mark?.column == mark.column)
        #expect(mark.line == 3 && mark.column == 9)
    }

    /// Everything of a node that reading front matter looks at, as text.
    static func describe(_ node: Node?) -> String {
        guard let node else { return "nil" }
        func at(_ mark: Mark?) -> String { mark.map { "@\($0.line):\($0.column)" } ?? "@-" }
        switch node {
        case .scalar(let scalar):
            return "\(scalar.string.debugDescription)(\(scalar.style) \(node.tag))\(at(scalar.mark))"
        case .sequence(let sequence):
            return "[\(sequence.map(describe).joined(separator: ", "))](\(sequence.style) \(node.tag))\(at(sequence.mark))"
        case .mapping(let mapping):
            return "{\(mapping.map { describe($0.key) + ": " + describe($0.value) }.joined(separator: ", "))}(\(mapping.style) \(node.tag))\(at(mapping.mark))"
        case .alias:
            return "alias"
        }
    }
}
