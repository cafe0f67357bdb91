/// Inline Markdown on its own (titles, table cells): parsed as the content of one paragraph.
enum InlineMarkdown {
    /// Parses `text` as one paragraph and hands it to `body`. A leading placeholder character
    /// keeps cmark from reading the text as a block (`# x`, `- x`, `1. x`); it is removed
    /// before `body` sees the paragraph. It is punctuation to cmark, which for emphasis
    /// after it is the same as the start of a line (`_x_`, `*(x)*` still open emphasis).
    static func withParagraph<Result>(_ text: String, _ body: (CmarkNode) -> Result) -> Result {
        // An ASCII text without a line-break byte is one line already: split by characters
        // (grapheme breaking) only where a break may be.
        let oneLine = text.utf8.allSatisfy { $0 < 0x80 && !(0x0A...0x0D).contains($0) }
        let line = oneLine ? text : text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return CmarkDocument.parse(String(Placeholder.inlineMarker) + line) { document in
            let paragraph = document.root.firstChild!
            stripMarker(from: paragraph)
            return body(paragraph)
        }
    }

    /// Removes the leading placeholder character from a paragraph parsed with one: its
    /// bytes, whatever characters the scalars after it make with it.
    static func stripMarker(from paragraph: CmarkNode) {
        guard let first = paragraph.firstChild, first.kind == .text else { return }
        let literal = first.literal
        guard literal.utf8.starts(with: Placeholder.inlineMarkerUTF8) else { return }
        let rest = Substring(literal.utf8.dropFirst(Placeholder.inlineMarkerUTF8.count))
        if rest.isEmpty { first.remove() } else { first.literal = String(rest) }
    }

    /// `<p>…</p>\n` rendered by cmark, without the paragraph tags: cut as bytes, since the
    /// text inside may begin with a combining mark that joins `>` as a character.
    static func unwrapParagraphHTML(_ html: String) -> String {
        var bytes = Substring(html).utf8[...]
        if bytes.starts(with: "<p>".utf8) { bytes = bytes.dropFirst(3) }
        if bytes.reversed().starts(with: "\n>p/<".utf8) { bytes = bytes.dropLast(5) }
        return String(Substring(bytes))
    }
}
