import Foundation
import Testing

/// `relnotes notes` on a release cycle: two candidates, the final release, a hotfix.
@Suite("Release notes across candidates, the final release and a hotfix")
struct ReleaseNotesTests {
    static let project = Fixtures.url("projects/cycle")

    func notes(_ version: String, audience: String = "external", format: String = "markdown", root: URL = project) throws -> Relnotes.Result {
        try Relnotes.run(["notes", version, "--audience", audience, "--format", format, "--root", root.path])
    }

    @Test("a candidate shows what is new since the previous candidate and everything since the last stable release")
    func secondCandidate() throws {
        let result = try notes("1.1.0-rc.2", audience: "internal")
        #expect(result.status == 0)
        try Golden.check(result.stdout, against: "projects/cycle-expected/notes-1.1.0-rc.2-internal.md")
        let newPart = result.stdout.components(separatedBy: "## Everything since the last stable release")[0]
        #expect(newPart.contains("## New since 1.1.0-rc.1"))
        #expect(newPart.contains("CY-5") && newPart.contains("CY-6"))
        #expect(!newPart.contains("CY-2"), "an entry of rc.1 is not new in rc.2")
    }

    @Test("the first candidate lists its entries once")
    func firstCandidate() throws {
        let result = try notes("1.1.0-rc.1")
        #expect(result.status == 0)
        #expect(!result.stdout.contains("New since"))
        #expect(result.stdout.contains("Parquet exports"))
    }

    @Test("the final release folds in the entries of all its candidates, without marking where they came from")
    func finalRelease() throws {
        let result = try notes("1.1.0")
        #expect(result.status == 0)
        try Golden.check(result.stdout, against: "projects/cycle-expected/notes-1.1.0-external.md")
        for key in ["CY-2", "CY-3", "CY-5", "CY-7"] { #expect(result.stdout.contains(key)) }
        #expect(!result.stdout.contains("since 1.1.0-rc"))
        #expect(!result.stdout.contains("CY-4") && !result.stdout.contains("CY-6"), "internal entries stay internal")
        #expect(!result.stdout.contains("Draft"))
    }

    @Test("a hotfix after the final release lists only its own entries")
    func hotfix() throws {
        let result = try notes("1.1.1")
        #expect(result.status == 0)
        #expect(result.stdout.contains("CY-8"))
        for key in ["CY-2", "CY-3", "CY-5", "CY-7"] { #expect(!result.stdout.contains(key)) }
    }

    @Test("with prereleases: separate, the final release lists only its own entries")
    func separate() throws {
        let root = try Fixtures.copy("projects/cycle")
        defer { TemporaryFolder.remove(root.deletingLastPathComponent()) }
        let config = root.appending(path: "relnotes.yml")
        try (String(contentsOf: config, encoding: .utf8) + "prereleases: separate\n").write(to: config, atomically: true, encoding: .utf8)
        let result = try notes("1.1.0", root: root)
        #expect(result.status == 0)
        #expect(result.stdout.contains("CY-7"))
        for key in ["CY-2", "CY-3", "CY-5"] { #expect(!result.stdout.contains(key)) }
    }

    @Test("notes as an HTML fragment, ready for an e-mail")
    func html() throws {
        let result = try notes("1.1.0", format: "html")
        #expect(result.status == 0)
        try Golden.check(result.stdout, against: "projects/cycle-expected/notes-1.1.0-external.html")
        #expect(!result.stdout.contains("<html"))
    }

    @Test("the unreleased entries have notes too")
    func unreleased() throws {
        let result = try notes("unreleased")
        #expect(result.status == 0)
        #expect(result.stdout.contains("JSON exports"))
    }

    @Test("an unknown version is an error naming the known ones")
    func unknownVersion() throws {
        let result = try notes("9.9.9")
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: there is no release '9.9.9'; known: unreleased, 1.1.1, 1.1.0, 1.1.0-rc.2, 1.1.0-rc.1, 1.0.0"))
    }

    @Test("an unknown audience is a usage error")
    func unknownAudience() throws {
        let result = try notes("1.1.0", audience: "partners")
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown audience 'partners'; configured audiences: external, internal"))
    }
}
