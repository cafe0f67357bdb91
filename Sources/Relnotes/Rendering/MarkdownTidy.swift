/// Tidies Markdown produced by templates: at most one blank line in a row (outside fenced
/// code, which is left exactly as written), no leading blank lines, one final newline.
/// Templates can then be written for readability without counting blank lines.
enum MarkdownTidy {
    static func tidy(_ text: String) -> String {
        var output: [Substring] = []
        var fence: Substring?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let content = line.drop { $0 == " " || $0 == ">" }
            if let open = fence {
                if content.hasPrefix(open) { fence = nil }
                output.append(line)
                continue
            }
            if content.hasPrefix("```") || content.hasPrefix("~~~") {
                fence = content.prefix { $0 == content.first }
            }
            let blank = line.allSatisfy { $0 == " " || $0 == "\t" }
            if blank && (output.isEmpty || output.last?.isEmpty == true) { continue }
            output.append(blank ? "" : line)
        }
        while output.last?.isEmpty == true { output.removeLast() }
        return output.joined(separator: "\n") + "\n"
    }
}
