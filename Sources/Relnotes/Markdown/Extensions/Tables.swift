import Foundation

/// GitHub-style pipe tables. Plain cmark has none: a table reaches the tree as a paragraph,
/// which is replaced when its source lines are a header row, a delimiter row and body rows.
/// Cells are parsed by cmark as inline Markdown (with the document's link references) and
/// get the same inline extensions as any paragraph.
enum Tables {
    enum Alignment: Sendable { case none, left, center, right }

    static func apply(to root: CmarkNode, lines: [Substring], session: RenderSession) {
        guard lines.contains(where: { $0.contains("|") }) else { return }
        let paragraphs = root.descendants.filter { $0.kind == .paragraph }
        for paragraph in paragraphs {
            guard let range = paragraph.lines, range.count >= 2, range.upperBound <= lines.count else { continue }
            let rows = range.map { number in
                sourceRow(lines[number - 1], skipping: number == range.lowerBound ? paragraph.startColumn - 1 : nil, prefixLimit: paragraph.startColumn - 1)
            }
            guard let table = PipeTable(rows: rows) else { continue }
            let block = render(table, document: lines.joined(separator: "\n"), session: session)
            paragraph.replace(with: .custom(.customBlock, onEnter: block))
        }
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

    private static func render(_ table: PipeTable, document: String, session: RenderSession) -> String {
        let cells = renderCells(table.header + table.body.flatMap { $0 }, document: document, session: session)
        let header = Array(cells.prefix(table.columns))
        let body = stride(from: table.columns, to: cells.count, by: table.columns).map { Array(cells[$0..<($0 + table.columns)]) }
        switch session.format {
        case .html: return html(header: header, body: body, alignments: table.alignments)
        case .markdown: return markdown(header: header, body: body, alignments: table.alignments)
        case .text: return ([header] + body).map { $0.joined(separator: " | ") }.joined(separator: "\n") + "\n\n"
        }
    }

    /// Every cell's inline Markdown rendered, parsed in one cmark document: the cells first,
    /// one paragraph each, then the whole text so that its link reference definitions apply.
    private static func renderCells(_ cells: [String], document: String, session: RenderSession) -> [String] {
        let text = cells.map { String(Placeholder.marker) + $0 }.joined(separator: "\n\n") + "\n\n" + document
        return CmarkDocument.parse(text) { parsed in
            let paragraphs = Array(parsed.root.children.prefix(cells.count))
            return paragraphs.map { paragraph in
                guard paragraph.kind == .paragraph else { return "" }
                InlineMarkdown.stripMarker(from: paragraph)
                session.applyInlineExtensions(to: paragraph)
                let cell = session.inlineOutput(paragraph)
                return session.format == .markdown ? cell.replacingOccurrences(of: "|", with: "\\|") : cell
            }
        }
    }

    private static func html(header: [String], body: [[String]], alignments: [Alignment]) -> String {
        func row(_ cells: [String], tag: String) -> String {
            let columns = zip(cells, alignments).map { cell, alignment in
                let style: String
                switch alignment {
                case .none: style = ""
                case .left: style = " style=\"text-align: left\""
                case .center: style = " style=\"text-align: center\""
                case .right: style = " style=\"text-align: right\""
                }
                return "<\(tag)\(style)>\(cell)</\(tag)>\n"
            }
            return "<tr>\n" + columns.joined() + "</tr>\n"
        }
        var html = "<table>\n<thead>\n" + row(header, tag: "th") + "</thead>\n"
        if !body.isEmpty { html += "<tbody>\n" + body.map { row($0, tag: "td") }.joined() + "</tbody>\n" }
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

    init?(rows: [Substring]) {
        guard rows.count >= 2, rows[1].contains("|") else { return nil }
        let delimiter = Self.cells(rows[1])
        var alignments: [Tables.Alignment] = []
        for cell in delimiter {
            let dashes = cell.trimmingCharacters(in: CharacterSet(charactersIn: ":"))
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }), cell.count - dashes.count <= 2 else { return nil }
            switch (cell.hasPrefix(":"), cell.hasSuffix(":")) {
            case (true, true): alignments.append(.center)
            case (true, false): alignments.append(.left)
            case (false, true): alignments.append(.right)
            case (false, false): alignments.append(.none)
            }
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

    /// A row's cells, trimmed; `\|` is a pipe inside a cell (in code spans too).
    static func cells(_ row: Substring) -> [String] {
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
}

