import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Notices changes to a project's sources through Linux's inotify and says which paths
/// changed: `content/` and `templates/` folder by folder (folders that appear later too),
/// and the project folder for `relnotes.yml` and for those two folders appearing.
///
/// Nothing runs while nothing changes: one thread of its own (never one of Swift's
/// cooperative threads) sleeps in `poll` until the kernel has events or the watch stops.
/// Names starting with a dot (editor droppings) are left out, as everywhere under `content/`.
struct InotifyWatcher: Sendable {
    /// Paths relative to the root that changed (`content/releases/1.2.0/REL-1.md`,
    /// `relnotes.yml`), one batch per burst of saves: sent once no event came for `quiet`,
    /// or `longest` after the burst's first event. A folder's path stands for everything
    /// under it. Ends after the watch has stopped and closed its descriptors.
    let changes: AsyncStream<Set<String>>
    /// The inotify descriptor, for tests: closed when `changes` ends.
    let descriptor: Int32
    private let stopper: Stopper

    /// Why inotify cannot watch this project; the preview polls instead.
    struct Unavailable: Error, CustomStringConvertible {
        var description: String
    }

    /// Watches `root` from now on: every folder is watched before this returns.
    init(root: URL, quiet: Duration = .milliseconds(25), longest: Duration = .milliseconds(100)) throws(Unavailable) {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { throw Unavailable(description: "inotify is unavailable (\(Self.lastError))") }
        var wake: [Int32] = [-1, -1]
        guard pipe(&wake) == 0 else {
            close(descriptor)
            throw Unavailable(description: "no pipe to stop inotify with (\(Self.lastError))")
        }
        // Glibc's module has no pipe2, so close-on-exec is set just after.
        for end in wake { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        var folders = Folders(descriptor: descriptor, root: root.standardizedFileURL.path)
        if let problem = folders.watchAll() {
            close(descriptor); close(wake[0]); close(wake[1])
            throw Unavailable(description: problem)
        }
        let (changes, continuation) = AsyncStream.makeStream(of: Set<String>.self)
        // Closing the pipe's write end wakes the thread, which then closes the rest.
        let stopper = Stopper(descriptor: wake[1])
        continuation.onTermination = { _ in stopper.stop() }
        Thread.detachNewThread { [folders, wake = wake[0]] in
            var folders = folders
            Self.watch(&folders, wake: wake, quiet: quiet, longest: longest, send: continuation)
        }
        self.changes = changes
        self.descriptor = descriptor
        self.stopper = stopper
    }

    /// Stops watching; cancelling the task that reads `changes` does the same.
    func stop() {
        stopper.stop()
    }

    static var lastError: String { String(cString: strerror(errno)) }
}

// MARK: - The watching thread

private extension InotifyWatcher {
    static func watch(_ folders: inout Folders, wake: Int32, quiet: Duration, longest: Duration, send: AsyncStream<Set<String>>.Continuation) {
        var burst = Burst(quiet: quiet, longest: longest)
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            var ends = [pollfd(fd: folders.descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
            if poll(&ends, 2, burst.timeout) < 0, errno != EINTR { break }
            // The write end of `wake` closed: stop.
            if ends[1].revents != 0 { break }
            if ends[0].revents & Int16(POLLIN) != 0 {
                burst.add(folders.takeEvents(into: &buffer))
            } else if ends[0].revents != 0 {
                break
            }
            if let changed = burst.takeIfDue() { send.yield(changed) }
        }
        close(folders.descriptor)
        close(wake)
        send.finish()
    }
}

/// The paths changed since the last report, and when they are due: `quiet` after the
/// latest change, or `longest` after the first, whichever comes sooner.
private struct Burst {
    let quiet: Duration
    let longest: Duration
    private var changed: Set<String> = []
    private var first = ContinuousClock.now
    private var latest = ContinuousClock.now

    init(quiet: Duration, longest: Duration) {
        self.quiet = quiet
        self.longest = longest
    }

    private var due: ContinuousClock.Instant { min(latest + quiet, first + longest) }

    mutating func add(_ paths: Set<String>) {
        guard !paths.isEmpty else { return }
        latest = .now
        if changed.isEmpty { first = latest }
        changed.formUnion(paths)
    }

    /// `poll`'s timeout: none while nothing is pending, else the milliseconds until due,
    /// rounded up so that it never wakes early.
    var timeout: Int32 {
        guard !changed.isEmpty else { return -1 }
        let left = due - .now
        guard left > .zero else { return 0 }
        let (seconds, attoseconds) = left.components
        return Int32(min(seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1, Int64(Int32.max)))
    }

    mutating func takeIfDue() -> Set<String>? {
        guard !changed.isEmpty, ContinuousClock.now >= due else { return nil }
        defer { changed = [] }
        return changed
    }
}

/// The write end of the pipe the watching thread listens to; closed once, by whoever stops first.
private final class Stopper: Sendable {
    private let descriptor: Mutex<Int32>

    init(descriptor: Int32) {
        self.descriptor = Mutex(descriptor)
    }

    deinit { stop() }

    func stop() {
        descriptor.withLock { descriptor in
            guard descriptor >= 0 else { return }
            close(descriptor)
            descriptor = -1
        }
    }
}
