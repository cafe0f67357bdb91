/// The default `tickets.pattern`, `[A-Z][A-Z0-9]+-[0-9]+`, found by a scan instead of the
/// regex engine: the same matches, the same whole-word rule, at a fraction of the cost (the
/// scan runs over every text node the tracker links are made in).
///
/// The regex engine (ICU, `BoundedRegex`) matches Unicode scalars; the linker then keeps a
/// match only when it is whole characters with no word character on either side: `A`
/// followed by a combining accent cuts a character. The scan works on the same units:
/// bytes when the text is ASCII (each byte a character, `\r\n` aside, which never
/// matches), scalars otherwise, with the linker's rule applied to what it finds.
enum DefaultTicketKeys {
    /// The keys in `text`, as `TicketLinker.keys(in:)` gives them for the default pattern.
    static func ranges(in text: String) -> [Range<String.Index>] {
        let ascii = text.withUTF8Bytes { bytes -> [Range<Int>]? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return ranges(inASCII: bytes)
        }
        if let ascii {
            let utf8 = text.utf8
            return ascii.map { utf8.index(utf8.startIndex, offsetBy: $0.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: $0.upperBound) }
        }
        let scalars = Array(text.unicodeScalars)
        let indices = Array(text.unicodeScalars.indices)
        let found = scan(count: scalars.count, kind: { Kind(scalars[$0].isASCII ? UInt8(scalars[$0].value) : nil) }, isWord: { _ in false })
        return found
            .map { indices[$0.lowerBound]..<($0.upperBound < indices.count ? indices[$0.upperBound] : text.endIndex) }
            .filter { TicketLinker.isWholeWord($0, in: text) }
    }

    /// The keys in ASCII `bytes` (as `ranges(in:)` finds them in such a text), by offset.
    static func ranges(inASCII bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        scan(count: bytes.count, kind: { Kind(bytes[$0]) }, isWord: { Kind.isWordByte(bytes[$0]) })
    }

    /// What a unit (byte or character) is to the pattern.
    private enum Kind {
        case letter, digit, hyphen, other

        init(_ ascii: UInt8?) {
            switch ascii ?? 0 {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): self = .letter
            case UInt8(ascii: "0")...UInt8(ascii: "9"): self = .digit
            case UInt8(ascii: "-"): self = .hyphen
            default: self = .other
            }
        }

        /// `Character.isWordCharacter` for an ASCII character.
        static func isWordByte(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"): return true
            default: return false
            }
        }
    }

    /// Leftmost, non-overlapping matches of the pattern over units `0..<count`, each kept
    /// when no word unit stands right before or after it (a rejected match still consumes
    /// its units, as with `matches(of:)` and a filter).
    ///
    /// A match starts at a capital that is followed by a run of one or more capitals and
    /// digits, a hyphen and a digit. The greedy `[A-Z0-9]+` gives back nothing useful: only a
    /// hyphen may follow it. So when the run after a capital does not end in `-` and a digit,
    /// no position inside the run starts a match either, and the scan skips the run.
    private static func scan(count: Int, kind: (Int) -> Kind, isWord: (Int) -> Bool) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var start = 0
        while start < count {
            guard kind(start) == .letter else {
                start += 1
                continue
            }
            var runEnd = start + 1
            while runEnd < count, kind(runEnd) == .letter || kind(runEnd) == .digit { runEnd += 1 }
            guard runEnd - start >= 2, runEnd + 1 < count, kind(runEnd) == .hyphen, kind(runEnd + 1) == .digit else {
                start = runEnd
                continue
            }
            var end = runEnd + 2
            while end < count, kind(end) == .digit { end += 1 }
            if (start == 0 || !isWord(start - 1)) && (end == count || !isWord(end)) {
                found.append(start..<end)
            }
            start = end
        }
        return found
    }
}
