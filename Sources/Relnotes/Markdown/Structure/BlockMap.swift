/// What cmark makes of each line of a text, before relnotes' own syntax is applied: which
/// lines are code (fenced or indented, or inside a multi-line code span), which are raw
/// HTML, and which lines start a paragraph. The line-level syntaxes (audience containers,
/// admonitions) consult it so that they never fire inside code, exactly as cmark reads it.
struct BlockMap {
    /// Lines (1-based) inside code blocks or code spans.
    private(set) var codeLines = Set<Int>()
    /// Lines inside raw HTML blocks.
    private(set) var htmlLines = Set<Int>()
    /// Lines where a paragraph begins.
    private(set) var paragraphStarts = Set<Int>()

    init(lines: [Substring]) {
        let nodes = CmarkDocument.parse(lines.joined(separator: "\n")) { document in
            document.root.descendants.compactMap { node in node.lines.map { (node.kind, $0) } }
        }
        for (kind, range) in nodes {
            switch kind {
            case .codeBlock:
                codeLines.formUnion(range)
            case .htmlBlock:
                htmlLines.formUnion(range)
            case .paragraph:
                paragraphStarts.insert(range.lowerBound)
                markCodeSpans(in: range, of: lines)
            case .heading:
                markCodeSpans(in: range, of: lines)
            default:
                break
            }
        }
    }

    func isCode(_ line: Int) -> Bool { codeLines.contains(line) }
    func isHTML(_ line: Int) -> Bool { htmlLines.contains(line) }

    /// Marks the lines that begin inside a code span running over several lines of a block.
    ///
    /// Code spans follow CommonMark: outside code, a backslash escapes the next character;
    /// a run of n backticks opens a span when a later run of exactly n backticks exists,
    /// and inside the span backslashes are literal.
    private mutating func markCodeSpans(in range: ClosedRange<Int>, of lines: [Substring]) {
        guard range.count > 1, range.upperBound <= lines.count else { return }
        let text = Array(lines[(range.lowerBound - 1)...(range.upperBound - 1)].joined(separator: "\n").utf8)
        let backtick = UInt8(ascii: "`"), backslash = UInt8(ascii: "\\"), newline = UInt8(ascii: "\n")
        guard text.contains(backtick) else { return }

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
                    if last > first { codeLines.formUnion((first + 1)...last) }
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
