/// Labels material of audience containers that not every audience of the viewer's site
/// may see: in the internal view, `::: internal` text is wrapped in
/// `<div class="audience-only" data-audience="internal">`, which the theme marks. The
/// blocks wrapped are the outermost ones lying wholly inside a container; inside a list,
/// the content of the items, since a list can only hold items.
enum RestrictedBlocks {
    static func label(in root: CmarkNode, regions: [(lines: ClosedRange<Int>, audiences: [String])]) {
        guard !regions.isEmpty else { return }
        for region in regions {
            var groups: [[CmarkNode]] = []
            var wrappedAncestors = 0
            var stack: [Bool] = []
            root.walk { node, entering in
                guard node.isBlock, node.kind != .document else { return }
                let inside = node.lines.map { region.lines.contains($0.lowerBound) && region.lines.contains($0.upperBound) } ?? false
                let wraps = inside && node.kind != .item && wrappedAncestors == 0
                if entering {
                    if wraps {
                        if let previous = groups.last?.last, previous.next == node { groups[groups.count - 1].append(node) } else { groups.append([node]) }
                    }
                    if node.isContainer {
                        stack.append(wraps)
                        if wraps { wrappedAncestors += 1 }
                    }
                } else if node.isContainer, let wrapped = stack.popLast(), wrapped {
                    wrappedAncestors -= 1
                }
            }
            let label = HTML.escape(region.audiences.joined(separator: ", "))
            for group in groups {
                let wrapper = CmarkNode.custom(.customBlock, onEnter: "<div class=\"audience-only\" data-audience=\"\(label)\">", onExit: "</div>")
                group[0].insertBefore(wrapper)
                for node in group { node.move(into: wrapper) }
            }
        }
    }
}
