import Foundation
import Glibc
import Testing
@testable import RelnotesPreview

/// The preview's HTTP server against clients that misbehave: every limit tried on loopback,
/// each within a few seconds.
@Suite("Preview HTTP server limits", .serialized, .onOwnThread)
struct HTTPServingTests {
    @Test("a 1 MB URL is answered 414 at once, and the next request is served")
    func longURL() async throws {
        let server = try await TestServer.start(.quick)
        defer { server.stop() }
        let (response, took) = try await offPool {
            let client = try RawClient(port: server.port)
            let start = ContinuousClock.now
            client.send("GET /" + String(repeating: "a", count: 1_000_000) + " HTTP/1.1\r\nHost: test\r\n\r\n")
            return (client.readResponses(1).first, ContinuousClock.now - start)
        }
        #expect(response?.status == 414)
        #expect(response?.headers["connection"] == "close")
        #expect(took < .seconds(2))
        #expect(try await server.get("/next")?.status == 200)
    }

    @Test("header fields past 16 KB, or more than 100 of them, are answered 431", arguments: [
        "X-Long: " + String(repeating: "b", count: 40_000) + "\r\n",
        String(repeating: "X-Many: 1\r\n", count: 101),
    ])
    func largeHeaders(fields: String) async throws {
        let server = try await TestServer.start(.quick)
        defer { server.stop() }
        let response = try await offPool {
            let client = try RawClient(port: server.port)
            client.send("GET / HTTP/1.1\r\nHost: test\r\n" + fields + "\r\n")
            return client.readResponses(1).first
        }
        #expect(response?.status == 431)
        #expect(try await server.get("/")?.status == 200)
    }

    @Test("a request head is counted in time linear in its length, whatever pieces it comes in")
    func linearHead() {
        var limits = HTTPLimits()
        limits.requestLine = 8_000_000
        var scanner = HTTPHeadScanner(limits: limits)
        let start = ContinuousClock.now
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1024)
        var results: [HTTPHeadScanner.Result] = []
        for piece in [Array("GET /".utf8)] + Array(repeating: chunk, count: 4096) {
            results.append(piece.withUnsafeBytes { scanner.scan($0, from: 0) })
        }
        #expect(results.allSatisfy { $0 == .needsMore })
        let rest = " HTTP/1.1\r\nHost: x\r\n\r\n"
        let end = Array((rest + "GET /next HTTP/1.1\r\n\r\n").utf8)
        #expect(end.withUnsafeBytes { scanner.scan($0, from: 0) } == .head(end: rest.utf8.count))
        #expect(end.withUnsafeBytes { scanner.scan($0, from: rest.utf8.count) } == .head(end: end.count))
        #expect(ContinuousClock.now - start < .seconds(3), "4 MB in 1 KB pieces")
    }

    @Test("a head is refused as soon as it is too long: 414 for the request line, 431 for the header fields", arguments: [
        ("GET /" + String(repeating: "a", count: 8 * 1024 - 14) + " HTTP/1.1\r\n\r\n", nil),
        ("GET /" + String(repeating: "a", count: 8 * 1024 - 13) + " HTTP/1.1\r\n\r\n", 414),
        ("GET / HTTP/1.1\r\nX: " + String(repeating: "b", count: 16 * 1024 - 5) + "\r\n\r\n", nil),
        ("GET / HTTP/1.1\r\nX: " + String(repeating: "b", count: 16 * 1024 - 4) + "\r\n\r\n", 431),
        ("GET / HTTP/1.1\r\n" + String(repeating: "X: 1\r\n", count: 100) + "\r\n", nil),
        ("GET / HTTP/1.1\r\n" + String(repeating: "X: 1\r\n", count: 101) + "\r\n", 431),
    ] as [(String, Int?)])
    func headBounds(text: String, status: Int?) {
        var scanner = HTTPHeadScanner(limits: HTTPLimits())
        let bytes = Array(text.utf8)
        let result = bytes.withUnsafeBytes { scanner.scan($0, from: 0) }
        #expect(result == (status.map { .refused(status: $0) } ?? .head(end: bytes.count)))
    }

    @Test("requests are read: path and query decoded, keep-alive by version and Connection, bad ones refused", arguments: [
        ("GET /a%20b?x=1&y=two+words&x=3 HTTP/1.1\r\nHost: t\r\n\r\n", "path /a b query x=1&y=two words", true, 200),
        ("GET http://example.test/p?q HTTP/1.1\r\nHost: t\r\n\r\n", "path /p query q=", true, 200),
        ("GET / HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n", "path / query ", false, 200),
        ("GET / HTTP/1.0\r\n\r\n", "path / query ", false, 200),
        ("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", "path / query ", true, 200),
        ("\r\nGET / HTTP/1.1\r\nHost: t\r\n\r\n", "path / query ", true, 200),
        ("GET / HTTP/2.0\r\n\r\n", nil, false, 505),
        ("GET / HTTP/1.1\nHost: t\n\n", nil, false, 400),
        ("GET /%zz HTTP/1.1\r\nHost: t\r\n\r\n", nil, true, 400),
        ("GET / HTTP/1.1\r\nBad Name: x\r\n\r\n", nil, false, 400),
        ("GET * HTTP/1.1\r\nHost: t\r\n\r\n", nil, true, 400),
        ("GET / HTTP/1.1\r\n folded\r\n\r\n", nil, false, 400),
        ("GET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", nil, false, 400),
    ] as [(String, String?, Bool, Int)])
    func requests(text: String, body: String?, keepAlive: Bool, status: Int) async throws {
        let server = try await TestServer.start(.quick)
        defer { server.stop() }
        let response = try await offPool {
            let client = try RawClient(port: server.port)
            client.send(text)
            return client.readResponses(1).first
        }
        #expect(response?.status == status)
        if let body { #expect(response.map { String(decoding: $0.body, as: UTF8.self) } == body) }
        #expect((response?.headers["connection"] != "close") == keepAlive)
    }

    @Test("a connection that sends nothing is closed after the idle timeout")
    func idle() async throws {
        let server = try await TestServer.start(.quick)
        defer { server.stop() }
        let (bytes, closed, waited) = try await offPool {
            let client = try RawClient(port: server.port)
            let start = ContinuousClock.now
            let (bytes, closed) = client.readToEnd()
            return (bytes, closed, ContinuousClock.now - start)
        }
        #expect(closed && bytes.isEmpty)
        #expect(waited >= .milliseconds(300) && waited < .seconds(2))
    }

    @Test("a client that sends its head a byte at a time is closed at the header-read timeout")
    func slowHead() async throws {
        let server = try await TestServer.start(.quick)
        defer { server.stop() }
        let (open, took) = try await offPool {
            let client = try RawClient(port: server.port)
            let start = ContinuousClock.now
            var open = true
            while open && ContinuousClock.now - start < .seconds(3) {
                open = client.send("X")
                usleep(50_000)
            }
            return (open, ContinuousClock.now - start)
        }
        #expect(!open, "the server closed the connection")
        #expect(took < .milliseconds(1500))
    }

    @Test("a client that stops reading a large answer is closed at the write timeout; one that reads gets all of it")
    func slowReader() async throws {
        var limits = HTTPLimits.quick
        limits.write = .milliseconds(500)
        let server = try await TestServer.start(limits)
        defer { server.stop() }
        let (stalled, closed) = try await offPool {
            let client = try RawClient(port: server.port, receiveBuffer: 65536)
            client.send("GET /big HTTP/1.1\r\nHost: t\r\n\r\n")
            var first = [UInt8](repeating: 0, count: 1)
            guard recv(client.file, &first, 1, 0) == 1 else { return (0, false) }
            Thread.sleep(forTimeInterval: 1.5)
            let (bytes, closed) = client.readToEnd()
            return (bytes.count + 1, closed)
        }
        #expect(closed && stalled < 32 * 1024 * 1024, "closed after \(stalled) bytes")
        #expect(try await server.get("/big")?.body.count == 32 * 1024 * 1024)
    }

    @Test("past the connection bound the longest-idle connection makes room: the new client is served")
    func bound() async throws {
        var limits = HTTPLimits.quick
        limits.connections = 8
        limits.idle = .seconds(5)
        let server = try await TestServer.start(limits)
        defer { server.stop() }
        let idle = try (0..<40).map { _ in try RawClient(port: server.port) }
        #expect(try await server.get("/served")?.status == 200)
        let closed = try await offPool { idle.prefix(8).map { $0.readToEnd().closed } }
        #expect(closed.allSatisfy { $0 }, "the oldest idle connections were closed")
    }

    @Test("at the bound with every connection busy, a new client is told 503")
    func allBusy() {
        let connections = HTTPConnections(limit: 2)
        let objects = (0..<3).map { _ in NSObject() }
        let keys = objects.map(ObjectIdentifier.init)
        #expect(connections.admit(keys[0], channel: nil) == .admitted)
        #expect(connections.admit(keys[1], channel: nil) == .admitted)
        connections.set(keys[0], .busy)
        connections.set(keys[1], .busy)
        #expect(connections.admit(keys[2], channel: nil) == .full)
        connections.remove(keys[1])
        #expect(connections.admit(keys[2], channel: nil) == .admitted)
        withExtendedLifetime(objects) {}
    }

    @Test("methods other than GET and HEAD are 405 with Allow; a request with a body closes its connection", arguments: ["POST", "PUT", "DELETE", "OPTIONS", "PATCH", "BREW"])
    func methods(method: String) async throws {
        let server = try await TestServer.start(.quick)
        defer { server.stop() }
        let (response, closed) = try await offPool {
            let client = try RawClient(port: server.port)
            client.send("\(method) / HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nhello")
            return (client.readResponses(1).first, client.readToEnd().closed)
        }
        #expect(response?.status == 405)
        #expect(response?.headers["allow"] == "GET, HEAD")
        #expect(closed)
    }

    @Test("HEAD answers GET's headers and Content-Length with no body")
    func head() async throws {
        let server = try await TestServer.start(.quick)
        defer { server.stop() }
        let get = try #require(try await server.get("/page"))
        var bytes = try await offPool {
            let client = try RawClient(port: server.port)
            client.send("HEAD /page HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
            return client.readToEnd().bytes
        }
        let head = try #require(RawResponse.take(from: &bytes, head: true))
        #expect(head.status == 200)
        #expect(head.headers["content-length"] == String(get.body.count) && get.body.count > 0)
        #expect(head.headers["content-type"] == get.headers["content-type"])
        #expect(bytes.isEmpty, "nothing after the head")
    }

    @Test("keep-alive connections take pipelined requests and answer them in order")
    func pipelining() async throws {
        let server = try await TestServer.start(.quick)
        defer { server.stop() }
        var bytes = try await offPool {
            let client = try RawClient(port: server.port)
            client.send("GET /one HTTP/1.1\r\nHost: t\r\n\r\nGET /two?x=1 HTTP/1.1\r\nHost: t\r\n\r\nHEAD /three HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
            return client.readToEnd().bytes
        }
        let responses = [RawResponse.take(from: &bytes), RawResponse.take(from: &bytes)]
        #expect(responses.map { $0.map { String(decoding: $0.body, as: UTF8.self) } } == ["path /one query ", "path /two query x=1"])
        #expect(RawResponse.take(from: &bytes, head: true)?.headers["connection"] == "close")
        #expect(bytes.isEmpty)
    }

    @Test("stopped just after a burst of connections, the server closes every one of them, handed over to Hummingbird or not")
    func stopsAfterBurst() async throws {
        for _ in 0..<5 {
            let server = try await TestServer.start(.quick)
            let clients = try await offPool { try (0..<64).map { _ in try RawClient(port: server.port) } }
            server.stop()
            _ = try? await server.task.value
            #expect(try await offPool { clients.allSatisfy { $0.readToEnd().closed } })
        }
    }

    @Test("cancelling the server ends every connection and returns at once")
    func stops() async throws {
        // Deadlines far longer than any stop may take on a loaded machine: a stop that
        // waited for the idle or slow connections to time out would take 60 s.
        var limits = HTTPLimits()
        (limits.idle, limits.headerRead) = (.seconds(60), .seconds(60))
        let server = try await TestServer.start(limits)
        let idle = try (0..<20).map { _ in try RawClient(port: server.port) }
        let slow = try RawClient(port: server.port)
        slow.send("GET / HTTP/1.1\r\n")
        try await Task.sleep(for: .milliseconds(100))
        let start = ContinuousClock.now
        server.stop()
        _ = try? await server.task.value
        #expect(ContinuousClock.now - start < .seconds(20), "the stop waited for the connections' deadlines")
        #expect(try await offPool { idle.allSatisfy { $0.readToEnd().closed } && slow.readToEnd().closed })
        #expect((try? RawClient(port: server.port)) == nil, "no longer listening")
    }
}
