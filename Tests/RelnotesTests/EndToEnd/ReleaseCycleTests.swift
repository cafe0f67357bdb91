import Foundation
import Testing

/// The release cycle in commands, on a copy of the repository's sample project, as a
/// release manager runs them: `new release`, `next-version`, `release`, `withdraw`.
@Suite("The release cycle in commands")
struct ReleaseCycleTests {
    @Test("new release refuses a version other than next-version's and names it; --force creates it with a warning")
    func newReleaseWarning() throws {
        let sample = try FixtureProject.repositorySample()
        defer { sample.remove() }
        let refused = try sample.run(["new", "release", "1.2.3-rc.1"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("error: 1.2.3-rc.1 is not the version next-version calls for: 1.3.0 (minor bump (feature or API change) from latest release 1.2.2)"), "\(refused.stderr)")
        #expect(refused.stderr.contains("pass --force"))
        #expect(sample.files(under: "content/releases/unreleased").count == 4, "nothing moved")
        #expect(!FileManager.default.fileExists(atPath: sample.root.appending(path: "content/releases/1.2.3-rc.1").path))

        let dryRun = try sample.run(["new", "release", "1.2.3-rc.1", "--force", "--dry-run"])
        #expect(dryRun.status == 0)
        #expect(dryRun.stdout.hasPrefix("would write content/releases/1.2.3-rc.1/release.md\nwould move "))
        #expect(!FileManager.default.fileExists(atPath: sample.root.appending(path: "content/releases/1.2.3-rc.1").path))

        let forced = try sample.run(["new", "release", "1.2.3-rc.1", "--force"])
        #expect(forced.status == 0)
        #expect(forced.stderr.contains("relnotes: warning: 1.2.3-rc.1 is not the version next-version calls for: 1.3.0"))
        #expect(try sample.read("content/releases/1.2.3-rc.1/release.md").contains("branch: hotfix/v1.2.3\n"))
    }

    @Test("next-version --pre rc proposes the next candidate, and the new candidate takes the final version's branch and the previous candidate's fields")
    func nextCandidate() throws {
        let sample = try FixtureProject.repositorySample()
        defer { sample.remove() }
        let next = try sample.run(["next-version", "--pre", "rc"])
        #expect(next.status == 0)
        #expect(next.stdout == "1.3.0-rc.2\n")
        #expect(next.stderr.hasSuffix("candidate 2 of 1.3.0, after 1.3.0-rc.1\n"))
        let created = try sample.run(["new", "release", "1.3.0-rc.2"])
        #expect(created.status == 0, "\(created.stderr)")
        let record = try sample.read("content/releases/1.3.0-rc.2/release.md")
        for line in ["status: candidate\n", "title: \"Webhook filters and expiring share links (release candidate 1)\"\n",
                     "  release_manager: \"Dana Lee\"\n", "  branch: release/v1.3.0\n"] {
            #expect(record.contains(line), "\(line)")
        }
        #expect(created.stderr.contains("carried over from 1.3.0-rc.1: title, summary, release manager"))
        #expect(try sample.run(["next-version", "--pre", "rc"]).stdout == "1.3.0-rc.3\n")
        #expect(try sample.run(["next-version"]).stdout == "1.3.0\n")
    }

    @Test("release refuses while sign-offs are pending, naming them; --dry-run writes nothing; then it sets status and date")
    func release() throws {
        let sample = try FixtureProject.repositorySample()
        defer { sample.remove() }
        #expect(try sample.run(["new", "release", "1.3.0"]).status == 0)
        let record = "content/releases/1.3.0/release.md"
        let before = try sample.read(record)
        #expect(before.contains("status: planned\n"), "a final version starts planned")

        let refused = try sample.run(["release", "1.3.0", "--date", "2026-04-14"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("error: 1.3.0 has sign-offs pending: engineering, product, qa, security; get them"))
        let candidate = try sample.run(["release", "1.3.0-rc.1"])
        #expect(candidate.status == 1)
        #expect(candidate.stderr.contains("1.3.0-rc.1 is a release candidate of 1.3.0; release the final version"))

        try sample.replace("{engineering: pending, product: pending, qa: pending, security: pending}", with: "{engineering: yes, product: yes, qa: yes, security: yes}", in: record)
        let signed = try sample.read(record)
        let dryRun = try sample.run(["release", "1.3.0", "--date", "2026-04-14", "--dry-run"])
        #expect(dryRun.status == 0)
        #expect(dryRun.stdout == "would change content/releases/1.3.0/release.md\n  status: released\n  date: 2026-04-14\n")
        #expect(try sample.read(record) == signed)

        let released = try sample.run(["release", "1.3.0", "--date", "2026-04-14"])
        #expect(released.status == 0, "\(released.stderr)")
        #expect(released.stderr.contains("warning: known issue 'Map tiles show no base map on shared dashboards' of 1.3.0-rc.1 stays in 1.3.0's notes; if 1.3.0 fixes it, add 'resolved_in: 1.3.0'"))
        #expect(try sample.read(record) == signed.replacingOccurrences(of: "status: planned\ndate: \(Self.dateLine(signed))\n", with: "status: released\ndate: 2026-04-14\n"))
        #expect(sample.problems().errors.isEmpty)
        let again = try sample.run(["release", "1.3.0"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("1.3.0 is released already (2026-04-14); nothing to do"))
        let build = try sample.run(["build"])
        #expect(build.status == 0)
        #expect(try sample.read("site/external/index.html").contains("releases/1.3.0/"), "a released version is built")
    }

    @Test("withdraw keeps the entries, records the reason for staff only, and names the hotfix to cut")
    func withdraw() throws {
        let sample = try FixtureProject.repositorySample()
        defer { sample.remove() }
        let entries = sample.entries
        let result = try sample.run(["withdraw", "1.2.2", "--reason", "Sign-in loops for Okta tiles (REL-182)"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "content/releases/1.2.2/release.md\n  status: withdrawn\n  internal: withdrawal_reason: \"Sign-in loops for Okta tiles (REL-182)\"\n")
        #expect(result.stderr.hasPrefix("the hotfix to cut next: 1.2.3 (branch hotfix/v1.2.3)\n"))
        #expect(sample.entries == entries)
        let record = try sample.read("content/releases/1.2.2/release.md")
        #expect(record.contains("status: withdrawn\n") && record.contains("  withdrawal_reason: \"Sign-in loops for Okta tiles (REL-182)\"\n"))

        let staff = try sample.run(["announce", "1.2.2"])
        #expect(staff.stdout.contains("- **Withdrawn because:** Sign-in loops for Okta tiles (REL-182)"))
        #expect(!(try sample.run(["announce", "1.2.2", "--audience", "external"])).stdout.contains("Okta tiles"))
        #expect(try sample.run(["build"]).status == 0)
        let external = try sample.read("site/external/CHANGELOG.md")
        #expect(external.contains("## [1.2.2] - 2026-03-27 [YANKED]\n"))
        let grep = try Relnotes.grep("Okta tiles", in: sample.site.appending(path: "external"))
        #expect(grep.isEmpty, "the reason is internal: \(grep)")

        #expect(try sample.run(["withdraw", "1.2.2", "--reason", "again"]).stderr.contains("1.2.2 is withdrawn already"))
        #expect(try sample.run(["withdraw", "1.3.0-rc.1", "--reason", "x"]).stderr.contains("1.3.0-rc.1 was never released (status candidate)"))
    }

    @Test("check warns about a released version with pending sign-offs")
    func pendingSignOffWarning() throws {
        let sample = try FixtureProject.repositorySample()
        defer { sample.remove() }
        try sample.replace("security: yes}", with: "security: pending}", in: "content/releases/1.2.0/release.md")
        let (errors, warnings) = sample.problems()
        #expect(errors.isEmpty)
        #expect(warnings.contains("content/releases/1.2.0/release.md:8:1: warning: 1.2.0 is released, but its sign-off is pending for security; record the sign-off or explain it in the release body"), "\(warnings)")
    }

    static func dateLine(_ record: String) -> String {
        record.split(separator: "\n").first { $0.hasPrefix("date: ") }.map { String($0.dropFirst(6)) } ?? ""
    }
}

extension Relnotes {
    /// Files under `folder` whose bytes contain `text`.
    static func grep(_ text: String, in folder: URL) throws -> [String] {
        try fileTree(folder).filter { String(decoding: $0.value, as: UTF8.self).contains(text) }.map(\.key).sorted()
    }
}

@Suite("Release record edits")
struct RecordEditTests {
    @Test("withdraw refuses, rather than guesses, when the internal block is written on one line")
    func flowBlock() throws {
        let root = try TemporaryFolder.project([
            "content/releases/1.0.0/release.md": "---\nversion: 1.0.0\nstatus: released\ndate: 2026-01-01\naudience: external\ninternal: {release_manager: Dana}\n---\nBody.\n",
        ])
        defer { TemporaryFolder.remove(root) }
        let before = try String(contentsOf: root.appending(path: "content/releases/1.0.0/release.md"), encoding: .utf8)
        let result = try Relnotes.run(["withdraw", "1.0.0", "--reason", "x", "--root", root.path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: content/releases/1.0.0/release.md: 'internal:' is written on one line; write it as an indented block, or add 'withdrawal_reason:' to it by hand\n"))
        #expect(try String(contentsOf: root.appending(path: "content/releases/1.0.0/release.md"), encoding: .utf8) == before)
    }

    @Test("withdraw adds an internal block when the record has none, and keeps the body")
    func addedBlock() throws {
        let root = try TemporaryFolder.project([
            "content/releases/1.0.0/release.md": "---\nversion: 1.0.0\nstatus: released  # shipped\ndate: 2026-01-01\naudience: external\n---\nBody.\n",
        ])
        defer { TemporaryFolder.remove(root) }
        let result = try Relnotes.run(["withdraw", "1.0.0", "--reason", "Broke \"exports\"", "--root", root.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOf: root.appending(path: "content/releases/1.0.0/release.md"), encoding: .utf8)
                == "---\nversion: 1.0.0\nstatus: withdrawn\ndate: 2026-01-01\naudience: external\ninternal:\n  withdrawal_reason: \"Broke \\\"exports\\\"\"\n---\nBody.\n")
        #expect(result.stderr.hasPrefix("the hotfix to cut next: 1.0.1 (branch hotfix/v1.0.1)\n"))
    }
}
