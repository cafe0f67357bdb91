import Foundation
import Testing

/// A changelog filter across the changelog's pages, in a real browser: CSS alone applies a
/// filter on a page; the theme's script carries it to the next page when the reader moves on.
@Suite("Changelog filters across pages, in a browser", .serialized, .onOwnThread, Browser.installed)
struct ChangelogPagesBrowserTests {
    @Test("a filter chosen on the first page of the changelog is still on after 'Older releases'")
    func filterKeptAcrossPages() async throws {
        let root = try Fixtures.copy("projects/cycle")
        defer { TemporaryFolder.remove(root.deletingLastPathComponent()) }
        let config = root.appending(path: "relnotes.yml")
        try (try String(contentsOf: config, encoding: .utf8) + "changelog_page_size: 2\n").write(to: config, atomically: true, encoding: .utf8)
        let server = try BackgroundProcess(Relnotes.executable, ["preview", "--port", "0", "--root", root.path])
        defer { server.stop() }
        let base = try #require(URL(string: try await server.waitFor("http://127\\.0\\.0\\.1:[0-9]+/", timeout: .seconds(120))))
        let browser = try await Browser.start()
        defer { browser.stop() }

        try await browser.open(base.appending(path: "external/changelog/"))
        _ = try await browser.run("document.querySelector('.filters a[href=\"#filter-type-fix\"]').click(); return true")
        #expect(try await browser.run("return location.hash") as? String == "#filter-type-fix")
        _ = try await browser.run("document.querySelector('.pagination a[rel=\"next\"]').click(); return true")
        try await HTTP.eventually("the second page") {
            try await browser.run("return location.pathname") as? String == "/external/changelog/2/"
        }
        #expect(try await browser.run("return location.hash") as? String == "#filter-type-fix")
        let shown = try await browser.run("return Array.from(document.querySelectorAll('.entry-section')).filter(function (s) { return getComputedStyle(s).display !== 'none'; }).map(function (s) { return s.className; })") as? [String] ?? []
        #expect(!shown.isEmpty)
        #expect(shown.allSatisfy { $0.contains("type-fix") })
    }
}
