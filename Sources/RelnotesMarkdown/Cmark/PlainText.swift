import CCmark

/// Plain text of a cmark tree: the words of every block, paragraphs separated by blank
/// lines, list items as `- ` lines. Written with cmark's iterator, so depth is no concern.
enum PlainText {
    static func render(_ root: CmarkNode) -> String {
        var text = ""
        root.walk { node, entering in
            switch node.kind {
            case .text, .code:
                if entering { text += node.literal }
            case .codeBlock:
                text += node.literal + "\n"
            case .softBreak:
                text += " "
            case .lineBreak:
                text += "\n"
            case .item:
                if entering { text += "- " }
            case .paragraph, .heading:
                if !entering { text += node.parent?.kind == .item ? "\n" : "\n\n" }
            case .list, .thematicBreak:
                if !entering || node.kind == .thematicBreak { text += "\n" }
            case .customBlock, .customInline:
                text += entering ? node.customOnEnter : node.customOnExit
            default:
                break
            }
        }
        return tidy(text)
    }

    /// At most one blank line in a row, no blank lines at either end, no spaces or tabs at
    /// the end of a line.
    ///
    /// Byte by byte: on a long history this runs over every body for `releases.json`. Lines
    /// and trailing blanks are those of `Character`s, as `characterwiseTidy` finds them; the
    /// bytes give the same answer except around a carriage return (`\r\n` is one
    /// character) or a blank after a non-ASCII character (a prepended mark joins it), where
    /// the characterwise version decides.
    static func tidy(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 1)
            var pendingBlank = false
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 0x0A {
                    if bytes[end] == 0x0D { return nil }
                    end += 1
                }
                var trimmed = end
                while trimmed > start && (bytes[trimmed - 1] == 0x20 || bytes[trimmed - 1] == 0x09) { trimmed -= 1 }
                if trimmed < end && trimmed > start && bytes[trimmed - 1] >= 0x80 { return nil }
                if trimmed == start {
                    pendingBlank = !output.isEmpty
                } else {
                    if !output.isEmpty {
                        output.append(0x0A)
                        if pendingBlank { output.append(0x0A) }
                    }
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<trimmed]))
                    pendingBlank = false
                }
                start = end + 1
            }
            if !output.isEmpty { output.append(0x0A) }
            return String(decoding: output, as: UTF8.self)
        } ?? characterwiseTidy(text)
    }

    /// `tidy` on `Character`s.
    static func characterwiseTidy(_ text: String) -> String {
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingTrailingSpaces
            if trimmed.isEmpty && (lines.isEmpty || lines.last?.isEmpty == true) { continue }
            lines.append(trimmed)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }
}
