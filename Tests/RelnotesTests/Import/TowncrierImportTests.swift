import Foundation
import Testing
@testable import RelnotesModel
@testable import RelnotesWorkflow

@Suite("relnotes import towncrier")
struct TowncrierImportTests {
    static let folder = Fixtures.url("import/towncrier")

    static func read(_ folder: URL = folder, history: Bool = true, config: SiteConfig = SiteConfig()) throws(DiagnosticsError) -> ImportedHistory {
        try TowncrierImporter(mapping: TowncrierImporter.defaultMapping, config: config)
            .read(folder: folder, display: "pq", history: history ? folder.appending(path: "NEWS.rst") : nil, historyDisplay: "pq/NEWS.rst")
    }

    @Test("[tool.towncrier] of pyproject.toml gives the types, the fragment folder and the issue format")
    func configuration() throws {
        let config = try TowncrierConfig.load(folder: Self.folder)
        #expect(config.file == "pyproject.toml" && config.directory == "changes" && config.filename == "NEWS.rst")
        #expect(config.issueFormat == "`#{issue} <https://github.com/example/pelican-queue/issues/{issue}>`_")
        #expect(config.types.map { "\($0.directory)=\($0.name)\($0.showContent ? "" : " (no content)")" } == [
            "security=Security", "feature=Features", "bugfix=Bugfixes", "deprecation=Deprecations", "removal=Removals",
            "doc=Improved Documentation", "misc=Misc (no content)",
        ])
    }

    @Test("towncrier.toml with [tool.towncrier.fragment.*] tables and sections; a TOML error names its line and column")
    func towncrierTOML() throws {
        let root = try TemporaryFolder.project([
            "towncrier.toml": """
                [tool.towncrier]
                package = "kite"
                package_dir = "src"

                [tool.towncrier.fragment.feature]
                [tool.towncrier.fragment.chore]
                name = "Chores"
                showcontent = false

                [[tool.towncrier.section]]
                name = "Server"
                path = "server"
                """,
            "src/kite/newsfragments/server/12.feature.md": "Streams resume after a restart.\n",
        ])
        defer { TemporaryFolder.remove(root) }
        let config = try TowncrierConfig.load(folder: root)
        #expect(config.directory == "src/kite/newsfragments")
        #expect(config.types.map(\.directory) == ["chore", "feature"])
        #expect(config.types.map(\.showContent) == [false, true])
        let history = try Self.read(root, history: false)
        #expect(history.unreleased == [ImportedEntry(type: "feature", title: "Streams resume after a restart.", tickets: ["#12"], component: "Server")])

        try Data("[tool.towncrier\ndirectory = 1\n".utf8).write(to: root.appending(path: "towncrier.toml"))
        #expect(throws: DiagnosticsError.self) { try Self.read(root, history: false) }
        do {
            _ = try Self.read(root, history: false)
        } catch {
            #expect(error.diagnostics.map(\.description).first?.hasPrefix("pq/towncrier.toml:1:16: error: this is not valid TOML: ") == true, "\(error)")
        }
    }

    @Test("fragment names are read as towncrier reads them", arguments: [
        ("123.feature.md", "123 feature 0"), ("123.feature.2.md", "123 feature 2"), ("+tidy.bugfix.md", "+tidy bugfix 0"),
        ("123.feature", "123 feature 0"), ("1.2.bugfix.rst", "1.2 bugfix 0"), ("notes.txt", "-"), ("feature", "-"),
    ])
    func fragmentNames(_ name: String, _ expected: String) {
        let parsed = TowncrierFragments.parse(name, types: ["feature", "bugfix"])
        #expect(parsed.map { "\($0.issue) \($0.type) \($0.counter)" } ?? "-" == expected)
    }

    @Test("fragments become unreleased entries with their issues as tickets; the history's releases become released releases")
    func importsProject() throws {
        let history = try Self.read()
        #expect(history.unreleased.map { "\($0.type): \($0.title) \($0.tickets)" } == [
            "security: Updated the bundled OpenSSL to 3.0.15. []",
            "feature: Queues can be paused from the **admin console**. [\"#301\"]",
            "feature: Priorities are honoured across [shards](https://docs.example.com/shards) (PQ-17). [\"#302\", \"PQ-17\"]",
            "fix: Consumers reconnect after a broker failover. [\"#305\", \"#306\"]",
            "fix: Acknowledgements are no longer lost on a network partition. [\"#305\"]",
            "deprecation: The `--legacy-routing` flag is deprecated. [\"#308\"]",
        ])
        #expect(history.unreleased[1].body == "Paused queues keep accepting messages and deliver them when resumed:\n\n  - per queue\n  - or for a whole vhost")
        #expect(history.unreleased.allSatisfy { $0.audience == nil }, "pending fragments keep the configured default audience")
        #expect(history.releases.map { "\($0.version) \($0.date) \($0.entries.map(\.type))" } == [
            "3.1.0 2026-04-20 [\"feature\", \"feature\", \"fix\"]", "3.0.1 2026-03-02 [\"fix\", \"security\"]",
            "3.0.0 2026-02-10 [\"removal\", \"deprecation\"]", "2.8.0 2025-12-01 [\"improvement\"]",
        ])
        let stats = history.releases[0].entries[1]
        #expect(stats.title == "`pelican stats` prints the age of the oldest message, per queue." && stats.tickets == ["#290", "#291"] && stats.audience == "external")
        #expect(history.skipped.map(\.description) == [
            "pq/NEWS.rst:27:1: warning: skipped: an item without text to use as a title (its type shows only issues)",
            "pq/NEWS.rst:58:1: warning: skipped: release '2.9' and its entries: not a SemVer version: it needs three numbers, MAJOR.MINOR.PATCH (write 1.10.0, not 1.10)",
            "pq/changes/307.misc:1:1: warning: skipped: a fragment without text to use as a title (type 'misc' shows only its issue)",
            "pq/changes/notes.txt:1:1: warning: skipped: 'notes.txt' is not named <issue>.<type>[.<n>].md with a configured type (security, feature, bugfix, deprecation, removal, doc, misc)",
        ])
    }

    @Test("a Markdown history is refused with what to do instead")
    func markdownHistory() throws {
        do {
            _ = try TowncrierImporter(mapping: TowncrierImporter.defaultMapping, config: SiteConfig())
                .read(folder: Self.folder, display: "pq", history: Self.folder.appending(path: "NEWS.md"), historyDisplay: "pq/NEWS.md")
            Issue.record("no error")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["pq/NEWS.md:1:1: error: a Markdown history is not read by the towncrier importer, only towncrier's reStructuredText one (NEWS.rst); if this file follows Keep a Changelog, import it with 'relnotes import keepachangelog', and the fragments without --history"])
        }
    }

    @Test("the imported project passes check, and its CHANGELOG.md gives back the same releases, types and items")
    func roundTrip() throws {
        var config = SiteConfig()
        config.tickets.pattern = "#[0-9]+|[A-Z][A-Z0-9]+-[0-9]+"
        let original = try Self.read(config: config)
        let root = try TemporaryFolder.project(["relnotes.yml": "tickets: {pattern: '#[0-9]+|[A-Z][A-Z0-9]+-[0-9]+'}\n"])
        defer { TemporaryFolder.remove(root) }
        let site = try ImportRun.write(original, into: root, config: config)
        let changelog = try ImportRun.output(site, "internal/CHANGELOG.md", drafts: true)
        let back = try KeepAChangelogImportTests.read(changelog, config: config)
        #expect(ImportRun.Shape(back, summaries: false) == ImportRun.Shape(original, summaries: false))
    }
}
