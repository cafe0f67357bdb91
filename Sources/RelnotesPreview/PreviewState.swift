import Foundation
import Synchronization
import Relnotes

/// The newest finished snapshot, which every request reads, and the builds that replace it.
///
/// A build runs on a thread of its own, outside any lock; only the swap of its result
/// takes one. So a request never waits for a build: it gets the snapshot before it.
/// Changes that arrive while a build runs are gathered for exactly one build after it, and
/// the generation (which open pages reload on) changes only when a snapshot is swapped in.
final class PreviewState: Sendable {
    /// Makes the next snapshot from the current one and the paths changed since that was
    /// made (`ContentWatcher.everything` for the first). Slow on a large project; may block.
    typealias Build = @Sendable (_ current: PreviewSnapshot, _ changed: Set<String>) -> PreviewSnapshot

    private let build: Build
    private let log: @Sendable (String) -> Void
    private let current = Mutex(PreviewSnapshot.empty)
    private let queue = Mutex(Queue())

    init(build: @escaping Build, log: @escaping @Sendable (String) -> Void) {
        self.build = build
        self.log = log
    }

    /// The newest finished snapshot.
    var snapshot: PreviewSnapshot { current.withLock { $0 } }

    /// Asks for a build because `paths` changed: now when none runs, else once after it.
    func changed(_ paths: Set<String>) {
        guard queue.withLock({ $0.add(paths) }) else { return }
        Thread.detachNewThread { self.buildWhileChanged() }
    }

    /// Returns once no build runs or waits to run.
    func settled() async {
        await withCheckedContinuation { continuation in
            let idle = queue.withLock { queue in
                guard queue.running else { return true }
                queue.waiting.append(continuation)
                return false
            }
            if idle { continuation.resume() }
        }
    }
}

// MARK: - Building

private extension PreviewState {
    /// What is left to build: whether a build runs, the paths changed since it started,
    /// and who waits for all of it to be done.
    struct Queue {
        var running = false
        var changed: Set<String>?
        var waiting: [CheckedContinuation<Void, Never>] = []

        /// Notes changed paths; true when a build must start for them.
        mutating func add(_ paths: Set<String>) -> Bool {
            changed = (changed ?? []).union(paths)
            defer { running = true }
            return !running
        }

        /// The paths for the next build; with none, building stops, and those waiting are handed back.
        mutating func next() -> (changed: Set<String>?, settled: [CheckedContinuation<Void, Never>]) {
            defer { changed = nil }
            guard changed == nil else { return (changed, []) }
            running = false
            defer { waiting = [] }
            return (nil, waiting)
        }
    }

    func buildWhileChanged() {
        while true {
            let (changed, settled) = queue.withLock { $0.next() }
            guard let changed else { return settled.forEach { $0.resume() } }
            let start = ContinuousClock.now
            var next = build(snapshot, changed)
            // The snapshot replaced is let go outside the lock: freeing a large site takes a while.
            current.withLock { swap(&$0, &next) }
            report(snapshot, took: ContinuousClock.now - start)
        }
    }

    /// One line per build, after its problems: what it made, or that it failed.
    func report(_ snapshot: PreviewSnapshot, took elapsed: Duration) {
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        for diagnostic in snapshot.diagnostics.sortedForDisplay() { log(diagnostic.description) }
        if snapshot.failed {
            log("build \(snapshot.generation) failed; the browser shows the problems until they are fixed")
        } else {
            log("build \(snapshot.generation): \(snapshot.files?.count ?? 0) files in \(milliseconds) ms")
        }
    }
}
