import FlyingFox
import FlyingSocks
import Foundation
import Relnotes

/// `relnotes preview`: serves the drafts build of every audience from memory at
/// `/<audience>/…`, rebuilds when the sources change, and keeps serving when a build fails.
public struct PreviewServer: Sendable {
    public var root: URL
    public var host: String
    public var port: UInt16
    /// How often the sources are looked at where inotify is unavailable.
    public var interval: Duration = .milliseconds(250)
    /// Makes each snapshot; `nil` builds the project at `root`. Tests put a slow one here.
    var build: PreviewState.Build?

    public init(root: URL, host: String = "127.0.0.1", port: UInt16 = 8000) {
        self.root = root
        self.host = host
        self.port = port
    }

    /// Builds, starts listening, calls `ready` with the address, then serves and watches
    /// until cancelled. `log` gets one line per build (its problems, or what it wrote).
    /// Requests are answered from the newest finished build while the next one runs.
    public func run(ready: @Sendable (URL) -> Void, log: @escaping @Sendable (String) -> Void) async throws {
        // Watching starts before the first build, so that no change during it is missed.
        let changes = watch(log: log)
        let state = PreviewState(build: build ?? { [root] current, changed in PreviewSnapshot.build(root: root, after: current, changed: changed) }, log: log)
        state.changed(ContentWatcher.everything)
        await state.settled()
        let server = HTTPServer(address: try Self.address(host: host, port: port), logger: .disabled)
        await server.appendRoute("GET *") { request in
            Self.response(PreviewResponder.respond(to: request.target.path(percentEncoded: false), with: state.snapshot))
        }
        await server.appendRoute("HEAD *") { request in
            var response = Self.response(PreviewResponder.respond(to: request.target.path(percentEncoded: false), with: state.snapshot))
            response.payload = .httpBody(HTTPBodySequence(data: Data()))
            return response
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            try await server.waitUntilListening()
            if let address = await server.listeningAddress { ready(Self.url(of: address)) }
            group.addTask {
                for await paths in changes { state.changed(paths) }
                if !Task.isCancelled { throw WatchingStopped() }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Changes to the sources: from inotify, or by polling where inotify is unavailable.
    private func watch(log: @Sendable (String) -> Void) -> AsyncStream<Set<String>> {
        do {
            return try InotifyWatcher(root: root).changes
        } catch {
            log("warning: \(error); looking for changes every \(interval) instead")
            return ContentWatcher(root: root).changes(every: interval)
        }
    }

    struct WatchingStopped: Error, CustomStringConvertible {
        var description: String { "the watch of the project's files ended" }
    }

    private static func response(_ response: PreviewResponder.Response) -> HTTPResponse {
        var headers = HTTPHeaders()
        for (name, value) in response.headers { headers[HTTPHeader(name)] = value }
        return HTTPResponse(statusCode: HTTPStatusCode(response.status, phrase: phrase(response.status)), headers: headers, body: response.body)
    }

    private static func phrase(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 301: return "Moved Permanently"
        case 400: return "Bad Request"
        case 404: return "Not Found"
        default: return "Status"
        }
    }

    static func address(host: String, port: UInt16) throws -> any SocketAddress {
        if host == "localhost" { return try sockaddr_in.inet(ip4: "127.0.0.1", port: port) }
        if host.contains(":") { return try sockaddr_in6.inet6(ip6: host, port: port) }
        return try sockaddr_in.inet(ip4: host, port: port)
    }

    static func url(of address: Socket.Address) -> URL {
        switch address {
        case let .ip4(host, port): return URL(string: "http://\(host):\(port)/")!
        case let .ip6(host, port): return URL(string: "http://[\(host)]:\(port)/")!
        case let .unix(path): return URL(fileURLWithPath: path)
        }
    }
}
