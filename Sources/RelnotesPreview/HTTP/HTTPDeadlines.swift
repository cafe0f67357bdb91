import NIOCore

/// The two deadlines of a connection — for what it reads (a request, or the rest of one) and
/// for what it writes (the next piece of an answer) — on one timer: the connection is closed
/// when either passes. Lives on the connection's event loop, like its handlers.
final class HTTPDeadlines {
    private let context: ChannelHandlerContext
    private var timer: Scheduled<Void>?
    private var timerDeadline: NIODeadline?

    var read: NIODeadline? { didSet { arm() } }
    var write: NIODeadline? { didSet { arm() } }

    init(context: ChannelHandlerContext) { self.context = context }

    func cancel() {
        timer?.cancel()
        timer = nil
    }

    /// The timer is set for the earliest deadline; one that fires early (a deadline moved
    /// later) is set again.
    private func arm() {
        guard let next = [read, write].compactMap({ $0 }).min() else { return }
        if let timerDeadline, timerDeadline <= next, timer != nil { return }
        timer?.cancel()
        timerDeadline = next
        timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: next) {
            self.timer = nil
            let now = NIODeadline.now()
            if [self.read, self.write].contains(where: { $0.map { $0 <= now } ?? false }) {
                self.context.close(promise: nil)
            } else {
                self.arm()
            }
        }
    }
}

extension Duration {
    var timeAmount: TimeAmount { .nanoseconds(Int64(self / .nanoseconds(1))) }
}
