import Foundation

/// The real `git` command, run with Foundation's `Process` in a folder of a repository.
struct Git: Sendable {
    /// The folder git runs in.
    var folder: URL
    /// The executable; `git` found on `PATH` by default.
    var executable = "/usr/bin/env"

    struct Failure: Error, Sendable {
        var arguments: [String]
        var status: Int32
        var message: String
    }

    /// Runs `git arguments…` and returns its standard output; a non-zero exit status is a
    /// `Failure` carrying git's own message.
    func run(_ arguments: [String]) throws(Failure) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["git", "-c", "core.quotepath=false"] + arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure(arguments: arguments, status: -1, message: "cannot run git: \(error.localizedDescription)")
        }
        // Standard error is read beside standard output, so that neither pipe can fill up
        // and stop git.
        let errorData = ErrorCollector()
        let reader = Thread { errorData.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let message = errorData.wait()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(arguments: arguments, status: process.terminationStatus, message: text.isEmpty ? "git \(arguments.joined(separator: " ")) failed" : text)
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Whether `git arguments…` exits with status 0.
    func succeeds(_ arguments: [String]) -> Bool {
        (try? run(arguments)) != nil
    }

    /// NUL-separated output as its parts.
    static func fields(_ output: String) -> [String] {
        output.split(separator: "\0", omittingEmptySubsequences: true).map(String.init)
    }
}

/// Data handed from the thread that reads standard error.
private final class ErrorCollector: @unchecked Sendable {
    private let condition = NSCondition()
    private var data: Data?

    func set(_ value: Data) {
        condition.lock()
        data = value
        condition.signal()
        condition.unlock()
    }

    func wait() -> Data {
        condition.lock()
        defer { condition.unlock() }
        while data == nil { condition.wait() }
        return data!
    }
}
