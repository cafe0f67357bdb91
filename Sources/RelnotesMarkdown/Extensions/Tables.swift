import Foundation

/// GitHub-style pipe tables. Plain cmark has none: a table reaches the tree as a paragraph,
/// which is replaced when its source lines are a header row, a delimiter row and body rows.
/// Cells are parsed by cmark as inline Markdown (with the document's link references) and
/// get the same inline extensions as any paragraph.
enum Tables {
    enum Alignment: Sendable { case none, left, center, right }

    /// Whether a text of these lines may hold a table at all (tables have pipes).
    static func mayHold(_ lines: [Substring]) -> Bool {
        lines.contains { $0.containsByte(UInt8(ascii: "|")) }
    }

    /// `paragraphs` are the paragraphs of the tree `root` in document order (none if
    /// `mayHold` is false); `document` is the text the tree was parsed from, whose `lines`
    /// these are.
    /// Returns whether any paragraph was a table.
    @discardableResult
    static func apply(to paragraphs: [CmarkNode], document: String, lines: [Substring], root: CmarkNode, session: RenderSession) -> Bool {
        let tables = paragraphs.compactMap { paragraph in table(at: paragraph, lines: lines).map { (paragraph: paragraph, table: $0) } }
        guard !tables.isEmpty else { return false }
        let cells = TableCells.render(tables.map(\.table.cells), document: document, lines: lines, root: root, session: session)
        for ((paragraph, table), cells) in zip(tables, cells) {
            let output = render(table, cells: cells, format: session.format)
            // In Markdown output, a table inside a quote or list is written as raw inline
            // text, which keeps the quote's markers on every line (see `literalMarkdown`).
            let nested = session.format == .markdown && paragraph.parent?.kind != .document
            paragraph.replace(with: nested ? .literalMarkdown(output) : .custom(.customBlock, onEnter: output))
        }
        return true
    }

    /// The table a paragraph's source lines make, if they make one. As on GitHub, a table
    /// may start below the paragraph's first line: the lines above it are then split off
    /// into a paragraph of their own, which keeps its inline content as cmark parsed it.
    private static func table(at paragraph: CmarkNode, lines: [Substring]) -> PipeTable? {
        guard let range = paragraph.lines, range.count >= 2, range.upperBound <= lines.count else { return nil }
        let prefixLimit = paragraph.startColumn - 1
        func row(_ number: Int) -> Substring {
            sourceRow(lines[number - 1], skipping: number == range.lowerBound ? prefixLimit : nil, prefixLimit: prefixLimit)
        }
        for header in range.lowerBound..<range.upperBound {
            // The delimiter row first: most lines have no pipe.
            let delimiter = row(header + 1)
            guard delimiter.containsByte(UInt8(ascii: "|")), PipeTable(rows: [row(header), delimiter]) != nil else { continue }
            guard header == range.lowerBound || splitOff(linesBefore: header - range.lowerBound, of: paragraph, lineCount: range.count) else { return nil }
            return PipeTable(rows: (header...range.upperBound).map(row))
        }
        return nil
    }

    /// Moves the inline content of the paragraph's first `count` lines into a paragraph of
    /// their own before it. Only where a line break of the paragraph itself ends them (no
    /// emphasis, link or code span runs on into the table); otherwise `false`, and the
    /// paragraph stays as it is.
    private static func splitOff(linesBefore count: Int, of paragraph: CmarkNode, lineCount: Int) -> Bool {
        var breaks: [CmarkNode] = []
        paragraph.walk { node, entering in
            if node.kind == .softBreak || node.kind == .lineBreak { breaks.append(node) }
        }
        guard breaks.count == lineCount - 1, breaks[count - 1].parent == paragraph else { return false }
        let before = CmarkNode.make(.paragraph)
        paragraph.insertBefore(before)
        while let child = paragraph.firstChild, child != breaks[count - 1] { child.move(into: before) }
        breaks[count - 1].remove()
        return true
    }

    /// A paragraph line without its block-quote markers and indentation.
    private static func sourceRow(_ line: Substring, skipping bytes: Int?, prefixLimit: Int) -> Substring {
        if let bytes {
            return Substring(line.utf8.dropFirst(bytes))
        }
        var rest = line
        var removed = 0
        while removed < prefixLimit, let first = rest.first, first == " " || first == "\t" || first == ">" {
            rest = rest.dropFirst()
            removed += 1
        }
        return rest
    }

    // MARK: - Output

    private static func render(_ table: PipeTable, cells: [String], format: MarkupFormat) -> String {
        let header = Array(cells.prefix(table.columns))
        let body = stride(from: table.columns, to: cells.count, by: table.columns).map { Array(cells[$0..<($0 + table.columns)]) }
        switch format {
        case .html: return html(header: header, body: body, alignments: table.alignments)
        case .markdown: return markdown(header: header, body: body, alignments: table.alignments)
        case .text: return ([header] + body).map { $0.joined(separator: " | ") }.joined(separator: "\n") + "\n\n"
        }
    }

    private static func html(header: [String], body: [[String]], alignments: [Alignment]) -> String {
        // `style`, not GitHub's `align`, which HTML5 makes obsolete (the Nu checker reports it).
        let styles = alignments.map { alignment -> String in
            switch alignment {
            case .none: return ""
            case .left: return " style=\"text-align: left\""
            case .center: return " style=\"text-align: center\""
            case .right: return " style=\"text-align: right\""
            }
        }
        var html = ""
        html.reserveCapacity((header + body.joined()).reduce(64) { $0 + $1.utf8.count + 40 })
        func row(_ cells: [String], tag: String) {
            html.append("<tr>\n")
            for (cell, style) in zip(cells, styles) {
                html.append("<")
                html.append(tag)
                html.append(style)
                html.append(">")
                html.append(cell)
                html.append("</")
                html.append(tag)
                html.append(">\n")
            }
            html.append("</tr>\n")
        }
        html += "<table>\n<thead>\n"
        row(header, tag: "th")
        html += "</thead>\n"
        if !body.isEmpty {
            html += "<tbody>\n"
            for cells in body { row(cells, tag: "td") }
            html += "</tbody>\n"
        }
        return html + "</table>\n"
    }

    private static func markdown(header: [String], body: [[String]], alignments: [Alignment]) -> String {
        func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
        let delimiter = alignments.map { alignment -> String in
            switch alignment {
            case .none: return "---"
            case .left: return ":--"
            case .center: return ":-:"
            case .right: return "--:"
            }
        }
        return ([row(header), row(delimiter)] + body.map(row)).joined(separator: "\n")
    }
}

/// The rows of a pipe table, split into cells, per GitHub's rules.
struct PipeTable {
    var header: [String]
    var alignments: [Tables.Alignment]
    var body: [[String]]
    var columns: Int { header.count }
    /// The header's cells, then each body row's.
    var cells: [String] { header + body.flatMap { $0 } }

    init?(rows: [Substring]) {
        guard rows.count >= 2, rows[1].isASCII ? rows[1].containsByte(UInt8(ascii: "|")) : rows[1].contains("|") else { return nil }
        let delimiter = Self.cells(rows[1])
        var alignments: [Tables.Alignment] = []
        for cell in delimiter {
            guard let alignment = Self.alignment(cell) else { return nil }
            alignments.append(alignment)
        }
        let header = Self.cells(rows[0])
        guard !header.isEmpty, header.count == alignments.count else { return nil }
        self.header = header
        self.alignments = alignments
        self.body = rows.dropFirst(2).map { row in
            let cells = Self.cells(row)
            return (0..<header.count).map { $0 < cells.count ? cells[$0] : "" }
        }
    }

    /// A delimiter row's cell (`---`, `:--`, `:-:`, `--:`) as an alignment, or `nil`.
    private static func alignment(_ cell: String) -> Tables.Alignment? {
        let colon = UInt8(ascii: ":")
        if cell.isASCII {
            // As below, byte by byte: every byte is a character.
            let bytes = Array(cell.utf8)
            let leading = bytes.prefix { $0 == colon }.count
            let dashes = bytes.dropFirst(leading).reversed().drop { $0 == colon }
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == UInt8(ascii: "-") }), bytes.count - dashes.count <= 2 else { return nil }
            return alignment(leading: bytes.first == colon, trailing: bytes.last == colon)
        }
        let dashes = cell.trimmingCharacters(in: CharacterSet(charactersIn: ":"))
        guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }), cell.count - dashes.count <= 2 else { return nil }
        return alignment(leading: cell.hasPrefix(":"), trailing: cell.hasSuffix(":"))
    }

    private static func alignment(leading: Bool, trailing: Bool) -> Tables.Alignment {
        switch (leading, trailing) {
        case (true, true): return .center
        case (true, false): return .left
        case (false, true): return .right
        case (false, false): return .none
        }
    }

    /// A row's cells, trimmed; `\|` is a pipe inside a cell (in code spans too).
    static func cells(_ row: Substring) -> [String] {
        if row.isASCII { return asciiCells(row) }
        var text = Substring(row.trimmingCharacters(in: .whitespaces))
        if text.hasPrefix("|") { text = text.dropFirst() }
        var cells: [String] = []
        var cell = ""
        var characters = text.makeIterator()
        var ended = false
        while let character = characters.next() {
            ended = false
            if character == "\\" {
                guard let next = characters.next() else { cell.append(character); break }
                if next != "|" { cell.append(character) }
                cell.append(next)
            } else if character == "|" {
                cells.append(cell.trimmingCharacters(in: .whitespaces))
                cell = ""
                ended = true
            } else {
                cell.append(character)
            }
        }
        if !ended || !cell.isEmpty { cells.append(cell.trimmingCharacters(in: .whitespaces)) }
        return cells
    }

    /// `cells` for an ASCII row, byte by byte: every byte is a character, and Foundation's
    /// whitespace there is the space and the tab.
    private static func asciiCells(_ row: Substring) -> [String] {
        let backslash = UInt8(ascii: "\\"), pipe = UInt8(ascii: "|")
        return row.withUTF8Bytes { bytes in
            func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
            func trimmed(_ cell: ArraySlice<UInt8>) -> String {
                var cell = cell
                while let first = cell.first, isBlank(first) { cell = cell.dropFirst() }
                while let last = cell.last, isBlank(last) { cell = cell.dropLast() }
                return String(decoding: cell, as: UTF8.self)
            }
            var start = 0, end = bytes.count
            while start < end, isBlank(bytes[start]) { start += 1 }
            while end > start, isBlank(bytes[end - 1]) { end -= 1 }
            if start < end, bytes[start] == pipe { start += 1 }
            var cells: [String] = []
            var cell: [UInt8] = []
            var index = start
            var ended = false
            while index < end {
                let byte = bytes[index]
                index += 1
                ended = false
                if byte == backslash {
                    guard index < end else { cell.append(byte); break }
                    let next = bytes[index]
                    index += 1
                    if next != pipe { cell.append(byte) }
                    cell.append(next)
                } else if byte == pipe {
                    cells.append(trimmed(cell[...]))
                    cell.removeAll(keepingCapacity: true)
                    ended = true
                } else {
                    cell.append(byte)
                }
            }
            if !ended || !cell.isEmpty { cells.append(trimmed(cell[...])) }
            return cells
        }
    }

}

