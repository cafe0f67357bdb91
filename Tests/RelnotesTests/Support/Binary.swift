import Foundation

/// Runs the built `relnotes` executable, as a user would: end-to-end tests check its
/// standard output, standard error and exit status.
struct Relnotes {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The executable built beside the test bundle (`swift build --build-tests` builds both).
    static let executable: URL = {
        if let path = ProcessInfo.processInfo.environment["RELNOTES_BINARY"] { return URL(fileURLWithPath: path) }
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return testBinary.deletingLastPathComponent().appending(path: "relnotes")
    }()

    /// Runs `relnotes arguments…` in `folder`, feeding `input` on standard input.
    @discardableResult
    static func run(_ arguments: [String], in folder: URL? = nil, input: String = "", environment: [String: String] = [:]) throws -> Result {
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
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }
}
