import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization
import Testing
@testable import RelnotesPreview

/// What the preview's watchers report, edit by edit, on fresh copies of the `cycle` fixture
/// (which has no `templates/` folder).
@Suite("Preview watchers", .serialized, .onOwnThread, .timeLimit(.minutes(1)))
struct PreviewWatcherTests {
    /// One kind of edit: what the project holds before watching starts, the edit, and
    /// paths it must be reported by.
    struct Edit: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var before: @Sendable (URL) throws -> Void = { _ in }
        var edit: @Sendable (URL) throws -> Void
        var reported: Set<String>
    }

    static let edits: [Edit] = [
        Edit(testDescription: "an entry file changed in place",
             edit: { try append($0, "content/releases/1.1.0/CY-7-docs.md") },
             reported: ["content/releases/1.1.0/CY-7-docs.md"]),
        Edit(testDescription: "an entry file created",
             edit: { try write($0, "content/releases/1.1.0/CY-11-new.md") },
             reported: ["content/releases/1.1.0/CY-11-new.md"]),
        Edit(testDescription: "an entry file deleted",
             edit: { try FileManager.default.removeItem(at: $0.appending(path: "content/releases/unreleased/CY-10-fix.md")) },
             reported: ["content/releases/unreleased/CY-10-fix.md"]),
        Edit(testDescription: "an entry file renamed",
             edit: { try move($0, "content/releases/unreleased/CY-9-json.md", to: "content/releases/unreleased/CY-9-api.md") },
             reported: ["content/releases/unreleased/CY-9-json.md", "content/releases/unreleased/CY-9-api.md"]),
        Edit(testDescription: "an entry file saved atomically, an editor's temporary file renamed over it",
             edit: {
                 try write($0, "content/releases/1.1.0/.CY-7-docs.md.swp")
                 try move($0, "content/releases/1.1.0/.CY-7-docs.md.swp", to: "content/releases/1.1.0/CY-7-docs.md")
             },
             reported: ["content/releases/1.1.0/CY-7-docs.md"]),
        Edit(testDescription: "a file in a new folder",
             edit: { try write($0, "content/releases/2.0.0/release.md") },
             reported: ["content/releases/2.0.0", "content/releases/2.0.0/release.md"]),
        Edit(testDescription: "a folder moved in with its files",
             before: { try write($0, "../staging/2.1.0/release.md") },
             edit: { try move($0, "../staging/2.1.0", to: "content/releases/2.1.0") },
             reported: ["content/releases/2.1.0", "content/releases/2.1.0/release.md"]),
        Edit(testDescription: "a folder deleted",
             edit: { try FileManager.default.removeItem(at: $0.appending(path: "content/releases/1.1.1")) },
             reported: ["content/releases/1.1.1", "content/releases/1.1.1/release.md"]),
        Edit(testDescription: "relnotes.yml changed",
             edit: { try append($0, "relnotes.yml") },
             reported: ["relnotes.yml"]),
        Edit(testDescription: "relnotes.yml saved atomically",
             edit: { try String(contentsOf: $0.appending(path: "relnotes.yml"), encoding: .utf8).write(to: $0.appending(path: "relnotes.yml"), atomically: true, encoding: .utf8) },
             reported: ["relnotes.yml"]),
        Edit(testDescription: "relnotes.yml created later",
             before: { try FileManager.default.removeItem(at: $0.appending(path: "relnotes.yml")) },
             edit: { try write($0, "relnotes.yml") },
             reported: ["relnotes.yml"]),
        Edit(testDescription: "a template changed",
             before: { try write($0, "templates/page.html") },
             edit: { try append($0, "templates/page.html") },
             reported: ["templates/page.html"]),
        Edit(testDescription: "templates/ created later, with a folder in it",
             edit: { try write($0, "templates/partials/banner.html") },
             reported: ["templates", "templates/partials/banner.html"]),
        Edit(testDescription: "content/ created later",
             before: { try FileManager.default.removeItem(at: $0.appending(path: "content")) },
             edit: { try write($0, "content/releases/1.0.0/release.md") },
             reported: ["content", "content/releases/1.0.0/release.md"]),
    ]

    @Test("every kind of edit is reported by the paths it touches", arguments: edits)
    func reports(_ edit: Edit) async throws {
        try await watching(before: edit.before) { root, _, recorder in
            try edit.edit(root)
            try await recorder.waitFor(edit.reported)
        }
    }

    @Test("names starting with a dot, and files of the project that are no sources, are not reported")
    func ignored() async throws {
        try await watching { root, _, recorder in
            for path in ["content/releases/1.1.0/.CY-7-docs.md.swp", "content/.drafts/idea.md", ".relnotes.yml.swp", "site/index.html", "README.md"] {
                try write(root, path)
            }
            try append(root, "content/releases/1.1.0/release.md")
            try await recorder.waitFor(["content/releases/1.1.0/release.md"])
            #expect(recorder.paths == ["content/releases/1.1.0/release.md"])
        }
    }

    @Test("a folder moved away is no longer watched")
    func movedAway() async throws {
        try await watching(before: { try write($0, "../staging/.keep") }) { root, _, recorder in
            try move(root, "content/releases/1.1.1", to: "../staging/1.1.1")
            try await recorder.waitFor(["content/releases/1.1.1"])
            try write(root, "../staging/1.1.1/late.md")
            try append(root, "content/releases/1.1.0/release.md")
            try await recorder.waitFor(["content/releases/1.1.0/release.md"])
            #expect(!recorder.paths.contains { $0.hasSuffix("late.md") })
        }
    }

    @Test("a burst of saves is one report")
    func burst() async throws {
        let files = (1...5).map { "content/releases/unreleased/CY-\(20 + $0).md" }
        try await watching(quiet: .seconds(1), longest: .seconds(5)) { root, _, recorder in
            for file in files { try write(root, file) }
            try await recorder.waitFor(Set(files))
            #expect(recorder.batches.count == 1)
        }
    }

    @Test("stopping ends the reports and closes the inotify descriptor")
    func stop() async throws {
        let root = try Fixtures.copy("projects/cycle")
        defer { TemporaryFolder.remove(root.deletingLastPathComponent()) }
        let watcher = try InotifyWatcher(root: root)
        #expect(isWatched(root))
        watcher.stop()
        for await _ in watcher.changes {}
        #expect(!isWatched(root), "no descriptor of this process watches the project any more")
    }

    @Test("cancelling the task that reads the reports stops the watch")
    func cancel() async throws {
        try await watching { root, _, recorder in
            #expect(isWatched(root))
            recorder.stop()
            try await HTTP.eventually("the watch to stop", timeout: .seconds(10)) { !isWatched(root) }
        }
    }

    @Test("where inotify is unavailable, polling reports changed paths too")
    func polling() async throws {
        let root = try Fixtures.copy("projects/cycle")
        defer { TemporaryFolder.remove(root.deletingLastPathComponent()) }
        let recorder = ChangeRecorder(ContentWatcher(root: root).changes(every: .milliseconds(50)))
        defer { recorder.stop() }
        try append(root, "content/releases/1.1.0/CY-7-docs.md")
        try write(root, "content/releases/2.0.0/release.md")
        try append(root, "relnotes.yml")
        try await recorder.waitFor(["content/releases/1.1.0/CY-7-docs.md", "content/releases/2.0.0/release.md", "relnotes.yml"])
    }
}

// MARK: - Helpers

private extension PreviewWatcherTests {
    /// Runs `body` with an inotify watcher on a fresh copy of the `cycle` fixture, prepared by `before`.
    func watching(
        before: (URL) throws -> Void = { _ in }, quiet: Duration = .milliseconds(25), longest: Duration = .milliseconds(100),
        _ body: (URL, InotifyWatcher, ChangeRecorder) async throws -> Void
    ) async throws {
        let root = try Fixtures.copy("projects/cycle")
        defer { TemporaryFolder.remove(root.deletingLastPathComponent()) }
        try before(root)
        let watcher = try InotifyWatcher(root: root, quiet: quiet, longest: longest)
        let recorder = ChangeRecorder(watcher.changes)
        defer { recorder.stop() }
        try await body(root, watcher, recorder)
    }

    /// Whether an inotify descriptor of this process watches `folder`: its inode is listed
    /// in the descriptor's `/proc/self/fdinfo` entry.
    func isWatched(_ folder: URL) -> Bool {
        var status = stat()
        guard stat(folder.path, &status) == 0 else { return false }
        let inode = " ino:\(String(status.st_ino, radix: 16)) "
        let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fdinfo")) ?? []
        return descriptors.contains { name in
            (try? String(contentsOfFile: "/proc/self/fdinfo/\(name)", encoding: .utf8))?.contains(inode) == true
        }
    }
}

private func write(_ root: URL, _ path: String, _ text: String = "written by a test\n") throws {
    let url = root.appending(path: path).standardizedFileURL
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
}

/// Appends a line to the file in place, as an editor that does not save atomically does.
private func append(_ root: URL, _ path: String) throws {
    let handle = try FileHandle(forWritingTo: root.appending(path: path))
    defer { try? handle.close() }
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("\n".utf8))
}

/// Renames with `rename(2)`, as editors save: a file already at `target` is replaced.
private func move(_ root: URL, _ path: String, to target: String) throws {
    guard rename(root.appending(path: path).standardizedFileURL.path, root.appending(path: target).standardizedFileURL.path) == 0 else {
        throw BackgroundProcess.ProcessError(message: "cannot rename \(path) to \(target): \(String(cString: strerror(errno)))")
    }
}

/// Collects what a watcher reports, from a task of its own, for a test to wait on.
final class ChangeRecorder: Sendable {
    private let received = Mutex<[Set<String>]>([])
    private let reader = Mutex<Task<Void, Never>?>(nil)

    init(_ changes: AsyncStream<Set<String>>) {
        let task = Task { for await batch in changes { self.received.withLock { $0.append(batch) } } }
        reader.withLock { $0 = task }
    }

    var batches: [Set<String>] { received.withLock { $0 } }
    var paths: Set<String> { batches.reduce(into: []) { $0.formUnion($1) } }

    /// Waits until every one of `expected` has been reported.
    func waitFor(_ expected: Set<String>, timeout: Duration = .seconds(10)) async throws {
        let deadline = ContinuousClock.now + timeout
        while !paths.isSuperset(of: expected) {
            guard ContinuousClock.now < deadline else {
                throw BackgroundProcess.ProcessError(message: "not reported: \(expected.subtracting(paths).sorted()); reported: \(paths.sorted())")
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Cancels the task that reads the reports.
    func stop() {
        reader.withLock { $0?.cancel() }
    }
}
