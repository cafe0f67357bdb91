import RelnotesModel

/// GitHub footnotes (`[^1]` … `[^1]: note`), which relnotes does not render: plain cmark
/// would read a one-word definition as a link reference and turn `[^1]` into a link to
/// `note`. Each definition line is written with its bracket escaped before cmark reads it,
/// so that it stays text, and gets a warning; the references then stay text too.
enum FootnoteDefinitions {
    /// Escapes the footnote definitions among `lines` (outside code and raw HTML), and
    /// returns a warning for each; `text` is `lines` joined, when it is.
    static func refuse(in lines: inout [Substring], text: String?, origin: TextOrigin) -> [Diagnostic] {
        let candidates = lines.indices.filter { lines[$0].containsBytes("[^") && lines[$0].containsBytes("]:") && definitionStart(lines[$0]) != nil }
        guard !candidates.isEmpty else { return [] }
        let blocks = BlockMap(lines: lines, text: text)
        var warnings: [Diagnostic] = []
        for index in candidates where !blocks.isCode(index + 1) && !blocks.isHTML(index + 1) {
            let line = lines[index]
            guard let start = definitionStart(line) else { continue }
            lines[index] = line[..<start] + "\\" + line[start...]
            let column = line.distance(from: line.startIndex, to: start) + 1
            warnings.append(.warning("footnote", "footnotes are not supported: this definition and its references stay text; write the note in the text instead", at: origin.location(line: index + 1, column: column)))
        }
        return warnings
    }

    /// Where `[^label]:` begins, after block-quote markers, list markers and indentation.
    private static func definitionStart(_ line: Substring) -> Substring.Index? {
        var rest = line[...]
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" || $0 == ">" }
            guard let first = rest.first, "-+*".contains(first) || first.isASCIIDigit else { break }
            let marker = rest.prefix { $0.isASCIIDigit }
            var afterMarker = rest.dropFirst(marker.isEmpty ? 1 : marker.count)
            if !marker.isEmpty {
                guard let delimiter = afterMarker.first, delimiter == "." || delimiter == ")" else { break }
                afterMarker = afterMarker.dropFirst()
            }
            guard let space = afterMarker.first, space == " " || space == "\t" else { break }
            rest = afterMarker
        }
        guard rest.hasPrefix("[^") else { return nil }
        let label = rest.dropFirst(2).prefix { $0 != "]" && $0 != "[" && $0 != " " && $0 != "\t" }
        guard !label.isEmpty, rest.dropFirst(2 + label.count).hasPrefix("]:") else { return nil }
        return rest.startIndex
    }
}
