import Foundation
import Testing

/// `relnotes import …` as a user runs it: what it prints, what it writes, its exit status.
@Suite("relnotes import, the command")
struct ImportCommandTests {
    static let changelog = Fixtures.url("import/keepachangelog/CHANGELOG.md").path

    @Test("--dry-run prints every file it would write and the summary, and writes nothing")
    func dryRun() throws {
        let root = try TemporaryFolder.project(["relnotes.yml": "title: Harbor\n"])
        defer { TemporaryFolder.remove(root) }
        let before = try fileTree(root)
        let result = try Relnotes.run(["import", "keepachangelog", Self.changelog, "--dry-run", "--root", root.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("""
            === content/releases/2.0.1/release.md
            ---
            version: "2.0.1"
            status: released
            date: 2026-04-12
            audience: external
            ---
            === content/releases/2.0.1/01-presigned-urls-honour-the-response-content.md
            ---
            type: fix
            title: "Presigned URLs honour the `response-content-type` parameter"
            audience: external
            tickets: ["HAR-271", "HAR-272"]
            ---

            """))
        #expect(result.stdout.hasSuffix("would import 10 releases (1 withdrawn) with 23 entries, 3 unreleased entries; 1 skipped; nothing was written\n"))
        #expect(result.stderr.contains("CHANGELOG.md:108:1: warning: skipped: release '1.6' and its entries: not a SemVer version"))
        #expect(try fileTree(root) == before)
    }

    @Test("an import writes the project, which passes check; a second import refuses and changes nothing")
    func neverOverwrites() throws {
        let root = try TemporaryFolder.project(["relnotes.yml": "title: Harbor\n"])
        defer { TemporaryFolder.remove(root) }
        let first = try Relnotes.run(["import", "keepachangelog", Self.changelog, "--root", root.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "imported 10 releases (1 withdrawn) with 23 entries, 3 unreleased entries; 1 skipped\nnext: relnotes check, then relnotes preview to read the result\n")
        let check = try Relnotes.run(["check", "--root", root.path])
        #expect(check.status == 0 && check.stderr == "0 errors, 0 warnings\n", "\(check.stderr)")
        let after = try fileTree(root)
        let again = try Relnotes.run(["import", "keepachangelog", Self.changelog, "--root", root.path])
        #expect(again.status == 1)
        #expect(again.stderr.contains("error: content/releases/2.1.0/ exists already; the import never overwrites a release, and changed nothing"))
        #expect(try fileTree(root) == after)
    }

    @Test("a section mapped to a type the project lacks stops the import before anything is written")
    func unknownType() throws {
        let root = try TemporaryFolder.project(["relnotes.yml": "types:\n  fix: Fixes\n"])
        defer { TemporaryFolder.remove(root) }
        let result = try Relnotes.run(["import", "keepachangelog", Self.changelog, "--root", root.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: the import maps entries to type 'feature', which relnotes.yml does not configure; add it to 'types' or map the section to another type"))
        #expect(!FileManager.default.fileExists(atPath: root.appending(path: "content").path))
        let bad = try Relnotes.run(["import", "keepachangelog", Self.changelog, "--map", "Added", "--root", root.path])
        #expect(bad.status == 64 && bad.stderr.contains("'--map Added' must be NAME=TYPE"))
    }

    @Test("towncrier and changie projects import from the command line")
    func otherTools() throws {
        let root = try TemporaryFolder.make()
        defer { TemporaryFolder.remove(root) }
        let towncrier = Fixtures.url("import/towncrier")
        let result = try Relnotes.run(["import", "towncrier", ".", "--history", "NEWS.rst", "--root", root.appending(path: "a").path], in: towncrier)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("imported 4 releases (0 withdrawn) with 8 entries, 6 unreleased entries; 4 skipped\n"))
        #expect(result.stderr.contains("changes/notes.txt:1:1: warning: skipped: 'notes.txt' is not named"))
        let changie = try Relnotes.run(["import", "changie", Fixtures.url("import/changie").path, "--map", "Performance=improvement", "--root", root.appending(path: "b").path])
        #expect(changie.status == 0, "\(changie.stderr)")
        #expect(changie.stdout.hasPrefix("imported 4 releases (0 withdrawn) with 9 entries, 3 unreleased entries; 2 skipped\n"))
        for folder in ["a", "b"] {
            let check = try Relnotes.run(["check", "--root", root.appending(path: folder).path])
            #expect(check.status == 0, "\(check.stderr)")
        }
        let missing = try Relnotes.run(["import", "towncrier", root.path, "--root", root.appending(path: "c").path])
        #expect(missing.status == 1 && missing.stderr.contains("holds neither towncrier.toml nor pyproject.toml with a [tool.towncrier] table"))
    }
}
