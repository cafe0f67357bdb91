/// Text from front matter or configuration written into a Markdown output (`notes.md`,
/// `CHANGELOG.md`, Markdown announcements) as text, never as Markdown syntax: a component
/// `[x](javascript:alert(1))` stays those characters, not a link, and `<img onerror=…>`
/// stays text, not raw HTML, for whoever renders the file.
///
/// Backslash escapes are CommonMark's way to say "this character is itself" and work on
/// every ASCII punctuation character, so they change nothing a reader sees. The characters
/// that can start syntax anywhere in a line are escaped everywhere; those that start a
/// block only at the start of a line (`-`, `+`, `=`, `1.`) at the start of the value.
/// Admonition titles (`**Title**`) are escaped the same way. A line break would start a new block: values are one line, and a
/// break is written as a space.
package enum MarkdownText {
    package static func escape(_ text: String) -> String {
        // Most values (names, components, keys) hold nothing to escape.
        guard text.utf8.contains(where: Self.mayNeedEscape) || text.utf8.first.map({ $0 >= 0x30 && $0 <= 0x39 }) == true else { return text }
        var escaped = String.UnicodeScalarView()
        var leadingDigits = true
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if scalar == "\n" || scalar == "\r" {
                escaped.append(" ")
                continue
            }
            let startsBlock = offset == 0 && "-+=".unicodeScalars.contains(scalar)
            let endsListNumber = leadingDigits && offset > 0 && (scalar == "." || scalar == ")")
            if startsBlock || endsListNumber || "\\`*_[]<>&|~#!".unicodeScalars.contains(scalar) { escaped.append("\\") }
            escaped.append(scalar)
            leadingDigits = leadingDigits && ("0"..."9").contains(scalar)
        }
        return String(escaped)
    }

    /// Bytes that are, or may begin, something `escape` escapes.
    private static func mayNeedEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"),
             UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "|"),
             UInt8(ascii: "~"), UInt8(ascii: "#"), UInt8(ascii: "!"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="):
            return true
        default:
            return false
        }
    }

    /// A URL as the destination of an inline link, `[key](here)`: the characters that
    /// would end it or open another construct are escaped, spaces and control characters
    /// percent-encoded.
    package static func destination(_ url: String) -> String {
        guard url.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F || "()\\<>".utf8.contains($0) }) else { return url }
        var escaped = String.UnicodeScalarView()
        for scalar in url.unicodeScalars {
            switch scalar {
            case "(", ")", "\\", "<", ">":
                escaped.append("\\")
                escaped.append(scalar)
            case _ where scalar.value <= 0x20 || scalar.value == 0x7F:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                escaped.append(contentsOf: ["%", hex[Int(scalar.value >> 4)], hex[Int(scalar.value & 15)]])
            default:
                escaped.append(scalar)
            }
        }
        return String(escaped)
    }
}
