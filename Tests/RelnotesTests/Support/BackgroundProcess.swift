import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A process that runs while a test talks to it (the preview server, chromedriver),
/// with its output collected as it comes.
final class BackgroundProcess: @unchecked Sendable {
    private let process = Process()
    private let lock = NSLock()
    private var collected = ""

    init(_ executable: URL, _ arguments: [String]) throws {
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        // A thread of its own that blocks in read(2): under load, a readabilityHandler was
        // seen to stop delivering after the first chunk (a warning line, say).
        let reader = output.fileHandleForReading
        Thread.detachNewThread { [weak self] in
            while true {
                let data = reader.availableData
                guard !data.isEmpty, let self else { return }
                self.lock.withLock { self.collected += String(decoding: data, as: UTF8.self) }
            }
        }
    }

    /// Everything printed so far (standard output and error).
    var output: String { lock.withLock { collected } }

    /// Waits until the output holds a match of `pattern`, and returns the match. The wait
    /// runs on a thread of its own (`offPool`): tests busy on the cooperative pool beside it
    /// cannot eat into its timeout.
    func waitFor(_ pattern: String, timeout: Duration = .seconds(30)) async throws -> String {
        try await offPool { [self] in
            let regex = try Regex(pattern)
            let deadline = ContinuousClock.now + timeout
            while ContinuousClock.now < deadline {
                if let match = output.firstMatch(of: regex) { return String(output[match.range]) }
                guard process.isRunning else { break }
                Thread.sleep(forTimeInterval: 0.05)
            }
            throw ProcessError(message: "no '\(pattern)' in the output of \(process.executableURL?.lastPathComponent ?? "?") (\(process.isRunning ? "still running" : "exited with status \(process.terminationStatus)")): \(output)")
        }
    }

    /// Stops the process: SIGTERM, then SIGKILL if it is still there after two seconds. A
    /// process that ended before with a status other than 0 (a crashed server) fails the test.
    func stop(sourceLocation: SourceLocation = #_sourceLocation) {
        guard process.isRunning else {
            if process.terminationStatus != 0 {
                Issue.record("\(process.executableURL?.lastPathComponent ?? "?") ended early with status \(process.terminationStatus): \(output)", sourceLocation: sourceLocation)
            }
            return
        }
        process.terminate()
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    struct ProcessError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}

/// Plain HTTP requests for tests.
enum HTTP {
    struct Response {
        var status: Int
        var body: String
        var headers: [String: String]
    }

    static func get(_ url: URL) async throws -> Response {
        let (data, response) = try await URLSession.shared.data(from: url)
        let http = response as! HTTPURLResponse
        let headers = Dictionary(http.allHeaderFields.map { ("\($0.key)".lowercased(), "\($0.value)") }, uniquingKeysWith: { first, _ in first })
        return Response(status: http.statusCode, body: String(decoding: data, as: UTF8.self), headers: headers)
    }

    /// A JSON request through Debian's `curl`: chromedriver writes headers without a space
    /// after the colon, which Foundation's URLSession on Linux cannot parse.
    static func send(_ method: String, _ url: URL, json: Any? = nil) async throws -> Any {
        var arguments = ["-s", "-X", method, "-H", "Content-Type: application/json"]
        if let json { arguments += ["--data-binary", String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self)] }
        let output = try Command.output(URL(fileURLWithPath: "/usr/bin/curl"), arguments + [url.absoluteString])
        return try JSONSerialization.jsonObject(with: Data(output.utf8))
    }

    /// Polls `condition` until it holds, or fails after `timeout`.
    static func eventually(_ what: String, timeout: Duration = .seconds(30), _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw BackgroundProcess.ProcessError(message: "timed out waiting for \(what)")
    }
}
