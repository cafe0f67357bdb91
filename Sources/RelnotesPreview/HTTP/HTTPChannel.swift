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
            return try NIOAsyncChannel(wrappingChannelSynchronously: channel, configuration: .init(isOutboundHalfClosureEnabled: true))
        }
    }

    func handle(value asyncChannel: Value, logger: Logger) async {
        await handleHTTP(asyncChannel: asyncChannel, logger: logger)
    }
}
