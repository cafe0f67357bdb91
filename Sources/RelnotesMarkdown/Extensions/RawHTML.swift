/// Raw HTML written in Markdown. In HTML output cmark's safe mode omits it; in Markdown
/// output (pasted into release pages and e-mails) relnotes drops it from the tree.
enum RawHTML {
    static func remove(_ nodes: [CmarkNode]) {
        for node in nodes { node.remove() }
    }
}
