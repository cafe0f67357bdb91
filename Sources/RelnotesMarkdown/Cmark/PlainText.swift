import CCmark

/// Plain text of a cmark tree: the words of every block, paragraphs separated by blank
/// lines, list items as `- ` lines. Written with cmark's iterator, so depth is no concern.
enum PlainText {
    static func render(_ root: CmarkNode) -> String {
        var text = ""
        root.walk { node, entering in
            switch node.kind {
            case .text, .code:
                if entering { text += node.literal }
            case .codeBlock:
                text += node.literal + "\n"
            case .softBreak:
                text += " "
            case .lineBreak:
                text += "\n"
            case .item:
                if entering { text += "- " }
            case .paragraph, .heading:
                if !entering { text += node.parent?.kind == .item ? "\n" : "\n\n" }
            case .list, .thematicBreak:
                if !entering || node.kind == .thematicBreak { text += "\n" }
            case .customBlock, .customInline:
                text += entering ? node.customOnEnter : node.customOnExit
            default:
                break
            }
        }
        return tidy(text)
    }

    /// At most one blank line in a row, no blank lines at either end.
    private static func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingTrailingSpaces
            if trimmed.isEmpty && (lines.isEmpty || lines.last?.isEmpty == true) { continue }
            lines.append(trimmed)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }
}
