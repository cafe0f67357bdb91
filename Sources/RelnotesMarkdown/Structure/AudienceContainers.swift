import RelnotesModel

/// Audience containers in a Markdown text:
///
/// ```
/// ::: internal
/// Migration takes the exports table offline for about five minutes.
/// :::
/// ```
///
/// A container line is `:::` and audience names (separated by spaces or commas) alone on
/// its line, optionally inside block-quote markers; `:::` alone closes the innermost open
/// container. Lines that cmark reads as code are never container lines. Containers nest;
/// content is visible only when every container around it is.
///
/// Filtering works on lines, before cmark parses the text for an audience: hidden lines
/// and container lines become blank (keeping block-quote markers), so nothing hidden —
/// not even a link reference definition — can affect what the audience sees, and line
/// numbers stay those of the file.
struct AudienceContainers: Sendable {
    struct Container: Sendable {
        var audiences: [String]
        var opener: Int
        var closer: Int
    }

    /// Containers in order of their opening line.
    private(set) var containers: [Container] = []
    /// Container lines (openers and closers) and the block-quote markers to keep there.
    private(set) var markerPrefixes: [Int: String] = [:]
    private(set) var diagnostics: [Diagnostic] = []
    private let origin: TextOrigin

    var isEmpty: Bool { markerPrefixes.isEmpty }

    /// No containers: for a text without a `:::`.
    init(origin: TextOrigin) {
        self.origin = origin
    }

    /// `blocks`, when given, is what cmark makes of `lines`, and `text` the lines joined.
    init(lines: [Substring], origin: TextOrigin, audiences known: [String], blocks: BlockMap? = nil, text: String? = nil) {
        self.origin = origin
        // Only lines holding `:::` can be container lines (or misplaced ones); the byte test
        // finds every such line, and the exact test is kept for the few it finds.
        let candidates = lines.indices.filter { lines[$0].containsBytes(":::") && lines[$0].contains(":::") }
        guard !candidates.isEmpty else { return }
        let blocks = blocks ?? BlockMap(lines: lines, text: text)
        var open: [(audiences: [String], line: Int)] = []
        for index in candidates {
            let text = lines[index]
            let line = index + 1
            guard !blocks.isCode(line) else {
                if blocks.isUnintendedCode(line), ContainerLine(text) != nil || ContainerLine.looksMisplaced(text) {
                    report("container-in-code", "this audience container line is read as code (indented four columns or a tab past its block, in a code fence never closed, or in a code span over lines), so it hides nothing and shows as code; indent it less or close the fence or span, or put code in a closed fenced block", line, text, severity: .warning)
                }
                continue
            }
            guard let marker = ContainerLine(text) else {
                if ContainerLine.looksMisplaced(text) {
                    report("misplaced-container", "an audience container line must stand alone on its line, outside list markers", line, text)
                }
                continue
            }
            if blocks.isHTML(line) {
                report("container-in-html", "this audience container line is inside a raw HTML block, where it cannot work; put a blank line before it", line, text)
                continue
            }
            markerPrefixes[line] = marker.prefix
            if marker.names.isEmpty {
                guard let opened = open.popLast() else {
                    report("stray-container-close", "':::' closes no audience container", line, text)
                    continue
                }
                containers.append(Container(audiences: opened.audiences, opener: opened.line, closer: line))
            } else {
                for name in marker.names where !known.contains(name) {
                    report("unknown-audience", "unknown audience '\(name)' in audience container\(Suggestion.hint(for: name, in: known))", line, text)
                }
                open.append((marker.names.filter(known.contains), line))
            }
        }
        for opened in open.reversed() {
            let names = opened.audiences.joined(separator: " ")
            report("unclosed-container", "audience container '\(names)' is never closed; add a ':::' line where it ends", opened.line, lines[opened.line - 1])
        }
        containers.sort { $0.opener < $1.opener }
    }

    private mutating func report(_ code: String, _ message: String, _ line: Int, _ text: Substring, severity: Diagnostic.Severity = .error) {
        let column = (text.firstIndex(of: ":").map { text.distance(from: text.startIndex, to: $0) } ?? 0) + 1
        diagnostics.append(Diagnostic(severity, code, message, at: origin.location(line: line, column: column)))
    }

    /// The lines `viewer` may see; everything else is blank.
    func filter(_ lines: [Substring], for viewer: String, policy: AudiencePolicy) -> [Substring] {
        guard !isEmpty else { return lines }
        var result = lines
        var opened = containers.makeIterator()
        var pending = opened.next()
        // Open containers, innermost last, with whether each is visible.
        var stack: [(container: Container, visible: Bool)] = []
        var hiddenDepth = 0
        var hiddenPrefix: Substring = ""
        for index in lines.indices {
            let line = index + 1
            while let top = stack.last, top.container.closer < line {
                if !top.visible { hiddenDepth -= 1 }
                stack.removeLast()
            }
            if let prefix = markerPrefixes[line] {
                result[index] = Substring(prefix)
                if let container = pending, container.opener == line {
                    let visible = policy.sees(viewer, any: container.audiences)
                    if !visible, hiddenDepth == 0 { hiddenPrefix = Substring(prefix) }
                    if !visible { hiddenDepth += 1 }
                    stack.append((container, visible))
                    pending = opened.next()
                }
            } else if hiddenDepth > 0 {
                result[index] = hiddenPrefix
            }
        }
        return result
    }
}

/// One container line: block-quote markers, `:::`, and audience names (none for a closer).
struct ContainerLine {
    var prefix: String
    var names: [String]

    init?(_ text: Substring) {
        var rest = text[...]
        // Block-quote markers and indentation before the colons, kept as written: a quote
        // inside a list item stays inside it when the line is blanked.
        while let first = rest.first, first == " " || first == "\t" || first == ">" {
            rest.removeFirst()
        }
        let prefix = String(text[..<rest.startIndex])
        var colons = 0
        while rest.first == ":" { colons += 1; rest.removeFirst() }
        guard colons >= 3 else { return nil }
        if let first = rest.first, first != " ", first != "\t" { return nil }
        self.prefix = prefix.contains(">") ? prefix : ""
        self.names = rest.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init)
    }

    /// `- ::: internal`, `> 1. :::` and the like: a container line behind list markers,
    /// which cmark would read as list content. An error, so that it cannot fall open.
    static func looksMisplaced(_ text: Substring) -> Bool {
        var rest = text[...]
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" || $0 == ">" }
            if rest.hasPrefix(":::") { return true }
            if let first = rest.first, "-+*".contains(first) {
                rest = rest.dropFirst()
            } else {
                let digits = rest.prefix { $0.isASCIIDigit }
                guard !digits.isEmpty, digits.count <= 9 else { return false }
                rest = rest.dropFirst(digits.count)
                guard let delimiter = rest.first, delimiter == "." || delimiter == ")" else { return false }
                rest = rest.dropFirst()
            }
            guard let space = rest.first, space == " " || space == "\t" else { return false }
        }
    }
}
