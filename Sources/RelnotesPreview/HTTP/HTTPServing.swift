import FlyingSocks
import Foundation
import Glibc

/// The preview's HTTP/1.1 server: GET and HEAD from a function of the request head, over
/// FlyingSocks' non-blocking sockets, within `HTTPLimits`.
///
/// FlyingFox's own `HTTPServer` is not used: its request reader has no size bound and is
/// super-linear in the length of a line, it has no read timeout and no connection bound, and
/// its accept loop ends the server when file descriptors run out (README, "Preview server").
struct HTTPServing: Sendable {
    typealias Respond = @Sendable (HTTPRequestHead) -> PreviewResponder.Response

    let limits: HTTPLimits
    let respond: Respond

    /// Serves connections on `listener` until the task is cancelled, then ends every connection
    /// and returns. At the connection bound, or out of file descriptors, the client that has
    /// waited longest makes room (an idle one); when every connection is busy, new clients are
    /// told 503. Neither stops the server.
    func serve(on listener: HTTPListener) async throws {
        signal(SIGPIPE, SIG_IGN)
        let pool = SocketPool<ePoll>.ePoll(maxEvents: 64)
        try await pool.prepare()
        let server = try AsyncSocket(socket: listener.socket, pool: pool)
        let connections = HTTPConnections(limit: limits.connections)
        defer { listener.close() }
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await pool.run() }
            group.addTask { [limits] in
                while true {
                    try await Task.sleep(for: limits.sweep)
                    connections.endOverdue()
                }
            }
            var spare = Spare()
            while !Task.isCancelled {
                let client: AsyncSocket
                do {
                    client = try await server.accept()
                } catch let SocketError.failed(_, code, _) where code == EMFILE || code == ENFILE {
                    // Out of descriptors: an idle client gives its one back; with none idle, those waiting are told 503.
                    if connections.endOldestWaiting() {
                        try? await Task.sleep(for: .milliseconds(2))
                    } else {
                        spare.refuseWaiting(on: listener.socket.file.rawValue)
                    }
                    continue
                } catch let SocketError.failed(_, code, _) where [ENOBUFS, ENOMEM].contains(code) {
                    try? await Task.sleep(for: .milliseconds(10))
                    continue
                } catch let SocketError.failed(_, code, _) where [ECONNABORTED, EINTR, EPROTO, EPERM].contains(code) {
                    continue
                } catch {
                    // Cancelled: the server stops. Anything else is a listening socket gone wrong, reported.
                    guard error is CancellationError || Task.isCancelled else { throw error }
                    break
                }
                let file = client.socket.file.rawValue
                guard connections.admit(file, deadline: .now + limits.idle) else {
                    Self.refuse(file)
                    continue
                }
                group.addTask { await HTTPConnection(socket: client, connections: connections, limits: limits, respond: respond).run() }
            }
            connections.endAll()
            group.cancelAll()
        }
    }

    /// Answers 503 and closes, for a client the server has no room for.
    static func refuse(_ file: Int32) {
        let answer = HTTPResponseHead.encode(.refusal(503, headers: ["Retry-After": "1"]), close: true) + Data("503 Service Unavailable\n".utf8)
        _ = answer.withUnsafeBytes { Glibc.send(file, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT | MSG_NOSIGNAL)) }
        _ = Glibc.close(file)
    }
}

/// A descriptor kept in reserve for when all are used up: given back, it lets the waiting
/// clients be accepted and told 503, instead of staying queued (or the server stopping).
private struct Spare {
    private var file = open("/dev/null", O_RDONLY)

    mutating func refuseWaiting(on listener: Int32) {
        if file >= 0 { _ = Glibc.close(file) }
        while true {
            let client = Glibc.accept(listener, nil, nil)
            guard client >= 0 else { break }
            HTTPServing.refuse(client)
        }
        file = open("/dev/null", O_RDONLY)
        if file < 0 { usleep(10_000) }
    }
}
