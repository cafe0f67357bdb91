/// Inline Markdown on its own (titles, table cells): parsed as the content of one paragraph.
enum InlineMarkdown {
    /// Parses `text` as one paragraph and hands it to `body`. A leading placeholder character
    /// keeps cmark from reading the text as a block (`# x`, `- x`, `1. x`); it is removed
    /// before `body` sees the paragraph.
    static func withParagraph<Result>(_ text: String, _ body: (CmarkNode) -> Result) -> Result {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return CmarkDocument.parse(String(Placeholder.marker) + line) { document in
            let paragraph = document.root.firstChild!
            stripMarker(from: paragraph)
            return body(paragraph)
        }
    }

    /// Removes the leading placeholder character from a paragraph parsed with one.
    /// The marker is a character of its own when its bytes are followed by an ASCII byte or
    /// by nothing (it has no other spelling); otherwise the characters decide.
    static func stripMarker(from paragraph: CmarkNode) {
        guard let first = paragraph.firstChild, first.kind == .text else { return }
        let literal = first.literal
        let rest: Substring
        if literal.utf8.starts(with: Placeholder.markerUTF8), literal.utf8.dropFirst(Placeholder.markerUTF8.count).first.map({ $0 < 0x80 }) ?? true {
            rest = Substring(literal.utf8.dropFirst(Placeholder.markerUTF8.count))
        } else {
            guard literal.first == Placeholder.marker else { return }
            rest = literal.dropFirst()
        }
        if rest.isEmpty { first.remove() } else { first.literal = String(rest) }
    }

    /// `<p>…</p>\n` rendered by cmark, without the paragraph tags.
    static func unwrapParagraphHTML(_ html: String) -> String {
        var html = Substring(html)
        if html.hasPrefixQuickly("<p>") { html = Substring(html.utf8.dropFirst(3)) }
        if html.hasSuffixQuickly("</p>\n") { html = Substring(html.utf8.dropLast(5)) }
        return String(html)
    }
}
