import Foundation
import Glibc
@testable import RelnotesPreview

/// A TCP client on loopback that sends exactly the bytes given: what the server limits are
/// tested with (URLSession would refuse or fix the requests). Its calls block: tests make
/// them through `offPool`, never on the threads of Swift's cooperative pool.
final class RawClient: @unchecked Sendable {
    let file: Int32

    /// Connects to `127.0.0.1:port`; reads give up after `timeout`. `receiveBuffer` fixes the
    /// socket's receive buffer (the system would otherwise let it grow to megabytes).
    init(port: Int, timeout: Duration = .seconds(3), receiveBuffer: Int32? = nil) throws {
        file = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        if var size = receiveBuffer { setsockopt(file, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size)) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(file, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(file)
            throw RawError(message: "cannot connect to port \(port): \(String(cString: strerror(errno)))")
        }
        var limit = timeval(tv_sec: Int(timeout.components.seconds), tv_usec: Int(timeout.components.attoseconds / 1_000_000_000_000))
        setsockopt(file, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(file) }

    /// Sends all of `bytes`; false when the server closed the connection first.
    @discardableResult
    func send(_ bytes: some Collection<UInt8>) -> Bool {
        let bytes = Array(bytes)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(file, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return false }
            sent += count
        }
        return true
    }

    @discardableResult
    func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    /// Everything until the server closes the connection (or the read timeout).
    func readToEnd() -> (bytes: [UInt8], closed: Bool) {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(file, $0.baseAddress, $0.count, 0) }
            if count == 0 { return (bytes, true) }
            if count < 0 { return (bytes, errno == ECONNRESET) }
            bytes += buffer[..<count]
        }
    }

    /// Reads until `count` responses are complete (heads and their Content-Length bodies).
    func readResponses(_ count: Int, head: Bool = false) -> [RawResponse] {
        var bytes: [UInt8] = []
        var responses: [RawResponse] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while responses.count < count {
            while let response = RawResponse.take(from: &bytes, head: head) { responses.append(response) }
            if responses.count == count { break }
            let read = buffer.withUnsafeMutableBytes { recv(file, $0.baseAddress, $0.count, 0) }
            guard read > 0 else { break }
            bytes += buffer[..<read]
        }
        return responses
    }

    struct RawError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}

/// Runs blocking work (socket reads, waits for a process) on a thread of its own and waits
/// for it: a test blocking one of the cooperative pool's few threads would starve the tests
/// running beside it.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
    }
}

/// One response as read off the wire.
struct RawResponse: Sendable {
    var status: Int
    var headers: [String: String]
    var body: [UInt8]

    /// The first complete response in `bytes`, removed from them. `head`: the response to
    /// HEAD, whose Content-Length has no body after it.
    static func take(from bytes: inout [UInt8], head: Bool = false) -> RawResponse? {
        let end = Array("\r\n\r\n".utf8)
        guard let range = bytes.firstRange(of: end) else { return nil }
        let lines = String(decoding: bytes[..<range.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(lines[0].split(separator: " ")[1]) ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            headers[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces)
        }
        let length = head ? 0 : Int(headers["content-length"] ?? "0") ?? 0
        guard bytes.count >= range.upperBound + length else { return nil }
        let body = Array(bytes[range.upperBound..<range.upperBound + length])
        bytes.removeFirst(range.upperBound + length)
        return RawResponse(status: status, headers: headers, body: body)
    }
}

/// `HTTPServing` in this process, on a free port of 127.0.0.1, answering every GET with the
/// path it was asked for (and `/big` with 32 MB). Its bounds and timeouts run on NIO's event
/// loops, so tests busy on the cooperative pool cannot stretch them; `serve` itself runs on a
/// thread of its own (a task executor).
struct TestServer: Sendable {
    let port: Int
    let task: Task<Void, any Error>

    static func start(_ limits: HTTPLimits) async throws -> TestServer {
        let listener = try HTTPListener(host: "127.0.0.1", port: 0)
        let big = Self.big
        let serving = HTTPServing(limits: limits) { request in
            if request.path == "/big" { return PreviewResponder.Response(status: 200, type: "text/plain", body: big) }
            return .html(200, "path \(request.path) query \(request.query.sorted(by: <).map { "\($0.key)=\($0.value)" }.joined(separator: "&"))")
        }
        let (urls, listening) = AsyncStream<URL>.makeStream()
        let task = Task(executorPreference: OwnThread()) {
            defer { listening.finish() }
            try await serving.serve(on: listener) { url, open in
                open()
                listening.yield(url)
                while !Task.isCancelled { try? await Task.sleep(for: .seconds(60)) }
            }
        }
        guard let url = await urls.first(where: { _ in true }) else {
            try await task.value
            throw RawClient.RawError(message: "the test server did not start")
        }
        return TestServer(port: url.port!, task: task)
    }

    func stop() { task.cancel() }

    static let big = Data(repeating: UInt8(ascii: "x"), count: 32 * 1024 * 1024)

    /// GET `path` on a new connection; the response.
    func get(_ path: String) async throws -> RawResponse? {
        try await offPool { [port] in
            let client = try RawClient(port: port)
            client.send("GET \(path) HTTP/1.1\r\nHost: test\r\n\r\n")
            return client.readResponses(1).first
        }
    }
}

extension HTTPLimits {
    /// Timeouts short enough for tests.
    static var quick: HTTPLimits {
        var limits = HTTPLimits()
        limits.idle = .milliseconds(400)
        limits.headerRead = .milliseconds(600)
        limits.write = .seconds(2)
        limits.drain = .milliseconds(500)
        return limits
    }
}
