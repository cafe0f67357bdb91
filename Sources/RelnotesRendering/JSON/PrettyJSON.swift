import Foundation

/// JSON text written exactly as Foundation's `JSONEncoder` writes it with `.prettyPrinted`,
/// `.sortedKeys` and `.withoutEscapingSlashes` (two-space indents, `"key" : value`, an
/// empty line inside an empty array), but written straight into bytes: `releases.json` of a large history
/// is tens of megabytes, and the encoder's intermediate tree cost more than the rest of it.
/// `ReleasesJSONTests` compares the two on hostile text.
struct PrettyJSON {
    /// The text so far: `Data`, so that the file needs no copy of it (tens of megabytes).
    private(set) var bytes = Data()
    private var depth = 0
    /// Whether the current object or array has a member yet.
    private var hasMember: [Bool] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// The text written so far, handed over: writing goes on into an empty buffer.
    mutating func take() -> Data {
        defer { bytes = Data(capacity: bytes.count) }
        return bytes
    }

    private static let trueText = Array("true".utf8), falseText = Array("false".utf8)
    /// Indentation, cut to length (appending a repeated element would go through a generic path).
    private static let spaces = [UInt8](repeating: 0x20, count: 256)

    /// `{ … }`; the members must be written in sorted key order.
    mutating func object(_ members: (inout PrettyJSON) -> Void) {
        open(UInt8(ascii: "{"))
        members(&self)
        close(UInt8(ascii: "}"))
    }

    /// `[ … ]` of the elements, each written by `element`.
    mutating func array<Element>(_ elements: [Element], _ element: (inout PrettyJSON, Element) -> Void) {
        guard !elements.isEmpty else {
            // JSONEncoder's empty array: an empty line between the brackets.
            bytes.append(contentsOf: [UInt8(ascii: "["), UInt8(ascii: "\n")])
            newline()
            bytes.append(UInt8(ascii: "]"))
            return
        }
        open(UInt8(ascii: "["))
        for value in elements {
            separate()
            element(&self, value)
        }
        close(UInt8(ascii: "]"))
    }

    /// A member of the current object; `nil` values are left out, as `encodeIfPresent` does.
    mutating func member(_ key: StaticString, _ value: (inout PrettyJSON) -> Void) {
        separate()
        string(key.withUTF8Buffer { String(decoding: $0, as: UTF8.self) })
        bytes.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20])
        value(&self)
    }

    mutating func member(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        member(key) { $0.string(value) }
    }

    mutating func member(_ key: StaticString, _ value: Bool) {
        member(key) { $0.bytes.append(contentsOf: value ? Self.trueText : Self.falseText) }
    }

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            // Runs of bytes that need no escape are copied whole.
            var run = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(UnsafeBufferPointer(rebasing: utf8[run..<index]))
                appendEscape(byte)
                run = index + 1
            }
            bytes.append(UnsafeBufferPointer(rebasing: utf8[run...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscape(_ byte: UInt8) {
        let backslash = UInt8(ascii: "\\")
        switch byte {
        case UInt8(ascii: "\""): bytes.append(contentsOf: [backslash, UInt8(ascii: "\"")])
        case backslash: bytes.append(contentsOf: [backslash, backslash])
        case 0x08: bytes.append(contentsOf: [backslash, UInt8(ascii: "b")])
        case 0x0C: bytes.append(contentsOf: [backslash, UInt8(ascii: "f")])
        case 0x0A: bytes.append(contentsOf: [backslash, UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [backslash, UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [backslash, UInt8(ascii: "t")])
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [backslash, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        }
    }

    // MARK: - Layout

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        depth += 1
        hasMember.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        hasMember.removeLast()
        newline()
        bytes.append(bracket)
    }

    private mutating func separate() {
        if hasMember[hasMember.count - 1] { bytes.append(UInt8(ascii: ",")) }
        hasMember[hasMember.count - 1] = true
        newline()
    }

    private mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
        var indent = 2 * depth
        while indent > 0 {
            let run = min(indent, Self.spaces.count)
            Self.spaces.withUnsafeBufferPointer { bytes.append(UnsafeBufferPointer(rebasing: $0[..<run])) }
            indent -= run
        }
    }
}
