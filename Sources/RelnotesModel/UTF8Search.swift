import Foundation

/// Byte-level tests on text, for the quick checks that decide whether a slower, exact one is
/// needed at all. Foundation's `contains` compares composed character sequences, so it never
/// finds an ASCII needle whose bytes are not in the text: "the bytes hold it" is a necessary
/// condition for what Foundation finds, and costs a `memchr` pass over the bytes, not a
/// search through NSString. Inlinable: called from other modules unspecialized, a generic
/// function asks the runtime for its types' metadata on every call (2% of a build's time).
extension StringProtocol {
    /// Whether the text's UTF-8 holds `needle`'s bytes, in a row.
    @inlinable package func containsBytes(_ needle: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        return withUTF8Bytes { bytes in bytes.firstOffset(of: pattern) != nil }
    }

    /// Whether the text's UTF-8 holds the byte `byte`.
    @inlinable package func containsByte(_ byte: UInt8) -> Bool {
        withUTF8Bytes { bytes in bytes.firstOffset(of: byte, from: 0) != nil }
    }

    /// Hands the text's UTF-8 to `body` as one buffer (copied only when the text is not
    /// stored contiguously, as for a bridged string).
    @inlinable package func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(utf8).withUnsafeBufferPointer(body)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Where `byte` first occurs at or after `start`.
    @inlinable package func firstOffset(of byte: UInt8, from start: Int) -> Int? {
        guard let base = baseAddress, start < count,
              let found = memchr(base + start, Int32(byte), count - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// Where `pattern` first begins.
    @inlinable package func firstOffset(of pattern: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = pattern.first, pattern.count <= count else { return nil }
        var start = 0
        while let offset = firstOffset(of: first, from: start), offset + pattern.count <= count {
            if (1..<pattern.count).allSatisfy({ self[offset + $0] == pattern[$0] }) { return offset }
            start = offset + 1
        }
        return nil
    }
}

/// `hasPrefix` and `hasSuffix` settled on bytes where bytes settle them. Strings compare as
/// characters, under canonical equivalence; for an ASCII affix without `;`, `` ` `` or `K`
/// (the only ASCII characters that other scalars are equivalent to), the characters can only
/// match where the bytes do, and they do match there when an ASCII byte, or nothing, stands
/// on the inner side: an ASCII character never joins an ASCII one before it into one
/// character (`\r\n` aside: no affix here ends in `\r`). Anything else is compared as
/// characters.
extension StringProtocol {
    @inlinable package func hasPrefixQuickly(_ prefix: String) -> Bool {
        assert(Self.isQuickAffix(prefix))
        let settled: Bool? = withUTF8Bytes { bytes in
            prefix.withUTF8Bytes { affix in
                guard bytes.count >= affix.count, memcmp(bytes.baseAddress!, affix.baseAddress!, affix.count) == 0 else { return false }
                return bytes.count == affix.count || bytes[affix.count] < 0x80 ? true : nil
            }
        }
        return settled ?? hasPrefix(prefix)
    }

    @inlinable package func hasSuffixQuickly(_ suffix: String) -> Bool {
        assert(Self.isQuickAffix(suffix))
        let settled: Bool? = withUTF8Bytes { bytes in
            suffix.withUTF8Bytes { affix in
                let start = bytes.count - affix.count
                guard start >= 0, memcmp(bytes.baseAddress! + start, affix.baseAddress!, affix.count) == 0 else { return false }
                return start == 0 || bytes[start - 1] < 0x80 ? true : nil
            }
        }
        return settled ?? hasSuffix(suffix)
    }

    @usableFromInline static func isQuickAffix(_ affix: String) -> Bool {
        affix.utf8.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: ";") && $0 != UInt8(ascii: "`") && $0 != UInt8(ascii: "K") && $0 != UInt8(ascii: "\r") }
    }

    /// Whether every byte is ASCII: then every byte is a character (`\r\n` aside).
    @inlinable package var isASCII: Bool {
        withUTF8Bytes { bytes in !bytes.contains { $0 >= 0x80 } }
    }
}
