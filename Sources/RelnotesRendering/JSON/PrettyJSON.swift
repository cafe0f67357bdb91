import Foundation

/// JSON text written exactly as Foundation's `JSONEncoder` writes it with `.prettyPrinted`,
/// `.sortedKeys` and `.withoutEscapingSlashes` (two-space indents, `"key" : value`, an
/// empty line inside an empty array), but written straight into bytes: `releases.json` of a large history
/// is tens of megabytes, and the encoder's intermediate tree cost more than the rest of it.
/// `ReleasesJSONTests` compares the two on hostile text.
struct PrettyJSON {
    /// The text so far. An array rather than `Data`: the text is written a byte or a short
    /// run at a time, and an array appends those without `Data`'s dispatch on its storage.
    private var buffer: [UInt8] = []
    private var depth = 0
    /// Whether the current object or array has a member yet.
    private var hasMember: [Bool] = []

    init(capacity: Int = 0) { buffer.reserveCapacity(capacity) }

    /// How many bytes have been written since the last `take()`.
    var count: Int { buffer.count }

    /// The text written so far, handed over: writing goes on into the emptied buffer.
    mutating func take() -> Data {
        defer { buffer.removeAll(keepingCapacity: true) }
        return Data(buffer)
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
            buffer.append(contentsOf: [UInt8(ascii: "["), UInt8(ascii: "\n")])
            newline()
            buffer.append(UInt8(ascii: "]"))
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
        // Keys are relnotes' own ASCII names: nothing in them to escape.
        buffer.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { buffer.append(contentsOf: $0) }
        buffer.append(UInt8(ascii: "\""))
        buffer.append(0x20)
        buffer.append(UInt8(ascii: ":"))
        buffer.append(0x20)
        value(&self)
    }

    mutating func member(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        member(key) { $0.string(value) }
    }

    mutating func member(_ key: StaticString, _ value: Bool) {
        member(key) { $0.buffer.append(contentsOf: value ? Self.trueText : Self.falseText) }
    }

    mutating func string(_ text: String) {
        buffer.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            // Runs of bytes that need no escape are copied whole; eight bytes at a time are
            // passed over where none of them needs one.
            guard let base = utf8.baseAddress else { return }
            var run = 0
            var index = 0
            while index < utf8.count {
                if index + 8 <= utf8.count, !Self.needsEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                    continue
                }
                let byte = base[index]
                if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<index]))
                    appendEscape(byte)
                    run = index + 1
                }
                index += 1
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        }
        buffer.append(UInt8(ascii: "\""))
    }

    /// Whether any of the eight bytes of `word` is a control character, `"` or `\\`: the
    /// classic tests for a byte below a bound and for a zero byte (after an `xor` with the
    /// byte looked for), exact for the word as a whole.
    @inline(__always)
    private static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let control = (word &- ones &* 0x20) & ~word & highs != 0
        return control || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C))
    }

    private mutating func appendEscape(_ byte: UInt8) {
        buffer.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): buffer.append(byte)
        case 0x08: buffer.append(UInt8(ascii: "b"))
        case 0x0C: buffer.append(UInt8(ascii: "f"))
        case 0x0A: buffer.append(UInt8(ascii: "n"))
        case 0x0D: buffer.append(UInt8(ascii: "r"))
        case 0x09: buffer.append(UInt8(ascii: "t"))
        default:
            buffer.append(UInt8(ascii: "u"))
            buffer.append(UInt8(ascii: "0"))
            buffer.append(UInt8(ascii: "0"))
            buffer.append(Self.hexDigit(byte >> 4))
            buffer.append(Self.hexDigit(byte & 0xF))
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    // MARK: - Layout

    private mutating func open(_ bracket: UInt8) {
        buffer.append(bracket)
        depth += 1
        hasMember.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        hasMember.removeLast()
        newline()
        buffer.append(bracket)
    }

    private mutating func separate() {
        if hasMember[hasMember.count - 1] { buffer.append(UInt8(ascii: ",")) }
        hasMember[hasMember.count - 1] = true
        newline()
    }

    private mutating func newline() {
        buffer.append(UInt8(ascii: "\n"))
        var indent = 2 * depth
        while indent > 0 {
            let run = min(indent, Self.spaces.count)
            Self.spaces.withUnsafeBufferPointer { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<run])) }
            indent -= run
        }
    }
}
