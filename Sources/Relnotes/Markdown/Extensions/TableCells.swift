import Foundation

/// The cells of a text's tables, rendered as inline Markdown with the text's link reference
/// definitions: the cells are parsed by cmark ahead of the text, one paragraph each (a cell
/// is one line starting with a placeholder character, so it is always exactly one paragraph,
/// and cannot change how the text after it parses).
///
/// Each table's cells are rendered as if parsed with the text on their own, as relnotes
/// always has, but the text is parsed once for all of them rather than once per table.
/// That is the same thing as long as cmark's limit on reference expansion cannot bite: cmark
/// stops resolving references once the sizes (URL and title) of those it resolved in a
/// parse exceed the size of what it parsed (at least 100 kB), so a shared parse could stop
/// where separate ones would not. The shared parse is kept only when the links it made in
/// the cells, with the largest reference the text could define, stay under that limit;
/// otherwise each table is parsed with the text again.
enum TableCells {
    /// The rendered cells of each table, in the order given.
    static func render(_ tables: [[String]], document: String, lines: [Substring], session: RenderSession) -> [[String]] {
        let cells = tables.flatMap { $0 }
        // Without a `[` in a cell nothing is looked up, and without `]:` the text defines
        // nothing to look up: the text is then not needed at all.
        let needsDocument = document.containsBytes("]:") && cells.contains { $0.containsByte(UInt8(ascii: "[")) }
        if !needsDocument {
            return split(parse(cells, document: nil, session: session)!, into: tables)
        }
        let limit = Swift.max(document.utf8.count, 100_000) - largestReference(in: lines)
        if let shared = parse(cells, document: document, referenceLimit: limit, session: session) {
            return split(shared, into: tables)
        }
        return tables.map { parse($0, document: document, session: session)! }
    }

    /// The cells rendered from one parse of them (and of `document` after them), or `nil`
    /// when the links made in them exceed `referenceLimit` (URL and title bytes).
    private static func parse(_ cells: [String], document: String?, referenceLimit: Int = .max, session: RenderSession) -> [String]? {
        var text = ""
        text.reserveCapacity(cells.reduce((document?.utf8.count ?? 0) + 2) { $0 + $1.utf8.count + 5 })
        for cell in cells {
            text.append(Placeholder.marker)
            text += cell
            text += "\n\n"
        }
        if let document { text += document }
        return CmarkDocument.parse(text) { parsed -> [String]? in
            var paragraphs: [CmarkNode] = []
            paragraphs.reserveCapacity(cells.count)
            var node = parsed.root.firstChild
            while let paragraph = node, paragraphs.count < cells.count {
                paragraphs.append(paragraph)
                node = paragraph.next
            }
            if referenceLimit != .max {
                var linked = 0
                for paragraph in paragraphs {
                    paragraph.walk { node, entering in
                        if entering, node.kind == .link || node.kind == .image { linked += node.url.utf8.count + node.title.utf8.count }
                    }
                }
                guard linked <= referenceLimit else { return nil }
            }
            return paragraphs.map { paragraph in
                guard paragraph.kind == .paragraph else { return "" }
                InlineMarkdown.stripMarker(from: paragraph)
                session.applyInlineExtensions(to: paragraph)
                let cell = session.inlineOutput(paragraph)
                return session.format == .markdown ? cell.replacingOccurrences(of: "|", with: "\\|") : cell
            }
        }
    }

    /// A bound on the size of any reference the text defines: its URL and title lie in one
    /// paragraph, which runs over lines that are not blank; entities may decode to up to
    /// half as many bytes again.
    private static func largestReference(in lines: [Substring]) -> Int {
        var largest = 0, run = 0
        for line in lines {
            if line.utf8.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) {
                run = 0
            } else {
                run += line.utf8.count + 1
                largest = Swift.max(largest, run)
            }
        }
        return 2 * largest
    }

    private static func split(_ cells: [String], into tables: [[String]]) -> [[String]] {
        var start = cells.startIndex
        return tables.map { table in
            defer { start += table.count }
            return Array(cells[start..<(start + table.count)])
        }
    }
}
