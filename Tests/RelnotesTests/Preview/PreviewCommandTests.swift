import Foundation
import Glibc
import Synchronization
import Testing
@testable import RelnotesPreview

/// `relnotes preview` as a process: the port it takes, how it stops, and what it does when
/// clients use up its file descriptors. Each test is bounded to a few seconds. Waiting and
/// timing happen on threads of their own (`offPool`), so that a test run busy on Swift's
/// cooperative pool cannot stretch them.
@Suite("relnotes preview as a process", .serialized)
struct PreviewCommandTests {
    @Test("a port in use is an error at once, before anything is built")
    func portInUse() async throws {
        let (root, _) = try Self.project()
        defer { TemporaryFolder.remove(root.deletingLastPathComponent()) }
        let taken = try TakenPort()
        let arguments = ["preview", "--port", String(taken.port), "--root", root.path]
        let (preview, status, took) = try await offPool {
            let start = ContinuousClock.now
            let preview = try PreviewProcess(arguments)
            let status = preview.wait(upTo: .seconds(10))
            return (preview, status, ContinuousClock.now - start)
        }
        defer { preview.stop() }
        #expect(status == 1)
        #expect(preview.standardError == "error: port \(taken.port) is in use; pass --port\n", "the error alone: no build was reported before it")
        #expect(preview.standardOutput.isEmpty)
        // 14 ms on an idle machine; the bound leaves room for starting a process beside a busy test run.
        #expect(took < .seconds(5))
        withExtendedLifetime(taken) {}
    }

    @Test("--port 0 takes a free port and prints the address with it")
    func freePort() async throws {
        let (root, _) = try Self.project()
        defer { TemporaryFolder.remove(root.deletingLastPathComponent()) }
        let preview = try PreviewProcess(["preview", "--port", "0", "--root", root.path])
        defer { preview.stop() }
        let port = try await offPool { try preview.port() }
        #expect(port > 0)
        #expect(try await Self.get("/internal/", port: port)?.status == 200)
    }

    @Test("SIGTERM under load stops it at once (within 1.5 s on a busy machine), with status 0")
    func sigtermUnderLoad() async throws {
        let (root, _) = try Self.project()
        defer { TemporaryFolder.remove(root.deletingLastPathComponent()) }
        let preview = try PreviewProcess(["preview", "--port", "0", "--root", root.path])
        defer { preview.stop() }
        let port = try await offPool { try preview.port() }
        let idle = try (0..<50).map { _ in try RawClient(port: port) }
        let slow = try RawClient(port: port)
        slow.send("GET / HTTP/1.1\r\nX: ")
        let huge = try RawClient(port: port)
        let running = Mutex(true)
        Thread.detachNewThread {
            huge.send("GET /" + String(repeating: "a", count: 1_000_000) + " HTTP/1.1\r\n\r\n")
            while running.withLock({ $0 }) {
                guard let client = try? RawClient(port: port, timeout: .seconds(1)) else { return }
                client.send(String(repeating: "GET /internal/ HTTP/1.1\r\nHost: t\r\n\r\n", count: 20))
                _ = client.readResponses(20)
            }
        }
        defer { running.withLock { $0 = false } }
        let (status, took) = try await offPool {
            Thread.sleep(forTimeInterval: 0.3)
            let start = ContinuousClock.now
            kill(preview.pid, SIGTERM)
            return (preview.wait(upTo: .seconds(3)), ContinuousClock.now - start)
        }
        #expect(status == 0)
        #expect(took < .milliseconds(1500), "before the 2 s grace after which it would exit anyway")
        #expect(preview.standardError.contains("stopping the preview"))
        withExtendedLifetime((idle, slow)) {}
    }

    static let mayOpenEnough = RawClient.raiseDescriptorLimit(to: 1300)

    @Test("1,100 idle connections under ulimit -n 1024 leave it answering", .enabled(if: mayOpenEnough, "this process may not open 1,300 descriptors (hard limit too low)"),
          arguments: [nil, "4000"])
    func descriptorsRunOut(maxConnections: String?) async throws {
        let (root, _) = try Self.project()
        defer { TemporaryFolder.remove(root.deletingLastPathComponent()) }
        let arguments = ["preview", "--port", "0", "--root", root.path] + (maxConnections.map { ["--max-connections", $0] } ?? [])
        let preview = try PreviewProcess(arguments, limitingDescriptorsTo: 1024)
        defer { preview.stop() }
        let port = try await offPool { try preview.port() }
        let idle = try (0..<1100).map { _ in try RawClient(port: port) }
        let (response, took) = try await offPool {
            Thread.sleep(forTimeInterval: 0.2)
            let start = ContinuousClock.now
            let client = try RawClient(port: port)
            client.send("GET /internal/ HTTP/1.1\r\nHost: t\r\n\r\n")
            return (client.readResponses(1).first, ContinuousClock.now - start)
        }
        #expect(response?.status == 200)
        // Answered by making room, not once the idle connections' 5 s deadline freed some:
        // on a loaded machine the answer alone has taken 3 s.
        #expect(took < HTTPLimits().idle - .milliseconds(500), "answered only when idle connections timed out")
        #expect(preview.isRunning)
        withExtendedLifetime(idle) {}
    }

    static func get(_ path: String, port: Int) async throws -> RawResponse? {
        try await offPool {
            let client = try RawClient(port: port)
            client.send("GET \(path) HTTP/1.1\r\nHost: t\r\n\r\n")
            return client.readResponses(1).first
        }
    }

    static func project() throws -> (root: URL, folder: URL) {
        let root = try Fixtures.copy("projects/cycle")
        return (root, root.deletingLastPathComponent())
    }
}

/// The built `relnotes` run in the background, its output kept in files.
final class PreviewProcess: @unchecked Sendable {
    private let process = Process()
    private let folder: URL

    init(_ arguments: [String], limitingDescriptorsTo limit: Int? = nil) throws {
        folder = try TemporaryFolder.make()
        if let limit {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -n \(limit) && exec \"$0\" \"$@\"", Relnotes.executable.path] + arguments
        } else {
            process.executableURL = Relnotes.executable
            process.arguments = arguments
        }
        for name in ["stdout", "stderr"] { _ = FileManager.default.createFile(atPath: folder.appending(path: name).path, contents: nil) }
        process.standardOutput = try FileHandle(forWritingTo: folder.appending(path: "stdout"))
        process.standardError = try FileHandle(forWritingTo: folder.appending(path: "stderr"))
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }
    var standardOutput: String { (try? String(contentsOf: folder.appending(path: "stdout"), encoding: .utf8)) ?? "" }
    var standardError: String { (try? String(contentsOf: folder.appending(path: "stderr"), encoding: .utf8)) ?? "" }

    /// The port of the address it printed, once it did (blocks: call it through `offPool`).
    func port(timeout: Duration = .seconds(30)) throws -> Int {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline && process.isRunning {
            if let match = standardOutput.firstMatch(of: /http:\/\/127\.0\.0\.1:([0-9]+)\//) { return Int(match.1)! }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw RawClient.RawError(message: "no address printed: \(standardOutput) \(standardError)")
    }

    /// Its exit status, or nil if it is still running after `limit` (it is then killed).
    /// Blocks: call it through `offPool`.
    func wait(upTo limit: Duration) -> Int32? {
        let deadline = ContinuousClock.now + limit
        while process.isRunning && ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.005) }
        guard !process.isRunning else { stop(); return nil }
        return process.terminationStatus
    }

    func stop() {
        if process.isRunning { kill(pid, SIGKILL) }
        process.waitUntilExit()
        TemporaryFolder.remove(folder)
    }
}

/// A port some other program listens on.
final class TakenPort: @unchecked Sendable {
    let file: Int32
    let port: Int

    init() throws {
        let file = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.file = file
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(file, $0, length) } }
        guard bound == 0, listen(file, 16) == 0 else { throw RawClient.RawError(message: "cannot listen") }
        withUnsafeMutablePointer(to: &address) { pointer in
            _ = pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(file, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(file) }
}

extension RawClient {
    /// Raises this process's soft limit on open files to at least `count`; false when the hard limit is lower.
    static func raiseDescriptorLimit(to count: Int) -> Bool {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return false }
        if limit.rlim_cur >= rlim_t(count) { return true }
        guard limit.rlim_max >= rlim_t(count) else { return false }
        limit.rlim_cur = rlim_t(count)
        return setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0
    }
}
