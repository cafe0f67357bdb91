/// Inline Markdown on its own (titles, table cells): parsed as the content of one paragraph.
enum InlineMarkdown {
    /// Parses `text` as one paragraph and hands it to `body`. A leading placeholder character
    /// keeps cmark from reading the text as a block (`# x`, `- x`, `1. x`); it is removed
    /// before `body` sees the paragraph.
    static func withParagraph<Result>(_ text: String, _ body: (CmarkNode) -> Result) -> Result {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return CmarkDocument.parse(String(Placeholder.marker) + line) { document in
            document.consolidateText()
            let paragraph = document.root.firstChild!
            stripMarker(from: paragraph)
            return body(paragraph)
        }
    }

    /// Removes the leading placeholder character from a paragraph parsed with one.
    static func stripMarker(from paragraph: CmarkNode) {
        guard let first = paragraph.firstChild, first.kind == .text, first.literal.first == Placeholder.marker else { return }
        let rest = String(first.literal.dropFirst())
        if rest.isEmpty { first.remove() } else { first.literal = rest }
    }

    /// `<p>…</p>\n` rendered by cmark, without the paragraph tags.
    static func unwrapParagraphHTML(_ html: String) -> String {
        var html = Substring(html)
        if html.hasPrefix("<p>") { html = html.dropFirst(3) }
        if html.hasSuffix("</p>\n") { html = html.dropLast(5) }
        return String(html)
    }
}
