import Foundation
import Testing
@testable import RelnotesLoading
@testable import RelnotesModel
@testable import RelnotesWorkflow

@Suite("relnotes import keepachangelog")
struct KeepAChangelogImportTests {
    static let path = "import/keepachangelog/CHANGELOG.md"
    static var text: String { get throws { try Fixtures.url(path).readText() } }

    static func read(_ text: String, mapping: [String: String] = ImportSectionTypes.keepAChangelog, config: SiteConfig = SiteConfig()) throws(DiagnosticsError) -> ImportedHistory {
        try KeepAChangelogImporter(sections: ImportSectionTypes(mapping, config: config), tickets: config.tickets).read(text, path: "CHANGELOG.md")
    }

    @Test("each dated release heading is a released release, [YANKED] a withdrawn one; versions that are not SemVer are skipped with their place")
    func releases() throws {
        let history = try Self.read(try Self.text)
        #expect(history.releases.map { "\($0.version) \($0.status.rawValue) \($0.date)" } == [
            "2.1.0 released 2026-05-04", "2.0.1 released 2026-04-12", "2.0.0 released 2026-03-30", "1.9.0 withdrawn 2026-02-20",
            "1.8.2 released 2026-02-02", "1.8.1 released 2026-01-22", "1.8.0 released 2026-01-10", "1.7.0 released 2025-12-01",
            "1.5.0 released 2025-10-30", "1.4.0 released 2025-09-18",
        ])
        #expect(history.skipped.map(\.description) == [
            "CHANGELOG.md:108:1: warning: skipped: release '1.6' and its entries: not a SemVer version: it needs three numbers, MAJOR.MINOR.PATCH (write 1.10.0, not 1.10)",
        ])
        #expect(history.releases[0].summary == "The first release with [resumable uploads](https://docs.example.com/uploads).")
        #expect(history.unreleased.map(\.title) == [
            "Webhook deliveries can be replayed from the admin console", "`harbor doctor` checks the connection to the object store",
            "Uploads larger than 2 GiB no longer stall at 99 %",
        ])
        #expect(history.unreleased.allSatisfy { $0.audience == nil }, "unreleased entries keep the configured default")
        #expect(history.releases.flatMap(\.entries).allSatisfy { $0.audience == "external" }, "published entries are external")
    }

    @Test("an item's first line is its title, the rest its body with nested lists and links; tracker keys become tickets")
    func items() throws {
        let release = try #require(try Self.read(try Self.text).releases.first)
        #expect(release.entries.map(\.type) == ["feature", "feature", "improvement", "deprecation"])
        #expect(release.entries[0] == ImportedEntry(type: "feature", title: "Resumable uploads through the **tus** protocol",
            body: "Clients that speak tus 1.0 resume an interrupted upload where it stopped.", tickets: ["HAR-280"], audience: "external"))
        #expect(release.entries[1].title == "Per-bucket retention rules, with:")
        #expect(release.entries[1].body == "  - a maximum age in days\n  - a maximum number of versions\n      - counted per object key")
        #expect(release.entries[2].title == "The default part size of multipart uploads is 16 MiB ([HAR-277](https://tracker.example.com/browse/HAR-277), was 8 MiB)",
                "a reference link is resolved, so it works on its own")
        #expect(release.entries[2].tickets == ["HAR-277"])
        #expect(release.entries[3].title == "The `--legacy-auth` flag; use API tokens instead", "a trailing (KEY) moves to tickets")
        let fix = try #require(try Self.read(try Self.text).releases.first { $0.version.text == "2.0.1" }?.entries.first)
        #expect(fix.title == "Presigned URLs honour the `response-content-type` parameter" && fix.tickets == ["HAR-271", "HAR-272"])
    }

    @Test("sections map through --map, the configured types' titles and names; a section that maps to none is skipped")
    func mapping() throws {
        let text = """
            ## [1.0.0] - 2026-01-02
            ### Changed
            - A change
            ### Bug fixes
            - A fix
            ### Chores
            - Bumped a dependency
            """
        let history = try Self.read(text, mapping: ImportSectionTypes.keepAChangelog.merging(["Changed": "api-change"]) { $1 })
        #expect(history.releases[0].entries.map(\.type) == ["api-change", "fix"])
        #expect(history.skipped.map(\.description) == ["CHANGELOG.md:6:1: warning: skipped: section 'Chores' and its items: it maps to no type; map it with --map 'Chores=TYPE'"])
    }

    @Test("releases without a date, drafts, repeated versions and stray text are reported, never guessed")
    func skipped() throws {
        let history = try Self.read("""
            Intro text.

            - a list before any release

            ## 1.2.0
            ### Fixed
            - no date

            ## [1.1.0] - yesterday
            ## [1.0.0-rc.1] - 2026-01-01 [DRAFT]
            ## [v1.0.0] - 2026-01-02
            A paragraph.

            Another paragraph.
            ### Fixed
            Not a list.
            - fixed
            ## [1.0.0+build.7] - 2026-01-03
            """)
        #expect(history.releases.map(\.version.text) == ["1.0.0"])
        #expect(history.releases[0].body == "A paragraph.\n\nAnother paragraph.")
        #expect(history.skipped.map(\.description) == [
            "CHANGELOG.md:3:1: warning: skipped: a list item outside any release",
            "CHANGELOG.md:5:1: warning: skipped: release 1.2.0 and its entries: it has no date; write '## [1.2.0] - YYYY-MM-DD'",
            "CHANGELOG.md:9:1: warning: skipped: release 1.1.0 and its entries: 'yesterday' is not a YYYY-MM-DD date; write '## [1.1.0] - YYYY-MM-DD'",
            "CHANGELOG.md:10:1: warning: skipped: release 1.0.0-rc.1 and its entries: marked [DRAFT], not published",
            "CHANGELOG.md:16:1: warning: skipped: text in a section that is not a list item",
            "CHANGELOG.md:18:1: warning: skipped: version 1.0.0+build.7 appears twice (as 1.0.0 before); the first one is imported",
        ])
    }

    @Test("round trip: the imported project passes check, and its CHANGELOG.md gives back the same releases, types and items in the same order")
    func roundTrip() throws {
        let original = try Self.read(try Self.text)
        let root = try TemporaryFolder.make()
        defer { TemporaryFolder.remove(root) }
        let site = try ImportRun.write(original, into: root)

        let external = try Self.read(try ImportRun.output(site, "external/CHANGELOG.md"))
        #expect(external.skipped.isEmpty, "\(external.skipped)")
        var published = original
        published.unreleased = []
        #expect(ImportRun.Shape(external, summaries: false) == ImportRun.Shape(published, summaries: false))

        // Drafts, seen by the internal audience: the unreleased entries come back too.
        let staff = try Self.read(try ImportRun.output(site, "internal/CHANGELOG.md", drafts: true))
        #expect(ImportRun.Shape(staff, summaries: false) == ImportRun.Shape(original, summaries: false))
        let notes = try ImportRun.output(site, "external/releases/2.1.0/notes.md")
        #expect(notes.contains("    - a maximum number of versions\n        - counted per object key\n"), "bodies keep their nested lists")
    }

    @Test("round trip through a CHANGELOG.md whose sections carry Keep a Changelog's own names, in its order")
    func roundTripWithKeepAChangelogSections() throws {
        let types = "types:\n  feature: Added\n  improvement: Changed\n  deprecation: Deprecated\n  removal: Removed\n  fix: Fixed\n  security: Security\n"
        let root = try TemporaryFolder.project(["relnotes.yml": types])
        defer { TemporaryFolder.remove(root) }
        let config = ConfigLoader.load(root: root).config
        let original = try Self.read(try Self.text, config: config)
        let site = try ImportRun.write(original, into: root, config: config)
        let changelog = try ImportRun.output(site, "internal/CHANGELOG.md", drafts: true)
        #expect(changelog.contains("### Added\n\n- Resumable uploads through the **tus** protocol (HAR-280)\n"))
        let back = try Self.read(changelog)
        #expect(ImportRun.Shape(back, summaries: false) == ImportRun.Shape(original, summaries: false))
        // Here the sections come in the source's order, so the items do too, across types.
        #expect(back.releases.map { $0.entries.map(\.title) } == original.releases.map { $0.entries.map(\.title) })
    }

    @Test("a changelog that Debian's cmark parses in quadratic time is refused at its line, before cmark reads it")
    func quadraticChangelog() {
        let text = "# Changelog\n\n## [1.0.0] - 2024-01-01\n\n### Added\n\n- " + String(repeating: "![[]()", count: 160_000) + "\n"
        #expect(throws: DiagnosticsError.self) { try Self.read(text) }
        do {
            _ = try Self.read(text)
        } catch {
            #expect(error.diagnostics.map(\.description) == ["CHANGELOG.md:7:1: error: a paragraph with 160000 '![' and 160000 ']': Debian's libcmark (cmark 0.30) takes time in their product to parse that; split the paragraph"])
        }
    }
}
