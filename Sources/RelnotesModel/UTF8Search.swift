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

extension StringProtocol {
    /// Whether every byte is ASCII: then every byte is a character (`\r\n` aside).
    @inlinable package var isASCII: Bool {
        withUTF8Bytes { bytes in !bytes.contains { $0 >= 0x80 } }
    }
}
