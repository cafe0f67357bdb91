import Foundation

/// The cells of a text's tables, rendered as inline Markdown with the text's link reference
/// definitions: the cells are parsed by cmark ahead of the text, one paragraph each (a cell
/// is one line starting with a placeholder character, so it is always exactly one paragraph,
/// and cannot change how the text after it parses).
///
/// Each table's cells are rendered as if parsed with the text on their own, as relnotes
/// always has, but in one parse for all of them, with only the parts of the text that can
/// define references (`definitions`). That is the same thing as long as cmark's limit on
/// reference expansion cannot bite: cmark stops resolving references once the sizes (URL and
/// title) of those it resolved in a parse exceed the size of what it parsed (at least
/// 100 kB), so a shared parse could stop where separate ones would not. The shared parse is
/// kept only when the links it made in the cells, with the largest reference the text could
/// define, stay under that limit; otherwise each table is parsed with the whole text again.
enum TableCells {
    /// The rendered cells of each table, in the order given; `root` is the tree of
    /// `document`, whose lines are `lines`.
    static func render(_ tables: [[String]], document: String, lines: [Substring], root: CmarkNode, session: RenderSession) -> [[String]] {
        let cells = tables.flatMap { $0 }
        // Without a `[` in a cell nothing is looked up, and without `]:` the text defines
        // nothing to look up: the text is then not needed at all.
        let needsDocument = document.containsBytes("]:") && cells.contains { $0.containsByte(UInt8(ascii: "[")) }
        if !needsDocument {
            return split(parse(cells, document: nil, session: session)!, into: tables)
        }
        let definitions = self.definitions(in: lines, root: root)
        let parsedSize = cells.reduce(definitions.utf8.count) { $0 + $1.utf8.count + 5 }
        let limit = Swift.min(Swift.max(parsedSize, 100_000), Swift.max(document.utf8.count, 100_000)) - largestReference(in: lines)
        if let shared = parse(cells, document: definitions, referenceLimit: limit, session: session) {
            return split(shared, into: tables)
        }
        return tables.map { parse($0, document: document, session: session)! }
    }

    /// The parts of the text that hold `]:`, which every reference definition does, cut where
    /// a top-level block of `root` begins. There cmark has nothing open but the document, as
    /// at the start of a text, so each part is parsed on its own as it was within the whole
    /// (reference definitions are found as paragraphs close, before any inline parsing).
    /// Each part is closed by a blank line and a thematic break, which end whatever the
    /// line after it had ended: a paragraph, a list, a quote or indented code (a fence or
    /// an HTML block still open would have held that line).
    private static func definitions(in lines: [Substring], root: CmarkNode) -> String {
        var starts = [1]
        var child = root.firstChild
        while let node = child {
            if let line = node.lines?.lowerBound, line > starts[starts.count - 1], line <= lines.count { starts.append(line) }
            child = node.next
        }
        var parts: [String] = []
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1] : lines.count + 1
            let part = lines[(start - 1)..<(end - 1)]
            if part.contains(where: { $0.containsBytes("]:") }) { parts.append(part.joined(separator: "\n")) }
        }
        return parts.joined(separator: "\n\n***\n\n")
    }

    /// The cells rendered from one parse of them (and of `document` after them), or `nil`
    /// when the links made in them exceed `referenceLimit` (URL and title bytes).
    private static func parse(_ cells: [String], document: String?, referenceLimit: Int = .max, session: RenderSession) -> [String]? {
        var text = ""
        text.reserveCapacity(cells.reduce((document?.utf8.count ?? 0) + 2) { $0 + $1.utf8.count + 5 })
        for cell in cells {
            text.append(Placeholder.inlineMarker)
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
            if session.format == .html, !session.unsafeHTML, paragraphs.count == cells.count, paragraphs.allSatisfy({ $0.kind == .paragraph }) {
                return renderTogether(paragraphs, in: parsed.root, source: Substring(text), session: session)
            }
            let source = RenderSession.InlineSource(Substring(text))
            return paragraphs.map { paragraph in
                guard paragraph.kind == .paragraph else { return "" }
                InlineMarkdown.stripMarker(from: paragraph)
                session.applyInlineExtensions(to: paragraph, source: source)
                let cell = session.inlineOutput(paragraph)
                return session.format == .markdown ? cell.replacingOccurrences(of: "|", with: "\\|") : cell
            }
        }
    }

    /// The cells' HTML from one rendering of them all, as each renders on its own: cmark
    /// writes a paragraph of the document as `<p>…</p>\n` whatever comes before it, and in
    /// safe mode nothing inside can spell `</p>` (text and attributes are escaped, raw HTML
    /// is omitted), so the output splits at each `</p>\n`. What follows the cells is
    /// dropped first; the extensions see the same nodes as cell by cell.
    private static func renderTogether(_ paragraphs: [CmarkNode], in root: CmarkNode, source: Substring, session: RenderSession) -> [String] {
        for paragraph in paragraphs { InlineMarkdown.stripMarker(from: paragraph) }
        while let after = paragraphs.last?.next { after.remove() }
        session.applyInlineExtensions(to: root, source: source)
        let html = root.renderHTML(unsafe: false)
        let ends: [Int] = html.withUTF8Bytes { bytes in
            let close: StaticString = "</p>\n"
            let pattern = UnsafeBufferPointer(start: close.utf8Start, count: close.utf8CodeUnitCount)
            var ends: [Int] = []
            var start = 0
            while let offset = UnsafeBufferPointer(rebasing: bytes[start...]).firstOffset(of: pattern) {
                start += offset + pattern.count
                ends.append(start)
            }
            return ends
        }
        guard ends.count == paragraphs.count, ends.last == html.utf8.count else {
            return paragraphs.map { session.inlineOutput($0) }
        }
        let utf8 = html.utf8
        var start = utf8.startIndex
        return ends.map { offset in
            let end = utf8.index(utf8.startIndex, offsetBy: offset)
            defer { start = end }
            return InlineMarkdown.unwrapParagraphHTML(String(Substring(utf8[start..<end])))
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
