/// An MkDocs admonition found in a text:
///
/// ```
/// !!! warning "Internal Use Only"
///     Body, indented four spaces: full Markdown.
/// ```
///
/// `???` makes it collapsible (`<details>`), `???+` open by default. The title is optional;
/// `""` means no title. As in Python-Markdown, an opener may stand on any line of a
/// paragraph (it interrupts it), also behind block-quote markers, and its body runs over
/// the following lines indented four more columns (behind the same markers), blank lines
/// included.
struct Admonition: Sendable {
    enum Style: Sendable { case box, collapsed, expanded }

    /// The first word (`warning`): the CSS class and the GitHub alert it maps to.
    var kind: String
    /// Further words after the kind, kept as extra CSS classes.
    var classes: [String]
    /// `nil` when no title was written (the kind, capitalised, is shown); empty when `""` was.
    var title: String?
    var style: Style
    /// The body, prepared like any text.
    package var body: MarkdownStructure

    /// The opener's syntax, parsed from one line, as Python-Markdown's admonition and
    /// pymdown's details read it: `!!!` then, after an optional space, one or more words of
    /// letters, digits, `_` and `-` (separated by spaces), then optionally a quoted title;
    /// `???`/`???+` the same, or a quoted title alone. Block-quote markers may come first.
    struct Opener {
        /// The block-quote markers before the opener (`> `, `> > `), as written.
        var quote: Substring
        /// Spaces between the quote markers (or the line start) and the opener.
        var indent: Int
        var kind: String
        var classes: [String]
        var title: String?
        var style: Style

        init?(_ line: Substring) {
            let quote = Self.quotePrefix(of: line)
            var rest = line[quote.endIndex...]
            let indent = rest.prefix { $0 == " " }.count
            rest = rest.dropFirst(indent)
            if rest.hasPrefix("!!!") {
                style = .box
                rest = rest.dropFirst(3)
            } else if rest.hasPrefix("???+") {
                style = .expanded
                rest = rest.dropFirst(4)
            } else if rest.hasPrefix("???") {
                style = .collapsed
                rest = rest.dropFirst(3)
            } else {
                return nil
            }
            if rest.first == " " { rest = rest.dropFirst() }
            var title: String?
            if let quoteMark = rest.firstIndex(of: "\"") {
                let quoted = rest[rest.index(after: quoteMark)...].trimmingTrailingSpaces
                guard quoted.last == "\"" else { return nil }
                title = String(quoted.dropLast())
                let before = rest[..<quoteMark]
                // At least one space between the words and the title.
                guard before.isEmpty || before.last == " " else { return nil }
                rest = before
            } else {
                rest = rest.trimmingTrailingSpaces
            }
            let words = rest.split(separator: " ").map(String.init)
            guard words.allSatisfy({ word in word.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" } }),
                  !words.isEmpty || (title != nil && style != .box),
                  rest.first != " " || words.isEmpty
            else { return nil }
            self.quote = quote
            self.indent = indent
            self.kind = words.first?.lowercased() ?? ""
            self.classes = words.dropFirst().map { $0.lowercased() }
            self.title = title
        }

        /// The block-quote markers at the start of `line`: each up to three spaces, `>` and
        /// an optional space.
        static func quotePrefix(of line: Substring) -> Substring {
            var end = line.startIndex
            while true {
                var index = end
                var spaces = 0
                while index < line.endIndex, line[index] == " ", spaces < 3 { index = line.index(after: index); spaces += 1 }
                guard index < line.endIndex, line[index] == ">" else { return line[..<end] }
                index = line.index(after: index)
                if index < line.endIndex, line[index] == " " { index = line.index(after: index) }
                end = index
            }
        }
    }
}

extension Admonition {
    /// The title shown: the written one, or the kind capitalised when none was written.
    var displayTitle: String? {
        guard let title else { return kind.isEmpty ? nil : kind.prefix(1).uppercased() + kind.dropFirst() }
        return title.isEmpty ? nil : title
    }

    /// GitHub's alert for this kind, for Markdown output.
    var alert: String {
        switch kind {
        case "tip", "hint", "success", "check", "done": return "TIP"
        case "important": return "IMPORTANT"
        case "warning", "caution", "attention": return "WARNING"
        case "danger", "error", "failure", "fail", "missing", "bug": return "CAUTION"
        default: return "NOTE"
        }
    }
}
