import Testing
@testable import RelnotesMarkdown

/// The Markdown output skips the walk that flattens deep emphasis when the parse found the
/// inlines nested far less deep (`RenderSession.addedInlineDepth` below the limit): what
/// that rests on — the depth is found right, and below the limit flattening changes nothing.
@Suite("Markdown: emphasis depth")
struct MarkdownEmphasisDepthTests {
    /// A line with `depth` inline levels, opened by `markers` in turn and closed in reverse.
    static func nested(_ depth: Int, _ markers: [String]) -> String {
        let opens = (0..<depth).map { markers[$0 % markers.count] }
        let close = ["[": "](https://example.com/u)"]
        return opens.map { $0 + "a " }.joined() + "core" + opens.reversed().map { close[$0] ?? $0 }.joined()
    }

    static let markerSets = [["*", "**"], ["_", "__", "["], ["**", "~~", "*"], ["[", "*"]]

    @Test("the depth the parse reports is the deepest nesting of inline containers, counted up each node's parents", arguments: [1, 5, 11, 15, 16, 24, 40])
    func depthFound(depth: Int) {
        for markers in Self.markerSets {
            let (found, counted) = CmarkDocument.parse(Self.nested(depth, markers)) { document in
                var deepest = 0
                document.root.walk { node, entering in
                    guard entering else { return }
                    var levels = 0
                    var current: CmarkNode? = node
                    while let each = current {
                        if each.isContainer && !each.isBlock { levels += 1 }
                        current = each.parent
                    }
                    deepest = max(deepest, levels)
                }
                return (TreeNodes(in: document.root, wanted: .init()).inlineDepth, deepest)
            }
            #expect(found == counted, "\(markers) at depth \(depth)")
            #expect(counted > 0)
        }
    }

    @Test("below the limit, flattening changes nothing: skipping it writes the same Markdown", arguments: Array(1..<CmarkNode.maximumEmphasisDepth))
    func flatteningChangesNothingBelowTheLimit(depth: Int) {
        for markers in Self.markerSets {
            let text = Self.nested(depth, markers)
            let flattened = CmarkDocument.parse(text) { $0.root.renderCommonMark(flatteningDeepEmphasis: true) }
            let kept = CmarkDocument.parse(text) { $0.root.renderCommonMark(flatteningDeepEmphasis: false) }
            #expect(flattened == kept, "\(markers) at depth \(depth)")
        }
    }
}
