/// Labels material of audience containers that not every audience of the viewer's site
/// may see: in the internal view, `::: internal` text is wrapped in
/// `<div class="audience-only" data-audience="internal">`, which the theme marks. The
/// blocks wrapped are the outermost ones lying wholly inside a container; inside a list,
/// the content of the items, since a list can only hold items.
enum RestrictedBlocks {
    /// `regions` are disjoint and in order of their lines. One walk serves them all: a
    /// block lies wholly inside at most one of them.
    static func label(in root: CmarkNode, regions: [(lines: ClosedRange<Int>, audiences: [String])]) {
        guard !regions.isEmpty else { return }
        // Per region: runs of sibling blocks to wrap, and how many open blocks it wraps.
        var groups = [[[CmarkNode]]](repeating: [], count: regions.count)
        var wrappedAncestors = [Int](repeating: 0, count: regions.count)
        // Per open container block: the region it is wrapped for, if any.
        var stack: [Int?] = []
        root.walkBlocks { node, entering in
            if entering {
                let region: Int? = node.lines.flatMap { index(holding: $0, in: regions) }
                let wraps: Bool = region.map { node.kind != .item && wrappedAncestors[$0] == 0 } ?? false
                if wraps, let region {
                    if let previous = groups[region].last?.last, previous.next == node {
                        groups[region][groups[region].count - 1].append(node)
                    } else {
                        groups[region].append([node])
                    }
                }
                if node.isContainer {
                    stack.append(wraps ? region : nil)
                    if wraps, let region { wrappedAncestors[region] += 1 }
                }
            } else if node.isContainer, let wrapped = stack.popLast(), let region = wrapped {
                wrappedAncestors[region] -= 1
            }
        }
        for (region, runs) in zip(regions, groups) {
            let label = HTML.escape(region.audiences.joined(separator: ", "))
            for group in runs {
                let wrapper = CmarkNode.custom(.customBlock, onEnter: "<div class=\"audience-only\" data-audience=\"\(label)\">", onExit: "</div>")
                group[0].insertBefore(wrapper)
                for node in group { node.move(into: wrapper) }
            }
        }
    }

    /// The region holding both ends of `lines`, by binary search.
    private static func index(holding lines: ClosedRange<Int>, in regions: [(lines: ClosedRange<Int>, audiences: [String])]) -> Int? {
        let index = regions.partitionIndex { $0.lines.upperBound >= lines.lowerBound }
        guard index < regions.count, regions[index].lines.contains(lines.lowerBound), regions[index].lines.contains(lines.upperBound) else { return nil }
        return index
    }
}
