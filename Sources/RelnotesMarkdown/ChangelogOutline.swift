import RelnotesModel

/// A Markdown changelog as the blocks an importer needs, read from cmark's tree: headings,
/// list items (each cut into a one-line title and a body, both Markdown) and other blocks.
///
/// Only Sendable values leave: the tree stays inside `init`. Link reference definitions
/// anywhere in the file are resolved by cmark, so an item's links work on their own.
package struct ChangelogOutline: Sendable {
    package enum Block: Sendable, Equatable {
        /// A heading: its level, its text without markup, and its line.
        case heading(level: Int, text: String, line: Int)
        /// A list item of a top-level list.
        case item(ChangelogItem)
        /// Any other top-level block, as CommonMark; a paragraph also as one line of inline
        /// Markdown (`inline`).
        case other(markdown: String, inline: String?, line: Int)
    }

    package var blocks: [Block] = []

    package init(parsing text: String, tickets: TicketConfig) {
        let linker = TicketLinker(tickets)
        CmarkDocument.parse(text) { document in
            for block in document.root.children {
                let line = block.lines?.lowerBound ?? 1
                switch block.kind {
                case .heading:
                    blocks.append(.heading(level: block.headingLevel, text: block.plainText, line: line))
                case .list:
                    for item in block.children { blocks.append(.item(ChangelogItem(item, keys: linker))) }
                case .paragraph:
                    let markdown = Self.commonMark(of: [block])
                    let inline = CmarkDocument.parse(markdown) { copy in
                        ChangelogItem.flattenBreaks(in: copy.root)
                        return Self.commonMark(of: copy.root.children)
                    }
                    blocks.append(.other(markdown: markdown, inline: inline, line: line))
                default:
                    blocks.append(.other(markdown: Self.commonMark(of: [block]), inline: nil, line: line))
                }
            }
        }
    }

    /// `blocks` rendered as one CommonMark document (moved into an empty one), trimmed.
    fileprivate static func commonMark(of blocks: [CmarkNode]) -> String {
        CmarkDocument.parse("") { document in
            for block in blocks { block.move(into: document.root) }
            return document.renderCommonMark().trimmingTrailingNewlines
        }
    }
}

/// One item of a changelog list: its first line as the title, the rest as the body.
package struct ChangelogItem: Sendable, Equatable {
    /// Inline Markdown on one line.
    package var title: String
    /// Markdown: the rest of the first paragraph, the item's other paragraphs, nested lists.
    package var body: String
    /// Tracker keys written anywhere in the item (not in code), in order, each once. A
    /// trailing `(KEY, KEY)` after the title — how relnotes' own CHANGELOG.md lists an
    /// entry's tickets — is taken off the title.
    package var tickets: [String]
    package var line: Int

    /// A change written as a whole Markdown text (a towncrier or changie fragment), read
    /// as a list item would be, except that its whole first paragraph is the title: such a
    /// text is a sentence wrapped over lines more often than a title with a description.
    /// `line` is where the text starts in its file.
    package init(text: String, line: Int = 1, tickets: TicketConfig) {
        let linker = TicketLinker(tickets)
        self = CmarkDocument.parse(text) { document in ChangelogItem(document.root, keys: linker, wholeParagraph: true) }
        self.line = line
    }

    fileprivate init(_ item: CmarkNode, keys linker: TicketLinker, wholeParagraph: Bool = false) {
        line = item.lines?.lowerBound ?? 1
        var found: [String] = []
        item.walk { node, entering in
            guard entering, node.kind == .text else { return }
            let text = node.literal
            for range in linker.keys(in: text) where !found.contains(String(text[range])) { found.append(String(text[range])) }
        }
        tickets = found
        var rest = item.children
        guard let first = rest.first, first.kind == .paragraph else {
            title = ""
            body = ChangelogOutline.commonMark(of: rest)
            return
        }
        rest.removeFirst()
        // The first line: the paragraph's inlines up to its first line break (or all of them).
        let remainder = CmarkNode.make(.paragraph)
        var cut = false
        for node in first.children where !wholeParagraph {
            if cut {
                node.move(into: remainder)
            } else if node.kind == .softBreak || node.kind == .lineBreak {
                cut = true
                node.remove()
            }
        }
        Self.flattenBreaks(in: first)
        Self.takeRestrictionMark(from: first)
        // The listed keys first, as relnotes lists an entry's tickets after its title.
        let listed = Self.takeTrailingKeys(from: first, linker: linker)
        tickets = listed + found.filter { !listed.contains($0) }
        title = ChangelogOutline.commonMark(of: [first])
        body = ChangelogOutline.commonMark(of: (remainder.firstChild == nil ? [] : [remainder]) + rest)
    }

    /// Line breaks become spaces: a title is one line.
    static func flattenBreaks(in paragraph: CmarkNode) {
        var breaks: [CmarkNode] = []
        paragraph.walk { node, entering in
            if entering, node.kind == .softBreak || node.kind == .lineBreak { breaks.append(node) }
        }
        for node in breaks { node.replace(with: .text(" ")) }
    }

    /// Removes a trailing ` *(only for internal)*`, the mark relnotes' CHANGELOG.md puts
    /// after entries some audiences do not see.
    private static func takeRestrictionMark(from paragraph: CmarkNode) {
        guard let mark = paragraph.lastChild, mark.kind == .emphasis, let before = mark.previous, before.kind == .text else { return }
        let text = mark.plainText
        guard text.hasPrefix("(only for "), text.hasSuffix(")"), before.literal.hasSuffix(" ") else { return }
        mark.remove()
        before.literal = String(before.literal.dropLast())
    }

    /// Removes a trailing ` (KEY, KEY)` from the title's inlines, where every part between the
    /// parentheses is a whole tracker key, as text or as a link.
    private static func takeTrailingKeys(from paragraph: CmarkNode, linker: TicketLinker) -> [String] {
        var tail: [CmarkNode] = []
        var node = paragraph.lastChild
        while let current = node, current.kind == .text || current.kind == .link {
            tail.insert(current, at: 0)
            if current.kind == .text, current.literal.contains(" (") { break }
            node = current.previous
        }
        guard let opener = tail.first, opener.kind == .text, let open = opener.literal.range(of: " (", options: .backwards) else { return [] }
        let inside = String(opener.literal[open.upperBound...]) + tail.dropFirst().map(\.plainText).joined()
        guard inside.hasSuffix(")") else { return [] }
        let parts = inside.dropLast().components(separatedBy: ", ")
        let whole = parts.allSatisfy { part in
            let ranges = linker.keys(in: part)
            return ranges.count == 1 && ranges[0] == part.startIndex..<part.endIndex
        }
        guard whole else { return [] }
        let kept = String(opener.literal[..<open.lowerBound])
        for node in tail.dropFirst() { node.remove() }
        if kept.isEmpty { opener.remove() } else { opener.literal = kept }
        return parts
    }
}

private extension String {
    var trimmingTrailingNewlines: String {
        var text = self
        while text.last == "\n" { text.removeLast() }
        return text
    }
}
