import Foundation
import Testing

/// `relnotes check`: every problem of a project, compiler-style or as JSON, and the exit status.
@Suite("relnotes check")
struct CheckTests {
    /// The problems of `projects/broken`, one of each kind in several files, in display order.
    static let brokenProblems = [
        "content/pages/faq.md:1:1: error: a page needs a 'title' key",
        "content/pages/faq.md:2:1: error: unknown key 'titel' in a page — did you mean 'title'?",
        "content/releases/1.0.0/audience.md:4:22: error: unknown audience 'staf'",
        "content/releases/1.0.0/release.md:3:9: error: a released release needs a 'date' (YYYY-MM-DD)",
        "content/releases/1.0.0/typo.md:2:7: error: unknown type 'feture' — did you mean 'feature'?",
        "content/releases/1.0.1/feature.md:2:7: warning: a feature in patch release 1.0.1; features belong in a minor release",
        "content/releases/1.0.1/release.md:4:7: error: 'date' must be a day of the calendar; 2026-02-30 does not exist",
        "content/releases/1.1.0:1:1: error: the release folder '1.1.0' has no release.md; add one or move its entries to unreleased/",
        "content/releases/1.10/release.md:2:10: error: '1.10' is not a SemVer 2.0.0 version: it needs three numbers, MAJOR.MINOR.PATCH (write 1.10.0, not 1.10)",
        "content/releases/unreleased/open.md:7:1: error: audience container 'internal' is never closed; add a ':::' line where it ends",
    ]

    @Test("check reports every problem of every file, not only the first, and exits 1")
    func everyProblem() throws {
        let project = try FixtureProject("broken")
        defer { project.remove() }
        let result = try project.run(["check"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == (Self.brokenProblems + ["9 errors, 1 warning"]).joined(separator: "\n") + "\n")
    }

    @Test("--format json gives the same problems as a JSON array on standard output")
    func json() throws {
        struct Item: Decodable, Equatable {
            var path: String?
            var line: Int?
            var column: Int?
            var severity: String
            var code: String
            var message: String
        }
        let project = try FixtureProject("broken")
        defer { project.remove() }
        let result = try project.run(["check", "--format", "json"])
        #expect(result.status == 1)
        #expect(result.stderr == "")
        let items = try JSONDecoder().decode([Item].self, from: Data(result.stdout.utf8))
        let printed = items.map { "\($0.path!):\($0.line!):\($0.column!): \($0.severity): \($0.message)" }
        #expect(printed == Self.brokenProblems)
        #expect(items[4] == Item(path: "content/releases/1.0.0/typo.md", line: 2, column: 7, severity: "error", code: "unknown-type", message: "unknown type 'feture' — did you mean 'feature'?"))
        #expect(items.map(\.code).contains("unclosed-container"))
    }

    @Test("a clean project gives an empty JSON array and exit status 0")
    func cleanJSON() throws {
        let project = try FixtureProject("basic")
        defer { project.remove() }
        let result = try project.run(["check", "--format", "json"])
        #expect(result.status == 0)
        #expect(try JSONDecoder().decode([String].self, from: Data(result.stdout.utf8)).isEmpty)
    }

    static let featureInPatch = "content/releases/1.1.1/HB-15-export-button.md:2:7: warning: a feature in patch release 1.1.1; features belong in a minor release\n"

    @Test("a project with warnings only passes: check and build exit 0 and print the warnings", arguments: [
        ("check", featureInPatch + "0 errors, 1 warning\n"),
        ("build", featureInPatch),
    ])
    func warningsOnly(command: String, stderr: String) throws {
        let project = try FixtureProject("basic")
        defer { project.remove() }
        try project.write("content/releases/1.1.1/HB-15-export-button.md", "---\ntype: feature\ntitle: An export button\naudience: external\n---\n")
        let result = try project.run([command])
        #expect(result.status == 0)
        #expect(result.stderr == stderr)
    }

    @Test("an unknown --format is a usage error")
    func unknownFormat() throws {
        let project = try FixtureProject("basic")
        defer { project.remove() }
        let result = try project.run(["check", "--format", "xml"])
        #expect(result.status == 64)
        #expect(result.stdout == "")
    }

    @Test("a folder with no project here or above is an error that says what to do")
    func notAProject() throws {
        let folder = try TemporaryFolder.make()
        defer { TemporaryFolder.remove(folder) }
        let result = try Relnotes.run(["check"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr == "error: there is no relnotes project in \(folder.standardizedFileURL.path) or in any folder above it (a project is a folder holding relnotes.yml or content/); create one with 'relnotes init', or pass --root DIR\n")
    }
}
