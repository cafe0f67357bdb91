import Foundation
import Testing
import Relnotes

/// The shared benchmark corpus (`../shared/bench/gen_corpus.py`) is a relnotes project:
/// the performance figures are of a project that checks and builds.
@Suite("Benchmark corpus")
struct BenchCorpusTests {
    /// The generator beside the package (`../shared/bench/`), else the machine's shared copy.
    static let generator: URL? = [
        Fixtures.packageRoot.deletingLastPathComponent().appending(path: "shared/bench/gen_corpus.py"),
        URL(fileURLWithPath: "/work/shared/bench/gen_corpus.py"),
    ].first { FileManager.default.isReadableFile(atPath: $0.path) }

    static let python: URL? = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        .split(separator: ":").map { URL(fileURLWithPath: String($0)).appending(path: "python3") }
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }

    @Test("a small generated corpus passes relnotes check and builds both audiences, with and without drafts",
          .enabled(if: python != nil, "python3 is not on PATH"),
          .enabled(if: generator != nil, "no gen_corpus.py in ../shared/bench/ or /work/shared/bench/"),
          .timeLimit(.minutes(2)))
    func smallCorpus() throws {
        let folder = try TemporaryFolder.make()
        defer { TemporaryFolder.remove(folder) }
        let root = folder.appending(path: "corpus")
        _ = try Command.output(try #require(Self.python), [Self.generator!.path, "--releases", "5", "--entries-per-release", "4", "--flavor", "relnotes", "--out", root.path])

        let check = try Relnotes.run(["check"], in: root)
        #expect(check.status == 0, "\(check.stderr)")
        let (site, diagnostics) = Site.load(root: root)
        #expect(!diagnostics.containsErrors, "\(diagnostics.map(\.description))")
        let loaded = try #require(site)
        #expect(loaded.audiences.map(\.name).sorted() == ["external", "internal"])
        for drafts in [true, false] {
            let files = try loaded.build(drafts: drafts)
            for audience in ["external", "internal"] {
                let paths = Set(files.map(\.path).filter { $0.hasPrefix(audience + "/") })
                #expect(paths.isSuperset(of: ["index.html", "changelog/index.html", "CHANGELOG.md", "releases.json"].map { "\(audience)/\($0)" }), "drafts: \(drafts)")
                #expect(paths.contains { $0.hasPrefix("\(audience)/releases/") && $0.hasSuffix("/index.html") }, "drafts: \(drafts)")
            }
        }
    }
}
