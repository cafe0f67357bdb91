import Foundation
import Testing

@Suite("relnotes next-version")
struct NextVersionTests {
    static func project(_ unreleased: [String: String]) throws -> URL {
        var files = [
            "content/releases/1.2.3/release.md": "---\nversion: 1.2.3\nstatus: released\ndate: 2026-01-01\n---\n",
            "content/releases/1.3.0-rc.1/release.md": "---\nversion: 1.3.0-rc.1\nstatus: candidate\n---\n",
        ]
        for (name, front) in unreleased { files["content/releases/unreleased/\(name).md"] = "---\n\(front)\n---\n" }
        return try TemporaryFolder.project(files)
    }

    @Test("the bump the unreleased entries call for, from the latest released version", arguments: [
        (["a": "type: fix\ntitle: A", "b": "type: improvement\ntitle: B"], "1.2.4", "patch bump (fixes and other changes only) from latest release 1.2.3:"),
        (["a": "type: fix\ntitle: A", "b": "type: feature\ntitle: B"], "1.3.0", "minor bump (feature or API change) from latest release 1.2.3:\ncontent/releases/unreleased/b.md: feature: B"),
        (["a": "type: api-change\ntitle: A"], "1.3.0", "minor bump (feature or API change) from latest release 1.2.3:\ncontent/releases/unreleased/a.md: api-change: A"),
        (["a": "type: feature\ntitle: A", "b": "type: removal\ntitle: B\nbreaking: true"], "2.0.0", "major bump (breaking change) from latest release 1.2.3:\ncontent/releases/unreleased/b.md: breaking removal: B"),
    ])
    func bump(entries: [String: String], version: String, reason: String) throws {
        let root = try Self.project(entries)
        defer { TemporaryFolder.remove(root) }
        let result = try Relnotes.run(["next-version", "--root", root.path])
        #expect(result.status == 0)
        #expect(result.stdout == version + "\n")
        #expect(result.stderr.hasPrefix(reason), "\(result.stderr)")
    }

    @Test("with nothing unreleased there is nothing to release: exit status 1")
    func nothing() throws {
        let root = try Self.project([:])
        defer { TemporaryFolder.remove(root) }
        let result = try Relnotes.run(["next-version", "--root", root.path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "relnotes: nothing to release: content/releases/unreleased/ has no entries\n")
    }
}
