import RelnotesModel

/// Where a text being scanned sits in its file: a body after front matter, or an admonition's
/// body (dedented) inside another body. Turns text positions into file positions.
struct TextOrigin: Sendable, Hashable {
    var path: String
    /// The file line of the text's first line.
    var firstLine: Int
    /// Columns removed from the start of each line (an admonition body's indentation).
    var indent: Int = 0

    init(_ source: MarkdownSource) {
        path = source.path
        firstLine = source.firstLine
    }

    init(path: String, firstLine: Int, indent: Int) {
        self.path = path
        self.firstLine = firstLine
        self.indent = indent
    }

    func location(line: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(path: path, line: firstLine + line - 1, column: column + indent)
    }

    /// The origin of a body that starts at `line` of this text, indented by `indent` more columns.
    func nested(atLine line: Int, indent extra: Int) -> TextOrigin {
        TextOrigin(path: path, firstLine: firstLine + line - 1, indent: indent + extra)
    }
}
