/// Emphasis nested thousands deep (`*a **a *a …`), made flat before CommonMark output.
///
/// cmark 0.30's CommonMark renderer looks up the block around every node it writes by
/// walking up through the node's inline ancestors, so deep emphasis costs time in the square
/// of its depth (65,000 levels: minutes; fixed in cmark 0.31, commit 2dca096). Below
/// `maximumDepth` inline levels nothing changes. Deeper, each emphasis node is replaced by
/// its children between two childless custom inlines holding its delimiter: the renderer
/// writes a custom inline's text exactly as it writes a delimiter (literally, unwrapped), and
/// only the delimiter of emphasis directly inside emphasis depends on the tree, so it is
/// chosen from the tree as it was. A link's first child stays, since the renderer looks at
/// it to tell an autolink.
extension CmarkNode {
    static let maximumEmphasisDepth = 16

    /// Flattens the emphasis and strong nodes below `depth` inline levels (any depth but the
    /// default is for tests: the output is the same for all).
    func flattenDeepEmphasis(below depth: Int = maximumEmphasisDepth) {
        var deep: [(node: CmarkNode, delimiter: String)] = []
        var level = 0
        walk { node, entering in
            guard node.isContainer, !node.isBlock else { return }
            guard entering else {
                level -= 1
                return
            }
            if level >= depth, let delimiter = node.emphasisDelimiter,
               !(node.previous == nil && node.parent?.kind == .link) {
                deep.append((node, delimiter))
            }
            level += 1
        }
        // Outermost first: each node is then flattened where its ancestors already were.
        for (node, delimiter) in deep {
            node.insertBefore(.custom(.customInline, onEnter: delimiter))
            while let child = node.firstChild { node.insertBefore(child) }
            node.insertBefore(.custom(.customInline, onEnter: delimiter))
            node.remove()
        }
    }

    /// What cmark's CommonMark renderer writes around an emphasis or strong node.
    private var emphasisDelimiter: String? {
        switch kind {
        case .strong:
            return "**"
        case .emphasis:
            // cmark: `*_x_*` for emphasis that is the only child of emphasis.
            return parent?.kind == .emphasis && next == nil && previous == nil ? "_" : "*"
        default:
            return nil
        }
    }
}
