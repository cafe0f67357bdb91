import RelnotesModel

/// Shapes that Debian's libcmark (0.30.2) parses in time that grows with the square of their
/// size, refused before cmark reads them, in time linear in the text.
///
/// cmark 0.31 fixed these in its parser (commits 7606801, b69051f and 76cbc2d): a line
/// blank inside list items nested thousands deep is matched against every one of them; an
/// emphasis delimiter that closes inside thousands of nested blocks checks each of them
/// when it is inserted; a link that closes after thousands of `![` still open walks back
/// over all of them. cmark's own pathological tests (30,000 nested list items followed by
/// 30,000 blank lines; 100,000 block quotes holding 100,000 `a*`; `![[]()` 160,000 times)
/// take 20 s to minutes there. A release note never comes near: the work is counted only
/// on lines nested more than `countedDepth` deep, and for paragraphs holding both `![` and
/// `]`, and each budget is about a second of cmark's time.
package struct ParserWork {
    /// Container matches for lines that keep deep containers open (blank lines inside deep
    /// list items): about 20 ns each.
    static let containerBudget = 50_000_000
    /// Emphasis delimiters times the depth of the blocks around them: about 1 ns each.
    static let emphasisBudget = 1_000_000_000
    /// `![` times `]` in one paragraph: about 1 ns each.
    static let bracketBudget = 1_000_000_000
    /// Lines nested at most this deep cost cmark a bounded amount of work each.
    static let countedDepth = 16

    /// The problem with `lines`, if cmark would take too long over them.
    /// `mayHoldImages`: whether the text holds `![` at all.
    static func refuse(_ lines: [Substring], mayHoldImages: Bool, origin: TextOrigin) -> [Diagnostic] {
        if let problem = deepContainers(lines, origin: origin) { return [problem] }
        if mayHoldImages, let problem = brackets(lines, origin: origin) { return [problem] }
        return []
    }

    /// Lines nested deeper than `countedDepth`: their delimiters, and the blank lines that
    /// keep their list items open.
    private static func deepContainers(_ lines: [Substring], origin: TextOrigin) -> Diagnostic? {
        var containerWork = 0
        var emphasisWork = 0
        // For the last deep line with text: for each number of `>` a line may start with,
        // the containers a line of only those markers still matches (`kept[k]`).
        var kept: [Int] = []
        var keptLine = 0
        for (index, line) in lines.enumerated() {
            // Most lines are short or start with no marker: none of them matters before a deep line.
            guard !kept.isEmpty || ContainerPrefix.mayStartDeep(line) else { continue }
            let prefix = ContainerPrefix(line, readingRest: !kept.isEmpty)
            guard !kept.isEmpty || prefix.depth > countedDepth else { continue }
            if prefix.restIsBlank {
                guard prefix.listItems == 0, prefix.quotes < kept.count else { continue }
                containerWork += kept[prefix.quotes]
                if containerWork > containerBudget {
                    return problem("list items and block quotes nested \(kept.last!) deep, kept open by the blank lines below", "depth × lines", advice: "nest them less deeply", line: keptLine, origin: origin)
                }
                continue
            }
            // A line with less nesting may still continue a paragraph of the last deep line
            // (lazily, or indented): it is counted at that depth. Nothing is told here of
            // where those containers close, so they count as open until the next deep line.
            let depth: Int
            if prefix.depth > countedDepth {
                depth = prefix.depth
                kept = prefix.keptByQuoteLines
                keptLine = index + 1
            } else if let open = kept.last {
                depth = max(open, prefix.depth)
            } else {
                continue
            }
            emphasisWork += depth * (1 + prefix.emphasisDelimiters)
            if emphasisWork > emphasisBudget {
                return problem("emphasis inside list items and block quotes nested \(depth) deep", "depth × delimiters", advice: "nest them less deeply", line: index + 1, origin: origin)
            }
        }
        return nil
    }

    /// Paragraphs (runs of lines that are not blank) with many `![` and `]`.
    private static func brackets(_ lines: [Substring], origin: TextOrigin) -> Diagnostic? {
        var count = Brackets()
        var start = 0
        for (index, line) in lines.enumerated() {
            if line.isAllWhitespace {
                (count, start) = (Brackets(), index + 1)
                continue
            }
            count.add(line)
            if count.isTooCostly {
                return problem(count.paragraph, count.cost, advice: "split the paragraph", line: start + 1, origin: origin)
            }
        }
        return nil
    }

    /// The problem with a whole Markdown file read outside a project's bodies (a changelog
    /// to import), if cmark would take too long over it.
    package static func refuse(_ text: String, path: String) -> [Diagnostic] {
        refuse(MarkdownStructure.lines(of: text), mayHoldImages: text.containsBytes("!["), origin: TextOrigin(path: path, firstLine: 1, indent: 0))
    }

    /// What is wrong with a text rendered as one paragraph of inline Markdown (a title, a
    /// summary), if cmark would take too long over it: said for the value that holds it.
    package static func refuseInline(_ text: String) -> String? {
        guard text.containsBytes("![") else { return nil }
        var count = Brackets()
        count.add(Substring(text))
        guard count.isTooCostly else { return nil }
        return message("this value is " + count.paragraph, count.cost, advice: "shorten it")
    }

    private static func problem(_ what: String, _ cost: String, advice: String, line: Int, origin: TextOrigin) -> Diagnostic {
        .error("markdown-too-costly", message(what, cost, advice: advice), at: origin.location(line: line))
    }

    private static func message(_ what: String, _ cost: String, advice: String) -> String {
        "\(what): Debian's libcmark (cmark 0.30) takes time in \(cost) to parse that; \(advice)"
    }

    /// The `![` and `]` of a paragraph, line by line.
    private struct Brackets {
        var images = 0
        var closers = 0

        mutating func add(_ line: Substring) {
            var previous: UInt8 = 0
            for byte in line.utf8 {
                if byte == UInt8(ascii: "["), previous == UInt8(ascii: "!") { images += 1 }
                if byte == UInt8(ascii: "]") { closers += 1 }
                previous = byte
            }
        }

        var isTooCostly: Bool {
            let work = images.multipliedReportingOverflow(by: closers)
            return work.overflow || work.partialValue > ParserWork.bracketBudget
        }

        var paragraph: String { "a paragraph with \(images) '![' and \(closers) ']'" }
        let cost = "their product"
    }
}

/// The block quote markers and list item markers a line starts with, as cmark reads them
/// one after another (`> - 1. text`), up to the first thing that is neither.
private struct ContainerPrefix {
    var quotes = 0
    var listItems = 0
    /// Whether the line holds nothing but its markers.
    var restIsBlank = true
    /// `*` and `_` after the markers.
    var emphasisDelimiters = 0
    /// Where the quotes stand: `quoteAt[i]` is the number of markers before the `i`th `>`.
    private var quoteAt: [Int] = []

    var depth: Int { quotes + listItems }

    /// Whether the line is long enough to nest more than `ParserWork.countedDepth` deep, and
    /// its first byte after up to three spaces may open a container.
    static func mayStartDeep(_ line: Substring) -> Bool {
        guard line.utf8.count > ParserWork.countedDepth else { return false }
        var line = line
        return line.withUTF8 { bytes in
            var index = 0
            while index < 3, bytes[index] == UInt8(ascii: " ") { index += 1 }
            let byte = bytes[index]
            return byte == UInt8(ascii: ">") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "*") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
    }

    /// `readingRest`: whether what follows the markers is wanted even when they are at most
    /// `ParserWork.countedDepth` (otherwise `restIsBlank` and `emphasisDelimiters` are left
    /// unread for such a line).
    init(_ line: Substring, readingRest: Bool) {
        var line = line
        self = line.withUTF8 { Self(bytes: $0, readingRest: readingRest) }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, readingRest: Bool) {
        var index = 0
        scan: while index < bytes.count {
            var spaces = 0
            while index < bytes.count, bytes[index] == UInt8(ascii: " "), spaces < 4 { index += 1; spaces += 1 }
            guard spaces < 4, index < bytes.count else { break }
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") {
                quoteAt.append(depth)
                quotes += 1
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
                continue
            }
            var end = index
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "*") {
                end = index + 1
            } else {
                while end < bytes.count, end - index < 9, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) { end += 1 }
                guard end > index, end < bytes.count, bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: ")") else { break scan }
                end += 1
            }
            guard end == bytes.count || bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t") else { break }
            listItems += 1
            index = end
            if index < bytes.count { index += 1 }
        }
        guard readingRest || depth > ParserWork.countedDepth else { return }
        for byte in bytes[index...] {
            if byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") { emphasisDelimiters += 1 }
            if byte != UInt8(ascii: " "), byte != UInt8(ascii: "\t") { restIsBlank = false }
        }
        // A thematic break (`* * *`, `- - -`) is no list item.
        if restIsBlank, quotes == 0, listItems >= 3, Set(bytes.filter { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }).count == 1 {
            listItems = 0
            restIsBlank = false
        }
    }

    /// For a line of `k` quote markers and nothing else after this line, the containers it
    /// still matches: its quotes, and the list items right inside the last of them (a blank
    /// line keeps list items open, not block quotes).
    var keptByQuoteLines: [Int] {
        (0...quotes).map { k in k == quotes ? depth : quoteAt[k] }
    }
}
