/// The nodes the extensions work on, found in one walk of a tree before any of them changes
/// it, so that each extension visits only its own nodes instead of walking the tree again.
///
/// What each would have found walking the tree after the ones before it is what this walk
/// finds: the edits before an extension never add or free nodes of the kinds it works on.
/// Emptied block quotes are childless when removed; raw HTML nodes are leaves; labelling
/// moves blocks into wrappers in document order; strikethrough and autolinks replace text
/// nodes and hand the text nodes they leave to the tracker links; tracker links and task
/// boxes replace text nodes that nothing after them looks up in these lists; tables replace
/// paragraphs, which hold no headings.
struct TreeNodes {
    /// What to collect beyond links, list items and headings, which are always wanted.
    struct Wanted {
        var blockQuotes = false
        var rawHTML = false
        var text = false
        var paragraphs = false
    }

    private(set) var blockQuotes: [CmarkNode] = []
    /// Raw HTML, blocks and inlines.
    private(set) var rawHTML: [CmarkNode] = []
    /// Links and images.
    private(set) var links: [CmarkNode] = []
    /// Text outside links and images.
    private(set) var text: [CmarkNode] = []
    /// Text inside links and images (collected with `text`).
    private(set) var linkText: [CmarkNode] = []
    private(set) var items: [CmarkNode] = []
    private(set) var paragraphs: [CmarkNode] = []
    private(set) var headings: [CmarkNode] = []
    /// How deep inline containers (emphasis, links, custom inlines) nest, at most.
    private(set) var inlineDepth = 0
    /// Whether the tree holds raw HTML at all, collected or not.
    private(set) var hasRawHTML = false

    init(in root: CmarkNode, wanted: Wanted) {
        // Links and images are containers: the walk reports their exit too.
        var linkDepth = 0
        var depth = 0
        root.walk { node, entering in
            switch node.kind {
            case .text:
                if wanted.text {
                    if linkDepth == 0 { text.append(node) } else { linkText.append(node) }
                }
            case .link, .image:
                if entering { links.append(node) }
                linkDepth += entering ? 1 : -1
                depth += entering ? 1 : -1
                inlineDepth = max(inlineDepth, depth)
            case .emphasis, .strong, .customInline:
                depth += entering ? 1 : -1
                inlineDepth = max(inlineDepth, depth)
            case .htmlBlock, .htmlInline:
                hasRawHTML = true
                if wanted.rawHTML { rawHTML.append(node) }
            case .paragraph:
                if wanted.paragraphs, entering { paragraphs.append(node) }
            case .item:
                if entering { items.append(node) }
            case .heading:
                if entering { headings.append(node) }
            case .blockQuote:
                if wanted.blockQuotes, entering { blockQuotes.append(node) }
            default:
                break
            }
        }
    }
}
