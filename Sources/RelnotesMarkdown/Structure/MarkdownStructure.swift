import Foundation
import RelnotesModel

/// A Markdown text prepared once, for every audience: its admonitions found (each body a
/// structure of its own) and its audience containers scanned. What is left per audience is
/// cheap: blank out the hidden lines and let cmark parse the rest.
///
/// All the problems of the text (unclosed containers, unknown audiences…) are found here,
/// whatever the audience, so `check` reports them without rendering anything.
package struct MarkdownStructure: Sendable {
    /// The text's lines, each admonition replaced by a placeholder heading.
    var lines: [Substring]
    /// The text `lines` were cut from, while they are exactly its lines (no admonition
    /// replaced, no line ending changed): cmark can read it as it is.
    var text: String?
    var containers: AudienceContainers
    /// The admonitions, by the line (1-based) of the placeholder heading that stands for
    /// each. Found by line, not by the placeholder's text, which an author could also write.
    var admonitions: [Int: Admonition]
    var origin: TextOrigin
    /// Problems of this text and of every admonition body in it.
    var diagnostics: [Diagnostic]

    /// Admonitions nest at most this deep; deeper ones are an error, never a deep recursion.
    static let maximumDepth = 16

    init(text: String, origin: TextOrigin, audiences: [String], depth: Int = 0) {
        var lines = Self.lines(of: text)
        var linesAreText = !text.containsByte(UInt8(ascii: "\r"))
        var admonitions: [Int: Admonition] = [:]
        let tooCostly = ParserWork.refuse(lines, mayHoldImages: text.containsBytes("!["), origin: origin)
        guard tooCostly.isEmpty else {
            // Nothing more is read: finding admonitions and containers parses the text too.
            self.lines = lines
            self.text = nil
            self.containers = AudienceContainers(origin: origin)
            self.admonitions = [:]
            self.origin = origin
            self.diagnostics = tooCostly
            return
        }
        var diagnostics: [Diagnostic] = []
        if text.containsBytes("[^") {
            diagnostics += FootnoteDefinitions.refuse(in: &lines, text: linesAreText ? text : nil, origin: origin)
            if !diagnostics.isEmpty { linesAreText = false }
        }
        // What cmark makes of the lines as written, and whether it still holds for the lines
        // with the admonitions replaced (see `blocksHoldAfterReplacing`).
        var writtenBlocks: BlockMap?
        var blocksHold = true
        if text.containsBytes("!!!") || text.containsBytes("???") {
            let blocks = BlockMap(lines: lines, text: linesAreText ? text : nil)
            writtenBlocks = blocks
            var index = 0
            while index < lines.count {
                let line = index + 1
                // Cheapest test first: an opener's line holds `!!!` or `???`. As in
                // Python-Markdown, an opener may interrupt a paragraph.
                guard lines[index].containsBytes("!!!") || lines[index].containsBytes("???"),
                      blocks.isInParagraph(line) || (index > 0 && ContainerLine(lines[index - 1]) != nil),
                      !blocks.isCode(line), let opener = Admonition.Opener(lines[index]) else {
                    index += 1
                    continue
                }
                let bodyIndent = opener.indent + 4
                let quoteDepth = opener.quote.quoteMarkers
                // The body: lines behind the same quote markers, blank or indented four more.
                func bodyPart(_ line: Substring) -> Substring? {
                    let quote = Admonition.Opener.quotePrefix(of: line)
                    guard quote.quoteMarkers == quoteDepth else { return nil }
                    let rest = line[quote.endIndex...]
                    return rest.isAllWhitespace || rest.columnsOfIndent >= bodyIndent ? rest : nil
                }
                var end = index + 1
                while end < lines.count, bodyPart(lines[end]) != nil { end += 1 }
                while end > index + 1, bodyPart(lines[end - 1])!.isAllWhitespace { end -= 1 }
                if depth >= Self.maximumDepth {
                    diagnostics.append(.error("nesting-too-deep", "admonitions are nested more than \(Self.maximumDepth) deep", at: origin.location(line: line, column: opener.quote.count + opener.indent + 1)))
                    index = end
                    continue
                }
                let bodyText = lines[(index + 1)..<end].map { bodyPart($0)!.dropIndent(bodyIndent) }.joined(separator: "\n")
                let body = MarkdownStructure(
                    text: bodyText, origin: origin.nested(atLine: line + 1, indent: opener.quote.count + bodyIndent),
                    audiences: audiences, depth: depth + 1)
                diagnostics += body.diagnostics
                blocksHold = blocksHold && quoteDepth == 0 && blocks.startsParagraph(line) && Self.blocksHoldAfterReplacing(upTo: end, in: lines)
                lines[index] = opener.quote + Substring(String(repeating: " ", count: opener.indent) + "# " + String(Placeholder.marker))
                let emptyQuote = Substring(opener.quote.trimmingTrailingSpaces)
                for blank in (index + 1)..<end { lines[blank] = emptyQuote }
                admonitions[line] = Admonition(kind: opener.kind, classes: opener.classes, title: opener.title, style: opener.style, body: body)
                index = end
            }
        }
        // Container lines hold `:::`; a text without those bytes has none.
        let unchanged = admonitions.isEmpty && linesAreText
        containers = text.containsBytes(":::")
            ? AudienceContainers(lines: lines, origin: origin, audiences: audiences, blocks: blocksHold ? writtenBlocks : nil, text: unchanged ? text : nil)
            : AudienceContainers(origin: origin)
        self.lines = lines
        self.text = unchanged ? text : nil
        self.admonitions = admonitions
        self.origin = origin
        self.diagnostics = containers.diagnostics + diagnostics
    }
}

extension MarkdownStructure {
    /// Whether replacing an admonition that ends before line index `end` (its opener a
    /// paragraph start, its body indented four columns past it) by a heading and blank lines
    /// leaves what cmark makes of every other line as it was, when a blank line (or the end
    /// of the text) follows it: the body can only continue the opener's paragraph or be
    /// indented code, so once a blank line has closed that paragraph, cmark is in the same
    /// state with either text, and the lines before could not reach into the body. A line
    /// right after the body, though, may continue the opener's paragraph (and a code span
    /// in it) in one text and start a block in the other.
    static func blocksHoldAfterReplacing(upTo end: Int, in lines: [Substring]) -> Bool {
        end == lines.count || lines[end].utf8.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// The text's lines as cmark sees them: cmark ends a line at `\r\n` and at a lone `\r`
    /// too, and a container line that relnotes did not see as a line would fall open.
    static func lines(of text: String) -> [Substring] {
        guard text.containsByte(UInt8(ascii: "\r")) else { return splitAtNewlines(text) }
        let text = text.contains("\r") ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : text
        return text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// `text.split(separator: "\n", omittingEmptySubsequences: false)` for a text without
    /// `\r`, byte by byte: without a CR before it, a line feed is always a character of
    /// its own, so the bytes split where the characters would.
    private static func splitAtNewlines(_ text: String) -> [Substring] {
        let newlines = text.withUTF8Bytes { bytes in
            var offsets: [Int] = []
            var start = 0
            while let offset = bytes.firstOffset(of: UInt8(ascii: "\n"), from: start) {
                offsets.append(offset)
                start = offset + 1
            }
            return offsets
        }
        let utf8 = text.utf8
        var lines: [Substring] = []
        lines.reserveCapacity(newlines.count + 1)
        var start = utf8.startIndex
        for offset in newlines {
            let end = utf8.index(utf8.startIndex, offsetBy: offset)
            lines.append(Substring(utf8[start..<end]))
            start = utf8.index(after: end)
        }
        lines.append(Substring(utf8[start...]))
        return lines
    }
}

/// The character relnotes writes where it needs cmark to see something that is not the
/// author's: the text of an admonition's placeholder heading, and a prefix that keeps a
/// line of inline Markdown from being read as a block. Authors may write them too, since
/// relnotes never looks for them in their text.
enum Placeholder {
    static let marker: Character = "\u{E000}"
    /// Before a line of inline Markdown (a title, a table cell): `¡`, which cmark counts as
    /// punctuation, so that emphasis opens after it as at the start of a line.
    static let inlineMarker: Character = "\u{A1}"
    static let inlineMarkerUTF8 = Array(String(inlineMarker).utf8)
}

extension Substring {
    /// How many `>` a block-quote prefix holds.
    var quoteMarkers: Int { utf8.reduce(0) { $0 + ($1 == UInt8(ascii: ">") ? 1 : 0) } }

    /// `allSatisfy(\.isWhitespace)`, on the bytes of an ASCII line (where the whitespace
    /// characters are tab to carriage return, and the space).
    var isAllWhitespace: Bool {
        let ascii: Bool? = withUTF8Bytes { bytes in
            var ascii = true
            for byte in bytes {
                if byte >= 0x80 { ascii = false } else if byte != 0x20, !(0x09...0x0D).contains(byte) { return false }
            }
            return ascii ? true : nil
        }
        return ascii ?? allSatisfy(\.isWhitespace)
    }

    /// Leading indentation in columns, a tab advancing to the next multiple of four.
    var columnsOfIndent: Int {
        var columns = 0
        for character in self {
            if character == " " { columns += 1 } else if character == "\t" { columns += 4 - columns % 4 } else { break }
        }
        return columns
    }

    /// The line without its first `columns` columns of indentation (tabs expanded).
    func dropIndent(_ columns: Int) -> Substring {
        var removed = 0
        var rest = self[...]
        while removed < columns, let first = rest.first, first == " " || first == "\t" {
            let width = first == " " ? 1 : 4 - removed % 4
            if removed + width > columns {
                return Substring(String(repeating: " ", count: removed + width - columns)) + rest.dropFirst()
            }
            removed += width
            rest = rest.dropFirst()
        }
        return rest
    }
}

extension MarkdownStructure {
    /// The source lines `viewer` sees, admonition bodies and titles included, with their
    /// places in the file: what sensitive patterns are searched in.
    func visibleLines(for viewer: String, policy: AudiencePolicy) -> [(text: Substring, location: SourceLocation)] {
        var result: [(text: Substring, location: SourceLocation)] = []
        let filtered = containers.filter(lines, for: viewer, policy: policy)
        for (index, line) in filtered.enumerated() {
            let location = origin.location(line: index + 1)
            if let admonition = admonitions[index + 1], line == lines[index] {
                if let title = admonition.title { result.append((Substring(title), location)) }
                result += admonition.body.visibleLines(for: viewer, policy: policy)
            } else if !line.isEmpty {
                result.append((line, location))
            }
        }
        return result
    }
}
