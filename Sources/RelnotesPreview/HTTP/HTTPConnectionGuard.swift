import NIOCore

/// The first handler of every connection, on the raw bytes in front of NIO's HTTP decoder:
/// it holds each connection to `HTTPLimits`.
///
/// - Heads are counted by `HTTPHeadScanner` as their bytes pass; one too long is answered
///   414 or 431 here (after the answers still owed on the connection), and nothing more of it
///   reaches the decoder.
/// - Deadlines: `idle` while waiting for a request, `headerRead` from a head's first byte to
///   its end, `write` for each piece of an answer the client must take (answers are written in
///   pieces of 256 KB, so a slow reader that still reads is not cut off), `drain` while a
///   refused request is thrown away. None while the preview answers.
/// - At the connection bound `HTTPConnections` decides; a client refused there is told 503.
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
    private var reading = Reading.heads
    /// Requests passed to the decoder and not yet answered.
    private var unanswered = 0
    /// A refusal to write once the answers still owed are written.
    private var refusal: Int?
    /// Set by `HTTPRequestGate` while the decoder reads a head that has a body.
    private var bodyFollows = false
    /// Close (after draining) once every write is done.
    private var closeAfterWrites = false
    private var inputClosed = false
    private var pendingWrites = 0
    /// Whether bytes of the next head (or empty lines before it) have arrived.
    private var headBegun = false
    private var drained = 0
    private var readDeadline: NIODeadline?
    private var writeDeadline: NIODeadline?
    private var timer: Scheduled<Void>?
    private var timerDeadline: NIODeadline?
    private var context: ChannelHandlerContext?
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
        if context.channel.isActive { opened(context: context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        self.context = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        opened(context: context)
        context.fireChannelActive()
    }

    private func opened(context: ChannelHandlerContext) {
        guard readDeadline == nil else { return }
        guard connections.admit(key, channel: context.channel) else {
            // No room: told 503 at once, and closed without waiting for anything.
            reading = .stopped
            readDeadline = .now() + limits.drain.timeAmount
            let connections = connections
            context.channel.closeFuture.whenComplete { _ in connections.refused() }
            context.writeAndFlush(wrapOutboundOut(.byteBuffer(Self.refusal(503, headers: ["Retry-After": "1"]))))
                .assumeIsolated().whenComplete { _ in context.close(promise: nil) }
            armTimer(context: context)
            return
        }
        readDeadline = .now() + limits.idle.timeAmount
        armTimer(context: context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
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
            if unanswered == 0 { deadline(read: .now() + limits.headerRead.timeAmount, context: context) }
        }
        var start = 0
        while start < buffer.readableBytes && reading == .heads {
            let result = buffer.withUnsafeReadableBytes { scanner.scan($0, from: start) }
            switch result {
            case .needsMore:
                pass(buffer, start..<buffer.readableBytes, context: context)
                return
            case .head(let end):
                unanswered += 1
                phaseChanged()
                deadline(read: nil, context: context)
                pass(buffer, start..<end, context: context)
                start = end
                headBegun = start < buffer.readableBytes
                if bodyFollows {
                    reading = .body
                    pass(buffer, start..<buffer.readableBytes, context: context)
                    return
                }
            case .refused(let status):
                refusal = status
                reading = .stopped
                if unanswered == 0 { writeRefusal(context: context) }
                return
            }
        }
    }

    private func pass(_ buffer: ByteBuffer, _ range: Range<Int>, context: ChannelHandlerContext) {
        guard !range.isEmpty, let slice = buffer.getSlice(at: buffer.readerIndex + range.lowerBound, length: range.count) else { return }
        context.fireChannelRead(wrapInboundOut(slice))
    }

    // MARK: - What HTTPRequestGate says

    /// The head being decoded has a body.
    func requestHasBody() { bodyFollows = true }

    /// An answer's last part is written; `close`: the connection ends after it.
    func answered(close: Bool) {
        guard let context else { return }
        unanswered = max(0, unanswered - 1)
        if refusal != nil {
            if unanswered == 0 { writeRefusal(context: context) }
        } else if close {
            reading = .stopped
            closeAfterWrites = true
            if pendingWrites == 0 { drain(context: context) }
        } else if unanswered == 0 {
            deadline(read: .now() + (headBegun ? limits.headerRead : limits.idle).timeAmount, context: context)
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
        if pendingWrites == 0 { deadline(write: .now() + limits.write.timeAmount, context: context) }
        pendingWrites += 1
        phaseChanged()
        future.assumeIsolated().whenComplete { result in
            self.pendingWrites -= 1
            self.deadline(write: self.pendingWrites > 0 ? .now() + self.limits.write.timeAmount : nil, context: context)
            self.phaseChanged()
            if self.pendingWrites == 0 && self.closeAfterWrites { self.drain(context: context) }
        }
        future.cascade(to: promise)
    }

    private func writeRefusal(context: ChannelHandlerContext) {
        guard let status = refusal else { return }
        refusal = nil
        closeAfterWrites = true
        written(context.writeAndFlush(wrapOutboundOut(.byteBuffer(Self.refusal(status)))), promise: nil, context: context)
    }

    /// Half-closes, then drops what the client still sends until it closes or `drain` passes.
    private func drain(context: ChannelHandlerContext) {
        guard reading != .draining else { return }
        reading = .draining
        closeAfterWrites = false
        guard !inputClosed else { return context.close(promise: nil) }
        context.close(mode: .output, promise: nil)
        deadline(read: .now() + limits.drain.timeAmount, context: context)
        phaseChanged()
    }

    /// The bytes of a refusal written here, in front of NIO's encoder.
    static func refusal(_ status: Int, headers: [String: String] = [:]) -> ByteBuffer {
        let response = PreviewResponder.Response.refusal(status, headers: headers)
        return ByteBuffer(bytes: HTTPResponseHead.encode(response, close: true) + response.body)
    }

    // MARK: - Deadlines

    private func phaseChanged() {
        let waiting = reading == .draining || (unanswered == 0 && pendingWrites == 0)
        connections.set(key, waiting ? .waiting : .busy)
    }

    private func deadline(read: NIODeadline?, context: ChannelHandlerContext) {
        readDeadline = read
        armTimer(context: context)
    }

    private func deadline(write: NIODeadline?, context: ChannelHandlerContext) {
        writeDeadline = write
        armTimer(context: context)
    }

    /// One timer per connection, at the earliest deadline; when it fires early (a deadline moved
    /// later), it is set again.
    private func armTimer(context: ChannelHandlerContext) {
        guard let next = [readDeadline, writeDeadline].compactMap({ $0 }).min() else { return }
        if let timerDeadline, timerDeadline <= next, timer != nil { return }
        timer?.cancel()
        timerDeadline = next
        timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: next) {
            self.timer = nil
            self.timerDeadline = nil
            let now = NIODeadline.now()
            if [self.readDeadline, self.writeDeadline].contains(where: { $0.map { $0 <= now } ?? false }) {
                context.close(promise: nil)
            } else {
                self.armTimer(context: context)
            }
        }
    }
}

extension Duration {
    var timeAmount: TimeAmount { .nanoseconds(Int64(self / .nanoseconds(1))) }
}
