/// Characters XML 1.0 forbids (the C0 controls other than tab, line feed and carriage
/// return; U+FFFE and U+FFFF) never reach an output: `feed.xml` with one is not XML, and
/// the HTML pages are meant to be as strict. They are errors where they are written: in a
/// file's bytes (`SourceFile.read`), or made by a YAML escape (`"\x01"`) in a value.
package enum XMLCharacters {
    package static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00..<0x20, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    /// The offset of the first byte of a forbidden character in UTF-8 `bytes` (NUL included).
    static func firstForbidden(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            var index = 0
            let count = buffer.count
            while index < count {
                let byte = buffer[index]
                if byte < 0x20 {
                    if byte != 0x09 && byte != 0x0A && byte != 0x0D { return index }
                } else if byte == 0xEF, index + 2 < count, buffer[index + 1] == 0xBF, buffer[index + 2] >= 0xBE, buffer[index + 2] <= 0xBF {
                    return index
                }
                index += 1
            }
            return nil
        }
    }

    /// `U+0001`, as the message names it.
    package static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return scalar.value < 0x20 ? "the control character \(code)" : "the noncharacter \(code)"
    }

    package static let reason = "which XML 1.0 forbids (feed.xml could not be read); remove it"
}
