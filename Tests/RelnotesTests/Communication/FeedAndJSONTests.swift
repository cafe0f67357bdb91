import Foundation
import FoundationXML
import Testing
@testable import RelnotesRendering

/// `feed.xml` and `releases.json`, built for each audience.
@Suite("Atom feed and releases.json")
struct FeedAndJSONTests {
    static func build(_ arguments: [String] = []) throws -> (root: URL, result: Relnotes.Result) {
        let root = try Fixtures.copy("projects/cycle")
        let result = try Relnotes.run(["build", "--root", root.path] + arguments)
        return (root, result)
    }

    @Test("the feed is Atom 1.0 with the required elements, released versions newest first, absolute links")
    func atom() throws {
        let (root, result) = try Self.build(["--drafts"])
        defer { TemporaryFolder.remove(root.deletingLastPathComponent()) }
        #expect(result.status == 0)
        let document = try XMLDocument(contentsOf: root.appending(path: "site-drafts/external/feed.xml"))
        let feed = try #require(document.rootElement())
        #expect(feed.name == "feed")
        #expect(feed.uri == "http://www.w3.org/2005/Atom")
        for name in ["title", "id", "updated", "author"] {
            #expect(!feed.elements(forName: name).isEmpty, "feed has no <\(name)>")
        }
        let selfLink = feed.elements(forName: "link").first { $0.value(of: "rel") == "self" }
        #expect(selfLink?.value(of: "href") == "https://notes.example.com/external/feed.xml")
        let entries = feed.elements(forName: "entry")
        let ids = entries.compactMap { $0.elements(forName: "id").first?.stringValue }
        #expect(ids == ["https://notes.example.com/external/releases/1.1.1/",
                        "https://notes.example.com/external/releases/1.1.0/",
                        "https://notes.example.com/external/releases/1.0.0/"], "drafts never reach the feed")
        for entry in entries {
            for name in ["title", "id", "updated", "content", "link"] {
                #expect(!entry.elements(forName: name).isEmpty, "entry has no <\(name)>")
            }
        }
        #expect(feed.elements(forName: "updated").first?.stringValue == "2026-02-20T00:00:00Z")
        let external = try String(contentsOf: root.appending(path: "site-drafts/external/feed.xml"), encoding: .utf8)
        #expect(!external.contains("example.internal"), "no tracker URL reaches the external feed")
        let internalFeed = try String(contentsOf: root.appending(path: "site-drafts/internal/feed.xml"), encoding: .utf8)
        #expect(internalFeed.contains("https://tracker.example.internal/browse/CY-8"))
    }

    @Test("without base_url the feed is skipped with a warning, and the build succeeds")
    func noBaseURL() throws {
        let root = try TemporaryFolder.project([
            "content/releases/1.0.0/release.md": "---\nversion: 1.0.0\nstatus: released\ndate: 2026-01-01\naudience: external\n---\n",
        ])
        defer { TemporaryFolder.remove(root) }
        let result = try Relnotes.run(["build", "--root", root.path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("relnotes.yml:1:1: warning: feed.xml and sitemap.xml are not built: set base_url in relnotes.yml to the site's public URL"))
        #expect(!FileManager.default.fileExists(atPath: root.appending(path: "site/external/feed.xml").path))
        let index = try String(contentsOf: root.appending(path: "site/external/index.html"), encoding: .utf8)
        #expect(!index.contains("feed.xml"), "no link to a feed that does not exist")
    }

    @Test("releases.json decodes into the versioned schema and encodes back to the same bytes")
    func jsonRoundTrip() throws {
        let (root, result) = try Self.build()
        defer { TemporaryFolder.remove(root.deletingLastPathComponent()) }
        #expect(result.status == 0)
        for audience in ["external", "internal"] {
            let data = try Data(contentsOf: root.appending(path: "site/\(audience)/releases.json"))
            let document = try ReleasesDocument.decode(data)
            #expect(document.schema == "relnotes.releases/1")
            #expect(document.audience == audience)
            #expect(document.latest == "1.1.1")
            #expect(document.releases.map(\.version) == ["1.1.1", "1.1.0", "1.0.0"])
            #expect(try document.encoded() == data)
        }
    }

    @Test("releases.json holds rendered and plain fields, and tracker links only for internal")
    func jsonFields() throws {
        let (root, _) = try Self.build()
        defer { TemporaryFolder.remove(root.deletingLastPathComponent()) }
        let external = try ReleasesDocument.decode(Data(contentsOf: root.appending(path: "site/external/releases.json")))
        let release = try #require(external.releases.first { $0.version == "1.1.0" })
        #expect(release.summary == "Parquet exports and a new API field.")
        let api = try #require(release.entries.first { $0.tickets.first?.key == "CY-3" })
        #expect(api.title == "format field on exports")
        #expect(api.titleHtml == "<code>format</code> field on exports")
        #expect(api.type == "api-change" && api.typeTitle == "API changes")
        #expect(api.tickets.first?.url == nil)
        #expect(!release.entries.contains { $0.tickets.first?.key == "CY-4" }, "internal entries stay out of the external JSON")
        let internalDocument = try ReleasesDocument.decode(Data(contentsOf: root.appending(path: "site/internal/releases.json")))
        let internalRelease = try #require(internalDocument.releases.first { $0.version == "1.1.0" })
        #expect(internalRelease.entries.contains { $0.tickets.first?.url == "https://tracker.example.internal/browse/CY-4" })
    }
}

private extension XMLElement {
    /// An attribute's value (`attribute(forName:)` answers nil in swift-corelibs-foundation).
    func value(of attribute: String) -> String? {
        attributes?.first { $0.name == attribute }?.stringValue
    }
}
