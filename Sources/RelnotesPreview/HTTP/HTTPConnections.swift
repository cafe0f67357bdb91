import Glibc
import NIOCore
import Synchronization

/// The open connections of the server and whether each waits or works: the one place the
/// connection bound is kept, and where a connection is chosen to make room.
///
/// Each connection's `HTTPConnectionGuard` says when it starts waiting (for a request, or
/// while a refused one is thrown away) and when it works (a request read, its answer not yet
/// written). Ending a connection closes its channel; NIO frees the descriptor on the channel's
/// event loop, and the entry goes when the channel is closed.
final class HTTPConnections: Sendable {
    enum Phase: Equatable {
        /// Waiting for (the rest of) a request head, or throwing a refused one away: may be ended to make room.
        case waiting
        /// Answering a request.
        case busy
        /// Closed by the server; its channel has not yet said it is closed.
        case ending
    }

    struct Entry {
        var channel: (any Channel)?
        var phase: Phase
        var since: ContinuousClock.Instant
    }

    let limit: Int
    private let state = Mutex(State())

    private struct State {
        var entries: [ObjectIdentifier: Entry] = [:]
        /// A descriptor kept in reserve for when all are used up (`/dev/null`, or -1 while given back).
        var spare: Int32 = open("/dev/null", O_RDONLY)
        /// Set while the spare is given back: the clients accepted with it are told 503.
        var refusing = false
        /// Set when the server stops: a client accepted after that is closed at once.
        var stopped = false
        /// Every channel set up and not yet closed, admitted or not: NIO may accept a connection
        /// it never activates nor hands over while the server stops (swift-nio issue 2813).
        var channels: [ObjectIdentifier: any Channel] = [:]

        /// Takes the spare descriptor again, if one is free; whether it is held.
        mutating func takeSpare() -> Bool {
            if spare < 0 { spare = open("/dev/null", O_RDONLY) }
            refusing = spare < 0
            return !refusing
        }
    }

    init(limit: Int) { self.limit = limit }

    deinit {
        state.withLock { state in if state.spare >= 0 { _ = Glibc.close(state.spare) } }
    }

    enum Admission: Equatable {
        case admitted
        /// No room (every connection busy, or descriptors run out): the client is told 503.
        case full
        /// The server stops.
        case stopped
    }

    /// Takes a new connection in. At the bound, the connection that has waited longest is ended
    /// to make room.
    func admit(_ key: ObjectIdentifier, channel: (any Channel)?) -> Admission {
        let (admission, ended) = state.withLock { state -> (Admission, Entry?) in
            if state.stopped { return (.stopped, nil) }
            // While the spare is given back, a client is admitted only once it can be taken again.
            if state.refusing && !state.takeSpare() { return (.full, nil) }
            var ended: Entry?
            if state.entries.values.count(where: { $0.phase != .ending }) >= limit {
                ended = Self.endOldestWaiting(in: &state.entries)
                guard ended != nil else { return (.full, nil) }
            }
            state.entries[key] = Entry(channel: channel, phase: .waiting, since: .now)
            return (.admitted, ended)
        }
        ended?.channel?.close(promise: nil)
        return admission
    }

    /// What the connection does now.
    func set(_ key: ObjectIdentifier, _ phase: Phase) {
        state.withLock { state in
            guard let entry = state.entries[key], entry.phase != .ending, entry.phase != phase else { return }
            state.entries[key] = Entry(channel: entry.channel, phase: phase, since: .now)
        }
    }

    /// Forgets a connection; called when its channel is closed.
    func remove(_ key: ObjectIdentifier) {
        _ = state.withLock { $0.entries.removeValue(forKey: key) }
    }

    /// File descriptors ran out: ends the connection that has waited longest, to give its
    /// descriptor back. With none waiting, gives the spare descriptor back instead, and the
    /// clients accepted with it are refused until `refused` takes it again; `false` then.
    func descriptorsRanOut() -> Bool {
        let ended = state.withLock { state -> Entry? in
            if let oldest = Self.endOldestWaiting(in: &state.entries) { return oldest }
            if state.spare >= 0 { _ = Glibc.close(state.spare) }
            state.spare = -1
            state.refusing = true
            return nil
        }
        ended?.channel?.close(promise: nil)
        return ended != nil
    }

    /// A client told 503 is gone: the spare descriptor is taken again (its descriptor, most likely).
    func refused() {
        _ = state.withLock { $0.takeSpare() }
    }

    /// Notes a channel NIO has accepted, until it is closed; one accepted once the server
    /// stops (after `endAll` closed those it knew) is closed at once.
    func setUp(_ channel: any Channel) {
        let key = ObjectIdentifier(channel)
        let stopped = state.withLock { state in
            if !state.stopped { state.channels[key] = channel }
            return state.stopped
        }
        if stopped {
            channel.close(promise: nil)
            return
        }
        channel.closeFuture.whenComplete { _ in
            _ = self.state.withLock { $0.channels.removeValue(forKey: key) }
        }
    }

    /// Ends every connection, and every one accepted from now on: the server stops.
    func endAll() {
        let channels = state.withLock { state in
            state.stopped = true
            for key in state.entries.keys { state.entries[key]?.phase = .ending }
            return Array(state.channels.values)
        }
        channels.forEach { $0.close(promise: nil) }
    }

    // The channels ended are closed by the callers, after the lock: a channel closed on its own
    // event loop says so at once, and its guard then calls `remove`.

    /// The connection that has waited longest, marked ending; `nil` when none waits.
    private static func endOldestWaiting(in entries: inout [ObjectIdentifier: Entry]) -> Entry? {
        guard let oldest = entries.filter({ $0.value.phase == .waiting }).min(by: { $0.value.since < $1.value.since }) else { return nil }
        return end(oldest.key, in: &entries)
    }

    private static func end(_ key: ObjectIdentifier, in entries: inout [ObjectIdentifier: Entry]) -> Entry {
        entries[key]!.phase = .ending
        return entries[key]!
    }
}
