import Foundation
import Testing

/// The built-in theme as a reader uses it, in a real browser (headless Chromium through
/// chromedriver): search as you type, the changelog's filters, permalinks and the
/// light/dark switch. The pages are served by `relnotes preview`, byte for byte what
/// `build --drafts` writes apart from the preview's banner.
@Suite("Reading the site in a browser", .serialized, .onOwnThread, Browser.installed)
struct ReadingBrowserTests {
    @Test("typing a query shows results that lead to the entry, a filter keeps one type, a permalink is followed, the colour choice is kept")
    func reading() async throws {
        let (root, server) = try PreviewServerTests.start()
        defer { server.stop(); TemporaryFolder.remove(root.deletingLastPathComponent()) }
        let base = try #require(URL(string: try await server.waitFor("http://127\\.0\\.0\\.1:[0-9]+/", timeout: .seconds(120))))
        let browser = try await Browser.start()
        defer { browser.stop() }

        // Search: the box appears with JavaScript, results come as the reader types.
        try await browser.open(base.appending(path: "external/"))
        #expect(try await browser.run("return document.querySelector('.site-search').hidden") as? Bool == false)
        try await browser.type("parquet time", into: "#site-search-input")
        try await HTTP.eventually("search results") {
            try await browser.run("return document.querySelectorAll('.search-results a').length") as? Int ?? 0 > 0
        }
        let first = try await browser.run("return document.querySelector('.search-results a').innerText") as? String ?? ""
        #expect(first.contains("Parquet timestamps keep their time zone"))
        #expect(first.contains("1.1.0"))
        _ = try await browser.run("document.querySelector('.search-results a').click(); return true")
        try await HTTP.eventually("the entry's page") {
            try await browser.run("return location.pathname + location.hash") as? String == "/external/releases/1.1.0/#v1-1-0-cy-5-timestamps"
        }
        #expect(try await browser.run("return document.querySelector(':target').classList.contains('entry')") as? Bool == true)
        try await browser.type("nothing-like-this", into: "#site-search-input")
        try await HTTP.eventually("the empty result") {
            (try await browser.run("return document.querySelector('.search-results').innerText") as? String ?? "").contains("Nothing found")
        }

        // Filters: the changelog shows one type only, by CSS :target alone.
        try await browser.open(base.appending(path: "external/changelog/"))
        _ = try await browser.run("document.querySelector('.filters a[href=\"#filter-type-fix\"]').click(); return true")
        #expect(try await browser.run("return location.hash") as? String == "#filter-type-fix")
        #expect(try await browser.run("return getComputedStyle(document.querySelector('.entry-section.type-feature')).display") as? String == "none")
        #expect(try await browser.run("return getComputedStyle(document.querySelector('.entry-section.type-fix')).display") as? String == "block")
        _ = try await browser.run("document.querySelector('.filters a[href=\"#filter-component-api\"]').click(); return true")
        #expect(try await browser.run("return getComputedStyle(document.querySelector('.entry-section.type-fix')).display") as? String == "none")
        #expect(try await browser.run("return getComputedStyle(document.querySelector('.entry-section.type-api-change')).display") as? String == "block")

        // Permalinks: every entry has one, and following it targets the entry.
        try await browser.open(base.appending(path: "external/releases/1.1.0/"))
        let counts = try await browser.run("return [document.querySelectorAll('.entry').length, document.querySelectorAll('.entry .permalink').length]") as? [Int] ?? []
        #expect(counts.count == 2 && counts[0] > 0 && counts[0] == counts[1])
        _ = try await browser.run("document.querySelector('.entry .permalink').click(); return true")
        let target = try await browser.run("return [location.hash, document.querySelector(':target').id]") as? [String] ?? []
        #expect(target.count == 2 && target[0] == "#" + target[1])

        // Light and dark: the switch sets the scheme and a reload keeps it.
        let before = try await browser.run("return getComputedStyle(document.documentElement).backgroundColor") as? String
        _ = try await browser.run("document.querySelector('.theme-toggle').click(); return true")
        let chosen = try await browser.run("return document.documentElement.dataset.theme") as? String
        #expect(chosen == "dark" || chosen == "light")
        #expect(try await browser.run("return getComputedStyle(document.documentElement).backgroundColor") as? String != before)
        try await browser.open(base.appending(path: "external/"))
        #expect(try await browser.run("return document.documentElement.dataset.theme") as? String == chosen)
    }
}

extension Browser {
    /// Types `text` into the element `selector` finds, key by key, as a reader would.
    func type(_ text: String, into selector: String) async throws {
        let found = try await HTTP.send("POST", session.appending(path: "element"), json: ["using": "css selector", "value": selector]) as? [String: Any]
        guard let element = (found?["value"] as? [String: Any])?.values.first as? String else {
            throw BackgroundProcess.ProcessError(message: "no element \(selector): \(String(describing: found))")
        }
        _ = try await HTTP.send("POST", session.appending(path: "element/\(element)/clear"), json: [String: String]())
        _ = try await HTTP.send("POST", session.appending(path: "element/\(element)/value"), json: ["text": text])
    }
}
