import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization
import Testing
@testable import RelnotesPreview

/// When the preview builds, and what requests get meanwhile: builds are injected, so that
/// a test can hold one for as long as it likes.
@Suite("Preview builds", .timeLimit(.minutes(1)))
struct PreviewStateTests {
    @Test("each change makes one build of the paths that changed, with the next generation, and a log line")
    func generations() async {
        let builds = TestBuilds()
        let lines = Mutex<[String]>([])
        let state = PreviewState(build: builds.build, log: { line in lines.withLock { $0.append(line) } })
        state.changed(ContentWatcher.everything)
        await state.settled()
        #expect(state.snapshot.generation == 1)
        state.changed(["content/releases/1.1.0/release.md"])
        await state.settled()
        #expect(state.snapshot.generation == 2)
        #expect(builds.asked == [ContentWatcher.everything, ["content/releases/1.1.0/release.md"]])
        #expect(lines.withLock { $0 }.map { $0.prefix(17) } == ["build 1: 0 files ", "build 2: 0 files "])
    }

    @Test("changes during a build make exactly one more build after it; the generation moves only when a build is done")
    func coalesced() async throws {
        let builds = TestBuilds(held: [2])
        defer { builds.release() }
        let state = PreviewState(build: builds.build, log: { _ in })
        state.changed(ContentWatcher.everything)
        await state.settled()
        state.changed(["content/a.md"])
        try await HTTP.eventually("the held build to start") { builds.asked.count == 2 }
        state.changed(["content/b.md"])
        state.changed(["content/c.md", "relnotes.yml"])
        #expect(state.snapshot.generation == 1, "the held build is not done")
        builds.release()
        await state.settled()
        #expect(builds.asked == [ContentWatcher.everything, ["content/a.md"], ["content/b.md", "content/c.md", "relnotes.yml"]])
        #expect(state.snapshot.generation == 3)
    }

    @Test("requests are answered from the last finished build while a slow build runs")
    func answersWhileBuilding() async throws {
        let root = try Fixtures.copy("projects/cycle")
        defer { TemporaryFolder.remove(root.deletingLastPathComponent()) }
        let builds = TestBuilds(held: [2], root: root)
        defer { builds.release() }
        var server = PreviewServer(root: root, port: 0)
        server.build = builds.build
        let (addresses, found) = AsyncStream.makeStream(of: URL.self)
        let running = Task { try await server.run(ready: { found.yield($0) }, log: { _ in }) }
        defer { running.cancel() }
        var iterator = addresses.makeAsyncIterator()
        let base = try #require(await iterator.next())
        let page = base.appending(path: "external/releases/1.1.0/"), generation = base.appending(path: "_relnotes/generation")

        let record = root.appending(path: "content/releases/1.1.0/release.md")
        try String(contentsOf: record, encoding: .utf8).replacingOccurrences(of: "Parquet arrives.", with: "Parquet has arrived.")
            .write(to: record, atomically: true, encoding: .utf8)
        try await HTTP.eventually("the slow build to start") { builds.asked.count == 2 }
        #expect(try await HTTP.get(page).body.contains("Parquet arrives."))
        #expect(try await HTTP.get(generation).body == "1")
        #expect(try await HTTP.get(base).status == 200)
        #expect(builds.asked.count == 2, "still the held build")

        builds.release()
        try await HTTP.eventually("the new build to be served") { try await HTTP.get(page).body.contains("Parquet has arrived.") }
        #expect(try await HTTP.get(generation).body == "2")
    }
}

/// Builds for tests: records the paths each was asked to build, holds the builds whose
/// numbers are in `held` until `release()`, and makes the real snapshot of `root` (without
/// one, a snapshot that only counts).
final class TestBuilds: Sendable {
    private let held: Set<Int>
    private let root: URL?
    private let requests = Mutex<[Set<String>]>([])
    private let gate = DispatchSemaphore(value: 0)

    init(held: Set<Int> = [], root: URL? = nil) {
        self.held = held
        self.root = root
    }

    var asked: [Set<String>] { requests.withLock { $0 } }

    func build(_ current: PreviewSnapshot, _ changed: Set<String>) -> PreviewSnapshot {
        let number = requests.withLock { $0.append(changed); return $0.count }
        if held.contains(number) { gate.wait() }
        guard let root else {
            var next = current
            next.generation += 1
            return next
        }
        return PreviewSnapshot.build(root: root, after: current)
    }

    /// Lets the held builds go (once is enough; more is harmless).
    func release() {
        for _ in held { gate.signal() }
    }
}
