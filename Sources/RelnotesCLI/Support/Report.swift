import ArgumentParser
import Foundation
import Relnotes
import RelnotesModel

/// Prints diagnostics compiler-style on standard error and turns errors into exit status 1.
enum Report {
    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics.sortedForDisplay() {
            Standard.error.write(diagnostic.description + "\n")
        }
    }

    /// Prints `diagnostics`; exits with status 1 when any is an error.
    static func finish(_ diagnostics: [Diagnostic]) throws {
        print(diagnostics)
        if diagnostics.containsErrors {
            let count = diagnostics.filter { $0.severity == .error }.count
            Standard.error.write("relnotes: \(count) error\(count == 1 ? "" : "s"); nothing was written\n")
            throw ExitCode(1)
        }
    }
}

/// Standard output and error, written without buffering surprises.
enum Standard {
    struct Stream {
        let handle: FileHandle
        func write(_ text: String) { handle.write(Data(text.utf8)) }
    }

    static let output = Stream(handle: .standardOutput)
    static let error = Stream(handle: .standardError)

    /// Whether standard error is a terminal (progress is shown only then).
    static var errorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
