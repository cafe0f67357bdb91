import CCmark
import Foundation

/// A node of a cmark tree. It does not own the node: the `CmarkDocument` whose tree holds it
/// does, and the node must not outlive it. C pointers never leave the files of this folder.
struct CmarkNode: Hashable {
    fileprivate let pointer: OpaquePointer

    fileprivate init(_ pointer: OpaquePointer) { self.pointer = pointer }

    fileprivate init?(_ pointer: OpaquePointer?) {
        guard let pointer else { return nil }
        self.pointer = pointer
    }

    enum Kind: Equatable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock, paragraph, heading, thematicBreak
        case text, softBreak, lineBreak, code, htmlInline, customInline, emphasis, strong, link, image
        case none
    }

    var kind: Kind {
        // On the raw values, which compiles to a table rather than a chain of comparisons.
        switch cmark_node_get_type(pointer).rawValue {
        case CMARK_NODE_DOCUMENT.rawValue: return .document
        case CMARK_NODE_BLOCK_QUOTE.rawValue: return .blockQuote
        case CMARK_NODE_LIST.rawValue: return .list
        case CMARK_NODE_ITEM.rawValue: return .item
        case CMARK_NODE_CODE_BLOCK.rawValue: return .codeBlock
        case CMARK_NODE_HTML_BLOCK.rawValue: return .htmlBlock
        case CMARK_NODE_CUSTOM_BLOCK.rawValue: return .customBlock
        case CMARK_NODE_PARAGRAPH.rawValue: return .paragraph
        case CMARK_NODE_HEADING.rawValue: return .heading
        case CMARK_NODE_THEMATIC_BREAK.rawValue: return .thematicBreak
        case CMARK_NODE_TEXT.rawValue: return .text
        case CMARK_NODE_SOFTBREAK.rawValue: return .softBreak
        case CMARK_NODE_LINEBREAK.rawValue: return .lineBreak
        case CMARK_NODE_CODE.rawValue: return .code
        case CMARK_NODE_HTML_INLINE.rawValue: return .htmlInline
        case CMARK_NODE_CUSTOM_INLINE.rawValue: return .customInline
        case CMARK_NODE_EMPH.rawValue: return .emphasis
        case CMARK_NODE_STRONG.rawValue: return .strong
        case CMARK_NODE_LINK.rawValue: return .link
        case CMARK_NODE_IMAGE.rawValue: return .image
        default: return .none
        }
    }

    // MARK: - Navigation

    var parent: CmarkNode? { CmarkNode(cmark_node_parent(pointer)) }
    var firstChild: CmarkNode? { CmarkNode(cmark_node_first_child(pointer)) }
    var lastChild: CmarkNode? { CmarkNode(cmark_node_last_child(pointer)) }
    var next: CmarkNode? { CmarkNode(cmark_node_next(pointer)) }
    var previous: CmarkNode? { CmarkNode(cmark_node_previous(pointer)) }

    var children: [CmarkNode] {
        var result: [CmarkNode] = []
        var child = firstChild
        while let node = child {
            result.append(node)
            child = node.next
        }
        return result
    }

    /// Visits the subtree in document order: containers twice (entering, then leaving),
    /// leaves once (entering). Iterative, with cmark's iterator.
    func walk(_ visit: (CmarkNode, _ entering: Bool) -> Void) {
        guard let iterator = cmark_iter_new(pointer) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if let node = CmarkNode(cmark_iter_get_node(iterator)) { visit(node, event == CMARK_EVENT_ENTER) }
        }
    }

    /// `walk` over the blocks below this node only (not the node itself): paragraphs and
    /// headings are entered and left at once, their inline content unvisited. For questions
    /// about blocks, a fraction of the nodes. Iterative, like `walk`.
    func walkBlocks(_ visit: (CmarkNode, _ entering: Bool) -> Void) {
        var current = holdsBlocks ? firstChild : nil
        while let node = current {
            visit(node, true)
            if node.holdsBlocks, let child = node.firstChild {
                current = child
                continue
            }
            if node.isContainer { visit(node, false) }
            var climber = node
            while climber.next == nil, let parent = climber.parent, parent != self {
                climber = parent
                visit(climber, false)
            }
            current = climber.next
        }
    }

    /// The blocks below this node in document order (`walkBlocks`, entering only).
    func forEachBlock(_ visit: (CmarkNode) -> Void) {
        walkBlocks { node, entering in if entering { visit(node) } }
    }

    /// Blocks whose children are blocks.
    private var holdsBlocks: Bool {
        switch kind {
        case .document, .blockQuote, .list, .item, .customBlock: return true
        default: return false
        }
    }

    // MARK: - Content

    var literal: String {
        get { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }
        nonmutating set { cmark_node_set_literal(pointer, newValue) }
    }

    /// The first byte of the literal (`nil` when empty): a quick test before reading it whole.
    var literalFirstByte: UInt8? {
        guard let literal = cmark_node_get_literal(pointer), literal.pointee != 0 else { return nil }
        return UInt8(bitPattern: literal.pointee)
    }

    /// Whether the literal holds `byte`: a quick test before reading it whole.
    func literalContains(_ byte: UInt8) -> Bool {
        guard let literal = cmark_node_get_literal(pointer) else { return false }
        return strchr(literal, Int32(byte)) != nil
    }

    /// Whether the literal holds `@` (with `at`), `://` (with `url`) or `www.` (with `www`),
    /// one of which every GFM autolink does: a quick test on the C string (libc's searches,
    /// one per kind) before reading it whole.
    func literalMayHoldAutolink(url: Bool, at: Bool, www: Bool) -> Bool {
        guard let literal = cmark_node_get_literal(pointer) else { return false }
        return (at && strchr(literal, Int32(UInt8(ascii: "@"))) != nil)
            || (url && Self.holdsSchemeSeparator(literal))
            || (www && strstr(literal, "www.") != nil)
    }

    /// Whether `text` holds `://`: each `:` found by `strchr`, which on the short texts of
    /// text nodes costs a fraction of what `strstr` sets up for a longer needle.
    private static func holdsSchemeSeparator(_ text: UnsafePointer<CChar>) -> Bool {
        let slash = CChar(UInt8(ascii: "/"))
        var from = text
        while let colon = strchr(from, Int32(UInt8(ascii: ":"))) {
            // A terminating NUL is not a slash: nothing past it is read.
            if colon[1] == slash, colon[2] == slash { return true }
            from = UnsafePointer(colon) + 1
        }
        return false
    }

    /// The literal's bytes, lent to `body` in place (`nil` without a literal): valid only
    /// until the node changes.
    func withLiteralBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        guard let literal = cmark_node_get_literal(pointer) else { return nil }
        return body(UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal)))
    }

    /// A new text node holding `bytes` (UTF-8, without a NUL).
    static func text(bytes: some Collection<UInt8>) -> CmarkNode {
        let node = make(.text)
        withCString(bytes) { cmark_node_set_literal(node.pointer, $0) }
        return node
    }

    /// Sets the link's URL to `bytes` (UTF-8, without a NUL).
    func setURL(bytes: some Collection<UInt8>) {
        Self.withCString(bytes) { cmark_node_set_url(pointer, $0) }
    }

    /// `bytes` with a NUL after them, for cmark to copy.
    private static func withCString(_ bytes: some Collection<UInt8>, _ body: (UnsafePointer<CChar>) -> Void) {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { buffer in
            var index = 0
            for byte in bytes {
                buffer[index] = CChar(bitPattern: byte)
                index += 1
            }
            buffer[index] = 0
            body(UnsafePointer(buffer.baseAddress!))
        }
    }

    var url: String {
        get { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }
        nonmutating set { cmark_node_set_url(pointer, newValue) }
    }

    var title: String { cmark_node_get_title(pointer).map { String(cString: $0) } ?? "" }

    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }

    var fenceInfo: String { cmark_node_get_fence_info(pointer).map { String(cString: $0) } ?? "" }

    var customOnEnter: String { cmark_node_get_on_enter(pointer).map { String(cString: $0) } ?? "" }
    var customOnExit: String { cmark_node_get_on_exit(pointer).map { String(cString: $0) } ?? "" }

    func setCustom(onEnter: String, onExit: String) {
        cmark_node_set_on_enter(pointer, onEnter)
        cmark_node_set_on_exit(pointer, onExit)
    }

    /// First and last line of the node in the parsed text (1-based); 0 for nodes cmark made.
    var lines: ClosedRange<Int>? {
        let start = Int(cmark_node_get_start_line(pointer)), end = Int(cmark_node_get_end_line(pointer))
        guard start > 0, end >= start else { return nil }
        return start...end
    }

    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }

    /// The text of the subtree with markup removed (code spans keep their text, breaks become spaces).
    var plainText: String {
        // The common case, a heading or title of one text, without a walk.
        if let only = firstChild, only.next == nil, only.kind == .text { return only.literal }
        var text = ""
        walk { node, entering in
            guard entering else { return }
            switch node.kind {
            case .text, .code: text += node.literal
            case .softBreak, .lineBreak: text += " "
            default: break
            }
        }
        return text
    }

    // MARK: - Editing

    /// A new, detached node, in the thread's `CmarkArena`: made while a tree is being worked
    /// on, and given back with it.
    static func make(_ kind: Kind) -> CmarkNode {
        let type: cmark_node_type
        switch kind {
        case .customBlock: type = CMARK_NODE_CUSTOM_BLOCK
        case .customInline: type = CMARK_NODE_CUSTOM_INLINE
        case .text: type = CMARK_NODE_TEXT
        case .link: type = CMARK_NODE_LINK
        case .paragraph: type = CMARK_NODE_PARAGRAPH
        case .htmlInline: type = CMARK_NODE_HTML_INLINE
        case .strong: type = CMARK_NODE_STRONG
        case .softBreak: type = CMARK_NODE_SOFTBREAK
        case .lineBreak: type = CMARK_NODE_LINEBREAK
        case .blockQuote: type = CMARK_NODE_BLOCK_QUOTE
        default: preconditionFailure("relnotes never creates \(kind) nodes")
        }
        return CmarkNode(cmark_node_new_with_mem(type, CmarkArena.memory)!)
    }

    static func text(_ literal: String) -> CmarkNode {
        let node = make(.text)
        node.literal = literal
        return node
    }

    static func custom(_ kind: Kind, onEnter: String, onExit: String = "") -> CmarkNode {
        let node = make(kind)
        node.setCustom(onEnter: onEnter, onExit: onExit)
        return node
    }

    /// Markdown written as it is, inside any block: a paragraph holding one raw inline.
    /// cmark's CommonMark renderer writes a custom block's text twice through its line
    /// logic (on entering and on leaving), which inside a block quote leaves a line without
    /// `>` after it and ends the quote; a raw inline is written once, each line behind the
    /// quote's markers. Only for Markdown output, after raw HTML has been dropped.
    static func literalMarkdown(_ text: String) -> CmarkNode {
        let paragraph = make(.paragraph)
        let raw = make(.htmlInline)
        raw.literal = text
        paragraph.appendChild(raw)
        return paragraph
    }

    func insertBefore(_ sibling: CmarkNode) { cmark_node_insert_before(pointer, sibling.pointer) }
    func insertAfter(_ sibling: CmarkNode) { cmark_node_insert_after(pointer, sibling.pointer) }
    func appendChild(_ child: CmarkNode) { cmark_node_append_child(pointer, child.pointer) }
    func prependChild(_ child: CmarkNode) { cmark_node_prepend_child(pointer, child.pointer) }

    /// Takes the node out of its tree without freeing it: the arena gives it back with the
    /// tree, and its address stays its own until then.
    func unlink() { cmark_node_unlink(pointer) }

    /// Takes the node out of its tree and frees it with its subtree.
    func remove() {
        cmark_node_unlink(pointer)
        cmark_node_free(pointer)
    }

    /// Puts `replacement` where this node is, and frees this node with its subtree.
    func replace(with replacement: CmarkNode) {
        cmark_node_insert_before(pointer, replacement.pointer)
        remove()
    }

    /// Takes the node (with its subtree) out of its place and appends it to `parent`.
    func move(into parent: CmarkNode) {
        cmark_node_unlink(pointer)
        parent.appendChild(self)
    }

    /// Block nodes (paragraphs, lists…), as opposed to inline ones.
    var isBlock: Bool {
        switch kind {
        case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .customBlock, .paragraph, .heading, .thematicBreak: return true
        default: return false
        }
    }

    /// Nodes that cmark's iterator enters and leaves (they may have children).
    var isContainer: Bool {
        switch kind {
        case .document, .blockQuote, .list, .item, .customBlock, .paragraph, .heading, .emphasis, .strong, .link, .image, .customInline: return true
        default: return false
        }
    }

    /// Moves every child of this node, in order, to the end of `other`.
    func moveChildren(to other: CmarkNode) {
        while let child = firstChild {
            cmark_node_unlink(child.pointer)
            other.appendChild(child)
        }
    }

    // MARK: - Rendering a subtree

    func renderHTML(unsafe: Bool) -> String {
        consume(cmark_render_html(pointer, unsafe ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT))
    }

    /// Flattens deep emphasis first (`flattenDeepEmphasis`): the subtree is for output only
    /// once written. Without `flatteningDeepEmphasis` (a tree known to nest its inlines far
    /// less deep than that) the walk that looks for it is skipped.
    func renderCommonMark(flatteningDeepEmphasis: Bool = true) -> String {
        if flatteningDeepEmphasis { flattenDeepEmphasis() }
        return consume(cmark_render_commonmark(pointer, CMARK_OPT_UNSAFE, 0))
    }
}

/// Copies a string cmark allocated and frees cmark's copy at once.
private func consume(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
    guard let pointer else { return "" }
    defer { CmarkArena.free(pointer) }
    return String(cString: pointer)
}

/// One parsed cmark tree. Not `Sendable`: a tree stays inside the function that parsed it
/// (`parse`); only strings and Sendable values leave.
final class CmarkDocument {
    let root: CmarkNode

    /// What `cmark_parse_document` does, with the arena's memory.
    private init(parsing text: String) {
        let parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, CmarkArena.memory)
        // The whole text: cmark reads a NUL as U+FFFD, where strlen would end the text there.
        text.withCString { cmark_parser_feed(parser, $0, text.utf8.count) }
        root = CmarkNode(cmark_parser_finish(parser)!)
        cmark_parser_free(parser)
    }

    /// Parses `text` and hands the tree to `body`. The tree lives in the thread's
    /// `CmarkArena` until the outermost parse returns, and is given back with it: nodes must
    /// not be kept past `body`.
    /// cmark merges adjacent text nodes as it finishes a parse, so patterns (ticket keys,
    /// `[ ]`) are seen whole in the tree it returns.
    static func parse<Result, Failure: Error>(_ text: String, _ body: (CmarkDocument) throws(Failure) -> Result) throws(Failure) -> Result {
        try CmarkArena.scope { () throws(Failure) -> Result in
            try body(CmarkDocument(parsing: text))
        }
    }


    func renderHTML(unsafe: Bool) -> String { root.renderHTML(unsafe: unsafe) }

    func renderCommonMark() -> String { root.renderCommonMark() }
}
