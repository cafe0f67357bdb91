import Foundation
import Testing

/// Hostile input (issue 9), with the harness of `BadInputTests`: the check a build runs
/// first refuses it with the exact `path:line:column: error:` line, so nothing is built
/// (that the command then exits 1 and leaves the site as it was is `BadInputTests`' end-to-end test).
@Suite("relnotes build on hostile input")
struct HostileBuildTests {
    typealias Case = BadInputTests.Case
    static let entry = BadInputTests.entry

    static let cases: [Case] = [
        Case(name: "a sensitive pattern that backtracks exponentially",
             files: ["relnotes.yml": "sensitive_patterns: ['(a+)+$']\n"],
             error: "relnotes.yml:1:22: error: the sensitive pattern '(a+)+$' backtracks exponentially (on 'a' repeated 40 times it gave up after 10 million steps); avoid nested or overlapping repetition such as '(a+)+' or '(a|aa)*'"),
        Case(name: "an empty sensitive pattern",
             files: ["relnotes.yml": "sensitive_patterns:\n  - ''\n"],
             error: "relnotes.yml:2:5: error: the sensitive pattern '' is empty, which would match every text; remove it or write what it must find"),
        Case(name: "a ticket value that is not a tracker key",
             files: [entry: "---\ntype: fix\ntitle: Fix\naudience: external\ntickets: ['[x](javascript:alert(1))']\n---\n"],
             error: "\(entry):5:11: error: '[x](javascript:alert(1))' is not a tracker key: it must match 'tickets.pattern' ('[A-Z][A-Z0-9]+-[0-9]+') as a whole"),
        Case(name: "a NUL byte in an entry",
             files: [entry: "---\ntype: fix\ntitle: Fix\naudience: external\n---\nText é\u{0} here\n"],
             error: "\(entry):6:7: error: the file holds a NUL byte here; it is not a text file"),
        Case(name: "a control character made by a YAML escape in a title",
             files: [entry: "---\ntype: fix\ntitle: \"Fix \\x01 it\"\naudience: external\n---\n"],
             error: "\(entry):3:8: error: this value holds the control character U+0001 (a YAML escape), which XML 1.0 forbids (feed.xml could not be read); remove it"),
        Case(name: "a control character in a summary of relnotes.yml's title",
             files: ["relnotes.yml": "title: \"Harbor\\u001B[31m\"\n"],
             error: "relnotes.yml:1:8: error: this value holds the control character U+001B (a YAML escape), which XML 1.0 forbids (feed.xml could not be read); remove it"),
        Case(name: "a control character in a body",
             files: [entry: "---\ntype: fix\ntitle: Fix\naudience: external\n---\nPage\u{0C}break and \u{FFFF}\n"],
             error: "\(entry):6:5: error: the file holds the control character U+000C here, which XML 1.0 forbids (feed.xml could not be read); remove it"),
        Case(name: "a noncharacter in a body",
             files: [entry: "---\ntype: fix\ntitle: Fix\naudience: external\n---\nText \u{FFFE}\n"],
             error: "\(entry):6:6: error: the file holds the noncharacter U+FFFE here, which XML 1.0 forbids (feed.xml could not be read); remove it"),
        Case(name: "a base_url with a query",
             files: ["relnotes.yml": "title: Harbor\nbase_url: https://notes.harbor.example/?utm=1\n"],
             error: "relnotes.yml:2:11: error: 'base_url' must not have a query ('?…'): page paths are appended to it"),
        Case(name: "a base_url with a fragment",
             files: ["relnotes.yml": "base_url: 'https://notes.harbor.example/#top'\n"],
             error: "relnotes.yml:1:11: error: 'base_url' must not have a fragment ('#…'): page paths are appended to it"),
        Case(name: "a base_url with a port out of range",
             files: ["relnotes.yml": "base_url: https://notes.harbor.example:70000/\n"],
             error: "relnotes.yml:1:11: error: 'base_url' has the port 70000, which is not between 1 and 65535"),
        Case(name: "a body that Debian's cmark parses in quadratic time",
             files: [entry: "---\ntype: fix\ntitle: Fix\naudience: external\n---\nIntro.\n\n" + String(repeating: "![[]()", count: 160_000) + "\n"],
             error: "\(entry):8:1: error: a paragraph with 160000 '![' and 160000 ']': Debian's libcmark (cmark 0.30) takes time in their product to parse that; split the paragraph"),
        Case(name: "YAML aliases that expand to a billion values (billion laughs) in an entry",
             files: [entry: "---\ntype: fix\ntitle: Fix\naudience: external\nextra:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
                 + (1...8).map { "  a\($0): &a\($0) [" + Array(repeating: "*a\($0 - 1)", count: 10).joined(separator: ", ") + "]\n" }.joined() + "---\n"],
             error: "\(entry):1:1: error: the YAML holds more than 100000 values once its aliases (*name) are expanded; write the values out instead"),
        Case(name: "YAML aliases that expand to a billion values in relnotes.yml",
             files: ["relnotes.yml": "x0: &x0 [a, a, a, a, a, a, a, a, a, a]\n" + (1...8).map { "x\($0): &x\($0) [" + Array(repeating: "*x\($0 - 1)", count: 10).joined(separator: ", ") + "]\n" }.joined()],
             error: "relnotes.yml:1:1: error: the YAML holds more than 100000 values once its aliases (*name) are expanded; write the values out instead"),
        Case(name: "a title that Debian's cmark parses in quadratic time",
             files: [entry: "---\ntype: fix\ntitle: '" + String(repeating: "![[]()", count: 160_000) + "'\naudience: external\n---\n"],
             error: "\(entry):3:8: error: this value is a paragraph with 160000 '![' and 160000 ']': Debian's libcmark (cmark 0.30) takes time in their product to parse that; shorten it"),
    ]

    @Test("hostile input is refused with the exact error by the check a build runs first, so nothing is built", arguments: cases)
    func hostile(_ bad: Case) throws {
        try BadInputTests().badInput(bad)
    }

    @Test("invalid UTF-8 is reported at the byte, not at 1:1")
    func invalidUTF8() throws {
        try BadInputTests.refused("\(Self.entry):6:10: error: the file is not valid UTF-8 text: byte 0xFF here starts no character") { project in
            var bytes = Array("---\ntype: fix\ntitle: Fix\naudience: external\n---\nLine ünë \u{FF}".utf8)
            bytes[bytes.count - 2] = 0xFF
            bytes.removeLast()
            try Data(bytes).write(to: project.root.appending(path: Self.entry))
        }
    }

    @Test("relnotes.yml as a folder is an error saying so")
    func configFolder() throws {
        try BadInputTests.refused("relnotes.yml:1:1: error: this is a folder, not a file") { project in
            try FileManager.default.removeItem(at: project.root.appending(path: "relnotes.yml"))
            try FileManager.default.createDirectory(at: project.root.appending(path: "relnotes.yml"), withIntermediateDirectories: false)
        }
    }

    @Test("a pathological sensitive pattern fails the build in bounded time")
    func pathologicalPattern() throws {
        let start = ContinuousClock.now
        try BadInputTests.refused("relnotes.yml:1:22: error: the sensitive pattern '(.*a){12}b' backtracks exponentially (on 'a' repeated 40 times it gave up after 10 million steps); avoid nested or overlapping repetition such as '(a+)+' or '(a|aa)*'") { project in
            try project.write("relnotes.yml", "sensitive_patterns: ['(.*a){12}b']\n")
        }
        #expect(ContinuousClock.now - start < .seconds(30))
    }
}
