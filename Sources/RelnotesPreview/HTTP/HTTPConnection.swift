import FlyingSocks
import Foundation
import Glibc

/// One client's connection: request heads read within the limits, each answered in turn
/// (keep-alive and pipelining included), until the client closes, a deadline passes, or a
/// request says `close`.
struct HTTPConnection: Sendable {
    let socket: AsyncSocket
    let connections: HTTPConnections
    let limits: HTTPLimits
    let respond: HTTPServing.Respond

    private var file: Int32 { socket.socket.file.rawValue }

    func run() async {
        defer {
            connections.remove(file)
            try? socket.close()
        }
        var buffer = HTTPHeadBuffer(limits: limits)
        do {
            while true {
                let request: HTTPRequestHead
                do {
                    request = try HTTPRequestHead.parse(try await head(from: &buffer), limits: limits)
                } catch let error as HTTPRequestError {
                    return try await refuse(.refusal(error.status))
                }
                connections.set(file, .busy, deadline: nil)
                let response = answer(request)
                if request.hasBody { return try await refuse(response, head: request.method == "HEAD") }
                try await write(response, head: request.method == "HEAD", close: !request.keepAlive)
                guard request.keepAlive else { return }
            }
        } catch {
            // The client left, a deadline passed, or the server stops: nothing to answer.
        }
    }

    /// GET and HEAD are answered by the preview; any other method is 405.
    func answer(_ request: HTTPRequestHead) -> PreviewResponder.Response {
        guard request.method == "GET" || request.method == "HEAD" else {
            return .refusal(405, headers: ["Allow": "GET, HEAD"])
        }
        return respond(request)
    }

    /// The next request head: from what is buffered, or read until it is complete. The wait
    /// before its first byte is bounded by `limits.idle`, the rest by `limits.headerRead`.
    private func head(from buffer: inout HTTPHeadBuffer) async throws -> ArraySlice<UInt8> {
        connections.set(file, .waiting, deadline: .now + (buffer.isEmpty ? limits.idle : limits.headerRead))
        while true {
            if let head = try buffer.takeHead() { return head }
            let chunk = try await socket.read(atMost: 4096)
            if buffer.isEmpty { connections.set(file, .waiting, deadline: .now + limits.headerRead) }
            buffer.append(chunk)
        }
    }

    /// Writes the answer a piece at a time, each within `limits.write`: a large file to a
    /// slow client takes as long as it takes, a client that stops reading is closed.
    private func write(_ response: PreviewResponder.Response, head: Bool, close: Bool) async throws {
        let bytes = HTTPResponseHead.encode(response, close: close) + (head ? Data() : response.body)
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let end = min(start + Self.piece, bytes.endIndex)
            connections.set(file, .busy, deadline: .now + limits.write)
            try await socket.write(bytes[start..<end])
            start = end
        }
    }

    private static let piece = 256 * 1024

    /// Answers, then reads what the client still sends and throws it away, for `limits.drain`
    /// at most: closing with unread bytes would reset the connection before the client reads
    /// the answer.
    private func refuse(_ response: PreviewResponder.Response, head: Bool = false) async throws {
        try await write(response, head: head, close: true)
        _ = Glibc.shutdown(file, Int32(SHUT_WR))
        connections.set(file, .waiting, deadline: .now + limits.drain)
        var drained = 0
        while drained < 16 * 1024 * 1024 {
            drained += try await socket.read(atMost: 65536).count
        }
    }
}
