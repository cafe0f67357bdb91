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
    /// How often the sources are looked at.
    public var interval: Duration = .milliseconds(250)

    public init(root: URL, host: String = "127.0.0.1", port: UInt16 = 8000) {
        self.root = root
        self.host = host
        self.port = port
    }

    /// Builds, starts listening, calls `ready` with the address, then serves and watches
    /// until cancelled. `log` gets one line per build (its problems, or what it wrote).
    public func run(ready: @Sendable (URL) -> Void, log: @escaping @Sendable (String) -> Void) async throws {
        let state = PreviewState()
        await state.rebuild(root: root, log: log)
        let server = HTTPServer(address: try Self.address(host: host, port: port), logger: .disabled)
        await server.appendRoute("GET *") { request in
            Self.response(PreviewResponder.respond(to: request.target.path(percentEncoded: false), with: await state.snapshot))
        }
        await server.appendRoute("HEAD *") { request in
            var response = Self.response(PreviewResponder.respond(to: request.target.path(percentEncoded: false), with: await state.snapshot))
            response.payload = .httpBody(HTTPBodySequence(data: Data()))
            return response
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            try await server.waitUntilListening()
            if let address = await server.listeningAddress { ready(Self.url(of: address)) }
            group.addTask { try await watch(state: state, log: log) }
            try await group.next()
            group.cancelAll()
        }
    }

    private func watch(state: PreviewState, log: @escaping @Sendable (String) -> Void) async throws {
        let watcher = ContentWatcher(root: root)
        var seen = watcher.fingerprint()
        while !Task.isCancelled {
            try await Task.sleep(for: interval)
            let now = watcher.fingerprint()
            guard now != seen else { continue }
            // Let a burst of saves settle before building.
            try await Task.sleep(for: interval)
            seen = watcher.fingerprint()
            await state.rebuild(root: root, log: log)
        }
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

/// The newest snapshot, shared by the request handlers and the watcher.
actor PreviewState {
    private(set) var snapshot = PreviewSnapshot.empty

    func rebuild(root: URL, log: @Sendable (String) -> Void) {
        let start = ContinuousClock.now
        snapshot = PreviewSnapshot.build(root: root, after: snapshot)
        let elapsed = ContinuousClock.now - start
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        for diagnostic in snapshot.diagnostics.sortedForDisplay() { log(diagnostic.description) }
        if snapshot.failed {
            log("build \(snapshot.generation) failed; the browser shows the problems until they are fixed")
        } else {
            log("build \(snapshot.generation): \(snapshot.files.count) files in \(milliseconds) ms")
        }
    }
}
