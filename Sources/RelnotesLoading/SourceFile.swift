import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelnotesFiles
import RelnotesModel

/// A text file of the project, read once, with line endings normalised to `\n`.
package struct SourceFile: Sendable {
    /// Path relative to the project root, as printed in diagnostics.
    var path: String
    package var text: String

    package init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    package static func read(_ url: URL, as path: String) throws(Diagnostic) -> SourceFile {
        try read(atPath: url.path, as: path)
    }

    static func read(atPath file: String, as path: String) throws(Diagnostic) -> SourceFile {
        let bytes = try regularFileContents(file, as: path)
        guard var text = String(validating: bytes, as: UTF8.self) else {
            let offset = firstInvalidUTF8(bytes)
            throw .error("invalid-encoding", "the file is not valid UTF-8 text: byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) here starts no character", at: location(ofByte: offset, in: bytes, path: path))
        }
        if let offset = XMLCharacters.firstForbidden(in: bytes) {
            let place = location(ofByte: offset, in: bytes, path: path)
            if bytes[offset] == 0 { throw .error("invalid-encoding", "the file holds a NUL byte here; it is not a text file", at: place) }
            let scalar = String(decoding: bytes[offset...].prefix(3), as: UTF8.self).unicodeScalars.first!
            throw .error("invalid-character", "the file holds \(XMLCharacters.name(scalar)) here, \(XMLCharacters.reason)", at: place)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]), text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if bytes.contains(UInt8(ascii: "\r")) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return SourceFile(path: path, text: text)
    }

    /// The bytes of a regular file, read with one `open` and `read` calls. Anything else is
    /// refused before a byte is read: `O_NONBLOCK` keeps the `open` of a FIFO from waiting
    /// for a writer, and `fstat` says what was opened.
    private static func regularFileContents(_ file: String, as path: String) throws(Diagnostic) -> [UInt8] {
        let descriptor = open(file, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno)).lowercased()
            throw .error("unreadable-file", "cannot read the file: \(reason)", at: SourceLocation(path: path))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .error("unreadable-file", "cannot read the file", at: SourceLocation(path: path)) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw .error("unreadable-file", "this is a folder, not a file", at: SourceLocation(path: path))
        }
        if let kind = ProjectBoundary.special(info.st_mode) {
            throw .error("unreadable-file", "this is \(kind), not a regular file; relnotes reads regular files only", at: SourceLocation(path: path))
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            guard count > 0 else {
                if count == 0 { return Array(bytes[..<filled]) }
                throw .error("unreadable-file", "cannot read the file: \(String(cString: strerror(errno)).lowercased())", at: SourceLocation(path: path))
            }
            filled += count
        }
        return bytes
    }

    /// The offset of the first byte that does not continue valid UTF-8.
    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .error, .emptyInput: return min(offset, max(bytes.count - 1, 0))
            }
        }
    }

    /// Line and column (in characters, both from 1) of the byte at `offset`, whose line
    /// up to it is valid UTF-8.
    private static func location(ofByte offset: Int, in bytes: [UInt8], path: String) -> SourceLocation {
        let before = bytes[..<offset]
        let lineStart = (before.lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
        let line = before.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        return SourceLocation(path: path, line: line, column: column)
    }
}
