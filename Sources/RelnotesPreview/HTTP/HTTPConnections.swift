import Glibc
import Synchronization

/// The open connections of the server, what each is doing and by when it must be done: the
/// one place the connection bound and every timeout are kept.
///
/// A connection is ended with `shutdown(2)`, never closed from here: its own task, blocked in
/// a read or a write, then sees the end of the stream, stops, and closes its socket itself, so
/// a descriptor is never reused while a task still waits on it.
final class HTTPConnections: Sendable {
    enum Phase: Equatable {
        /// Waiting for (the rest of) a request head, or throwing a refused one away: may be ended to make room.
        case waiting
        /// Answering a request.
        case busy
        /// Shut down; its task has not yet closed it.
        case ending
    }

    struct Entry {
        var phase: Phase
        var since: ContinuousClock.Instant
        var deadline: ContinuousClock.Instant?
    }

    let limit: Int
    private let entries = Mutex<[Int32: Entry]>([:])

    init(limit: Int) { self.limit = limit }

    /// Takes a new connection in, waiting until `deadline`. At the bound, the connection that has
    /// waited longest is ended to make room; `false` when every connection is busy.
    func admit(_ file: Int32, deadline: ContinuousClock.Instant) -> Bool {
        entries.withLock { entries in
            if entries.values.count(where: { $0.phase != .ending }) >= limit {
                guard Self.endOldestWaiting(in: &entries) else { return false }
            }
            entries[file] = Entry(phase: .waiting, since: .now, deadline: deadline)
            return true
        }
    }

    /// Ends the connection that has waited longest, to give its descriptor back (file
    /// descriptors ran out); `false` when no connection waits.
    func endOldestWaiting() -> Bool {
        entries.withLock { Self.endOldestWaiting(in: &$0) }
    }

    /// What the connection does now, and by when it must be done (`nil`: no deadline).
    func set(_ file: Int32, _ phase: Phase, deadline: ContinuousClock.Instant?) {
        entries.withLock { entries in
            guard entries[file]?.phase != .ending else { return }
            entries[file] = Entry(phase: phase, since: .now, deadline: deadline)
        }
    }

    /// Forgets a connection; called by its task just before it closes the socket.
    func remove(_ file: Int32) {
        _ = entries.withLock { $0.removeValue(forKey: file) }
    }

    /// Ends every connection past its deadline.
    func endOverdue(at now: ContinuousClock.Instant = .now) {
        entries.withLock { entries in
            for (file, entry) in entries where entry.phase != .ending && (entry.deadline.map { $0 <= now } ?? false) {
                Self.end(file, in: &entries)
            }
        }
    }

    /// Ends every connection: the server stops.
    func endAll() {
        entries.withLock { entries in
            for (file, entry) in entries where entry.phase != .ending { Self.end(file, in: &entries) }
        }
    }

    /// The connections open and not ended.
    var count: Int { entries.withLock { $0.values.count { $0.phase != .ending } } }

    private static func endOldestWaiting(in entries: inout [Int32: Entry]) -> Bool {
        guard let oldest = entries.filter({ $0.value.phase == .waiting }).min(by: { $0.value.since < $1.value.since }) else { return false }
        end(oldest.key, in: &entries)
        return true
    }

    private static func end(_ file: Int32, in entries: inout [Int32: Entry]) {
        _ = Glibc.shutdown(file, Int32(SHUT_RDWR))
        entries[file]?.phase = .ending
    }
}
