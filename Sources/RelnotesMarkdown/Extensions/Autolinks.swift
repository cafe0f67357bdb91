/// GFM's extended autolinks, as cmark-gfm's `autolink` extension finds them in text:
/// `www.example.com` (linked to `http://…`), `http://`, `https://` and `ftp://` URLs, and
/// e-mail addresses (`mailto:`). Never inside links, images or code: only text nodes
/// outside them are given.
///
/// cmark-gfm finds URLs while it parses inlines, on the source; here the text cmark made is
/// scanned, with the same rules for where a link starts and ends (`autolink_delim`:
/// trailing punctuation, unbalanced parentheses and entity-like `&x;` are left out).
enum Autolinks {
    /// Links what the nodes hold; returns the text nodes outside the new links, in order.
    /// `source` tells which kinds of link the text they were parsed from can hold.
    static func link(_ textNodes: [CmarkNode], source: GFMInline) -> [CmarkNode] {
        var result: [CmarkNode] = []
        result.reserveCapacity(textNodes.count)
        for node in textNodes {
            guard node.literalMayHoldAutolink(url: source.url, at: source.at, www: source.www) else {
                result.append(node)
                continue
            }
            let bytes = Array(node.literal.utf8)
            let found = matches(in: bytes, startAllowed: startsAfterAllowedCharacter(node))
            guard !found.isEmpty else {
                result.append(node)
                continue
            }
            var position = 0
            for match in found {
                if position < match.range.lowerBound {
                    let text = CmarkNode.text(String(decoding: bytes[position..<match.range.lowerBound], as: UTF8.self))
                    node.insertBefore(text)
                    result.append(text)
                }
                let link = CmarkNode.make(.link)
                let literal = String(decoding: bytes[match.range], as: UTF8.self)
                link.url = match.prefix + literal
                link.appendChild(.text(literal))
                node.insertBefore(link)
                position = match.range.upperBound
            }
            if position < bytes.count {
                let text = CmarkNode.text(String(decoding: bytes[position...], as: UTF8.self))
                node.insertBefore(text)
                result.append(text)
            }
            node.unlink()
        }
        return result
    }

    struct Match: Equatable {
        var range: Range<Int>
        /// Put before the text to make the URL: `http://` for `www.`, `mailto:` for e-mail.
        var prefix: String
    }

    /// Whether the character before the node in its source lets a `www.` link start at the
    /// node's first character: the start of a line or a space, or `*`, `_`, `~`, `(`.
    private static func startsAfterAllowedCharacter(_ node: CmarkNode) -> Bool {
        guard let previous = node.previous else { return true }
        switch previous.kind {
        case .softBreak, .lineBreak, .emphasis, .strong, .customInline: return true
        case .text: return previous.literal.utf8.last.map { isSpace($0) || "*_~(".utf8.contains($0) } ?? true
        default: return false
        }
    }

    /// The links in `bytes`: URL and `www.` links first, then e-mail addresses in the text
    /// between them (as cmark-gfm finds those after parsing).
    static func matches(in bytes: [UInt8], startAllowed: Bool = true) -> [Match] {
        var found: [Match] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "w"), let end = www(bytes, at: index, startAllowed: startAllowed) {
                found.append(Match(range: index..<end, prefix: "http://"))
                index = end
            } else if byte == UInt8(ascii: ":"), let (start, end) = url(bytes, colon: index, after: found.last?.range.upperBound ?? 0) {
                found.append(Match(range: start..<end, prefix: ""))
                index = end
            } else {
                index += 1
            }
        }
        var withEmail: [Match] = []
        var start = 0
        for match in found + [Match(range: bytes.count..<bytes.count, prefix: "")] {
            withEmail += emails(bytes, in: start..<match.range.lowerBound)
            if !match.range.isEmpty { withEmail.append(match) }
            start = match.range.upperBound
        }
        return withEmail
    }

    // MARK: - cmark-gfm's rules

    private static func www(_ bytes: [UInt8], at start: Int, startAllowed: Bool) -> Int? {
        if start > 0 {
            let before = bytes[start - 1]
            guard isSpace(before) || "*_~(".utf8.contains(before) else { return nil }
        } else if !startAllowed {
            return nil
        }
        guard bytes.count - start >= 4, bytes[start..<(start + 4)].elementsEqual("www.".utf8) else { return nil }
        guard let domain = domainLength(bytes, from: start, allowShort: false), domain > 0 else { return nil }
        var end = start + domain
        while end < bytes.count, !isSpace(bytes[end]) { end += 1 }
        end = trimmedEnd(bytes, start: start, end: end)
        return end > start ? end : nil
    }

    private static func url(_ bytes: [UInt8], colon: Int, after limit: Int) -> (Int, Int)? {
        guard bytes.count - colon >= 4, bytes[colon + 1] == UInt8(ascii: "/"), bytes[colon + 2] == UInt8(ascii: "/") else { return nil }
        var start = colon
        while start > limit, isAlpha(bytes[start - 1]) { start -= 1 }
        let scheme = String(decoding: bytes[start..<colon], as: UTF8.self).lowercased()
        guard ["http", "https", "ftp"].contains(scheme), colon + 3 < bytes.count, isHostCharacter(bytes, at: colon + 3) else { return nil }
        guard let domain = domainLength(bytes, from: colon + 3, allowShort: true), domain > 0 else { return nil }
        var end = colon + 3 + domain
        while end < bytes.count, !isSpace(bytes[end]) { end += 1 }
        end = trimmedEnd(bytes, start: start, end: end)
        return end > start ? (start, end) : nil
    }

    /// `check_domain`: host characters and dots from `start` (its first character is not
    /// checked), no underscore in the last two labels; with `allowShort` false, at least one dot.
    private static func domainLength(_ bytes: [UInt8], from start: Int, allowShort: Bool) -> Int? {
        var index = start + 1, dots = 0, underscoresBefore = 0, underscores = 0
        while index < bytes.count - 1 {
            let byte = bytes[index]
            if byte == UInt8(ascii: "_") {
                underscores += 1
            } else if byte == UInt8(ascii: ".") {
                underscoresBefore = underscores
                underscores = 0
                dots += 1
            } else if !isHostCharacter(bytes, at: index), byte != UInt8(ascii: "-") {
                break
            }
            index += 1
        }
        if underscoresBefore > 0 || underscores > 0 { return nil }
        return allowShort || dots > 0 ? index - start : nil
    }

    /// `autolink_delim`: the end of a link without what GitHub leaves out of it. The
    /// parentheses are counted once (cmark-gfm counts them again for every `)` it trims,
    /// which takes time in the square of a run of them), then kept as each is trimmed.
    private static func trimmedEnd(_ bytes: [UInt8], start: Int, end initial: Int) -> Int {
        var end = initial
        if let less = bytes[start..<end].firstIndex(of: UInt8(ascii: "<")) { end = less }
        var parentheses: (opening: Int, closing: Int)?
        while end > start {
            let last = bytes[end - 1]
            if "?!.,:*_~'\"".utf8.contains(last) {
                end -= 1
            } else if last == UInt8(ascii: ";") {
                var entityStart = end - 2
                while entityStart > start, isAlpha(bytes[entityStart]) { entityStart -= 1 }
                if entityStart < end - 2, bytes[entityStart] == UInt8(ascii: "&") { end = entityStart } else { end -= 1 }
            } else if last == UInt8(ascii: ")") {
                let (opening, closing) = parentheses ?? bytes[start..<end].reduce(into: (0, 0)) { count, byte in
                    if byte == UInt8(ascii: "(") { count.0 += 1 } else if byte == UInt8(ascii: ")") { count.1 += 1 }
                }
                if closing <= opening { break }
                parentheses = (opening, closing - 1)
                end -= 1
            } else {
                break
            }
        }
        return end
    }

    /// E-mail addresses in `range`, as cmark-gfm's `postprocess_text` finds them: it looks
    /// at no more than `maximumAts` `@` of a text (it recurses once per `@`, and stops there).
    ///
    /// cmark-gfm reads on from every `@` to the end of the run of address characters after
    /// it, which takes time in the square of a run like `a@a@a@…`. Where the run holds
    /// another `@`, every `@` but the last of it is no address (an address has one `@`), so
    /// the search goes on at the last one, with what it may reach back to unchanged, and the
    /// `@` passed over counted as looked at.
    private static func emails(_ bytes: [UInt8], in range: Range<Int>) -> [Match] {
        var found: [Match] = []
        var offset = range.lowerBound
        var next: (at: Int, offset: Int)?
        var looked = 0
        while looked < maximumAts, let at = next?.at ?? bytes[offset..<range.upperBound].firstIndex(of: UInt8(ascii: "@")) {
            if let skipped = next { offset = skipped.offset }
            next = nil
            looked += 1
            var start = at
            var slash = false
            while start > offset {
                let byte = bytes[start - 1]
                if isAlnum(byte) || ".+-_".utf8.contains(byte) { start -= 1; continue }
                if byte == UInt8(ascii: "/") { slash = true }
                break
            }
            guard start < at, !slash else { offset = at + 1; continue }
            var end = at, ats = 0, dots = 0
            while end < range.upperBound {
                let byte = bytes[end]
                if isAlnum(byte) {
                } else if byte == UInt8(ascii: "@") {
                    ats += 1
                } else if byte == UInt8(ascii: "."), end < range.upperBound - 1, isAlnum(bytes[end + 1]) {
                    dots += 1
                } else if byte != UInt8(ascii: "-"), byte != UInt8(ascii: "_") {
                    break
                }
                end += 1
            }
            if ats > 1, let last = bytes[(at + 1)..<end].lastIndex(of: UInt8(ascii: "@")) {
                let before = bytes[at..<last].lastIndex(of: UInt8(ascii: "@"))!
                next = (last, before + 1)
                looked += ats - 2
                continue
            }
            let length = end - at
            guard length >= 2, ats == 1, dots > 0, isAlpha(bytes[end - 1]) || bytes[end - 1] == UInt8(ascii: ".") else { offset = at + 1; continue }
            let trimmed = trimmedEnd(bytes, start: at, end: end)
            guard trimmed > at else { offset = at + 1; continue }
            found.append(Match(range: start..<trimmed, prefix: "mailto:"))
            offset = trimmed
        }
        return found
    }

    /// cmark-gfm's `postprocess_text` stops below a depth of 1,000 recursions: the first
    /// 1,001 `@` of a text.
    static let maximumAts = 1_001

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    private static func isAlpha(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func isAlnum(_ byte: UInt8) -> Bool {
        isAlpha(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// `is_valid_hostchar`: neither space nor punctuation (a whole UTF-8 character).
    private static func isHostCharacter(_ bytes: [UInt8], at index: Int) -> Bool {
        CharacterClass(scalarStartingAt: index, in: bytes) == .other
    }
}
