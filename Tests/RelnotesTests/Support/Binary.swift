import Foundation

/// Runs the built `relnotes` executable, as a user would: end-to-end tests check its
/// standard output, standard error and exit status.
struct Relnotes {
    typealias Result = Command.Result

    /// The executable built beside the test bundle (`swift build --build-tests` builds both).
    static let executable: URL = {
        if let path = ProcessInfo.processInfo.environment["RELNOTES_BINARY"] { return URL(fileURLWithPath: path) }
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return testBinary.deletingLastPathComponent().appending(path: "relnotes")
    }()

    /// Runs `relnotes arguments…` in `folder`, feeding `input` on standard input. The
    /// status is the caller's to check: end-to-end tests assert it.
    static func run(_ arguments: [String], in folder: URL? = nil, input: String = "", environment: [String: String] = [:]) throws -> Result {
        try Command.run(executable, arguments, in: folder, input: input, environment: environment)
    }

    /// Starts `relnotes arguments…` in `folder` and kills it with SIGKILL after `delay`.
    static func runKilled(_ arguments: [String], in folder: URL, after delay: Duration) throws {
        try Command.runKilled(executable, arguments, in: folder, after: delay)
    }
}
