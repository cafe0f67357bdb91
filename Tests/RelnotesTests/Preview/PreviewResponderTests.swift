import Foundation
import Testing
@testable import RelnotesPreview
@testable import RelnotesModel

/// What the preview answers, request by request, from a build of the `cycle` fixture.
@Suite("Preview responses")
struct PreviewResponderTests {
    static let snapshot = PreviewSnapshot.build(root: Fixtures.url("projects/cycle"), after: .empty)

    func get(_ path: String, _ snapshot: PreviewSnapshot = snapshot) -> (status: Int, text: String, headers: [String: String]) {
        let response = PreviewResponder.respond(to: path, with: snapshot)
        return (response.status, String(decoding: response.body, as: UTF8.self), response.headers)
    }

    @Test("/ lists the audiences")
    func home() {
        let (status, text, _) = get("/")
        #expect(status == 200)
        #expect(text.contains("<a href=\"/external/\">Release notes</a>"))
        #expect(text.contains("<a href=\"/internal/\">Internal release notes</a>"))
    }

    @Test("pages carry a banner naming the audience and drafts, with a switch to the same page for every audience")
    func banner() {
        let (status, text, headers) = get("/internal/releases/unreleased/")
        #expect(status == 200)
        #expect(headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(text.contains("<strong>Preview</strong> · Internal release notes <code>internal</code> · drafts included · <strong>this release is a draft</strong>"))
        #expect(text.contains("<a href=\"/external/releases/unreleased/\">Release notes</a> · <a href=\"/internal/releases/unreleased/\" aria-current=\"page\">Internal release notes</a>"))
        #expect(text.contains("<script src=\"/_relnotes/live-reload.js\" defer></script>"))
    }

    @Test("drafts are served, and internal material is labelled in the internal view only")
    func draftsAndLabels() {
        #expect(get("/external/releases/unreleased/").status == 200)
        #expect(get("/internal/releases/1.1.0/").text.contains("<div class=\"audience-only\" data-audience=\"internal\">"))
        let external = get("/external/releases/1.1.0/").text
        #expect(!external.contains("audience-only") && !external.contains("locks the exports table"))
    }

    @Test("folders redirect to their slash form; files come with their type", arguments: [
        ("/internal", 301, "text/plain; charset=utf-8"),
        ("/internal/releases/1.1.0", 301, "text/plain; charset=utf-8"),
        ("/internal/assets/style.css", 200, "text/css; charset=utf-8"),
        ("/internal/releases.json", 200, "application/json"),
        ("/external/feed.xml", 200, "application/atom+xml; charset=utf-8"),
        ("/external/releases/1.1.0/notes.md", 200, "text/markdown; charset=utf-8"),
    ])
    func types(path: String, status: Int, type: String) {
        let (actual, _, headers) = get(path)
        #expect(actual == status)
        #expect(headers["Content-Type"] == type)
        if status == 301 { #expect(headers["Location"] == path + "/") }
    }

    @Test("only files of the built site are served: dot segments are refused, unknown paths are not found", arguments: [
        ("/internal/../../etc/passwd", 400), ("/../relnotes.yml", 400), ("/internal/./index.html", 400),
        ("/internal\\..\\relnotes.yml", 400), ("/content/releases/1.1.0/release.md", 404), ("/relnotes.yml", 404),
        ("/.relnotes-manifest", 404), ("/external/nope/", 404),
    ])
    func noTraversal(path: String, status: Int) {
        let (actual, text, _) = get(path)
        #expect(actual == status)
        #expect(!text.contains("Bo Example"))
    }

    @Test("after a failed build every page shows the problems, assets stay served, and fixing recovers")
    func failedBuild() throws {
        let root = try Fixtures.copy("projects/cycle")
        defer { TemporaryFolder.remove(root.deletingLastPathComponent()) }
        let record = root.appending(path: "content/releases/1.1.0/release.md")
        let good = try String(contentsOf: record, encoding: .utf8)
        let first = PreviewSnapshot.build(root: root, after: .empty)
        try (good + "\n::: internal\nnever closed\n").write(to: record, atomically: true, encoding: .utf8)
        let broken = PreviewSnapshot.build(root: root, after: first)
        #expect(broken.generation == 2 && broken.failed)
        let page = get("/internal/releases/1.1.0/", broken)
        #expect(page.status == 200)
        #expect(page.text.contains("The last build failed"))
        #expect(page.text.contains("content/releases/1.1.0/release.md:25:1: error: audience container &#39;internal&#39; is never closed"))
        #expect(page.text.contains("/_relnotes/live-reload.js"), "the error page reloads itself when fixed")
        #expect(get("/internal/assets/style.css", broken).status == 200)
        #expect(get("/_relnotes/generation", broken).text == "2")
        try good.write(to: record, atomically: true, encoding: .utf8)
        let fixed = PreviewSnapshot.build(root: root, after: broken)
        #expect(!fixed.failed)
        #expect(get("/internal/releases/1.1.0/", fixed).text.contains("Parquet arrives."))
    }
}
