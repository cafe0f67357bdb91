/// GFM strikethrough: text between matching runs of one or two tildes (`~~gone~~`),
/// `<del>` in HTML and `~~` again in Markdown output, as cmark-gfm's extension reads it.
///
/// cmark has already resolved emphasis, so the runs are matched among the children of one
/// inline parent, with the delimiter rules of `*` (a run opens when it is left-flanking,
/// closes when it is right-flanking, and pairs with the nearest opener before it; runs of
/// different lengths do not pair, runs of three or more are text). Escapes are gone from
/// cmark's text: a block whose source escapes a tilde (`\~`, `&#126;`) gets no
/// strikethrough, and in Markdown output its tildes are written escaped.
enum Strikethrough {
    /// `textNodes`: text nodes in document order, links' included. `escapesTilde` tells
    /// whether the block around a node escapes a tilde in its source. Returns the text
    /// nodes as they are after the change, in order.
    static func apply(to textNodes: [CmarkNode], format: MarkupFormat, escapesTilde: (CmarkNode) -> Bool) -> [CmarkNode] {
        var parents: [CmarkNode] = []
        var seen = Set<CmarkNode>()
        for node in textNodes where node.literalContains(UInt8(ascii: "~")) {
            guard let parent = node.parent, seen.insert(parent).inserted else { continue }
            parents.append(parent)
        }
        guard !parents.isEmpty else { return textNodes }
        // Nodes taken out are unlinked, not freed (the arena gives them back with the tree),
        // so that no new node can take the address of one still named in these tables.
        var replaced: [CmarkNode: [CmarkNode]] = [:]
        var removed = Set<CmarkNode>()
        for parent in parents {
            if escapesTilde(parent) {
                if format == .markdown { escapeTildes(in: parent, replaced: &replaced) }
            } else {
                match(in: parent, format: format, replaced: &replaced, removed: &removed)
            }
        }
        var result: [CmarkNode] = []
        result.reserveCapacity(textNodes.count + replaced.count)
        for node in textNodes {
            guard let pieces = replaced[node] else {
                result.append(node)
                continue
            }
            for piece in pieces where !removed.contains(piece) { result.append(piece) }
        }
        return result
    }

    /// Whether `source` escapes a tilde: `\~`, `&#126;` or `&#x7e;` (any case, leading zeros).
    static func escapesTilde(_ source: Substring) -> Bool {
        guard source.containsByte(UInt8(ascii: "~")) || source.containsBytes("&#") else { return false }
        if source.containsBytes("\\~") { return true }
        let bytes = Array(source.utf8)
        var index = 0
        while index + 2 < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "&"), bytes[index + 1] == UInt8(ascii: "#") else { continue }
            var digits = index + 2
            let hex = digits < bytes.count && bytes[digits] | 0x20 == UInt8(ascii: "x")
            if hex { digits += 1 }
            var end = digits
            while end < bytes.count, bytes[end] != UInt8(ascii: ";"), end - digits < 8 { end += 1 }
            guard end < bytes.count, bytes[end] == UInt8(ascii: ";"), end > digits else { continue }
            let number = String(decoding: bytes[digits..<end], as: UTF8.self)
            if Int(number, radix: hex ? 16 : 10) == 0x7E { return true }
        }
        return false
    }

    // MARK: - Runs

    private struct Run {
        var node: CmarkNode
        var length: Int
        var canOpen: Bool
        var canClose: Bool
    }

    /// Splits the parent's text at its tilde runs (each run a text node of its own), then
    /// pairs the runs.
    private static func match(in parent: CmarkNode, format: MarkupFormat, replaced: inout [CmarkNode: [CmarkNode]], removed: inout Set<CmarkNode>) {
        var runs: [Run] = []
        for child in parent.children where child.kind == .text && child.literalContains(UInt8(ascii: "~")) {
            let before = Neighbour.before(child), after = Neighbour.after(child)
            // On bytes: a tilde is one byte, so the text splits at whole characters.
            let literal = Array(child.literal.utf8)
            var pieces: [CmarkNode] = []
            var start = 0, index = 0
            while index < literal.count {
                guard literal[index] == UInt8(ascii: "~") else { index += 1; continue }
                var end = index
                while end < literal.count, literal[end] == UInt8(ascii: "~") { end += 1 }
                if start < index { pieces.append(.text(String(decoding: literal[start..<index], as: UTF8.self))) }
                let run = CmarkNode.text(String(repeating: "~", count: end - index))
                pieces.append(run)
                if end - index <= 2 {
                    let previous = index > 0 ? CharacterClass(scalarEndingAt: index, in: literal) : before
                    let next = end < literal.count ? CharacterClass(scalarStartingAt: end, in: literal) : after
                    let left = next != .space && (next != .punctuation || previous != .other)
                    let right = previous != .space && (previous != .punctuation || next != .other)
                    if left || right { runs.append(Run(node: run, length: end - index, canOpen: left, canClose: right)) }
                }
                start = end
                index = end
            }
            if start < literal.count { pieces.append(.text(String(decoding: literal[start...], as: UTF8.self))) }
            for piece in pieces { child.insertBefore(piece) }
            replaced[child] = pieces
            child.unlink()
        }
        var openers: [Run] = []
        for run in runs {
            if run.canClose, let opener = openers.last, opener.length == run.length {
                wrap(from: opener.node, to: run.node, format: format)
                removed.insert(opener.node)
                removed.insert(run.node)
                openers.removeLast()
                continue
            }
            if run.canOpen { openers.append(run) }
        }
    }

    /// Replaces the runs `opener` and `closer` by a strikethrough holding what lies between.
    private static func wrap(from opener: CmarkNode, to closer: CmarkNode, format: MarkupFormat) {
        let strike: CmarkNode
        switch format {
        case .html: strike = .custom(.customInline, onEnter: "<del>", onExit: "</del>")
        case .markdown: strike = .custom(.customInline, onEnter: "~~", onExit: "~~")
        case .text: strike = .custom(.customInline, onEnter: "", onExit: "")
        }
        opener.insertBefore(strike)
        while let next = opener.next, next != closer { next.move(into: strike) }
        opener.unlink()
        closer.unlink()
    }

    /// Markdown output of a block that escaped a tilde: every tilde written as `\~`.
    private static func escapeTildes(in parent: CmarkNode, replaced: inout [CmarkNode: [CmarkNode]]) {
        for child in parent.children where child.kind == .text && child.literalContains(UInt8(ascii: "~")) {
            var pieces: [CmarkNode] = []
            for (index, part) in child.literal.split(separator: "~", omittingEmptySubsequences: false).enumerated() {
                if index > 0 { child.insertBefore(.custom(.customInline, onEnter: "\\~")) }
                if !part.isEmpty {
                    let text = CmarkNode.text(String(part))
                    child.insertBefore(text)
                    pieces.append(text)
                }
            }
            replaced[child] = pieces
            child.unlink()
        }
    }
}

/// What a character is to CommonMark's delimiter rules.
enum CharacterClass: Equatable {
    case space, punctuation, other

    /// The class of the scalar whose UTF-8 ends before byte `end` of `bytes`.
    init(scalarEndingAt end: Int, in bytes: [UInt8]) {
        var start = end - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        self.init(scalarStartingAt: start, in: bytes)
    }

    /// The class of the scalar whose UTF-8 starts at byte `start` of `bytes`.
    init(scalarStartingAt start: Int, in bytes: [UInt8]) {
        if bytes[start] < 0x80 {
            self.init(Unicode.Scalar(bytes[start]))
            return
        }
        var iterator = bytes[start...].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else {
            self = .other
            return
        }
        self.init(scalar)
    }

    init(_ scalar: Unicode.Scalar) {
        switch scalar.value {
        case 0x09, 0x0A, 0x0C, 0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
            self = .space
        case 0..<0x80:
            self = (0x21...0x2F).contains(scalar.value) || (0x3A...0x40).contains(scalar.value) || (0x5B...0x60).contains(scalar.value) || (0x7B...0x7E).contains(scalar.value) ? .punctuation : .other
        default:
            switch scalar.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation:
                self = .punctuation
            default:
                self = .other
            }
        }
    }
}

/// The character next to an inline node in its source, as far as the tree tells it: a
/// block's edge is a line's edge (space); the edges of emphasis, links and code are their
/// delimiters (punctuation).
enum Neighbour {
    static func before(_ node: CmarkNode) -> CharacterClass {
        beside(node, node.previous) { $0.unicodeScalars.last }
    }

    static func after(_ node: CmarkNode) -> CharacterClass {
        beside(node, node.next) { $0.unicodeScalars.first }
    }

    /// `edge`: the character of a text sibling that touches the node.
    private static func beside(_ node: CmarkNode, _ sibling: CmarkNode?, edge: (String) -> Unicode.Scalar?) -> CharacterClass {
        guard let sibling else { return node.parent?.isBlock ?? true ? .space : .punctuation }
        switch sibling.kind {
        case .softBreak, .lineBreak: return .space
        case .text: return edge(sibling.literal).map(CharacterClass.init) ?? .space
        default: return .punctuation
        }
    }
}
