import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1

/// One connection of the preview, as Hummingbird's HTTP/1 channel sets it up (NIO's HTTP/1
/// codec, then Hummingbird's request types and request loop), with the preview's bounds
/// around it: `HTTPConnectionGuard` on the bytes in front of the decoder, `HTTPRequestGate`
/// behind it.
///
/// Hummingbird's own `HTTP1Channel` is this pipeline without the two: its extra handlers go
/// after the conversion to HTTP types, too late for the bytes of a head and for the request's
/// HTTP version (which decides keep-alive for HTTP/1.0).
struct HTTPChannel: ServerChildChannel, HTTPChannelHandler {
    typealias Value = NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>

    let limits: HTTPLimits
    let connections: HTTPConnections
    let responder: HTTPChannelHandler.Responder

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            connections.setUp(channel)
            let connection = HTTPConnectionGuard(limits: limits, connections: connections)
            let pipeline = channel.pipeline.syncOperations
            try pipeline.addHandler(connection)
            // NIO's own limits stay above the guard's, which counts first and answers 414/431.
            var decoderLimits = NIOHTTPDecoderLimitConfiguration()
            decoderLimits.maxHeaderFieldSize = 2 * (limits.requestLine + limits.headerBytes)
            decoderLimits.maxHeaderListSize = 2 * (limits.requestLine + limits.headerBytes)
            decoderLimits.maxHeaderFieldCount = 2 * limits.headerCount + 2
            try pipeline.configureHTTPServerPipeline(
                withPipeliningAssistance: false,  // Hummingbird's request loop answers in order
                withErrorHandling: false,  // Hummingbird's request loop answers a parse error 400
                withOutboundHeaderValidation: false,
                withEncoderConfiguration: .init(),
                withDecoderLimitConfiguration: decoderLimits
            )
            try pipeline.addHandler(HTTPRequestGate(connection: connection))
            try pipeline.addHandler(HTTP1ToHTTPServerCodec(secure: false))
            return try Value.closingOnDeinit(channel, configuration: .init(isOutboundHalfClosureEnabled: true))
        }
    }

    func handle(value asyncChannel: Value, logger: Logger) async {
        await handleHTTP(asyncChannel: asyncChannel, logger: logger)
    }
}

/// NIO's wrapping of a channel that closes it when dropped (swift-nio issue 2813): a connection
/// accepted just as the server stops may never be handed to the accept loop, and one wrapped
/// the usual way (`wrappingChannelSynchronously`) then stops the process with "Deinited
/// NIOAsyncWriter without calling finish()". NIO deprecates this wrapping for connections a
/// program means to close itself, which the accept loop still does; reached through a
/// protocol, so that the deprecation says nothing at every build.
private protocol ClosingOnDeinit {
    associatedtype Configuration
    init(synchronouslyWrapping channel: any Channel, configuration: Configuration) throws
}

extension NIOAsyncChannel: ClosingOnDeinit {}

private extension ClosingOnDeinit {
    static func closingOnDeinit(_ channel: any Channel, configuration: Configuration) throws -> Self {
        try Self(synchronouslyWrapping: channel, configuration: configuration)
    }
}
