import Foundation
import Testing
@testable import RelnotesMarkdown

/// The HTML announcement as an e-mail client shows it: no stylesheet is ever loaded, so
/// everything that makes it legible must be in the document itself. Read in headless
/// Chromium (through chromedriver), as the preview's browser test does.
@Suite("Announcements in a browser", .serialized, .onOwnThread)
struct AnnouncementBrowserTests {
    /// Chromedriver, started again when a start under load (the preview's browser test
    /// may be starting one at the same moment) does not report itself ready.
    static func startBrowser() async throws -> Browser {
        for _ in 1..<3 {
            if let browser = try? await Browser.start() { return browser }
            try await Task.sleep(for: .seconds(2))
        }
        return try await Browser.start()
    }

    @Test("the HTML announcement renders legibly without any stylesheet: headings stand out, lists have bullets, nothing overflows", Browser.installed)
    func legibleWithoutStylesheet() async throws {
        let sample = try AnnouncementTests.sampleWith130()
        defer { sample.remove() }
        let site = try AnnouncementTests.load(sample.root)
        let browser = try await Self.startBrowser()
        defer { browser.stop() }
        for audience in ["external", "internal"] {
            let html = try site.announcement(version: "1.3.0", audience: audience, format: .html).text
            let file = sample.root.appending(path: "announcement-\(audience).html")
            try Data(html.utf8).write(to: file)
            try await browser.open(file)

            #expect(try await browser.run("return document.styleSheets.length") as? Int == 0, "no stylesheet of any kind")
            #expect(try await browser.run("return document.scripts.length") as? Int == 0)
            #expect(try await browser.run("return document.title") as? String == (audience == "external"
                ? "Tidewater 1.3.0: Webhook filters and expiring share links"
                : "Internal: Tidewater 1.3.0: Webhook filters and expiring share links"))
            let sizes = try await browser.run("""
                const px = (el) => parseFloat(getComputedStyle(el).fontSize);
                return [px(document.querySelector('h1')), px(document.querySelector('h2')), px(document.querySelector('li p'))];
                """) as? [Double] ?? []
            #expect(sizes.count == 3 && sizes[0] > sizes[1] && sizes[1] > sizes[2] && sizes[2] >= 14, "h1 > h2 > text ≥ 14 px: \(sizes)")
            #expect(try await browser.run("return getComputedStyle(document.querySelector('li')).listStyleType") as? String == "disc")
            #expect(try await browser.run("return document.documentElement.scrollWidth <= window.innerWidth") as? Bool == true, "no horizontal scrolling")
            let text = try await browser.run("return document.body.innerText") as? String ?? ""
            for expected in ["New features", "Bug fixes", "Share dashboards outside your workspace with expiring links", "Deliver scheduled reports to Slack"] {
                #expect(text.contains(expected), "\(audience): \(expected)")
            }
            #expect(text.contains("Potential impact on existing systems") == (audience == "internal"))
            #expect(!text.contains("Map tiles show no base map"), "resolved in 1.3.0")
        }
    }
}
