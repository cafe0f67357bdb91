import Foundation
import Testing
@testable import Relnotes
@testable import RelnotesMarkdown

/// Release notes on a release cycle: two candidates, the final release, a hotfix. Made in
/// process as `relnotes notes` makes them; the command's own contract (status 64 for a
/// usage error) is run end to end.
@Suite("Release notes across candidates, the final release and a hotfix")
struct ReleaseNotesTests {
    static let project = Fixtures.url("projects/cycle")

    /// The notes of `version`, from the site loaded for it (`Site.load(root:focus:)`).
    func notes(_ version: String, audience: String = "external", format: MarkupFormat = .markdown, root: URL = project) throws -> String {
        let (site, diagnostics) = Site.load(root: root, focus: version)
        let loaded = try #require(site, "\(diagnostics.map(\.description))")
        return try loaded.notes(version: version, audience: audience, format: format)
    }

    @Test("a candidate shows what is new since the previous candidate and everything since the last stable release")
    func secondCandidate() throws {
        let text = try notes("1.1.0-rc.2", audience: "internal")
        try Golden.check(text, against: "projects/cycle-expected/notes-1.1.0-rc.2-internal.md")
        let newPart = text.components(separatedBy: "## Everything since the last stable release")[0]
        #expect(newPart.contains("## New since 1.1.0-rc.1"))
        #expect(newPart.contains("CY-5") && newPart.contains("CY-6"))
        #expect(!newPart.contains("CY-2"), "an entry of rc.1 is not new in rc.2")
    }

    @Test("the first candidate lists its entries once")
    func firstCandidate() throws {
        let text = try notes("1.1.0-rc.1")
        #expect(!text.contains("New since"))
        #expect(text.contains("Parquet exports"))
    }

    @Test("the final release folds in the entries of all its candidates, without marking where they came from")
    func finalRelease() throws {
        let text = try notes("1.1.0")
        try Golden.check(text, against: "projects/cycle-expected/notes-1.1.0-external.md")
        for key in ["CY-2", "CY-3", "CY-5", "CY-7"] { #expect(text.contains(key)) }
        #expect(!text.contains("since 1.1.0-rc"))
        #expect(!text.contains("CY-4") && !text.contains("CY-6"), "internal entries stay internal")
        #expect(!text.contains("Draft"))
    }

    @Test("a hotfix after the final release lists only its own entries")
    func hotfix() throws {
        let text = try notes("1.1.1")
        #expect(text.contains("CY-8"))
        for key in ["CY-2", "CY-3", "CY-5", "CY-7"] { #expect(!text.contains(key)) }
    }

    @Test("with prereleases: separate, the final release lists only its own entries")
    func separate() throws {
        let root = try Fixtures.copy("projects/cycle")
        defer { TemporaryFolder.remove(root.deletingLastPathComponent()) }
        let config = root.appending(path: "relnotes.yml")
        try (String(contentsOf: config, encoding: .utf8) + "prereleases: separate\n").write(to: config, atomically: true, encoding: .utf8)
        let text = try notes("1.1.0", root: root)
        #expect(text.contains("CY-7"))
        for key in ["CY-2", "CY-3", "CY-5"] { #expect(!text.contains(key)) }
    }

    @Test("notes as an HTML fragment, ready for an e-mail")
    func html() throws {
        let text = try notes("1.1.0", format: .html)
        try Golden.check(text, against: "projects/cycle-expected/notes-1.1.0-external.html")
        #expect(!text.contains("<html"))
    }

    @Test("the unreleased entries have notes too")
    func unreleased() throws {
        let text = try notes("unreleased")
        #expect(text.contains("JSON exports"))
    }

    @Test("an unknown version is an error naming the known ones")
    func unknownVersion() throws {
        let result = try Relnotes.run(["notes", "9.9.9", "--root", Self.project.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: there is no release '9.9.9'; known: unreleased, 1.1.1, 1.1.0, 1.1.0-rc.2, 1.1.0-rc.1, 1.0.0"))
    }

    @Test("an unknown audience is a usage error")
    func unknownAudience() throws {
        let result = try Relnotes.run(["notes", "1.1.0", "--audience", "partners", "--root", Self.project.path])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown audience 'partners'; configured audiences: external, internal"))
    }
}
