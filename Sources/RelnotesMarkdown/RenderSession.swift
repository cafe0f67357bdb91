import RelnotesModel

/// One rendering of one text for one audience and format: carries what must be shared
/// across the text and its admonition bodies (heading ids, the table of contents).
/// Lives only for the duration of a `MarkdownRenderer.render` call.
final class RenderSession {
    /// Of the renderer, only what a session uses: a copy of the whole renderer (the site's
    /// configuration in it) for every text rendered costs more than the rendering of many.
    let policy: AudiencePolicy
    let tickets: TicketLinker
    let unsafeHTML: Bool
    let audience: String
    let format: MarkupFormat
    let slugs = HeadingSlugs()
    private(set) var headings: [Heading] = []
    /// How many admonition bodies the text being rendered is nested in.
    private var nesting = 0
    /// Set while the tree being written nests inline containers too shallowly for deep
    /// emphasis to be flattened (`flattenDeepEmphasis`), so that its walk is skipped.
    private var shallowInlines = false
    /// Set while the tree being written reads the same in every format (`formatNeutral`).
    private var formatNeutral = false

    /// What the extensions may add to the inline depth the parse had (a strikethrough, an
    /// autolink or a tracker link around a text): flattening is skipped only well below its
    /// depth.
    static let addedInlineDepth = 4

    init(renderer: MarkdownRenderer, audience: String, format: MarkupFormat) {
        self.policy = renderer.policy
        tickets = renderer.tickets
        unsafeHTML = renderer.config.unsafeHTML
        self.audience = audience
        self.format = format
    }

    var linksTickets: Bool { policy.linksTickets(for: audience) }

    /// Filters, parses, extends and renders a prepared text (and, through its admonitions,
    /// the texts nested in it).
    func render(_ structure: MarkdownStructure) throws(DiagnosticsError) -> String {
        try withTree(structure, labelling: format == .html, sections: false) { root, _ in output(root) }
    }

    /// The text in HTML (the session's format) and, where its tree holds nothing that the
    /// formats write differently, in CommonMark and plain text too, from the same tree: what
    /// sessions in those formats would write, without parsing the text again for them.
    func renderEveryFormat(_ structure: MarkdownStructure) throws(DiagnosticsError) -> (html: String, markdown: String?, text: String?) {
        precondition(format == .html, "the other formats are written from the HTML session's tree")
        // Labels are HTML's alone: a tree that differs between the formats only by them
        // gives the other formats before it is labelled.
        var unlabelled: (markdown: String, text: String)?
        let beforeLabels = { (root: CmarkNode) in unlabelled = (root.renderCommonMark(flatteningDeepEmphasis: false), PlainText.render(root)) }
        return try withTree(structure, labelling: true, sections: false, beforeLabels: beforeLabels) { root, _ in
            let html = output(root)
            if let unlabelled { return (html, unlabelled.markdown, unlabelled.text) }
            guard formatNeutral else { return (html, nil, nil) }
            // Plain text before CommonMark, whose flattening of deep emphasis changes the tree.
            let text = PlainText.render(root)
            return (html, root.renderCommonMark(flatteningDeepEmphasis: !shallowInlines), text)
        }
    }

    /// The text cut at its top-level `##` headings: the part before the first one (without
    /// a heading), then each heading's text with what follows it up to the next one.
    func renderSections(_ structure: MarkdownStructure) throws(DiagnosticsError) -> [BodySection] {
        try withTree(structure, sections: true) { root, headings in
            var sections = [BodySection(heading: nil, text: "")]
            for (index, child) in root.children.enumerated() {
                if let heading = headings[index] {
                    sections.append(BodySection(heading: heading, text: ""))
                } else {
                    sections[sections.count - 1].text += (sections[sections.count - 1].text.isEmpty || format == .html ? "" : "\n") + output(child)
                }
            }
            return sections.filter { $0.heading != nil || !$0.text.isEmpty }
        }
    }

    /// Filters, parses and extends `structure`, then hands the finished tree to `body`
    /// with, for `sections`, the top-level `##` headings it had (by child position; they
    /// may since have become custom blocks).
    /// With `labelling`, material that some audience the viewer sees may not see is
    /// wrapped and labelled (internal-only text in the internal view). `beforeLabels` is
    /// given the tree just before it is labelled, when labels will be the only thing in it
    /// that the formats write differently (`formatNeutral` but for the labels) and writing
    /// CommonMark will not flatten its emphasis.
    func withTree<Result>(_ structure: MarkdownStructure, labelling: Bool = false, sections: Bool, beforeLabels: ((CmarkNode) -> Void)? = nil, _ body: (CmarkNode, [Int: String]) -> Result) throws(DiagnosticsError) -> Result {
        let lines = structure.containers.filter(structure.lines, for: audience, policy: policy)
        if !structure.containers.isEmpty {
            try checkNoContainerLeft(in: lines, origin: structure.origin)
        }
        let text = structure.containers.isEmpty ? structure.text ?? lines.joined(separator: "\n") : lines.joined(separator: "\n")
        return try CmarkDocument.parse(text) { (document) throws(DiagnosticsError) -> Result in
            let hasContainers = !structure.containers.isEmpty
            let gfm = GFMInline(Substring(text))
            var wanted = inlineNodesWanted(gfm)
            wanted.blockQuotes = hasContainers
            wanted.paragraphs = Tables.mayHold(lines)
            let nodes = TreeNodes(in: document.root, wanted: wanted)
            if hasContainers {
                EmptiedBlockQuotes.remove(nodes.blockQuotes, original: structure.lines, filtered: lines)
            }
            var headings: [Int: String] = [:]
            for (index, child) in (sections ? document.root.children : []).enumerated() where child.kind == .heading && child.headingLevel == 2 {
                guard let line = child.lines?.lowerBound, structure.admonitions[line] == nil else { continue }
                headings[index] = child.plainText
            }
            applyInlineExtensions(nodes, gfm: gfm, escapesTilde: { Self.blockEscapesTilde($0, lines: lines) })
            // Task boxes before labelling, which may wrap an item's paragraph.
            let boxes = TaskLists.apply(to: nodes.items, lines: lines, format: format)
            // What the formats do differently: raw HTML (dropped from Markdown and text, kept
            // for cmark's safe mode in HTML), strikethrough, task boxes, labels, tables,
            // headings (ids) and admonitions (placeholder headings). Without any, the
            // extensions leave the same tree in every format: tracker links, autolinks and
            // URL safety do not depend on it, and plain text ignores links.
            let neutralSoFar = nodes.headings.isEmpty && !nodes.hasRawHTML && !gfm.tilde && !boxes
            let shallowTree = nodes.inlineDepth + Self.addedInlineDepth < CmarkNode.maximumEmphasisDepth
            var labelled = false
            if labelling {
                let regions = restrictedRegions(of: structure.containers)
                labelled = !regions.isEmpty
                // No table can be found: `Tables.mayHold` is false.
                if labelled, let beforeLabels, neutralSoFar, !wanted.paragraphs, shallowTree { beforeLabels(document.root) }
                RestrictedBlocks.label(in: document.root, regions: regions)
            }
            let tables = Tables.apply(to: nodes.paragraphs, document: text, lines: lines, root: document.root, session: self)
            try placeBlocks(nodes.headings, structure: structure)
            let (shallow, neutral) = (shallowInlines, formatNeutral)
            shallowInlines = shallowTree
            formatNeutral = neutralSoFar && !labelled && !tables
            defer { (shallowInlines, formatNeutral) = (shallow, neutral) }
            return body(document.root, headings)
        }
    }

    /// A tree (or any block of it) in the session's format.
    func output(_ node: CmarkNode) -> String {
        switch format {
        case .html: return node.renderHTML(unsafe: unsafeHTML)
        case .markdown: return node.renderCommonMark(flatteningDeepEmphasis: !shallowInlines)
        case .text: return PlainText.render(node)
        }
    }

    /// A paragraph's inline content in the session's format, without the paragraph around it.
    func inlineOutput(_ paragraph: CmarkNode) -> String {
        switch format {
        case .html:
            return InlineMarkdown.unwrapParagraphHTML(paragraph.renderHTML(unsafe: unsafeHTML))
        case .markdown, .text:
            var text = output(paragraph)
            while text.last == "\n" { text.removeLast() }
            return text
        }
    }

    /// A title or table cell: one line of inline Markdown, without a paragraph around it.
    func renderInline(_ text: String) -> String {
        InlineMarkdown.withParagraph(text) { paragraph in
            applyInlineExtensions(to: paragraph, source: Substring(text))
            return inlineOutput(paragraph)
        }
    }

    /// The extensions that work inside paragraphs, in order, for a tree parsed from `source`.
    func applyInlineExtensions(to root: CmarkNode, source: Substring) {
        applyInlineExtensions(to: root, source: InlineSource(source))
    }

    /// What the inline extensions need to know of a source: found once for a source whose
    /// paragraphs are given one by one (table cells).
    struct InlineSource {
        var gfm: GFMInline
        var escapesTilde: Bool

        init(_ source: Substring) {
            gfm = GFMInline(source)
            escapesTilde = Strikethrough.escapesTilde(source)
        }
    }

    func applyInlineExtensions(to root: CmarkNode, source: InlineSource) {
        applyInlineExtensions(TreeNodes(in: root, wanted: inlineNodesWanted(source.gfm)), gfm: source.gfm, escapesTilde: { _ in source.escapesTilde })
    }

    /// `escapesTilde`: whether the block around an inline node escapes a tilde in its source.
    private func applyInlineExtensions(_ nodes: TreeNodes, gfm: GFMInline, escapesTilde: (CmarkNode) -> Bool) {
        RawHTML.remove(nodes.rawHTML)
        URLSafety.apply(to: nodes.links)
        var text = nodes.text
        if gfm.tilde {
            text = Strikethrough.apply(to: text, format: format, escapesTilde: escapesTilde)
            _ = Strikethrough.apply(to: nodes.linkText, format: format, escapesTilde: escapesTilde)
        }
        // Plain text writes a link as its text, which is what the text node held: links
        // made from text would change nothing in it.
        guard format != .text else { return }
        if gfm.autolink { text = Autolinks.link(text, source: gfm) }
        if linksTickets { tickets.link(text) }
    }

    /// The nodes the inline extensions need: raw HTML where it is dropped, text where keys
    /// are linked or where the source may hold strikethrough or an autolink (in plain
    /// text, strikethrough only).
    private func inlineNodesWanted(_ gfm: GFMInline) -> TreeNodes.Wanted {
        let links = format != .text && (linksTickets || gfm.autolink)
        return TreeNodes.Wanted(rawHTML: format != .html && !unsafeHTML || format == .text, text: links || gfm.tilde)
    }

    /// Whether the blocks around `node` escape a tilde on one of their source `lines`.
    private static func blockEscapesTilde(_ node: CmarkNode, lines: [Substring]) -> Bool {
        var block: CmarkNode? = node
        while let current = block, !current.isBlock || current.lines == nil { block = current.parent }
        guard let range = block?.lines, range.upperBound <= lines.count else { return true }
        return lines[(range.lowerBound - 1)..<range.upperBound].contains { Strikethrough.escapesTilde($0) }
    }

    // MARK: - Headings and admonitions, in document order

    /// Walks the tree once, in order, giving headings their ids and putting each admonition
    /// where its placeholder is, so that ids are numbered in reading order.
    private func placeBlocks(_ headingNodes: [CmarkNode], structure: MarkdownStructure) throws(DiagnosticsError) {
        for heading in headingNodes {
            let text = heading.plainText
            if let line = heading.lines?.lowerBound, let admonition = structure.admonitions[line] {
                let topLevel = nesting == 0 && heading.parent?.kind == .document
                nesting += 1
                defer { nesting -= 1 }
                let body = try render(admonition.body)
                heading.replace(with: AdmonitionBlock.make(admonition, body: body, format: format, topLevel: topLevel))
            } else {
                let id = slugs.unique(for: text)
                headings.append(Heading(level: heading.headingLevel, text: text, id: id))
                if format == .html { HeadingAnchors.addID(id, to: heading) }
            }
        }
    }

    /// The content lines of the outermost containers this viewer sees but some audience it
    /// sees does not, with the audiences they name.
    private func restrictedRegions(of containers: AudienceContainers) -> [(lines: ClosedRange<Int>, audiences: [String])] {
        var regions: [(lines: ClosedRange<Int>, audiences: [String])] = []
        for container in containers.containers where container.closer > container.opener + 1 {
            guard let label = policy.restriction(of: container.audiences, for: audience) else { continue }
            let lines = (container.opener + 1)...(container.closer - 1)
            if let last = regions.last, last.lines.contains(lines.lowerBound) { continue }
            regions.append((lines, label))
        }
        return regions
    }

    /// A container line that survived filtering would show its hidden content: fail closed.
    private func checkNoContainerLeft(in lines: [Substring], origin: TextOrigin) throws(DiagnosticsError) {
        let leftover = AudienceContainers(lines: lines, origin: origin, audiences: policy.names)
        guard leftover.isEmpty else {
            let line = leftover.markerPrefixes.keys.min() ?? 1
            throw DiagnosticsError([.error("unrecognized-container", "this audience container line could not be read safely; put blank lines around it", at: origin.location(line: line))])
        }
    }
}
