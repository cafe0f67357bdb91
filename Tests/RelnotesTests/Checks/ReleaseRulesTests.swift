import Foundation
import Testing
@testable import Relnotes
@testable import RelnotesModel

/// The release rules of `check`, one test per rule, with the exact place and message.
@Suite("Release rules")
struct ReleaseRulesTests {
    static func diagnostics(_ files: [String: String]) throws -> [String] {
        let root = try TemporaryFolder.project(files)
        defer { TemporaryFolder.remove(root) }
        return Site.load(root: root).diagnostics.filter { $0.code != "feed-skipped" }.sortedForDisplay().map(\.description)
    }

    static let released100 = "---\nversion: 1.0.0\nstatus: released\ndate: 2026-01-01\naudience: external\n---\n"

    @Test("a released or withdrawn release needs a date", arguments: ["released", "withdrawn"])
    func date(status: String) throws {
        let found = try Self.diagnostics(["content/releases/1.0.0/release.md": "---\nversion: 1.0.0\nstatus: \(status)\n---\n"])
        #expect(found == ["content/releases/1.0.0/release.md:3:9: error: a \(status) release needs a 'date' (YYYY-MM-DD)"])
    }

    @Test("a breaking change only in a major release")
    func breaking() throws {
        let found = try Self.diagnostics([
            "content/releases/1.0.0/release.md": Self.released100,
            "content/releases/1.1.0/release.md": "---\nversion: 1.1.0\nstatus: released\ndate: 2026-02-01\n---\n",
            "content/releases/1.1.0/x.md": "---\ntype: removal\ntitle: X\nbreaking: true\n---\n",
            "content/releases/2.0.0/release.md": "---\nversion: 2.0.0\nstatus: released\ndate: 2026-03-01\n---\n",
            "content/releases/2.0.0/y.md": "---\ntype: removal\ntitle: Y\nbreaking: true\n---\n",
        ])
        #expect(found == ["content/releases/1.1.0/x.md:4:11: error: a breaking change needs a major release, but 1.1.0 follows 1.0.0 in the same major version; release it as 2.0.0 or drop 'breaking'"])
    }

    @Test("a feature in a patch release is a warning")
    func featureInPatch() throws {
        let found = try Self.diagnostics([
            "content/releases/1.0.0/release.md": Self.released100,
            "content/releases/1.0.1/release.md": "---\nversion: 1.0.1\nstatus: released\ndate: 2026-01-05\n---\n",
            "content/releases/1.0.1/f.md": "---\ntitle: F\ntype: feature\n---\n",
        ])
        #expect(found == ["content/releases/1.0.1/f.md:3:7: warning: a feature in patch release 1.0.1; features belong in a minor release"])
    }

    @Test("a pre-release version should have status candidate")
    func candidateStatus() throws {
        let found = try Self.diagnostics([
            "content/releases/1.0.0-rc.1/release.md": "---\nversion: 1.0.0-rc.1\nstatus: released\ndate: 2026-01-01\n---\n",
        ])
        #expect(found == ["content/releases/1.0.0-rc.1/release.md:3:9: warning: version '1.0.0-rc.1' is a pre-release; its status should be 'candidate'"])
    }

    @Test("sensitive patterns: an error wherever an untrusted audience would see a match, not in internal material")
    func sensitivePatterns() throws {
        let found = try Self.diagnostics([
            "relnotes.yml": "sensitive_patterns: ['corp\\.example', '[a-z]+@example\\.com']\n",
            "content/releases/1.0.0/release.md": """
                ---
                version: 1.0.0
                status: released
                date: 2026-01-01
                audience: external
                internal:
                  branch: build.corp.example/main
                ---
                Visible text, write to dana@example.com.

                ::: internal
                Dashboards at grafana.corp.example.
                :::
                """,
            "content/releases/1.0.0/public.md": "---\ntype: fix\ntitle: Fixed at build.corp.example\naudience: external\n---\n",
            "content/releases/1.0.0/private.md": "---\ntype: fix\ntitle: Fixed at build.corp.example\n---\n",
        ])
        #expect(found == [
            "content/releases/1.0.0/public.md:3:23: error: text visible to 'external' matches the sensitive pattern 'corp\\.example'; move it into an internal block or container",
            "content/releases/1.0.0/release.md:9:24: error: text visible to 'external' matches the sensitive pattern '[a-z]+@example\\.com'; move it into an internal block or container",
        ])
    }

    @Test("check --format json reports the same problems with their codes")
    func json() throws {
        let root = try TemporaryFolder.project(["content/releases/1.0.0/release.md": "---\nversion: 1.0.0\nstatus: released\n---\n"])
        defer { TemporaryFolder.remove(root) }
        let result = try Relnotes.run(["check", "--format", "json", "--root", root.path])
        #expect(result.status == 1)
        let items = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let error = try #require(items.first { $0["code"] as? String == "missing-date" })
        #expect(error["path"] as? String == "content/releases/1.0.0/release.md")
        #expect(error["line"] as? Int == 3)
        #expect(error["column"] as? Int == 9)
        #expect(error["severity"] as? String == "error")
        #expect(error["message"] as? String == "a released release needs a 'date' (YYYY-MM-DD)")
    }
}

@Suite("Release cycle rules")
struct ReleaseCycleRulesTests {
    static func check(_ files: [String: String]) throws -> [String] {
        let root = try TemporaryFolder.project(files)
        defer { TemporaryFolder.remove(root) }
        return Site.load(root: root).diagnostics.filter { $0.code != "feed-skipped" }.sortedForDisplay().map(\.description)
    }

    static let candidate = "---\nversion: 1.1.0-rc.1\nstatus: candidate\naudience: external\n---\n"

    @Test("a known issue of a candidate that its planned final release would carry unresolved is a warning; resolved_in silences it")
    func carriedKnownIssue() throws {
        var files = [
            "content/releases/1.1.0-rc.1/release.md": Self.candidate,
            "content/releases/1.1.0-rc.1/issue.md": "---\ntype: known-issue\ntitle: Slow maps\naudience: external\n---\n",
            "content/releases/1.1.0/release.md": "---\nversion: 1.1.0\nstatus: planned\naudience: external\n---\n",
        ]
        #expect(try Self.check(files) == ["content/releases/1.1.0-rc.1/issue.md:2:7: warning: known issue 'Slow maps' of 1.1.0-rc.1 is carried into 1.1.0 unresolved; add 'resolved_in: 1.1.0' if 1.1.0 fixes it, or leave it to be listed as a known issue of 1.1.0"])
        files["content/releases/1.1.0-rc.1/issue.md"] = "---\ntype: known-issue\ntitle: Slow maps\naudience: external\nresolved_in: 1.1.0\n---\n"
        #expect(try Self.check(files) == [])
    }

    @Test("resolved_in at or before the entry's own release is an error, and it must be a version")
    func resolvedTooEarly() throws {
        #expect(try Self.check([
            "content/releases/1.1.0-rc.1/release.md": Self.candidate,
            "content/releases/1.1.0-rc.1/a.md": "---\ntype: known-issue\ntitle: A\naudience: external\nresolved_in: 1.0.0\n---\n",
            "content/releases/1.1.0-rc.1/b.md": "---\ntype: known-issue\ntitle: B\naudience: external\nresolved_in: soon\n---\n",
        ]) == [
            "content/releases/1.1.0-rc.1/a.md:5:14: error: 'resolved_in: 1.0.0' is not after this entry's release 1.1.0-rc.1, so no release would show it; name the version that fixes it",
            "content/releases/1.1.0-rc.1/b.md:5:14: error: 'resolved_in': 'soon' is not a SemVer 2.0.0 version: it needs three numbers, MAJOR.MINOR.PATCH (write 1.10.0, not 1.10)",
        ])
    }
}
