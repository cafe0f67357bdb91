import Foundation
import HTTPTypes
import HummingbirdCore
import Logging
import NIOCore
import NIOPosix
import Synchronization

/// The preview's HTTP/1.1 server: Hummingbird's `Server` on SwiftNIO, answering GET and HEAD
/// from a function of the request, within `HTTPLimits`.
///
/// Hummingbird reads requests (NIO's llhttp decoder) and writes answers; the bounds it has no
/// setting for are NIO channel handlers of the preview's: `HTTPConnectionGuard` (head sizes,
/// every timeout, the connection bound), `HTTPRequestGate` (when a connection ends) and
/// `HTTPAcceptErrors` (file descriptors running out). README, "Preview server".
struct HTTPServing: Sendable {
    typealias Respond = @Sendable (HTTPRequestHead) -> PreviewResponder.Response

    let limits: HTTPLimits
    let respond: Respond

    /// Listens on `listener` (throwing its `Failure` at once when it cannot), then runs `body`
    /// with the address while serving; requests are answered only once `body` has called
    /// `open` (they wait until then). Serving stops when `body` ends or the task is
    /// cancelled: every connection is ended, and `serve` returns once the server has stopped.
    func serve(on listener: HTTPListener, while body: @Sendable (_ url: URL, _ open: @Sendable () -> Void) async throws -> Void) async throws {
        let opened = Opening()
        let connections = HTTPConnections(limit: limits.connections)
        let (bound, listening) = AsyncThrowingStream<URL, any Error>.makeStream()
        let server = Server(
            childChannelSetup: HTTPChannel(limits: limits, connections: connections, responder: responder(opened)),
            configuration: ServerConfiguration(address: .hostname(listener.address.ipAddress!, port: Int(listener.port)), backlog: 1024),
            onServerRunning: { channel in
                try? await channel.eventLoop.submit {
                    try channel.pipeline.syncOperations.addHandler(HTTPAcceptErrors(connections: connections), position: .first)
                }.get()
                listening.yield(HTTPListener.url(of: channel.localAddress) ?? URL(string: "http://\(listener.host):\(listener.port)/")!)
            },
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton,
            logger: Logger(label: "relnotes.preview") { _ in SwiftLogNoOpLogHandler() }
        )
        // Not a child task: cancelling it would drop the connections NIO has accepted and not yet
        // handed over (a crash in NIO); the server is stopped with Hummingbird's graceful shutdown
        // instead, once every connection is ended.
        let running = Task {
            do { try await server.run() } catch { listening.finish(throwing: listener.failure(error)) }
        }
        let stop: @Sendable () -> Void = {
            connections.endAll()
            opened.open()
            Task { try? await server.shutdownGracefully() }
        }
        do {
            try await withTaskCancellationHandler {
                defer { stop() }
                var urls = bound.makeAsyncIterator()
                guard let url = try await urls.next() else { throw CancellationError() }
                try await body(url, opened.open)
            } onCancel: {
                stop()
            }
        } catch {
            await running.value
            connections.endAll()
            throw error
        }
        await running.value
        // Connections NIO accepted while the server stopped and never handed over.
        connections.endAll()
    }

    /// Hummingbird's responder: the preview's answer, written with GET's `Content-Length` for
    /// HEAD too, and 405 for other methods.
    private func responder(_ opened: Opening) -> HTTPChannelHandler.Responder {
        { [respond] request, writer, _ in
            await opened.wait()
            let method = request.method.rawValue
            let response: PreviewResponder.Response
            if method != "GET" && method != "HEAD" {
                response = .refusal(405, headers: ["Allow": "GET, HEAD"])
            } else if let head = HTTPRequestHead(method: method, target: request.head.path ?? "") {
                response = respond(head)
            } else {
                response = .refusal(400)
            }
            var fields = HTTPFields()
            for (name, value) in response.headers.sorted(by: { $0.key < $1.key }) {
                if let name = HTTPField.Name(name) { fields[name] = value }
            }
            fields[.contentLength] = String(response.body.count)
            let head = HTTPResponse(status: .init(code: response.status), headerFields: fields)
            if method == "HEAD" {
                try await writer.writeResponse(head)
            } else {
                try await writer.write(response: head, body: ResponseBody(byteBuffer: ByteBuffer(bytes: response.body)))
            }
        }
    }
}

/// Closed until the first build is done: requests that come before wait for it.
private final class Opening: Sendable {
    private let state = Mutex<(open: Bool, waiting: [CheckedContinuation<Void, Never>])>((false, []))

    func open() {
        let waiting = state.withLock { state in
            state.open = true
            defer { state.waiting = [] }
            return state.waiting
        }
        waiting.forEach { $0.resume() }
    }

    func wait() async {
        guard !state.withLock({ $0.open }) else { return }
        await withCheckedContinuation { continuation in
            let open = state.withLock { state in
                if !state.open { state.waiting.append(continuation) }
                return state.open
            }
            if open { continuation.resume() }
        }
    }
}
