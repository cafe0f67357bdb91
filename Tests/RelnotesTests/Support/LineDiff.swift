import Foundation

/// A short line diff of two texts, for failure messages: the lines around the first
/// difference, `-` for the expected text, `+` for the actual one. Long lines (a minified
/// page) are cut to a window around the first column that differs.
struct LineDiff: CustomStringConvertible {
    let expected: [Substring]
    let actual: [Substring]
    /// Unchanged lines shown before and after the change; changed lines shown at most.
    var context = 2, most = 8, width = 160

    init(expected: Data, actual: Data) {
        self.expected = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        self.actual = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    }

    var description: String {
        let prefix = zip(expected, actual).prefix { $0 == $1 }.count
        let suffix = zip(expected[prefix...].reversed(), actual[prefix...].reversed()).prefix { $0 == $1 }.count
        let removed = expected[prefix..<(expected.count - suffix)], added = actual[prefix..<(actual.count - suffix)]
        let column = Self.firstDifference(removed.first ?? "", added.first ?? "")
        var lines = ["@@ line \(prefix + 1) @@"]
        lines += expected[max(0, prefix - context)..<prefix].map { "  " + clip($0, around: 0) }
        lines += removed.prefix(most).map { "- " + clip($0, around: column) }
        if removed.count > most { lines.append("- … \(removed.count - most) more lines") }
        lines += added.prefix(most).map { "+ " + clip($0, around: column) }
        if added.count > most { lines.append("+ … \(added.count - most) more lines") }
        lines += actual[(actual.count - suffix)...].prefix(context).map { "  " + clip($0, around: 0) }
        return lines.joined(separator: "\n")
    }

    private func clip(_ line: Substring, around column: Int) -> String {
        guard line.count > width else { return String(line) }
        let start = max(0, min(column - width / 4, line.count - width))
        let window = line.dropFirst(start).prefix(width)
        return (start > 0 ? "…" : "") + window + (start + width < line.count ? "…" : "")
    }

    private static func firstDifference(_ a: Substring, _ b: Substring) -> Int {
        zip(a, b).prefix { $0 == $1 }.count
    }
}
