import Foundation
import Testing

/// Hostile input through `relnotes build` (issue 9), with the harness of `BadInputTests`:
/// exit status 1, the exact `path:line:column: error:` line, the previous site byte for
/// byte as it was, no staging folder left.
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
    ]

    @Test("a build of hostile input fails with the exact error and leaves the previous site as it was", arguments: cases)
    func hostile(_ bad: Case) throws {
        try BadInputTests().badInput(bad)
    }
}
