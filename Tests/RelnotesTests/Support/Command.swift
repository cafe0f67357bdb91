import Foundation

/// Runs a command to its end: the one place tests start a process and wait for it
/// (`Relnotes.run`, the cmark references, curl, the Python and Java checkers).
enum Command {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// The command line, for failure messages.
        var command = ""

        /// `self`, when the command exited with status 0; a `Failure` otherwise. For runs
        /// that prepare a test (a first build) rather than being its subject.
        @discardableResult
        func succeeded() throws -> Result {
            guard status == 0 else { throw Failure(result: self) }
            return self
        }
    }

    /// A command that exited with another status than the one expected, with what it printed.
    struct Failure: Error, CustomStringConvertible {
        var result: Result
        var description: String {
            "\(result.command) exited with status \(result.status)\nstandard error:\n\(result.stderr)\nstandard output:\n\(result.stdout)"
        }
    }

    /// Runs `executable arguments…` in `folder`, feeding `input` on standard input, and
    /// returns its status and output, whatever the status.
    static func run(_ executable: URL, _ arguments: [String], in folder: URL? = nil, input: String = "", environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        process.environment = env
        // Output goes to files, read after exit: a large output can never block the child.
        let folder = try TemporaryFolder.make()
        defer { TemporaryFolder.remove(folder) }
        let outURL = folder.appending(path: "stdout"), errURL = folder.appending(path: "stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        let out = try Data(contentsOf: outURL), err = try Data(contentsOf: errURL)
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self),
                      command: ([executable.lastPathComponent] + arguments).joined(separator: " "))
    }

    /// The standard output of `executable arguments…`, which must exit with status 0
    /// (a crash or a refusal throws, with what the command printed).
    static func output(_ executable: URL, _ arguments: [String], input: String = "") throws -> String {
        try run(executable, arguments, input: input).succeeded().stdout
    }

    /// Starts `executable arguments…` in `folder` and kills it with SIGKILL after `delay`.
    /// It must die of that signal, or have finished with status 0 before it came.
    static func runKilled(_ executable: URL, _ arguments: [String], in folder: URL, after delay: Duration) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let microseconds = delay.components.seconds * 1_000_000 + delay.components.attoseconds / 1_000_000_000_000
        usleep(UInt32(microseconds))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let killed = process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
        let finished = process.terminationReason == .exit && process.terminationStatus == 0
        guard killed || finished else {
            let how = process.terminationReason == .exit ? "exited" : "was ended by another signal"
            throw Failure(result: Result(status: process.terminationStatus, stdout: "", stderr: "(it \(how) before the SIGKILL)",
                                         command: ([executable.lastPathComponent] + arguments).joined(separator: " ")))
        }
    }
}
