import Testing

/// Problems in the front matter of content files, reported as `path:line:column: error:`
/// with the line counted in the whole file, the opening `---` being line 1.
@Suite("Front matter diagnostics")
struct FrontMatterDiagnosticsTests {
    static let record = "content/releases/1.0.0/release.md"
    static let entryPath = "content/releases/1.0.0/fix.md"

    @Test("an unknown key is reported where it is written, with the nearest key as a hint")
    func unknownKey() throws {
        let problems = try InlineProject.problems([
            Self.record: InlineProject.release("1.0.0", "sumary: Faster exports."),
        ])
        #expect(problems == ["\(Self.record):6:1: error: unknown key 'sumary' in a release record — did you mean 'summary'?"])
    }

    @Test("an unknown key near an audience name hints at the audience block")
    func unknownKeyNearAudience() throws {
        let problems = try InlineProject.problems([
            Self.record: InlineProject.release("1.0.0", "internl: {branch: release/v1.0.0}"),
        ])
        #expect(problems == ["\(Self.record):6:1: error: unknown key 'internl' in a release record — did you mean 'internal'?"])
    }

    @Test("an unknown type names the nearest configured type")
    func unknownType() throws {
        let problems = try InlineProject.problems([
            Self.record: InlineProject.release(),
            Self.entryPath: "---\ntitle: Parquet export\ntype: feture\naudience: external\n---\n",
        ])
        #expect(problems == ["\(Self.entryPath):3:7: error: unknown type 'feture' — did you mean 'feature'?"])
    }

    @Test("an unknown audience is an error, never a silent default", arguments: [
        ("audience: externl", "6:11", "unknown audience 'externl' — did you mean 'external'?"),
        ("audience: [external, staf]", "6:22", "unknown audience 'staf'"),
        ("audience: []", "6:11", "'audience' names no audience"),
    ])
    func unknownAudience(line: String, position: String, message: String) throws {
        let problems = try InlineProject.problems([
            Self.record: InlineProject.release(),
            Self.entryPath: "---\ntype: fix\ntitle: A fix\n\n\n\(line)\n---\n",
        ])
        #expect(problems == ["\(Self.entryPath):\(position): error: \(message)"])
    }

    @Test("missing required keys are each reported", arguments: [
        ("---\ntitle: A fix\n---\n", ["1:1: error: a changelog entry needs a 'type' key"]),
        ("---\ntype: fix\n---\n", ["1:1: error: a changelog entry needs a 'title' key"]),
        ("---\ntype: fix\ntitle:\n---\n", ["3:1: error: a changelog entry needs a 'title' key"]),
        ("---\n---\n", ["1:1: error: a changelog entry needs a 'title' key", "1:1: error: a changelog entry needs a 'type' key"]),
    ])
    func missingKeys(text: String, expected: [String]) throws {
        let problems = try InlineProject.problems([Self.record: InlineProject.release(), Self.entryPath: text])
        #expect(problems == expected.map { "\(Self.entryPath):\($0)" })
    }

    @Test("a release record needs a version and a status")
    func missingReleaseKeys() throws {
        let problems = try InlineProject.problems([Self.record: "---\ndate: 2026-01-15\n---\n"])
        #expect(problems == [
            "\(Self.record):1:1: error: a release record needs a 'status' key",
            "\(Self.record):1:1: error: a release record needs a 'version' key",
        ])
    }

    @Test("a page needs a title")
    func missingPageTitle() throws {
        let problems = try InlineProject.problems(["content/pages/faq.md": "---\naudience: external\n---\nBody.\n"])
        #expect(problems == ["content/pages/faq.md:1:1: error: a page needs a 'title' key"])
    }

    @Test("invalid YAML is reported at its position in the file")
    func invalidYAML() throws {
        let problems = try InlineProject.problems([
            Self.record: InlineProject.release(),
            Self.entryPath: "---\ntype: fix\ntitle: [unclosed\naudience: external\n---\n",
        ])
        #expect(problems == ["\(Self.entryPath):4:9: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence that starts on line 3, column 8"])
    }

    @Test("a key given twice is reported at the second one")
    func duplicateKey() throws {
        let problems = try InlineProject.problems([
            Self.record: InlineProject.release(),
            Self.entryPath: "---\ntype: fix\ntitle: A fix\ntitle: Another fix\naudience: external\n---\n",
        ])
        #expect(problems == ["\(Self.entryPath):4:1: error: the key 'title' is given twice; it was first given on line 3"])
    }

    @Test("a file without front matter, or with an unclosed one, is an error", arguments: [
        ("Just text.\n", "1:1: error: the file must start with YAML front matter between '---' lines"),
        ("---\ntype: fix\ntitle: A fix\n", "1:1: error: the front matter opened here is never closed by a '---' line"),
    ])
    func frontMatterShape(text: String, expected: String) throws {
        let problems = try InlineProject.problems([Self.record: InlineProject.release(), Self.entryPath: text])
        #expect(problems == ["\(Self.entryPath):\(expected)"])
    }

    @Test("values of the wrong shape are reported at the value", arguments: [
        ("breaking: maybe", "6:11: error: 'breaking' must be true or false, not 'maybe'"),
        ("title: [A, B]", "6:8: error: 'title' must be text, not a list"),
        ("tickets: {key: REL-1}", "6:10: error: 'tickets' must be text or a list of text, not a mapping"),
    ])
    func wrongShape(line: String, expected: String) throws {
        let problems = try InlineProject.problems([
            Self.record: InlineProject.release(),
            Self.entryPath: "---\ntype: fix\n\naudience: external\n\n\(line)\n---\n",
        ])
        #expect(problems.contains("\(Self.entryPath):\(expected)"))
    }

    @Test("every broken file of a project is reported, not only the first")
    func everyFile() throws {
        let problems = try InlineProject.problems([
            Self.record: InlineProject.release("1.0.0", "sumary: x"),
            "content/releases/1.0.0/a.md": "---\ntype: feture\ntitle: A\n---\n",
            "content/releases/1.0.0/b.md": "---\ntype: fix\ntitle: B\naudience: externl\n---\n",
            "content/pages/p.md": "---\naudience: external\n---\n",
        ])
        #expect(problems.count == 4)
    }
}
