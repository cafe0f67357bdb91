import RelnotesModel

/// Tells, from a text as written, whether cmark could find a tracker key in it: when it
/// says no, the text renders the same with and without tracker links.
///
/// cmark's text nodes are pieces of the written text, except where a backslash escape or
/// an entity reference stands for a character, so a key can only appear in a node where
/// the pattern matches the written text somewhere, or where the text has `\` or `&`.
/// Anchors and lookarounds could match in a node and not in the whole text: patterns with
/// them always answer yes. The default pattern is scanned byte by byte; others, and
/// non-ASCII texts, go through the same regular expression the linker uses (`BoundedRegex`).
struct TrackerKeyHint: Sendable {
    private let isDefaultPattern: Bool
    private let alwaysMaybe: Bool
    private let regex: BoundedRegex?

    init(pattern: String) {
        isDefaultPattern = pattern == TicketConfig().pattern
        alwaysMaybe = ["^", "$", "\\b", "\\B", "\\A", "\\z", "\\Z", "\\G", "(?"].contains { pattern.contains($0) }
        regex = BoundedRegex(pattern)
    }

    func mayHoldKey(_ text: String) -> Bool {
        if alwaysMaybe { return true }
        // The bytes read once, as a buffer (the UTF-8 view's iterator costs several times as
        // much per byte); `nil`: the regular expression decides.
        let answer: Bool? = text.withUTF8Bytes { bytes in
            var ascii = true
            for byte in bytes where byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "&") || byte >= 0x80 {
                if byte < 0x80 { return true }
                ascii = false
            }
            return isDefaultPattern && ascii ? Self.defaultPatternMatches(bytes) : nil
        }
        if let answer { return answer }
        guard let regex else { return false }
        // A search stopped for its budget says "maybe": the linker decides.
        return (try? regex.matches(in: text, first: true))?.isEmpty != true
    }

    /// `[A-Z][A-Z0-9]+-[0-9]+` somewhere in ASCII text.
    private static func defaultPatternMatches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            guard bytes[index] >= 65 && bytes[index] <= 90 else { index += 1; continue }
            // A run of [A-Z0-9] from a letter: a key when two or more long and followed by `-` and a digit.
            var end = index + 1
            while end < count, (bytes[end] >= 65 && bytes[end] <= 90) || (bytes[end] >= 48 && bytes[end] <= 57) { end += 1 }
            if end - index >= 2, end + 1 < count, bytes[end] == 45, bytes[end + 1] >= 48 && bytes[end + 1] <= 57 { return true }
            index = end
        }
        return false
    }
}
