import Foundation
import RelnotesLoading
import RelnotesModel

/// Changes to the front matter of a release record made as a person would make them:
/// one line set or added, everything else (comments, order, the body) left as written.
/// The result is read back with the release loader before it is written, so an edit that
/// would not say what was meant is refused rather than guessed at.
struct RecordEdit {
    private(set) var lines: [String]
    /// The index of the closing `---`.
    private var closing: Int
    let path: String

    init(text: String, path: String) throws(DiagnosticsError) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        self.path = path
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else {
            throw NewEntry.failure("\(path) has no front matter between '---' lines; edit it by hand")
        }
        closing = end
    }

    var text: String { lines.joined(separator: "\n") }

    /// `key: value` at the top level, replacing the line of `key` or added before the end.
    mutating func set(_ key: String, _ value: String) {
        if let line = topLevelLine(key) {
            lines[line] = "\(key): \(value)"
        } else {
            lines.insert("\(key): \(value)", at: closing)
            closing += 1
        }
    }

    /// `key: value` inside the block mapping `block:` (an audience block), which is
    /// added when the record has none.
    mutating func set(_ key: String, _ value: String, in block: String) throws(DiagnosticsError) {
        guard let start = topLevelLine(block) else {
            lines.insert(contentsOf: ["\(block):", "  \(key): \(value)"], at: closing)
            closing += 2
            return
        }
        let rest = lines[start].dropFirst(block.count + 1).trimmingCharacters(in: .whitespaces)
        guard rest.isEmpty || rest.hasPrefix("#") else {
            throw NewEntry.failure("\(path): '\(block):' is written on one line; write it as an indented block, or add '\(key):' to it by hand")
        }
        var end = start + 1
        var indent: String?
        while end < closing, lines[end].isEmpty || lines[end].first == " " || lines[end].first == "\t" {
            let trimmed = lines[end].drop { $0 == " " }
            if indent == nil, !trimmed.isEmpty, !trimmed.hasPrefix("#") { indent = String(lines[end].prefix(lines[end].count - trimmed.count)) }
            if let indent, lines[end].hasPrefix(indent + key + ":") {
                lines[end] = "\(indent)\(key): \(value)"
                return
            }
            end += 1
        }
        while end > start + 1, lines[end - 1].trimmingCharacters(in: .whitespaces).isEmpty { end -= 1 }
        lines.insert("\(indent ?? "  ")\(key): \(value)", at: end)
        closing += 1
    }

    /// The edited record, read back: refused when it does not load cleanly.
    func verified(folder: String, config: SiteConfig, _ check: (Release) -> Bool) throws(DiagnosticsError) -> Release {
        let (release, diagnostics) = ReleaseLoader.load(SourceFile(path: path, text: text), folder: folder, config: config)
        guard let release, !diagnostics.containsErrors, check(release) else {
            throw DiagnosticsError(diagnostics.filter { $0.severity == .error } + [.error("new", "relnotes could not edit \(path) safely; nothing was written: make the change by hand", at: nil)])
        }
        return release
    }

    private func topLevelLine(_ key: String) -> Int? {
        (1..<closing).first { lines[$0].hasPrefix(key + ":") }
    }
}
