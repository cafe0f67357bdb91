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
        let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingTrailingSpaces == "---" else {
            throw .error(
                "missing-front-matter",
                "the file must start with YAML front matter between '---' lines",
                at: SourceLocation(path: file.path))
        }
        guard let end = lines.indices.dropFirst().first(where: { ["---", "..."].contains(lines[$0].trimmingTrailingSpaces) }) else {
            throw .error(
                "unclosed-front-matter",
                "the front matter opened here is never closed by a '---' line",
                at: SourceLocation(path: file.path))
        }
        let yaml = lines[1..<end].joined(separator: "\n")
        let body = lines[(end + 1)...].joined(separator: "\n")
        return FrontMatterFile(
            path: file.path,
            yaml: yaml,
            yamlFirstLine: 2,
            body: MarkdownSource(text: body, path: file.path, firstLine: end + 2))
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var text = self
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}
