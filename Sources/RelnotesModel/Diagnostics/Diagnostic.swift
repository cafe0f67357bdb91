/// One problem found in a project, with the place it was found.
///
/// Every user-facing failure of relnotes is a `Diagnostic`: content errors, configuration
/// errors, template errors. The command line prints them compiler-style
/// (`PATH:LINE:COLUMN: error: MESSAGE`) and exits with status 1 when any is an error.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable, Comparable {
        case error, warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    public var severity: Severity
    /// Where the problem is; `nil` for problems that belong to no file (an unreadable root, say).
    public var location: SourceLocation?
    /// A stable, machine-readable name for the kind of problem (`unknown-type`, `unclosed-container`…).
    public var code: String
    /// One lowercase sentence, hint included (`unknown type 'feture' — did you mean 'feature'?`).
    public var message: String

    public init(_ severity: Severity, _ code: String, _ message: String, at location: SourceLocation?) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
    }

    public static func error(_ code: String, _ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code, message, at: location)
    }

    public static func warning(_ code: String, _ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.warning, code, message, at: location)
    }

    /// `PATH:LINE:COLUMN: error: MESSAGE`, or `error: MESSAGE` without a location.
    public var description: String {
        if let location { return "\(location): \(severity.rawValue): \(message)" }
        return "\(severity.rawValue): \(message)"
    }
}

extension Array where Element == Diagnostic {
    /// Whether any of these problems stops a build.
    public var containsErrors: Bool { contains { $0.severity == .error } }

    /// The problems in a stable order: by file, line and column, then by message.
    public func sortedForDisplay() -> [Diagnostic] {
        sorted { lhs, rhs in
            switch (lhs.location, rhs.location) {
            case (nil, nil): return lhs.message < rhs.message
            case (nil, _): return true
            case (_, nil): return false
            case let (l?, r?): return l == r ? lhs.message < rhs.message : l < r
            }
        }
    }
}

/// Thrown when a stage cannot produce its result; carries every problem found, not only the first.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
