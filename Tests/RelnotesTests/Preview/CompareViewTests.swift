import Foundation
import Testing
@testable import RelnotesPreview
@testable import Relnotes
@testable import RelnotesModel

/// The preview's compare view (`/_relnotes/compare/<version>?a=…&b=…`) and the page an
/// audience switch lands on when the other audience cannot see the page.
@Suite("Preview compare view")
struct CompareViewTests {
    static let cycle = PreviewSnapshot.build(root: Fixtures.url("projects/cycle"), after: .empty)
    static let leak = PreviewSnapshot.build(root: Fixtures.url("projects/leak"), after: .empty)

    func get(_ path: String, query: [String: String] = [:], _ snapshot: PreviewSnapshot = cycle) -> (status: Int, text: String, headers: [String: String]) {
        let response = PreviewResponder.respond(to: path, query: query, with: snapshot)
        return (response.status, String(decoding: response.body, as: UTF8.self), response.headers)
    }

    static func comparison(_ version: String, _ snapshot: PreviewSnapshot) throws -> BlockComparison {
        let site = try #require(snapshot.site)
        return BlockComparison(a: try site.releaseBlocks(version: version, audience: "external") ?? [],
                               b: try site.releaseBlocks(version: version, audience: "internal") ?? [])
    }

    @Test("blocks line up by what they are: what only internal sees stands against a gap, the rest side by side")
    func lineUp() throws {
        let rows = try Self.comparison("1.1.0", Self.cycle).rows
        let onlyInternal = rows.filter { $0.status == .onlyB }.map { $0.b!.html }
        #expect(onlyInternal.contains { $0.contains("<h2 id=\"potential-impact\">Potential impact</h2>") })
        #expect(onlyInternal.contains { $0.contains("locks the exports table") })
        #expect(rows.allSatisfy { $0.status != .onlyA }, "external sees nothing internal does not")
        let same = rows.filter { $0.status == .same }
        #expect(same.contains { $0.a!.kind == .body && $0.a!.html == "<p>Parquet arrives.</p>\n" })
        #expect(same.contains { $0.a!.kind == .header })
        let entry = try #require(rows.first { $0.a?.key == "entry:1.1.0/CY-7-docs" })
        #expect(entry.status == .changed, "the ticket links for internal only")
        #expect(entry.b!.html.contains("<a class=\"ticket\" href=\"https://tracker.example.internal/browse/CY-7\">CY-7</a>"))
        #expect(!entry.a!.html.contains("<a class=\"ticket\""))
    }

    @Test("a body's blocks, joined, are the body of the page byte for byte")
    func bodyAsOnPage() throws {
        let site = try #require(Self.cycle.site)
        for audience in ["external", "internal"] {
            let blocks = try #require(try site.releaseBlocks(version: "1.1.0", audience: audience)).filter { $0.kind == .body }
            #expect(blocks.count > 1)
            let page = String(decoding: try #require(try Self.cycle.data(at: "\(audience)/releases/1.1.0/index.html")), as: UTF8.self)
            #expect(page.contains(blocks.map(\.html).joined()))
        }
    }

    @Test("every internal marker of the leak fixture is highlighted as internal-only, and none stands on the external side", arguments: ["1.0.0", "1.0.1+leakmarker01", "1.1.0", "1.1.0-leakmarker31", "1.1.0-rc.1", "2.0.0", "unreleased"])
    func leakMarkers(version: String) throws {
        let rows = try Self.comparison(version, Self.leak).rows
        let internalPage = String(decoding: try Self.leak.data(at: "internal/releases/\(version)/index.html") ?? Data(), as: UTF8.self)
        let main = internalPage.components(separatedBy: "<main").dropFirst().first?.components(separatedBy: "</main>").first ?? ""
        var highlighted = 0
        for marker in LeakTests.internalMarkers {
            #expect(!rows.contains { $0.a?.html.contains(marker.text) == true }, "\(marker.text) on the external side of \(version)")
            #expect(!rows.contains { $0.status == .same && $0.b?.html.contains(marker.text) == true }, "\(marker.text) of \(version) is not highlighted")
            if main.contains(marker.text) {
                #expect(rows.contains { $0.status != .same && $0.b?.html.contains(marker.text) == true }, "\(marker.text) of \(version) is highlighted")
                highlighted += 1
            }
        }
        #expect(highlighted > 0 || version == "1.0.0", "the release holds internal markers to look for")
        #expect(get("/_relnotes/compare/\(version)", query: ["a": "external", "b": "internal"], Self.leak).status == 200)
    }

    @Test("the page: both columns titled, rows marked by status, a summary, and a form to pick another release or pair")
    func page() {
        let (status, text, _) = get("/_relnotes/compare/1.1.0", query: ["a": "external", "b": "internal"])
        #expect(status == 200)
        #expect(text.contains("<h1>Release 1.1.0 for two audiences</h1>"))
        #expect(text.contains("<h2>Release notes <code>external</code> <a href=\"/external/releases/1.1.0/\">the page</a></h2>"))
        #expect(text.contains("<div class=\"compare-row is-only-b\" role=\"row\"><div class=\"compare-cell is-absent\""))
        #expect(text.contains("<p class=\"compare-label\">Only Internal release notes</p>"))
        #expect(text.contains("<p class=\"compare-summary\">"))
        #expect(text.contains("<form class=\"compare-picker\" method=\"get\" action=\"/_relnotes/compare/\">"))
        #expect(text.contains("<link rel=\"stylesheet\" href=\"/external/assets/style.css\">"))
        #expect(text.contains("/_relnotes/live-reload.js"), "it reloads itself after a rebuild")
    }

    @Test("ids are unique on the page: each column's are prefixed by its audience, and so are the links to them")
    func uniqueIDs() throws {
        let (_, text, _) = get("/_relnotes/compare/1.1.0", query: ["a": "external", "b": "internal"])
        let ids = text.matches(of: /\sid="([^"]*)"/).map { String($0.1) }
        #expect(!ids.isEmpty)
        #expect(Set(ids).count == ids.count, "duplicate ids: \(Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
        #expect(ids.allSatisfy { $0.hasPrefix("external--") || $0.hasPrefix("internal--") })
        for link in text.matches(of: /\shref="#([^"]*)"/).map({ String($0.1) }) {
            #expect(ids.contains(link), "a link to #\(link), which is not on the page")
        }
    }

    @Test("the picker's address is sent on to the release's; unknown audiences and releases are not found", arguments: [
        ("/_relnotes/compare/", ["version": "1.1.0", "a": "external", "b": "internal"], 301),
        ("/_relnotes/compare/1.1.0", ["a": "external", "b": "staff"], 404),
        ("/_relnotes/compare/9.9.9", ["a": "external", "b": "internal"], 404),
        ("/_relnotes/compare/", [:], 404),
        ("/_relnotes/compare/1.1.0", [:], 200),
    ])
    func addresses(path: String, query: [String: String], status: Int) {
        let response = get(path, query: query)
        #expect(response.status == status)
        if status == 301 { #expect(response.headers["Location"] == "/_relnotes/compare/1.1.0?a=external&b=internal") }
    }

    @Test("a release only one audience has: that column is all highlighted, the other says it has no such release")
    func oneSided() {
        let (status, text, _) = get("/_relnotes/compare/1.0.1+leakmarker01", query: ["a": "external", "b": "internal"], Self.leak)
        #expect(status == 200)
        #expect(text.contains("Release notes has no such release"))
        #expect(text.contains("class=\"compare-row is-only-b\""))
        #expect(!text.contains("class=\"compare-row is-same\"") && !text.contains("class=\"compare-row is-only-a\""))
    }

    @Test("the banner links to the compare view (through the preview's script), and / offers it")
    func links() {
        let script = get(Site.liveReloadPath).text
        #expect(script.contains("link.href = \"/_relnotes/compare/\" + release[2] + \"?a=\""))
        #expect(script.contains("banner.appendChild(paragraph)"))
        #expect(get("/").text.contains("<h2>Compare audiences</h2>"))
    }

    @Test("switching to an audience that cannot see the page says so, and links to its index and to the page where it is")
    func notVisible() {
        let (status, text, _) = get("/external/releases/1.0.1+leakmarker01/", Self.leak)
        #expect(status == 404)
        #expect(text.contains("<h1>Not shown in Release notes</h1>"))
        #expect(text.contains("<code>/releases/1.0.1+leakmarker01/</code> is not part of the <code>external</code> site: only <a href=\"/internal/releases/1.0.1+leakmarker01/\">Internal release notes</a> shows it."))
        #expect(text.contains("<a href=\"/external/\">Go to the Release notes index</a>"))
        #expect(text.contains("<a href=\"/_relnotes/compare/1.0.1%2Bleakmarker01?a=external&amp;b=internal\">compare with Internal release notes</a>"))
        #expect(get("/external/releases/no-such-release/", Self.leak).text.contains("<h1>Not found</h1>"), "a page no audience has is simply not found")
    }

    @Test("compare pages never reach a build: no path or byte of either site names them", arguments: ["cycle", "leak"])
    func neverBuilt(fixture: String) throws {
        let (site, _) = Site.load(root: Fixtures.url("projects/\(fixture)"))
        for drafts in [false, true] {
            let files = try #require(site).build(drafts: drafts)
            #expect(!files.isEmpty)
            for file in files {
                #expect(!file.path.contains("_relnotes") && !file.path.contains("compare"))
                #expect(file.contents.range(of: Data("_relnotes".utf8)) == nil && file.contents.range(of: Data("compare-row".utf8)) == nil, "\(file.path)")
            }
        }
    }
}
