import Foundation
import Testing

/// `relnotes announce`: the two fixed shapes of release communication.
@Suite("Announcements")
struct AnnouncementTests {
    static let project = Fixtures.url("projects/cycle")

    func announce(_ version: String, audience: String, format: String = "markdown", root: URL = project) throws -> Relnotes.Result {
        try Relnotes.run(["announce", version, "--audience", audience, "--format", format, "--root", root.path])
    }

    @Test("the internal announcement: features, fixes, known issues, impact, release manager and sign-off", arguments: ["markdown", "html"])
    func internalShape(format: String) throws {
        let result = try announce("1.1.0", audience: "internal", format: format)
        #expect(result.status == 0)
        try Golden.check(result.stdout, against: "projects/cycle-expected/announce-1.1.0-internal.\(format == "html" ? "html" : "md")")
        for expected in ["New features", "Bug fixes", "Known issues", "Potential impact on existing systems", "Bo Example", "security: pending", "locks the exports table"] {
            #expect(result.stdout.contains(expected), "missing \(expected)")
        }
        for absent in ["API changes", "Upgrade instructions"] { #expect(!result.stdout.contains(absent)) }
    }

    @Test("the external announcement: features, fixes, API changes, upgrade instructions, nothing internal", arguments: ["markdown", "html"])
    func externalShape(format: String) throws {
        let result = try announce("1.1.0", audience: "external", format: format)
        #expect(result.status == 0)
        try Golden.check(result.stdout, against: "projects/cycle-expected/announce-1.1.0-external.\(format == "html" ? "html" : "md")")
        for expected in ["New features", "Bug fixes", "API changes", "Upgrade instructions", "Run the migration before upgrading"] {
            #expect(result.stdout.contains(expected), "missing \(expected)")
        }
        for absent in ["Known issues", "Potential impact", "Bo Example", "locks the exports table", "example.internal", "CY-4", "CY-6"] {
            #expect(!result.stdout.contains(absent), "leaked \(absent)")
        }
    }

    @Test("empty sections are left out and an announcement with nothing to say says so")
    func nothingToSay() throws {
        let root = try TemporaryFolder.project([
            "content/releases/1.0.0/release.md": "---\nversion: 1.0.0\nstatus: released\ndate: 2026-01-01\naudience: external\n---\n",
            "content/releases/1.0.0/tweak.md": "---\ntype: improvement\ntitle: Faster start\naudience: external\n---\n",
        ])
        defer { TemporaryFolder.remove(root) }
        let result = try announce("1.0.0", audience: "external", root: root)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Nothing to announce: this release lists no new features, bug fixes, api changes, upgrade instructions."))
        #expect(!result.stdout.contains("## "))
    }
}
