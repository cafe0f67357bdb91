import Foundation

/// A text file of the project, read once, with line endings normalised to `\n`.
struct SourceFile: Sendable {
    /// Path relative to the project root, as printed in diagnostics.
    var path: String
    var text: String

    static func read(_ url: URL, as path: String) throws(Diagnostic) -> SourceFile {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .error("unreadable-file", "cannot read the file: \(error.localizedDescription)", at: SourceLocation(path: path))
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw .error("invalid-encoding", "the file is not valid UTF-8 text", at: SourceLocation(path: path))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.contains("\r") {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        if text.contains("\0") {
            throw .error("invalid-encoding", "the file holds a NUL byte; it is not a text file", at: SourceLocation(path: path))
        }
        return SourceFile(path: path, text: text)
    }
}
