import Glibc
import NIOCore

/// On the listening channel, in front of NIO's own accept back-off (a second): when `accept`
/// fails for want of file descriptors, a waiting connection gives its one back, or, with none
/// waiting, the spare descriptor lets the clients queued be told 503 (`HTTPConnections`);
/// accepting goes on after 2 ms. Other accept errors wait 10 ms. The server never stops.
final class HTTPAcceptErrors: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = any Channel
    typealias OutboundIn = any Channel

    private let connections: HTTPConnections
    private var resume: NIODeadline?
    private var scheduled: Scheduled<Void>?

    init(connections: HTTPConnections) { self.connections = connections }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let code = (error as? IOError)?.errnoCode else { return context.fireErrorCaught(error) }
        if code == EMFILE || code == ENFILE {
            _ = connections.descriptorsRanOut()
            resume = .now() + .milliseconds(2)
        } else {
            resume = .now() + .milliseconds(10)
        }
    }

    func read(context: ChannelHandlerContext) {
        guard scheduled == nil else { return }
        guard let resume, resume > .now() else { return context.read() }
        scheduled = context.eventLoop.assumeIsolated().scheduleTask(deadline: resume) {
            self.scheduled = nil
            self.resume = nil
            context.read()
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        scheduled?.cancel()
    }
}
