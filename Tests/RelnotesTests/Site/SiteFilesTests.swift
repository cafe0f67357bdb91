import Foundation
import Synchronization
import Testing
import RelnotesPreview
@testable import Relnotes
@testable import RelnotesModel

/// `SiteFiles`, what the preview serves: each audience's site is made when first asked
/// for, each file rendered when first asked for, and only paths of the listing exist.
@Suite("Site files on demand")
struct SiteFilesTests {
    static let root = Fixtures.url("projects/cycle")

    @Test("one page is rendered when asked for, byte for byte as a full build writes it")
    func onePage() throws {
        let snapshot = PreviewSnapshot.build(root: Self.root, after: .empty)
        let page = try #require(try snapshot.data(at: "internal/releases/1.1.0/index.html"))
        let full = try BuiltSite(fullBuildOf: Self.root)
        #expect(page == full.files["internal/releases/1.1.0/index.html"])
        #expect(try snapshot.data(at: "internal/releases/1.1.0/index.html") == page, "asked again, the kept bytes")
    }

    @Test("paths the site does not have give nil and are not contained", arguments: [
        "internal/releases/9.9.9/index.html", "internal/nope.html", "internal/releases/1.1.0/", "internal/", "internal", "",
        "/internal/index.html", "nobody/index.html", "internal/../external/index.html", "external/releases/1.1.0/release.md",
    ])
    func unknownPath(_ path: String) throws {
        let snapshot = PreviewSnapshot.build(root: Self.root, after: .empty)
        #expect(!snapshot.contains(path))
        #expect(try snapshot.data(at: path) == nil)
    }

    @Test("an audience's site is made only when one of its paths is first asked for, and then once")
    func audiencesOnDemand() throws {
        let site = try #require(Site.load(root: Self.root).site)
        let made = Mutex<[String]>([])
        let files = SiteFiles(audiences: site.audiences.map(\.name)) { name in
            made.withLock { $0.append(name) }
            return site.renderer(for: site.audiences.first { $0.name == name }!, drafts: true, preview: true)
        }
        #expect(made.withLock { $0 } == [], "nothing is made before a path is asked for")
        #expect(!files.contains("staff/index.html"))
        #expect(made.withLock { $0 } == [], "an audience that is not configured makes nothing")
        #expect(try files.data(at: "external/index.html") != nil)
        #expect(files.contains("external/feed.xml") && !files.contains("external/nope.html"))
        #expect(try files.data(at: "external/changelog/index.html") != nil)
        #expect(made.withLock { $0 } == ["external"])
        #expect(files.paths(of: "internal").first == "index.html")
        #expect(made.withLock { $0 } == ["external", "internal"])
    }

    @Test("internal/ paths are not contained when the project configures no internal audience")
    func unconfiguredAudience() throws {
        let root = try TemporaryFolder.project([
            "relnotes.yml": "title: Notes\ndefault_audience: external\naudiences:\n  external: {title: Release notes}\n",
            "content/releases/1.0.0/release.md": InlineProject.release(),
            "content/releases/1.0.0/fix.md": InlineProject.entry(),
        ])
        defer { TemporaryFolder.remove(root) }
        let snapshot = PreviewSnapshot.build(root: root, after: .empty)
        try #require(!snapshot.failed, "\(snapshot.diagnostics.map(\.description))")
        #expect(snapshot.audiences.map(\.name) == ["external"])
        #expect(snapshot.contains("external/releases/1.0.0/index.html"))
        for path in ["internal/index.html", "internal/releases/1.0.0/index.html", "internal/releases.json"] {
            #expect(!snapshot.contains(path), "\(path)")
            #expect(try snapshot.data(at: path) == nil, "\(path)")
        }
        #expect(snapshot.files?.paths(of: "internal") == [])
    }
}
