import NIOCore

/// The first handler of every connection, on the raw bytes in front of NIO's HTTP decoder:
/// it holds each connection to `HTTPLimits`.
///
/// - Heads are counted by `HTTPHeadScanner` as their bytes pass; for one too long, nothing
///   more reaches the decoder, and `HTTPRequestGate` answers it 414 or 431 (an `HTTPRefusal`
///   sent down the pipeline) after the answers still owed on the connection.
/// - Deadlines: `idle` while waiting for a request, `headerRead` from a head's first byte to
///   its end, `write` for each piece of an answer the client must take (answers are written in
///   pieces of 256 KB, so a slow reader that still reads is not cut off), `drain` while a
///   refused request is thrown away. None while the preview answers.
/// - At the connection bound `HTTPConnections` decides; a client refused there is told 503
///   and closed at once.
/// - A connection to close (a body, `Connection: close`, HTTP/1.0, a refusal) is half-closed
///   once its answer is written, and what the client still sends is read and dropped, so that
///   it sees the answer rather than a reset connection.
final class HTTPConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = IOData
    typealias OutboundOut = IOData

    private let limits: HTTPLimits
    private let connections: HTTPConnections
    private var scanner: HTTPHeadScanner
    private var context: ChannelHandlerContext?
    private var deadlines: HTTPDeadlines?
    private var reading = Reading.heads
    /// Requests passed to the decoder and not yet answered.
    private var unanswered = 0
    /// Whether bytes of the next head (or empty lines before it) have arrived.
    private var headBegun = false
    /// Set by `HTTPRequestGate` while the decoder reads a head that has a body.
    private var bodyFollows = false
    /// Close (after draining, unless refused at the bound) once every write is done.
    private var closeAfterWrites = false
    private var admitted = true
    private var inputClosed = false
    private var pendingWrites = 0
    private var drained = 0
    private var key: ObjectIdentifier { ObjectIdentifier(self) }

    private enum Reading {
        /// Heads are counted and passed on.
        case heads
        /// A body follows a head: passed on uncounted (the connection closes after its answer).
        case body
        /// Nothing more is passed on: a refusal or the last answer is being written.
        case stopped
        /// Output closed; what arrives is dropped until the client closes or `drain` passes.
        case draining
    }

    static let piece = 256 * 1024
    static let drainBytes = 16 * 1024 * 1024

    init(limits: HTTPLimits, connections: HTTPConnections) {
        self.limits = limits
        self.connections = connections
        self.scanner = HTTPHeadScanner(limits: limits)
    }

    // MARK: - Opening and closing

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        deadlines = HTTPDeadlines(context: context)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadlines?.cancel()
        deadlines = nil
        self.context = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        context.fireChannelActive()
        deadlines?.read = .now() + limits.idle.timeAmount
        switch connections.admit(key, channel: context.channel) {
        case .admitted:
            break
        case .full:
            admitted = false
            let connections = connections
            context.channel.closeFuture.whenComplete { _ in connections.refused() }
            refuse(503, context: context)
        case .stopped:
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadlines?.cancel()
        connections.remove(key)
        context.fireChannelInactive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard case ChannelEvent.inputClosed = event else { return context.fireUserInboundEventTriggered(event) }
        inputClosed = true
        if reading == .draining || (unanswered == 0 && pendingWrites == 0) {
            context.close(promise: nil)
        } else {
            closeAfterWrites = true
            context.fireUserInboundEventTriggered(event)
        }
    }

    // MARK: - Reading

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        switch reading {
        case .body:
            context.fireChannelRead(data)
        case .stopped, .draining:
            drained += buffer.readableBytes
            if drained > Self.drainBytes { context.close(promise: nil) }
        case .heads:
            readHeads(buffer, context: context)
        }
    }

    /// Passes the bytes on head by head, counting each.
    private func readHeads(_ buffer: ByteBuffer, context: ChannelHandlerContext) {
        if !headBegun {
            headBegun = true
            if unanswered == 0 { deadlines?.read = .now() + limits.headerRead.timeAmount }
        }
        var start = 0
        while start < buffer.readableBytes && reading == .heads {
            switch buffer.withUnsafeReadableBytes({ scanner.scan($0, from: start) }) {
            case .needsMore:
                pass(buffer, start..<buffer.readableBytes, context: context)
                return
            case .head(let end):
                unanswered += 1
                phaseChanged()
                deadlines?.read = nil
                pass(buffer, start..<end, context: context)
                start = end
                headBegun = start < buffer.readableBytes
                if bodyFollows {
                    reading = .body
                    pass(buffer, start..<buffer.readableBytes, context: context)
                    return
                }
            case .refused(let status):
                return refuse(status, context: context)
            }
        }
    }

    private func pass(_ buffer: ByteBuffer, _ range: Range<Int>, context: ChannelHandlerContext) {
        guard !range.isEmpty, let slice = buffer.getSlice(at: buffer.readerIndex + range.lowerBound, length: range.count) else { return }
        context.fireChannelRead(wrapInboundOut(slice))
    }

    /// Stops passing bytes on, and has `HTTPRequestGate` answer `status`.
    private func refuse(_ status: Int, context: ChannelHandlerContext) {
        reading = .stopped
        context.fireErrorCaught(HTTPRefusal(status: status))
    }

    // MARK: - What HTTPRequestGate says

    /// The head being decoded has a body.
    func requestHasBody() { bodyFollows = true }

    /// Whether the request line of the head being decoded ends in `HTTP/1.x`.
    var requestLineIsHTTP1: Bool { scanner.requestLineIsHTTP1 }

    /// An answer's last part is written; `close`: the connection ends after it.
    func answered(close: Bool) {
        unanswered = max(0, unanswered - 1)
        if close {
            reading = .stopped
            closeAfterWrites = true
            if pendingWrites == 0, let context { drain(context: context) }
        } else if unanswered == 0 {
            deadlines?.read = .now() + (headBegun ? limits.headerRead : limits.idle).timeAmount
        }
        phaseChanged()
    }

    // MARK: - Writing

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .byteBuffer(var buffer) = unwrapOutboundIn(data), buffer.readableBytes > Self.piece else {
            return written(context.write(data), promise: promise, context: context)
        }
        while buffer.readableBytes > Self.piece {
            let piece = buffer.readSlice(length: Self.piece)!
            written(context.write(wrapOutboundOut(.byteBuffer(piece))), promise: nil, context: context)
        }
        written(context.write(wrapOutboundOut(.byteBuffer(buffer))), promise: promise, context: context)
    }

    /// Counts a write until it is done: while any is pending, the client has `limits.write` to
    /// take the next piece.
    private func written(_ future: EventLoopFuture<Void>, promise: EventLoopPromise<Void>?, context: ChannelHandlerContext) {
        if pendingWrites == 0 { deadlines?.write = .now() + limits.write.timeAmount }
        pendingWrites += 1
        phaseChanged()
        future.assumeIsolated().whenComplete { _ in
            self.pendingWrites -= 1
            self.deadlines?.write = self.pendingWrites > 0 ? .now() + self.limits.write.timeAmount : nil
            self.phaseChanged()
            if self.pendingWrites == 0 && self.closeAfterWrites { self.drain(context: context) }
        }
        future.cascade(to: promise)
    }

    /// Half-closes, then drops what the client still sends until it closes or `drain` passes.
    /// A client refused at the bound is closed at once: its descriptor is what is short.
    private func drain(context: ChannelHandlerContext) {
        guard reading != .draining else { return }
        reading = .draining
        closeAfterWrites = false
        guard admitted && !inputClosed else { return context.close(promise: nil) }
        context.close(mode: .output, promise: nil)
        deadlines?.read = .now() + limits.drain.timeAmount
        phaseChanged()
    }

    private func phaseChanged() {
        let waiting = reading == .draining || (unanswered == 0 && pendingWrites == 0)
        connections.set(key, waiting ? .waiting : .busy)
    }
}

/// A request refused before it reaches the preview, as the status it is answered with.
struct HTTPRefusal: Error, Equatable {
    var status: Int
}
