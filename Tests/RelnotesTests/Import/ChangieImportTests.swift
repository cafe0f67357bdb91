import Foundation
import Testing
@testable import RelnotesModel
@testable import RelnotesWorkflow

@Suite("relnotes import changie")
struct ChangieImportTests {
    static let folder = Fixtures.url("import/changie")

    static func read(_ folder: URL = folder, mapping extra: [String: String] = ["Performance": "improvement"]) throws(DiagnosticsError) -> ImportedHistory {
        let mapping = ImportSectionTypes.keepAChangelog.merging(extra) { $1 }
        return try ChangieImporter(mapping: mapping, config: SiteConfig()).read(folder: folder, display: "ferry")
    }

    @Test("version files become released releases; fragments unreleased entries, with kinds as types and custom fields as component and tickets")
    func importsProject() throws {
        let history = try Self.read()
        #expect(history.releases.map { "\($0.version) \($0.date) \($0.entries.map(\.type))" } == [
            "1.1.1 2026-03-20 [\"fix\"]", "1.1.0 2026-03-15 [\"feature\", \"deprecation\", \"security\"]",
            "1.0.0 2026-02-03 [\"feature\", \"feature\", \"removal\", \"fix\"]", "0.9.0 2026-01-12 [\"feature\"]",
        ])
        #expect(history.releases.flatMap(\.entries).allSatisfy { $0.audience == "external" })
        let profiles = history.releases[2].entries[1]
        #expect(profiles.title == "Profiles in `~/.ferry/config.toml`, with:")
        #expect(profiles.body == "  - one default profile\n  - named profiles chosen with `--profile`")
        #expect(history.unreleased == [
            ImportedEntry(type: "fix", title: "The SDK retries a request after HTTP 503", tickets: ["#49"], component: "sdk"),
            ImportedEntry(type: "feature", title: "Uploads can be throttled with `--max-rate`", tickets: ["#51"], component: "cli"),
            ImportedEntry(type: "improvement", title: "Listing a bucket with 1,000,000 keys takes a third of the time.",
                          body: "The server pages through keys in batches of 5,000 (FRY-55).", tickets: ["FRY-55", "#55"], component: "server"),
        ], "in the order of their time; a kind with a key is found by its label")
        #expect(history.skipped.map(\.description) == [
            "ferry/.changes/unreleased/Tweak-20260403-120000.yaml:1:1: warning: skipped: kind 'Tweak' maps to no relnotes type; map it with --map 'Tweak=TYPE'",
            "ferry/.changes/unreleased:1:1: warning: skipped: custom field 'Author' of the fragments; name it with --component-field or --ticket-field to import it",
        ])
    }

    @Test("a .changie.yaml that is not YAML is an error at its line and column")
    func badConfig() throws {
        let root = try TemporaryFolder.project([".changie.yaml": "changesDir: .changes\nkinds: [\n", ".changes/unreleased/.keep": ""])
        defer { TemporaryFolder.remove(root) }
        do {
            _ = try Self.read(root)
            Issue.record("no error")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["ferry/.changie.yaml:3:1: error: invalid YAML: did not find expected node content"], "\(error)")
        }
    }

    @Test("the imported project passes check, and its CHANGELOG.md gives back the same releases, types and items")
    func roundTrip() throws {
        // Issue numbers (#51) as tracker keys, so that they are read back as tickets.
        var config = SiteConfig()
        config.tickets.pattern = "#[0-9]+|[A-Z][A-Z0-9]+-[0-9]+"
        let original = try Self.read()
        let root = try TemporaryFolder.project(["relnotes.yml": "tickets: {pattern: '#[0-9]+|[A-Z][A-Z0-9]+-[0-9]+'}\n"])
        defer { TemporaryFolder.remove(root) }
        let site = try ImportRun.write(original, into: root, config: config)
        let back = try KeepAChangelogImportTests.read(try ImportRun.output(site, "internal/CHANGELOG.md", drafts: true), config: config)
        #expect(ImportRun.Shape(back, summaries: false) == ImportRun.Shape(original, summaries: false))
        let page = try ImportRun.output(site, "internal/releases/unreleased/index.html", drafts: true)
        #expect(page.contains("server"), "the component shows")
    }
}

extension ChangieImportTests {
    @Test("a fragment whose body starts with something other than a paragraph is skipped, not imported without a title")
    func bodyWithoutParagraph() throws {
        let root = try TemporaryFolder.project([
            ".changie.yaml": "kinds:\n  - label: Fixed\n",
            ".changes/unreleased/Fixed-1.yaml": "kind: Fixed\nbody: |-\n  ```\n  code\n  ```\n",
            ".changes/unreleased/Fixed-2.yaml": "kind: Fixed\nbody: A fix\n",
        ])
        defer { TemporaryFolder.remove(root) }
        let history = try Self.read(root)
        #expect(history.unreleased.map(\.title) == ["A fix"])
        #expect(history.skipped.map(\.description) == ["ferry/.changes/unreleased/Fixed-1.yaml:1:1: warning: skipped: a fragment whose body does not start with a paragraph to use as its title"])
    }
}
