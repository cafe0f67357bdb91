import Yams

/// The front matter nearly every entry and release record has, read without libyaml: one
/// `key: value` per line, where a value is a one-line plain, single- or double-quoted
/// scalar, a one-line flow list or mapping of plain names (`tickets: [REL-1, REL-2]`,
/// `sign_off: {qa: yes}`), or, after a bare `key:`, a block mapping of such lines indented
/// below it.
///
/// It gives the very `Node` tree Yams composes for that text (same strings, styles, tags
/// and marks; mappings and lists get the `.any` style Yams' composer gives them), so
/// everything after it, every diagnostic included, is unchanged. Anything outside that
/// shape (comments, escapes, block lists, anchors, tabs, non-ASCII text, a repeated key,
/// an empty value, a value running on to the next line…) is `nil`, and Yams reads it.
/// `SimpleFrontMatterTests` holds the two readings to each other.
///
/// Why: Yams builds a libyaml parser and an event stream per file; on a history of 20,000
/// entries that was 8% of the build and a third of `notes`.
enum SimpleFrontMatter {
    static func parse(_ yaml: String) -> Node? {
        var yaml = yaml
        return yaml.withUTF8 { bytes in
            let lines = Line.split(bytes)
            var index = 0
            guard lines.first?.indent == 0, let root = Reader(bytes: bytes).block(lines, &index, indent: 0, depth: 0), index == lines.count else { return nil }
            return root
        }
    }

    /// A line that is not blank, and how many spaces it starts with.
    private struct Line {
        var start: Int
        var end: Int
        var number: Int
        var indent: Int

        static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> [Line] {
            var lines: [Line] = []
            var number = 1
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != newline { end += 1 }
                var indent = start
                while indent < end, bytes[indent] == space { indent += 1 }
                if indent < end { lines.append(Line(start: start, end: end, number: number, indent: indent - start)) }
                number += 1
                start = end + 1
            }
            return lines
        }
    }

    /// One reading of `bytes`, and the constructor its nodes' tags share, as Yams makes one
    /// per `compose` (`Constructor.default` builds its tables anew each time it is asked for).
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let constructor = Constructor.default

        /// The tag Yams gives every node of untagged YAML, resolved when it is first asked
        /// for (`compose(yaml:_:_:)` with the `.basic` resolver).
        func implicit() -> Tag { Tag(.implicit, .basic, constructor) }

        /// The block mapping whose keys stand `indent` spaces in, from `lines[index]` on: a key
        /// with nothing after its colon holds the more indented lines below it.
        func block(_ lines: [Line], _ index: inout Int, indent: Int, depth: Int) -> Node? {
            guard depth < 8 else { return nil }
            var pairs: [(Node, Node)] = []
            var keys: Set<String> = []
            while index < lines.count, lines[index].indent == indent {
                let line = lines[index]
                guard let (key, rest) = key(line.start + indent, line.end, line: line.number, column: indent + 1),
                      keys.insert(key.scalar?.string ?? "").inserted else { return nil }
                index += 1
                let value: Node?
                if rest == line.end {
                    guard index < lines.count, lines[index].indent > indent else { return nil }
                    value = block(lines, &index, indent: lines[index].indent, depth: depth + 1)
                } else {
                    value = self.value(rest, line.end, line: line.number, column: rest - line.start + 1)
                }
                guard let value else { return nil }
                pairs.append((key, value))
            }
            // A line more indented than these keys, and not below a key of theirs, runs on.
            guard index == lines.count || lines[index].indent < indent, let first = pairs.first?.0.scalar?.mark else { return nil }
            return .mapping(Node.Mapping(pairs, implicit(), .any, first))
        }

        /// `key:` and where its value starts after the spaces that follow the colon (`end` when
        /// nothing but spaces follows).
        func key(_ start: Int, _ end: Int, line: Int, column: Int) -> (Node, Int)? {
            var index = start
            guard isKeyStart(bytes[index]) else { return nil }
            while index < end, isKeyByte(bytes[index]) { index += 1 }
            let keyEnd = index
            guard index < end, bytes[index] == colon else { return nil }
            index += 1
            guard index == end || bytes[index] == space else { return nil }
            while index < end, bytes[index] == space { index += 1 }
            return (scalar(start, keyEnd, style: .plain, line: line, column: column), index)
        }

        func value(_ start: Int, _ end: Int, line: Int, column: Int) -> Node? {
            for index in start..<end where !isSafe(bytes[index]) { return nil }
            switch bytes[start] {
            case doubleQuote, singleQuote:
                return quoted(start, end, line: line, column: column)
            case openBracket:
                return flowList(start, end, line: line, column: column)
            case openBrace:
                return flowMapping(start, end, line: line, column: column)
            default:
                return plain(start, end, line: line, column: column)
            }
        }

        /// A plain scalar: none of YAML's indicators first, no `: ` or ` #` inside, no `:` last;
        /// trailing spaces are not part of it.
        func plain(_ start: Int, _ end: Int, line: Int, column: Int) -> Node? {
            guard !isIndicator(bytes[start]) else { return nil }
            var last = end
            while last > start, bytes[last - 1] == space { last -= 1 }
            for index in start..<last {
                switch bytes[index] {
                case colon where index + 1 == last || bytes[index + 1] == space: return nil
                case hash where bytes[index - 1] == space: return nil
                default: continue
                }
            }
            return scalar(start, last, style: .plain, line: line, column: column)
        }

        /// `"text"` or `'text'` with no quote or backslash inside, then only spaces.
        func quoted(_ start: Int, _ end: Int, line: Int, column: Int) -> Node? {
            let quote = bytes[start]
            var close = start + 1
            while close < end, bytes[close] != quote {
                if bytes[close] == backslash { return nil }
                close += 1
            }
            guard close < end, isBlank(bytes, close + 1, end) else { return nil }
            return scalar(start + 1, close, style: quote == doubleQuote ? .doubleQuoted : .singleQuoted, line: line, column: column)
        }

        /// `[a, b-1, c.2]`: names of letters, digits and `._/+-`, starting with a letter, digit
        /// or `_`, separated by commas; `[]` is an empty list.
        func flowList(_ start: Int, _ end: Int, line: Int, column: Int) -> Node? {
            var items: [Node] = []
            let scanned = flowItems(start, end, closing: closeBracket) { index in
                guard let (item, next) = name(index, end, line: line, column: column + index - start) else { return nil }
                items.append(item)
                return next
            }
            guard scanned else { return nil }
            return .sequence(Node.Sequence(items, implicit(), .any, mark(line: line, column: column)))
        }

        /// `{a: b, c: d}` of such names; `{}` is an empty mapping.
        func flowMapping(_ start: Int, _ end: Int, line: Int, column: Int) -> Node? {
            var pairs: [(Node, Node)] = []
            var keys: Set<String> = []
            let scanned = flowItems(start, end, closing: closeBrace) { index in
                guard let (key, afterKey) = name(index, end, line: line, column: column + index - start),
                      keys.insert(key.scalar?.string ?? "").inserted,
                      afterKey + 1 < end, bytes[afterKey] == colon, bytes[afterKey + 1] == space else { return nil }
                var valueStart = afterKey + 1
                while valueStart < end, bytes[valueStart] == space { valueStart += 1 }
                guard let (value, next) = name(valueStart, end, line: line, column: column + valueStart - start) else { return nil }
                pairs.append((key, value))
                return next
            }
            guard scanned else { return nil }
            return .mapping(Node.Mapping(pairs, implicit(), .any, mark(line: line, column: column)))
        }

        /// The items of a one-line flow collection opened at `start`, separated by commas, each
        /// read by `item` (from its first byte; it gives the byte after it, or `nil`); then only
        /// spaces to the end of the line. Whether it had that shape.
        func flowItems(_ start: Int, _ end: Int, closing: UInt8, item: (Int) -> Int?) -> Bool {
            var index = start + 1
            func skipSpaces() { while index < end, bytes[index] == space { index += 1 } }
            skipSpaces()
            if index < end, bytes[index] == closing {
                index += 1
            } else {
                while true {
                    guard let next = item(index) else { return false }
                    index = next
                    skipSpaces()
                    guard index < end else { return false }
                    if bytes[index] == closing { index += 1; break }
                    guard bytes[index] == comma else { return false }
                    index += 1
                    skipSpaces()
                }
            }
            return isBlank(bytes, index, end)
        }

        /// A plain name inside a flow collection, and the byte after it.
        func name(_ start: Int, _ end: Int, line: Int, column: Int) -> (Node, Int)? {
            guard start < end, isKeyStart(bytes[start]) || isDigit(bytes[start]) else { return nil }
            var index = start
            while index < end, isNameByte(bytes[index]) { index += 1 }
            return (scalar(start, index, style: .plain, line: line, column: column), index)
        }

        // MARK: - Nodes

        func scalar(_ start: Int, _ end: Int, style: Node.Scalar.Style, line: Int, column: Int) -> Node {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            return .scalar(Node.Scalar(text, implicit(), style, mark(line: line, column: column)))
        }
    }

    /// Yams gives `Mark` no public initializer; its layout is its two stored `Int`s, which
    /// `SimpleFrontMatterTests` checks against the marks Yams itself makes.
    static func mark(line: Int, column: Int) -> Mark {
        unsafeBitCast(MarkLayout(line: line, column: column), to: Mark.self)
    }

    private struct MarkLayout {
        var line: Int
        var column: Int
    }

    // MARK: - Bytes

    private static let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " "), colon = UInt8(ascii: ":")
    private static let hash = UInt8(ascii: "#"), comma = UInt8(ascii: ","), backslash = UInt8(ascii: "\\")
    private static let doubleQuote = UInt8(ascii: "\""), singleQuote = UInt8(ascii: "'")
    private static let openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")
    private static let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")

    private static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        for index in start..<end where bytes[index] != space { return false }
        return true
    }

    /// Printable ASCII and the space: no tab, carriage return, control or non-ASCII byte.
    private static func isSafe(_ byte: UInt8) -> Bool { byte >= 0x20 && byte < 0x7F }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
    private static func isKeyStart(_ byte: UInt8) -> Bool { isLetter(byte) || byte == UInt8(ascii: "_") }
    private static func isKeyByte(_ byte: UInt8) -> Bool { isKeyStart(byte) || isDigit(byte) || byte == UInt8(ascii: "-") }
    private static func isNameByte(_ byte: UInt8) -> Bool {
        isKeyByte(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "+")
    }

    /// The characters YAML does not let a plain scalar start with (`-`, `?` and `:` only
    /// when a space follows, which is not worth telling apart here).
    private static func isIndicator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"),
             UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
             UInt8(ascii: "`"), UInt8(ascii: " "):
            return true
        default:
            return false
        }
    }
}
