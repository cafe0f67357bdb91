/// What cmark makes of each line of a text, before relnotes' own syntax is applied: which
/// lines are code (fenced or indented, or inside a multi-line code span), which are raw
/// HTML, and which lines start a paragraph. The line-level syntaxes (audience containers,
/// admonitions) consult it so that they never fire inside code, exactly as cmark reads it.
struct BlockMap {
    /// What each line (1-based; index 0 unused) is, as a set of `Flag`s.
    private var flags: [UInt8]

    private enum Flag {
        /// Inside a code block or code span.
        static let code: UInt8 = 1
        /// Inside a raw HTML block.
        static let html: UInt8 = 2
        /// Where a paragraph begins.
        static let paragraphStart: UInt8 = 4
        /// Any line of a paragraph.
        static let paragraph: UInt8 = 8
        /// Inside an indented code block (not a fenced one).
        static let indentedCode: UInt8 = 16
    }

    /// `text`, when given, is `lines` joined by line feeds (a text cut into them as it is).
    init(lines: [Substring], text: String? = nil) {
        flags = [UInt8](repeating: 0, count: lines.count + 2)
        let nodes = CmarkDocument.parse(text ?? lines.joined(separator: "\n")) { document in
            var nodes: [(CmarkNode.Kind, ClosedRange<Int>, indented: Bool)] = []
            document.root.forEachBlock { node in
                if let range = node.lines {
                    nodes.append((node.kind, range, node.kind == .codeBlock && !Self.isFenced(node, firstLine: lines[range.lowerBound - 1])))
                }
            }
            return nodes
        }
        for (kind, range, indented) in nodes {
            switch kind {
            case .codeBlock:
                mark(range, indented ? Flag.code | Flag.indentedCode : Flag.code)
            case .htmlBlock:
                mark(range, Flag.html)
            case .paragraph:
                mark(range.lowerBound...range.lowerBound, Flag.paragraphStart)
                mark(range, Flag.paragraph)
                markCodeSpans(in: range, of: lines)
            case .heading:
                markCodeSpans(in: range, of: lines)
            default:
                break
            }
        }
    }

    func isCode(_ line: Int) -> Bool { has(Flag.code, line) }
    func isHTML(_ line: Int) -> Bool { has(Flag.html, line) }
    func isIndentedCode(_ line: Int) -> Bool { has(Flag.indentedCode, line) }
    func startsParagraph(_ line: Int) -> Bool { has(Flag.paragraphStart, line) }
    func isInParagraph(_ line: Int) -> Bool { has(Flag.paragraph, line) }

    /// Whether a code block was fenced: its first line (past quote markers and indentation)
    /// is a fence, which cmark keeps out of the code. Indented code whose text starts with
    /// backticks keeps them in its literal.
    private static func isFenced(_ node: CmarkNode, firstLine: Substring) -> Bool {
        let start = firstLine.drop { $0 == " " || $0 == "\t" || $0 == ">" }
        guard start.hasPrefix("```") || start.hasPrefix("~~~") else { return false }
        return !node.literal.hasPrefix(start)
    }

    private func has(_ flag: UInt8, _ line: Int) -> Bool {
        flags.indices.contains(line) && flags[line] & flag != 0
    }

    /// Lines past the text's end (cmark counts a last line the split does not) are not kept.
    private mutating func mark(_ lines: ClosedRange<Int>, _ flag: UInt8) {
        for line in lines where flags.indices.contains(line) { flags[line] |= flag }
    }

    /// Marks the lines that begin inside a code span running over several lines of a block.
    ///
    /// Code spans follow CommonMark: outside code, a backslash escapes the next character;
    /// a run of n backticks opens a span when a later run of exactly n backticks exists,
    /// and inside the span backslashes are literal.
    private mutating func markCodeSpans(in range: ClosedRange<Int>, of lines: [Substring]) {
        let backtick = UInt8(ascii: "`"), backslash = UInt8(ascii: "\\"), newline = UInt8(ascii: "\n")
        guard range.count > 1, range.upperBound <= lines.count,
              lines[(range.lowerBound - 1)...(range.upperBound - 1)].contains(where: { $0.containsByte(backtick) }) else { return }
        let text = Array(lines[(range.lowerBound - 1)...(range.upperBound - 1)].joined(separator: "\n").utf8)

        // Every maximal run of backticks, ignoring escapes, by length: where closers can be.
        var runsByLength: [Int: [Int]] = [:]
        var position = 0
        while position < text.count {
            guard text[position] == backtick else { position += 1; continue }
            let start = position
            while position < text.count, text[position] == backtick { position += 1 }
            runsByLength[position - start, default: []].append(start)
        }
        // The line of each byte offset: the number of newlines before it.
        var lineStarts = [0]
        for (offset, byte) in text.enumerated() where byte == newline { lineStarts.append(offset + 1) }
        func line(of offset: Int) -> Int { range.lowerBound + (lineStarts.partitionIndex { $0 > offset } - 1) }

        position = 0
        while position < text.count {
            let byte = text[position]
            if byte == backslash, position + 1 < text.count, text[position + 1] != newline {
                position += 2
            } else if byte == backtick {
                let start = position
                while position < text.count, text[position] == backtick { position += 1 }
                let length = position - start
                let candidates = runsByLength[length] ?? []
                let next = candidates.partitionIndex { $0 >= position }
                if next < candidates.endIndex {
                    let close = candidates[next]
                    let (first, last) = (line(of: start), line(of: close))
                    if last > first { mark((first + 1)...last, Flag.code) }
                    position = close + length
                }
            } else {
                position += 1
            }
        }
    }
}

extension Array {
    /// The first index whose element satisfies `predicate`, for a predicate that is false
    /// and then true along the array (binary search).
    func partitionIndex(where predicate: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if predicate(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
