/// Task list items, `- [ ] todo` and `- [x] done`: disabled checkboxes in HTML, task items
/// again in Markdown output.
enum TaskLists {
    static func apply(to root: CmarkNode, format: MarkupFormat) {
        let items = root.descendants.filter { $0.kind == .item }
        for item in items {
            guard let paragraph = item.firstChild, paragraph.kind == .paragraph,
                  let text = paragraph.firstChild, text.kind == .text else { continue }
            let literal = text.literal
            let checked: Bool
            if literal.hasPrefix("[ ]") {
                checked = false
            } else if literal.hasPrefix("[x]") || literal.hasPrefix("[X]") {
                checked = true
            } else {
                continue
            }
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
}
