/// An MkDocs admonition found in a text:
///
/// ```
/// !!! warning "Internal Use Only"
///     Body, indented four spaces: full Markdown.
/// ```
///
/// `???` makes it collapsible (`<details>`), `???+` open by default. The title is optional;
/// `""` means no title. An admonition starts a block (a paragraph would start there), and
/// its body runs over the following lines indented four more columns, blank lines included.
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
    var body: MarkdownStructure

    /// The opener's syntax, parsed from one line.
    struct Opener {
        var indent: Int
        var kind: String
        var classes: [String]
        var title: String?
        var style: Style

        init?(_ line: Substring) {
            let indent = line.prefix { $0 == " " }.count
            var rest = line.dropFirst(indent)
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
            guard let space = rest.first, space == " " || space == "\t" else { return nil }
            var title: String?
            if let quote = rest.firstIndex(of: "\"") {
                let quoted = rest[rest.index(after: quote)...].trimmingTrailingSpaces
                guard quoted.last == "\"" else { return nil }
                title = String(quoted.dropLast())
                rest = rest[..<quote]
            }
            let words = rest.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let kind = words.first,
                  words.allSatisfy({ word in word.first?.isASCIILetter == true && word.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == "-" || $0 == "_" } })
            else { return nil }
            self.indent = indent
            self.kind = kind.lowercased()
            self.classes = words.dropFirst().map { $0.lowercased() }
            self.title = title
        }
    }
}

extension Admonition {
    /// The title shown: the written one, or the kind capitalised when none was written.
    var displayTitle: String? {
        guard let title else { return kind.prefix(1).uppercased() + kind.dropFirst() }
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
