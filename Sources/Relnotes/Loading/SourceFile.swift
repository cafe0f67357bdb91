import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A text file of the project, read once, with line endings normalised to `\n`.
struct SourceFile: Sendable {
    /// Path relative to the project root, as printed in diagnostics.
    var path: String
    var text: String

    static func read(_ url: URL, as path: String) throws(Diagnostic) -> SourceFile {
        try read(atPath: url.path, as: path)
    }

    static func read(atPath file: String, as path: String) throws(Diagnostic) -> SourceFile {
        let bytes: [UInt8]
        if let contents = regularFileContents(file) {
            bytes = contents
        } else {
            // Not a plain readable file: Foundation reads it, or says why it cannot.
            do {
                bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
            } catch {
                throw .error("unreadable-file", "cannot read the file: \(error.localizedDescription)", at: SourceLocation(path: path))
            }
        }
        guard var text = String(validating: bytes, as: UTF8.self) else {
            throw .error("invalid-encoding", "the file is not valid UTF-8 text", at: SourceLocation(path: path))
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]), text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if bytes.contains(UInt8(ascii: "\r")) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        if bytes.contains(0) {
            throw .error("invalid-encoding", "the file holds a NUL byte; it is not a text file", at: SourceLocation(path: path))
        }
        return SourceFile(path: path, text: text)
    }

    /// The bytes of a regular file, read with one `open` and `read` calls; `nil` for
    /// anything else, or on any failure.
    private static func regularFileContents(_ file: String) -> [UInt8]? {
        let descriptor = open(file, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return count == 0 ? Array(bytes[..<filled]) : nil }
            filled += count
        }
        return bytes
    }
}
