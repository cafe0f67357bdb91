import Foundation

extension String {
    /// Whether the text's UTF-8 holds `byte`, found with `memchr`: checks such as "any
    /// `\r` in this rendered page?" run over every page of a long history, where a walk
    /// through `utf8` a byte at a time is a visible part of the build.
    package func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        } ?? utf8.contains(byte)
    }
}
