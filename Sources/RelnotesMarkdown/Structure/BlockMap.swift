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
        /// Inside an indented code block, a fenced one that is never closed, or a code span
        /// running over lines: code an author may not have meant.
        static let unintendedCode: UInt8 = 16
    }

    /// `text`, when given, is `lines` joined by line feeds (a text cut into them as it is).
    init(lines: [Substring], text: String? = nil) {
        flags = [UInt8](repeating: 0, count: lines.count + 2)
        let nodes = CmarkDocument.parse(text ?? lines.joined(separator: "\n")) { document in
            var nodes: [(CmarkNode.Kind, ClosedRange<Int>, indented: Bool)] = []
            document.root.forEachBlock { node in
                if let range = node.lines {
                    nodes.append((node.kind, range, node.kind == .codeBlock && !Self.isClosedFence(node, range: range, lines: lines)))
                }
            }
            return nodes
        }
        for (kind, range, unintended) in nodes {
            switch kind {
            case .codeBlock:
                mark(range, unintended ? Flag.code | Flag.unintendedCode : Flag.code)
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
    /// Indented code, code in a fence that is never closed, or in a code span over lines.
    func isUnintendedCode(_ line: Int) -> Bool { has(Flag.unintendedCode, line) }
    func startsParagraph(_ line: Int) -> Bool { has(Flag.paragraphStart, line) }
    func isInParagraph(_ line: Int) -> Bool { has(Flag.paragraph, line) }

    /// Whether a code block is fenced and closed: it starts at a fence, which cmark keeps out
    /// of the code (indented code whose text starts with backticks keeps them in its
    /// literal), and its last line is a fence too.
    private static func isClosedFence(_ node: CmarkNode, range: ClosedRange<Int>, lines: [Substring]) -> Bool {
        guard range.count >= 2, range.upperBound <= lines.count else { return false }
        // cmark starts a fenced block at its fence, an indented one where its text starts.
        let first = Substring(lines[range.lowerBound - 1].utf8.dropFirst(node.startColumn - 1))
        let fence: Substring
        if first.hasPrefix("```") { fence = "```" } else if first.hasPrefix("~~~") { fence = "~~~" } else { return false }
        guard !node.literal.hasPrefix(first) else { return false }
        // A closing fence is indented at most three columns (within its quote or item).
        let last = lines[range.upperBound - 1]
        let inQuote = last[Admonition.Opener.quotePrefix(of: last).endIndex...]
        let opening = lines[range.lowerBound - 1]
        let openingIndent = opening[Admonition.Opener.quotePrefix(of: opening).endIndex...].columnsOfIndent
        return inQuote.columnsOfIndent <= openingIndent + 3 && inQuote.drop { $0 == " " || $0 == "\t" }.hasPrefix(fence)
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
                    // A code span over several lines is rarely meant to hold whole lines.
                    if last > first { mark((first + 1)...last, Flag.code | Flag.unintendedCode) }
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
    package func partitionIndex(where predicate: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if predicate(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
