/// A Mustache template read the way swift-mustache reads it, as far as `check` needs: its
/// tags, where each was written, and the tags inside each section.
///
/// swift-mustache gives no access to what it parsed, so the tags are read here once more:
/// delimiters as set by `{{=<% %>=}}`, names as its parser splits them (`uppercased(title)`
/// looks up `title`). The reading is one pass with a stack of its own, never recursion, so
/// that a template nested too deeply is refused before swift-mustache's recursive parser
/// (and later its renderer) could run out of stack on it.
struct TemplateTree: Sendable {
    enum Kind: Sendable, Equatable {
        case variable, section, invertedSection
        /// `{{> name}}`, and `{{>* name}}`, a partial named by a value.
        case partial, dynamicPartial
        /// `{{< name}}…{{/name}}`: a template inheriting from `name`, with its blocks.
        case parent
        /// `{{$ name}}…{{/name}}`: a block, defined inside a parent, expanded elsewhere.
        case block
    }

    struct Tag: Sendable {
        var kind: Kind
        /// The name looked up, without transforms (`title` in `uppercased(title)`).
        var name: String
        var transforms: [String]
        var line: Int
        var column: Int
        /// The tags inside a section, a parent or a block.
        var children: [Tag] = []
    }

    /// How deeply sections, blocks and includes may nest, in a template and through the
    /// partials it includes: far more than any theme needs, well within a thread's stack.
    static let nestingLimit = 100

    private(set) var tags: [Tag] = []

    /// Reads `text`; throws where the nesting goes deeper than `nestingLimit`. Text that
    /// swift-mustache would not parse is read as far as it goes (its parser reports it).
    init(_ text: String) throws(TooDeep) {
        var reader = TagReader(Array(text))
        var open: [Tag] = []
        var top: [Tag] = []
        func append(_ tag: Tag) {
            if open.isEmpty { top.append(tag) } else { open[open.count - 1].children.append(tag) }
        }
        while let (sigil, inner, line, column) = reader.next() {
            // Partial names are taken whole (they may hold brackets); other names may carry transforms.
            let (name, transforms) = sigil == ">" || sigil == "<" ? (inner, []) : Self.split(inner)
            switch sigil {
            case "#", "^", "$", "<":
                let kind: Kind = sigil == "#" ? .section : sigil == "^" ? .invertedSection : sigil == "$" ? .block : .parent
                open.append(Tag(kind: kind, name: name, transforms: transforms, line: line, column: column))
                if open.count > Self.nestingLimit { throw TooDeep(line: line, column: column) }
            case "/":
                guard let closed = open.popLast() else { tags = top; return }
                append(closed)
            case ">":
                let dynamic = name.hasPrefix("*")
                let partial = dynamic ? String(name.dropFirst()).trimmingLeadingWhitespace : name
                append(Tag(kind: dynamic ? .dynamicPartial : .partial, name: partial, transforms: [], line: line, column: column))
            case "{", "&", nil:
                append(Tag(kind: .variable, name: name, transforms: transforms, line: line, column: column))
            default:
                break
            }
        }
        // A section never closed: swift-mustache reports it; keep what was read.
        while let unclosed = open.popLast() { append(unclosed) }
        tags = top
    }

    /// Where a template nests deeper than `nestingLimit`.
    struct TooDeep: Error {
        var line: Int
        var column: Int
    }

    /// `a(b(name))` → `name`, `[a, b]`; `first()` → ``, `[first]`, as swift-mustache splits them.
    private static func split(_ inner: String) -> (String, [String]) {
        guard inner.contains("(") else { return (inner, []) }
        var parts = inner.split(separator: "(", omittingEmptySubsequences: false).map(String.init)
        let name = parts.removeLast().filter { $0 != ")" }
        return (name, parts)
    }
}

/// Reads the tags of a template one by one, keeping count of lines and columns (in
/// characters, as swift-mustache counts them) and following delimiter changes.
private struct TagReader {
    let text: [Character]
    var index = 0
    var line = 1
    var lineStart = 0
    var opening: [Character] = ["{", "{"]
    var closing: [Character] = ["}", "}"]

    init(_ text: [Character]) { self.text = text }

    /// The next tag: its sigil (`#`, `>`, `{`…; `nil` for a variable), what stands between
    /// the sigil and the closing delimiter (trimmed), and where the tag starts.
    mutating func next() -> (sigil: Character?, inner: String, line: Int, column: Int)? {
        while index < text.count {
            guard starts(with: opening, at: index) else {
                step()
                continue
            }
            let line = line, column = index - lineStart + 1
            let start = index + opening.count
            guard start < text.count else { return nil }
            let first = text[start]
            let sigil: Character? = "#^/>!=$<%&{".contains(first) ? first : nil
            let bodyStart = sigil == nil ? start : start + 1
            // `{{{name}}}` ends in the closing delimiter and one more brace; `{{=<% %>=}}` in `=` and it.
            let ending = sigil == "=" ? ["="] + closing : closing
            guard let end = find(ending, from: bodyStart) else { return nil }
            let inner = String(text[bodyStart..<end]).trimmingWhitespace
            var after = end + ending.count
            if sigil == "{", after < text.count, text[after] == "}" { after += 1 }
            advance(to: after)
            switch sigil {
            case "=":
                let parts = inner.split(whereSeparator: \.isWhitespace)
                if parts.count == 2 { opening = Array(parts[0]); closing = Array(parts[1]) }
                continue
            case "!", "%":
                continue
            default:
                return (sigil, inner, line, column)
            }
        }
        return nil
    }

    private func starts(with delimiter: [Character], at position: Int) -> Bool {
        guard position + delimiter.count <= text.count else { return false }
        for (offset, character) in delimiter.enumerated() where text[position + offset] != character { return false }
        return true
    }

    private func find(_ delimiter: [Character], from position: Int) -> Int? {
        var position = position
        while position + delimiter.count <= text.count {
            if starts(with: delimiter, at: position) { return position }
            position += 1
        }
        return nil
    }

    private mutating func step() {
        if text[index].isNewline {
            line += 1
            lineStart = index + 1
        }
        index += 1
    }

    private mutating func advance(to position: Int) {
        while index < position { step() }
    }
}

private extension String {
    var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    var trimmingLeadingWhitespace: String { String(drop(while: \.isWhitespace)) }
}
