/// Tidies Markdown produced by templates: at most one blank line in a row (outside fenced
/// code, which is left exactly as written), no leading blank lines, one final newline.
/// Templates can then be written for readability without counting blank lines.
///
/// Lines are compared as Swift compares `Character`s, so a combining mark after a backtick
/// makes it no fence; ASCII lines, nearly all of them, are read byte by byte to the same
/// effect. A text with `\r` (where `\r\n` is one `Character`) takes the `Character` way.
enum MarkdownTidy {
    static func tidy(_ text: String) -> String {
        if text.containsByte(UInt8(ascii: "\r")) { return tidyCharacters(text) }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 1)
        var state = State()
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                let kind = line.allSatisfy { $0 < 0x80 } ? state.classifyASCII(line) : state.classify(Substring(decoding: line, as: UTF8.self))
                switch kind {
                case .skip: break
                case .blank: state.append(nil, to: &output)
                case .line: state.append(line, to: &output)
                }
                start = end + 1
            }
        }
        // Every line written ends with its newline, as the lines joined and ended would.
        output.removeLast(state.trailingEmpty)
        return output.isEmpty ? "\n" : String(decoding: output, as: UTF8.self)
    }

    /// What becomes of one line: left out, written as an empty line, or written as it is.
    private enum Kind { case skip, blank, line }

    /// The rule, line by line: what `tidyCharacters` does with its list of lines.
    private struct State {
        /// The open code fence (a run of backticks or tildes), as bytes.
        var fence: [UInt8]?
        var lines = 0
        var lastWasEmpty = false
        /// Empty lines at the end of the output, removed at the end.
        var trailingEmpty = 0

        mutating func classifyASCII(_ line: UnsafeBufferPointer<UInt8>) -> Kind {
            var index = 0
            while index < line.count, line[index] == UInt8(ascii: " ") || line[index] == UInt8(ascii: ">") { index += 1 }
            let content = UnsafeBufferPointer(rebasing: line[index...])
            if let open = fence {
                if content.starts(with: open) { fence = nil }
                return .line
            }
            if let first = content.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~"), content.count >= 3, content[1] == first, content[2] == first {
                fence = Array(content.prefix { $0 == first })
            }
            return blankKind(line.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
        }

        /// The same for a line that is not ASCII, `Character` by `Character`.
        mutating func classify(_ line: Substring) -> Kind {
            let content = line.drop { $0 == " " || $0 == ">" }
            if let open = fence {
                if content.hasPrefix(String(decoding: open, as: UTF8.self)) { fence = nil }
                return .line
            }
            if content.hasPrefix("```") || content.hasPrefix("~~~") {
                fence = Array(String(content.prefix { $0 == content.first }).utf8)
            }
            return blankKind(line.allSatisfy { $0 == " " || $0 == "\t" })
        }

        private func blankKind(_ blank: Bool) -> Kind {
            guard blank else { return .line }
            return lines == 0 || lastWasEmpty ? .skip : .blank
        }

        /// Appends a line (`nil`: an empty one) and its newline.
        mutating func append(_ line: UnsafeBufferPointer<UInt8>?, to output: inout [UInt8]) {
            let isEmpty = line?.isEmpty ?? true
            if let line { output.append(contentsOf: line) }
            output.append(UInt8(ascii: "\n"))
            trailingEmpty = isEmpty ? trailingEmpty + 1 : 0
            lastWasEmpty = isEmpty
            lines += 1
        }
    }

    /// The rule itself, on `Character`s.
    static func tidyCharacters(_ text: String) -> String {
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
