import Foundation
import Testing
@testable import Relnotes

/// Bad input: the check that `relnotes build` runs first (`Site.load`) refuses it with the
/// exact `path:line:column: error:` line, so nothing is built; and, end to end, the command
/// exits 1 and leaves the site built before byte for byte as it was.
@Suite("relnotes build on bad input")
struct BadInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// Files written into `projects/basic` (replacing any of the same path).
        var files: [String: String]
        var error: String

        var testDescription: String { name }
    }

    static let record = "content/releases/2.0.0/release.md"
    static let entry = "content/releases/1.1.0/bad.md"

    static let cases: [Case] = [
        Case(name: "unknown front-matter key",
             files: [record: "---\nversion: 2.0.0\nstatus: planned\nsumary: Faster.\n---\n"],
             error: "\(record):4:1: error: unknown key 'sumary' in a release record — did you mean 'summary'?"),
        Case(name: "unknown type",
             files: [entry: "---\ntype: feture\ntitle: Parquet\naudience: external\n---\n"],
             error: "\(entry):2:7: error: unknown type 'feture' — did you mean 'feature'?"),
        Case(name: "unknown audience in an entry",
             files: [entry: "---\ntype: fix\ntitle: Fix\naudience: externl\n---\n"],
             error: "\(entry):4:11: error: unknown audience 'externl' — did you mean 'external'?"),
        Case(name: "unknown audience in 'sees'",
             files: ["relnotes.yml": "audiences:\n  external: {}\n  internal: {sees: [externals]}\n"],
             error: "relnotes.yml:3:21: error: unknown audience 'externals' — did you mean 'external'?"),
        Case(name: "unknown default_audience",
             files: ["relnotes.yml": "default_audience: staff\n"],
             error: "relnotes.yml:1:19: error: unknown audience 'staff'"),
        Case(name: "unknown audience in tickets.link_for",
             files: ["relnotes.yml": "tickets:\n  link_for: [intern]\n"],
             error: "relnotes.yml:2:14: error: unknown audience 'intern' — did you mean 'internal'?"),
        Case(name: "missing required key",
             files: [entry: "---\ntype: fix\naudience: external\n---\n"],
             error: "\(entry):1:1: error: a changelog entry needs a 'title' key"),
        Case(name: "invalid YAML",
             files: [entry: "---\ntype: fix\ntitle: \"unclosed\naudience: external\n---\n"],
             error: "\(entry):4:19: error: invalid YAML: found unexpected end of stream while scanning a quoted scalar that starts on line 3, column 8"),
        Case(name: "duplicate key",
             files: [entry: "---\ntype: fix\ntitle: One\naudience: external\ntype: feature\n---\n"],
             error: "\(entry):5:1: error: the key 'type' is given twice; it was first given on line 2"),
        Case(name: "unquoted 1.10 version",
             files: ["content/releases/1.10/release.md": "---\nversion: 1.10\nstatus: planned\n---\n"],
             error: "content/releases/1.10/release.md:2:10: error: '1.10' is not a SemVer 2.0.0 version: it needs three numbers, MAJOR.MINOR.PATCH (write 1.10.0, not 1.10)"),
        Case(name: "version not matching its folder",
             files: [record: "---\nversion: 2.0.1\nstatus: planned\n---\n"],
             error: "\(record):2:10: error: version '2.0.1' does not match its folder '2.0.0'; rename one of them"),
        Case(name: "versions differing only in build metadata",
             files: ["content/releases/1.1.0+hotfix/release.md": "---\nversion: 1.1.0+hotfix\nstatus: planned\n---\n"],
             error: "content/releases/1.1.0+hotfix/release.md:2:10: error: version '1.1.0+hotfix' is the same release as '1.1.0' (content/releases/1.1.0/release.md); build metadata does not make versions different"),
        Case(name: "impossible date",
             files: [record: "---\nversion: 2.0.0\nstatus: released\ndate: 2026-02-30\n---\n"],
             error: "\(record):4:7: error: 'date' must be a day of the calendar; 2026-02-30 does not exist"),
        Case(name: "released without date",
             files: [record: "---\nversion: 2.0.0\nstatus: released\n---\n"],
             error: "\(record):3:9: error: a released release needs a 'date' (YYYY-MM-DD)"),
        Case(name: "release field in an entry's audience block",
             files: [entry: "---\ntype: fix\ntitle: Fix\ninternal: {release_manager: Dana}\n---\n"],
             error: "\(entry):4:12: error: unknown key 'release_manager' in the 'internal' block"),
        Case(name: "release folder without release.md",
             files: ["content/releases/2.0.0/fix.md": "---\ntype: fix\ntitle: Fix\n---\n"],
             error: "content/releases/2.0.0:1:1: error: the release folder '2.0.0' has no release.md; add one or move its entries to unreleased/"),
        Case(name: "release.md in unreleased/",
             files: ["content/releases/unreleased/release.md": "---\nversion: 2.0.0\nstatus: planned\n---\n"],
             error: "content/releases/unreleased/release.md:1:1: error: unreleased/ holds entries only; a release.md belongs in a version folder (see 'relnotes new release')"),
        Case(name: "unclosed audience container",
             files: [entry: "---\ntype: fix\ntitle: Fix\naudience: external\n---\nPublic.\n\n::: internal\nSecret.\n"],
             error: "\(entry):8:1: error: audience container 'internal' is never closed; add a ':::' line where it ends"),
    ]

    @Test("bad input is refused with the exact error by the check a build runs first, so nothing is built", arguments: cases)
    func badInput(_ bad: Case) throws {
        try Self.refused(bad.error) { project in
            for (path, text) in bad.files { try project.write(path, text) }
        }
    }

    /// `projects/basic` after `prepare` fails the check `relnotes build` runs before it
    /// writes anything (`Site.load` gives no site), with `error` among the problems printed.
    static func refused(_ error: String, sourceLocation: Testing.SourceLocation = #_sourceLocation, _ prepare: (FixtureProject) throws -> Void) throws {
        let project = try FixtureProject("basic")
        defer { project.remove() }
        try prepare(project)
        let (site, diagnostics) = Site.load(root: project.root)
        let problems = diagnostics.sortedForDisplay().map(\.description)
        #expect(site == nil, "the build would go ahead: \(problems)", sourceLocation: sourceLocation)
        #expect(problems.contains(error), "problems: \(problems)", sourceLocation: sourceLocation)
    }

    @Test("a build of bad input exits 1 with the exact error and leaves the previous site as it was")
    func badInputCommand() throws {
        let project = try FixtureProject("basic")
        defer { project.remove() }
        #expect(try project.run(["build"]).status == 0)
        let before = try fileTree(project.site)

        let bad = Self.cases.last!
        for (path, text) in bad.files { try project.write(path, text) }
        let result = try project.run(["build"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == bad.error + "\nrelnotes: 1 error; nothing was written\n")
        #expect(try fileTree(project.site) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.root.path).filter { $0.hasPrefix(".site") }
        #expect(leftovers.isEmpty)
    }

    @Test("the ignored dot-files beside bad input do not matter: only real content counts")
    func dotFilesIgnored() throws {
        let project = try FixtureProject("basic")
        defer { project.remove() }
        try project.write("content/releases/1.1.0/.bad.md.swp", "not front matter")
        try project.write("content/.cache/releases/x.md", "not front matter")
        let (site, diagnostics) = Site.load(root: project.root)
        #expect(site != nil && !diagnostics.containsErrors, "\(diagnostics.map(\.description))")
    }
}
