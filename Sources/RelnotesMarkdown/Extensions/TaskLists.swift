/// Task list items, `- [ ] todo` and `- [x] done`: disabled checkboxes in HTML, task items
/// again in Markdown output. As on GitHub, the box must be written as is: `\[ ]` or
/// `&#91; ]` is text.
enum TaskLists {
    /// `lines` are the text cmark parsed, to tell a written box from an escaped one.
    /// Returns whether any item had a box.
    @discardableResult
    static func apply(to items: [CmarkNode], lines: [Substring], format: MarkupFormat) -> Bool {
        var found = false
        for item in items {
            guard let paragraph = item.firstChild, paragraph.kind == .paragraph,
                  let first = paragraph.firstChild, let checked = box(first) else { continue }
            // GFM: the box is written as is, and a space or tab follows it on its line.
            let written = first.kind == .link ? "[" + first.plainText + "]" : String(first.literal.prefix(3))
            guard let source = source(of: paragraph, in: lines), source.starts(with: written.utf8),
                  let after = source.dropFirst(3).first, after == UInt8(ascii: " ") || after == UInt8(ascii: "\t") else { continue }
            let marker: String
            switch format {
            case .html: marker = checked ? "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> " : "<input type=\"checkbox\" disabled=\"\" /> "
            case .markdown, .text: marker = checked ? "[x] " : "[ ] "
            }
            found = true
            first.insertBefore(.custom(.customInline, onEnter: marker))
            // What follows the box, without the space after it.
            var rest: CmarkNode?
            if first.kind == .link {
                rest = first.next
                first.remove()
            } else if first.literal.utf8.count > 3 {
                first.literal = String(Substring(first.literal.utf8.dropFirst(3)))
                rest = first
            } else {
                rest = first.next
                first.remove()
            }
            if let rest, rest.kind == .text {
                let remaining = rest.literal.drop { $0 == " " || $0 == "\t" }
                if remaining.isEmpty { rest.remove() } else { rest.literal = String(remaining) }
            }
        }
        return found
    }

    /// Whether `node`, the first of an item's paragraph, is a box: `true` checked, `false`
    /// empty. A box is text starting `[ ]`, `[x]` or `[X]`, or a link made of `[x]` by a
    /// reference definition `[x]: …` (GitHub reads the box first).
    private static func box(_ node: CmarkNode) -> Bool? {
        switch node.kind {
        case .text:
            guard node.literalFirstByte == UInt8(ascii: "[") else { return nil }
            let literal = node.literal.utf8
            guard literal.count >= 3, literal.dropFirst(2).first == UInt8(ascii: "]") else { return nil }
            switch literal.dropFirst().first {
            case UInt8(ascii: " "): return false
            case UInt8(ascii: "x"), UInt8(ascii: "X"): return true
            default: return nil
            }
        case .link:
            guard let text = node.firstChild, text.next == nil, text.kind == .text else { return nil }
            return text.literal == "x" || text.literal == "X" ? true : nil
        default:
            return nil
        }
    }

    /// The paragraph's source from where it starts: cmark has already removed escapes and
    /// decoded entities from its text, so a box must be checked where it was written.
    private static func source(of paragraph: CmarkNode, in lines: [Substring]) -> Substring.UTF8View.SubSequence? {
        guard let range = paragraph.lines, range.lowerBound <= lines.count else { return nil }
        return lines[range.lowerBound - 1].utf8.dropFirst(paragraph.startColumn - 1)
    }
}
