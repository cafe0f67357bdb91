/// A line without the spaces and tabs at its end: front matter, Markdown structure and
/// plain text all compare lines that way.
extension Substring {
    package var trimmingTrailingSpaces: Substring {
        var text = self
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}
