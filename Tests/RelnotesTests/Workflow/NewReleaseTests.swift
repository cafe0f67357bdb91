import Foundation
import Testing
@testable import RelnotesLoading
@testable import RelnotesModel
@testable import RelnotesWorkflow

@Suite("relnotes new release")
struct NewReleaseTests {
    static func project() throws -> URL {
        try TemporaryFolder.project([
            "content/releases/1.0.0/release.md": "---\nversion: 1.0.0\nstatus: released\ndate: 2026-01-01\naudience: external\n---\n",
            "content/releases/unreleased/a.md": "---\ntype: feature\ntitle: A\naudience: external\n---\nBody A.\n",
            "content/releases/unreleased/b.md": "---\ntype: fix\ntitle: B\n---\nBody B.\n",
            "content/releases/unreleased/c.md": "---\ntype: fix\ntitle: C\naudience: external\n---\nBody C.\n",
        ])
    }

    @Test("creates the release record and moves every unreleased entry into it")
    func movesEverything() throws {
        let root = try Self.project()
        defer { TemporaryFolder.remove(root) }
        let result = try Relnotes.run(["new", "release", "1.1.0-rc.1", "--date", "2026-02-01", "--root", root.path])
        #expect(result.status == 0)
        #expect(result.stdout == """
            content/releases/1.1.0-rc.1/release.md
            moved content/releases/1.1.0-rc.1/a.md
            moved content/releases/1.1.0-rc.1/b.md
            moved content/releases/1.1.0-rc.1/c.md

            """)
        #expect(FileSystemProbe.files(under: root.appending(path: "content/releases/unreleased")).isEmpty)
        let record = try String(contentsOf: root.appending(path: "content/releases/1.1.0-rc.1/release.md"), encoding: .utf8)
        #expect(record.contains("version: \"1.1.0-rc.1\"\nstatus: candidate\ndate: 2026-02-01\n"))
        let check = try Relnotes.run(["check", "--root", root.path])
        #expect(check.status == 0, "the new record is valid: \(check.stderr)")
        let notes = try Relnotes.run(["notes", "1.1.0-rc.1", "--root", root.path])
        #expect(notes.stdout.contains("- A") && notes.stdout.contains("- C"))
    }

    @Test("refuses versions that exist, are invalid or do not go up, and moves nothing", arguments: [
        ("1.0.0", "error: release 1.0.0 exists already (content/releases/1.0.0/release.md)"),
        ("1.0.0+build.7", "error: release 1.0.0 exists already (content/releases/1.0.0/release.md)"),
        ("1.1", "error: '1.1' is not a SemVer 2.0.0 version: it needs three numbers, MAJOR.MINOR.PATCH (write 1.10.0, not 1.10)"),
        ("0.9.0", "error: 0.9.0 is not greater than the released version 1.0.0; versions only go up"),
        ("1.0.0-rc.1", "error: 1.0.0-rc.1 is not greater than the released version 1.0.0; versions only go up"),
    ])
    func refuses(version: String, message: String) throws {
        let root = try Self.project()
        defer { TemporaryFolder.remove(root) }
        let before = try fileTree(root)
        let result = try Relnotes.run(["new", "release", version, "--root", root.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try fileTree(root) == before)
    }

    @Test("an interrupted move loses nothing: every entry is whole, in one of the two folders")
    func interruptedMove() throws {
        let root = try Self.project()
        defer { TemporaryFolder.remove(root) }
        let before = try fileTree(root.appending(path: "content/releases/unreleased"))
        let project = try #require(ProjectLoader.load(root: root).project)
        var release = NewRelease(version: "1.1.0", date: "2026-02-01")
        let calls = Counter()
        release.move = { source, target in
            if calls.next() == 2 { throw POSIXError(.ENOSPC) }
            try NewRelease.rename(source, target)
        }
        #expect(throws: DiagnosticsError.self) { try release.create(in: project, root: root) }
        let left = try fileTree(root.appending(path: "content/releases/unreleased"))
        let moved = try fileTree(root.appending(path: "content/releases/1.1.0")).filter { $0.key != "release.md" && $0.key != InterruptedMove.markerName }
        #expect(Set(left.keys).isDisjoint(with: moved.keys))
        #expect(left.merging(moved) { first, _ in first } == before)
        #expect(moved.keys.sorted() == ["a.md"] && left.keys.sorted() == ["b.md", "c.md"])
        // Until the rest has moved, every load says so.
        let problems = ProjectLoader.load(root: root).diagnostics.map(\.description)
        #expect(problems == ["content/releases/1.1.0/.relnotes-move:1:1: warning: 'relnotes new release 1.1.0' stopped before it moved every entry: 2 still in content/releases/unreleased/ (b.md, c.md); move them into content/releases/1.1.0/ (mv content/releases/unreleased/*.md content/releases/1.1.0/) and delete this file"])
    }
}

/// A thread-safe call counter for injected functions.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func next() -> Int {
        lock.withLock {
            count += 1
            return count
        }
    }
}
