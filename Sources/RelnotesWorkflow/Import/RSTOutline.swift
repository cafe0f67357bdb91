/// The section titles and bullet items of a reStructuredText file, as towncrier renders
/// its history (`NEWS.rst`): titles underlined with a repeated punctuation character, the
/// level given by the order in which the characters first appear; items `- text`, with
/// indented continuation lines. Comments (`.. towncrier release notes start`) are passed over.
struct RSTOutline: Sendable {
    enum Block: Sendable, Equatable {
        case title(level: Int, text: String, line: Int)
        /// A bullet item's text, continuation lines unindented.
        case item(text: String, line: Int)
        /// A line of any other text.
        case other(line: Int)
    }

    var blocks: [Block] = []

    init(parsing text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var underlines: [Character] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingTrailingSpaces
            if trimmed.isEmpty {
                index += 1
            } else if !line.hasPrefix(" "), index + 1 < lines.count, let mark = Self.underline(lines[index + 1], under: trimmed) {
                if !underlines.contains(mark) { underlines.append(mark) }
                blocks.append(.title(level: underlines.firstIndex(of: mark)! + 1, text: trimmed, line: index + 1))
                index += 2
            } else if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") || trimmed == "-" || trimmed == "*" {
                var itemLines = [String(trimmed.dropFirst(2))]
                var next = index + 1
                while next < lines.count, lines[next].trimmingTrailingSpaces.isEmpty || lines[next].hasPrefix("  ") {
                    itemLines.append(String(lines[next].dropFirst(min(2, lines[next].count))))
                    next += 1
                }
                while itemLines.last?.trimmingTrailingSpaces.isEmpty == true { itemLines.removeLast() }
                blocks.append(.item(text: itemLines.map(\.trimmingTrailingSpaces).joined(separator: "\n"), line: index + 1))
                index = next
            } else if trimmed.hasPrefix("..") {
                index += 1
                while index < lines.count, lines[index].hasPrefix(" ") { index += 1 }
            } else {
                blocks.append(.other(line: index + 1))
                index += 1
            }
        }
    }

    /// The underline character when `line` underlines `title`: one punctuation character
    /// repeated, at least as long as the title.
    private static func underline(_ line: String, under title: String) -> Character? {
        let line = line.trimmingTrailingSpaces
        guard let mark = line.first, "=-~^*+#`:'\"._".contains(mark), line.allSatisfy({ $0 == mark }), line.count >= title.count else { return nil }
        return mark
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var text = Substring(self)
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return String(text)
    }
}
