import Foundation
import NIOCore
import NIOHTTP1

/// Between NIO's HTTP/1 codec and Hummingbird's: decides, request by request, whether the
/// connection goes on after the answer, and tells `HTTPConnectionGuard`; answers the heads
/// NIO's decoder refuses, and those the guard does (414, 431, 503 at the bound).
///
/// A connection ends after an answer when its request has a body (bodies are never read:
/// it is answered and closed), says `Connection: close`, or is HTTP/1.0 without
/// `keep-alive`, and after a refused head. llhttp knows a fixed list of methods, so an
/// unknown one (`BREW`) is a parse error: it is answered 405 like any method but GET and
/// HEAD, a version other than 1.x 505, anything else 400 (a bare LF after the version too) —
/// after the answers still owed on the connection, which come in the order of their requests
/// (pipelining).
final class HTTPRequestGate: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private let connection: HTTPConnectionGuard
    /// For each request read and not yet answered: whether the connection ends after its answer.
    private var closing: [Bool] = []
    private var answerCloses = false
    /// The status a refused head is answered with, once the answers before it are written.
    private var refusal: Int?
    private var refused = false

    init(connection: HTTPConnectionGuard) { self.connection = connection }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head(let head) = unwrapInboundIn(data) {
            let lengths = head.headers["content-length"].compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            let body = head.headers.contains(name: "transfer-encoding") || lengths.contains { $0 > 0 }
            if body { connection.requestHasBody() }
            closing.append(body || !head.isKeepAlive)
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head):
            answerCloses = (closing.first ?? true) || head.headers[canonicalForm: "connection"].contains { $0.lowercased() == "close" }
            if answerCloses { head.headers.replaceOrAdd(name: "Connection", value: "close") }
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .body:
            context.write(data, promise: promise)
        case .end:
            context.write(data, promise: promise)
            if !closing.isEmpty { closing.removeFirst() }
            connection.answered(close: answerCloses)
            if closing.isEmpty { refuse(context: context) }
        }
    }

    /// A head NIO's decoder refuses, or one `HTTPConnectionGuard` refuses (too long, no room).
    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard !refused else { return }
        if let refusal = error as? HTTPRefusal {
            self.refusal = refusal.status
        } else if let error = error as? HTTPParserError {
            switch error {
            case .invalidMethod: refusal = 405
            case .invalidVersion: refusal = connection.requestLineIsHTTP1 ? 400 : 505
            default: refusal = 400
            }
        } else {
            return context.fireErrorCaught(error)
        }
        refused = true
        if closing.isEmpty { refuse(context: context) }
    }

    private func refuse(context: ChannelHandlerContext) {
        guard let status = refusal else { return }
        refusal = nil
        let extra = [405: ["Allow": "GET, HEAD"], 503: ["Retry-After": "1"]]
        let response = PreviewResponder.Response.refusal(status, headers: extra[status] ?? [:])
        var headers = HTTPHeaders(response.headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        headers.add(name: "Content-Length", value: String(response.body.count))
        headers.add(name: "Connection", value: "close")
        let head = NIOHTTP1.HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: status), headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: response.body)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        connection.answered(close: true)
    }
}

extension PreviewResponder.Response {
    /// The short plain-text answer to a request the server refuses before any page is looked at.
    static func refusal(_ status: Int, headers: [String: String] = [:]) -> Self {
        let phrase = HTTPResponseStatus(statusCode: status).reasonPhrase
        return Self(status: status, type: "text/plain; charset=utf-8", body: Data("\(status) \(phrase)\n".utf8), headers: headers)
    }
}
