/// Task list items, `- [ ] todo` and `- [x] done`: disabled checkboxes in HTML, task items
/// again in Markdown output. As on GitHub, the box must be written as is: `\[ ]` or
/// `&#91; ]` is text.
enum TaskLists {
    /// `lines` are the text cmark parsed, to tell a written box from an escaped one.
    static func apply(to items: [CmarkNode], lines: [Substring], format: MarkupFormat) {
        for item in items {
            guard let paragraph = item.firstChild, paragraph.kind == .paragraph,
                  let text = paragraph.firstChild, text.kind == .text,
                  text.literalFirstByte == UInt8(ascii: "[") else { continue }
            let literal = text.literal
            let checked: Bool
            if literal.hasPrefix("[ ]") {
                checked = false
            } else if literal.hasPrefix("[x]") || literal.hasPrefix("[X]") {
                checked = true
            } else {
                continue
            }
            guard isWrittenAsIs(literal.prefix(3), at: paragraph, in: lines) else { continue }
            let rest = literal.dropFirst(3)
            // GFM: the box is followed by whitespace, or ends the line.
            guard rest.isEmpty ? text.next.map({ $0.kind == .softBreak }) ?? true : rest.first == " " || rest.first == "\t" else { continue }
            let marker: String
            switch format {
            case .html: marker = checked ? "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> " : "<input type=\"checkbox\" disabled=\"\" /> "
            case .markdown, .text: marker = checked ? "[x] " : "[ ] "
            }
            text.insertBefore(.custom(.customInline, onEnter: marker))
            let remaining = rest.drop { $0 == " " || $0 == "\t" }
            if remaining.isEmpty { text.remove() } else { text.literal = String(remaining) }
        }
    }

    /// Whether the paragraph's source starts with `box` itself (cmark has already removed
    /// escapes and decoded entities from the text node).
    private static func isWrittenAsIs(_ box: Substring, at paragraph: CmarkNode, in lines: [Substring]) -> Bool {
        guard let range = paragraph.lines, range.lowerBound <= lines.count else { return false }
        let source = lines[range.lowerBound - 1].utf8.dropFirst(paragraph.startColumn - 1)
        return source.starts(with: box.utf8)
    }
}
