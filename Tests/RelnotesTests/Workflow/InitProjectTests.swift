import Foundation
import Testing
import RelnotesPreview
@testable import Relnotes
@testable import RelnotesLoading
@testable import RelnotesModel
@testable import RelnotesWorkflow

@Suite("relnotes init")
struct InitProjectTests {
    @Test("an empty folder becomes a project that passes check, builds, and previews")
    func scaffold() throws {
        let root = try TemporaryFolder.make().appending(path: "notes")
        defer { TemporaryFolder.remove(root.deletingLastPathComponent()) }
        let result = try InitProject().create(at: root)
        #expect(result.created == ["relnotes.yml", "content/releases/unreleased/example-entry.md", "content/pages/release-process.md", ".gitignore"])
        #expect(result.notWritten.isEmpty)

        let (site, diagnostics) = Site.load(root: root)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        let loaded = try #require(site)
        let built = try loaded.build(drafts: false)
        #expect(built.contains { $0.path == "internal/pages/release-process/index.html" })
        let drafts = try loaded.build(drafts: true)
        let unreleased = try #require(drafts.first { $0.path == "external/releases/unreleased/index.html" })
        #expect(String(decoding: unreleased.contents, as: UTF8.self).contains("Write release notes with <strong>relnotes</strong>"))
        let external = try #require(drafts.first { $0.path == "external/releases/unreleased/notes.md" })
        #expect(!String(decoding: external.contents, as: UTF8.self).contains("audience container"), "the internal container stays internal")

        let preview = PreviewSnapshot.build(root: root, after: .empty)
        #expect(!preview.failed)
        #expect(try preview.data(at: "internal/releases/unreleased/index.html") != nil)
        #expect(try root.appending(path: ".gitignore").readText() == "# relnotes output: build writes site/, build --drafts writes site-drafts/\n/site/\n/site-drafts/\n")
    }

    @Test("the relnotes.yml it writes holds every key, at the default values")
    func configurationIsTheDefaults() throws {
        let (config, diagnostics) = ConfigLoader.parse(SourceFile(path: "relnotes.yml", text: InitFiles.configuration))
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        let defaults = SiteConfig()
        #expect(config.title == defaults.title && config.baseURL == nil && config.defaultAudience == defaults.defaultAudience)
        #expect(config.audiences == defaults.audiences)
        #expect(config.types == defaults.types)
        #expect(config.tickets.pattern == defaults.tickets.pattern && config.tickets.url == nil && config.tickets.linkFor == defaults.tickets.linkFor)
        #expect(config.prereleases == defaults.prereleases && config.changelogPageSize == defaults.changelogPageSize)
        #expect(config.feedSize == defaults.feedSize && config.unsafeHTML == defaults.unsafeHTML && config.sensitivePatterns.isEmpty)
        #expect(config.requireEntry == defaults.requireEntry)
        for key in ["title", "base_url", "default_audience", "audiences", "types", "tickets", "prereleases",
                    "changelog_page_size", "feed_size", "unsafe_html", "sensitive_patterns", "require_entry"] {
            #expect(InitFiles.configuration.contains("\n\(key):"), "'\(key)' is shown")
        }
    }

    @Test("a folder that is a project already is refused, and nothing in it changes", arguments: ["relnotes.yml", "content/releases/1.0.0/release.md"])
    func refusesAProject(_ existing: String) throws {
        let root = try TemporaryFolder.project([existing: "title: Mine\n"])
        defer { TemporaryFolder.remove(root) }
        let before = try fileTree(root)
        let marker = existing.split(separator: "/").first!
        #expect(throws: DiagnosticsError.self) { try InitProject().create(at: root) }
        do {
            _ = try InitProject().create(at: root)
        } catch {
            #expect(error.diagnostics.map(\.description) == ["error: \(marker) exists already: \(root.path) is a relnotes project; relnotes init never overwrites a file, and changed nothing"])
        }
        #expect(try fileTree(root) == before)
    }

    @Test("an existing .gitignore is left as it was and named")
    func keepsGitignore() throws {
        let root = try TemporaryFolder.project([".gitignore": ".build/\n", "Package.swift": "// code\n"])
        defer { TemporaryFolder.remove(root) }
        let result = try InitProject().create(at: root)
        #expect(result.notWritten == [".gitignore"])
        #expect(!result.created.contains(".gitignore"))
        #expect(try root.appending(path: ".gitignore").readText() == ".build/\n")
    }

    @Test("the command lists what it created and prints how to check in CI; a second run fails with status 1")
    func command() throws {
        let parent = try TemporaryFolder.make()
        defer { TemporaryFolder.remove(parent) }
        let first = try Relnotes.run(["init", "site-notes"], in: parent)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("""
            created site-notes/relnotes.yml
            created site-notes/content/releases/unreleased/example-entry.md
            created site-notes/content/pages/release-process.md
            created site-notes/.gitignore

            """))
        #expect(first.stdout.contains("- run: relnotes check\n"))
        #expect(first.stdout.contains("relnotes check --require-entry --base origin/${{ github.base_ref }}"))
        let check = try Relnotes.run(["check", "--root", "site-notes"], in: parent)
        #expect(check.status == 0 && check.stderr == "0 errors, 0 warnings\n")
        let again = try Relnotes.run(["init", "site-notes"], in: parent)
        #expect(again.status == 1)
        #expect(again.stderr.contains("error: relnotes.yml exists already"))
        #expect(again.stdout.isEmpty)
    }

    @Test("preview serves the new project")
    func preview() async throws {
        let root = try TemporaryFolder.make().appending(path: "p")
        defer { TemporaryFolder.remove(root.deletingLastPathComponent()) }
        _ = try InitProject().create(at: root)
        let server = try BackgroundProcess(Relnotes.executable, ["preview", "--port", "0", "--root", root.path])
        defer { server.stop() }
        let base = try #require(URL(string: try await server.waitFor("http://127\\.0\\.0\\.1:[0-9]+/", timeout: .seconds(120))))
        let page = try await HTTP.get(base.appending(path: "internal/pages/release-process/"))
        #expect(page.status == 200)
        #expect(page.body.contains("Stabilization"))
        let entry = try await HTTP.get(base.appending(path: "external/releases/unreleased/"))
        #expect(entry.body.contains("Write release notes with <strong>relnotes</strong>"))
    }
}

extension URL {
    func readText() throws -> String { try String(contentsOf: self, encoding: .utf8) }
}
