import RelnotesModel

/// A content file split into its YAML front matter and its Markdown body.
struct FrontMatterFile: Sendable {
    var path: String
    /// The YAML between the `---` lines.
    var yaml: String
    /// The file line of the YAML's first line (2: after the opening `---`).
    var yamlFirstLine: Int
    var body: MarkdownSource

    /// Splits `file`; front matter is required in every content file.
    static func split(_ file: SourceFile) throws(Diagnostic) -> FrontMatterFile {
        // Lines found byte by byte: `\n` is always a character of its own, and the rest of a
        // line is compared as it would be as a `Substring`.
        let bytes = Array(file.text.utf8)
        var lineStarts = [0]
        var lines = 0
        var closing: Int?
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let line = bytes[start..<end]
            if lines == 0 {
                guard isMarker(line, ["---"]) else {
                    throw .error(
                        "missing-front-matter",
                        "the file must start with YAML front matter between '---' lines",
                        at: SourceLocation(path: file.path))
                }
            } else if isMarker(line, ["---", "..."]) {
                closing = lines
                lineStarts.append(end + 1)
                break
            }
            lines += 1
            start = end + 1
            lineStarts.append(start)
        }
        guard let end = closing else {
            throw .error(
                "unclosed-front-matter",
                "the front matter opened here is never closed by a '---' line",
                at: SourceLocation(path: file.path))
        }
        // The YAML runs from the second line to the newline before the closing line.
        let yamlStart = lineStarts[1], yamlEnd = max(yamlStart, lineStarts[end] - 1)
        let bodyStart = min(lineStarts[end + 1], bytes.count)
        return FrontMatterFile(
            path: file.path,
            yaml: String(decoding: bytes[yamlStart..<yamlEnd], as: UTF8.self),
            yamlFirstLine: 2,
            body: MarkdownSource(text: String(decoding: bytes[bodyStart...], as: UTF8.self), path: file.path, firstLine: end + 2))
    }

    /// Whether a line is one of `markers` with nothing after it but spaces and tabs.
    private static func isMarker(_ line: ArraySlice<UInt8>, _ markers: [String]) -> Bool {
        var end = line.endIndex
        while end > line.startIndex, line[end - 1] == UInt8(ascii: " ") || line[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        return markers.contains { line[line.startIndex..<end].elementsEqual($0.utf8) }
    }
}
