import Foundation
import RelnotesModel

/// Tracker keys (`REL-117`): found in text by `tickets.pattern`, linked to `tickets.url`
/// only for the audiences in `tickets.link_for`; others see the plain key.
package struct TicketLinker: Sendable {
    private let pattern: BoundedRegex?
    /// Whether the pattern is the default one, which `DefaultTicketKeys` finds without the regex.
    private let isDefaultPattern: Bool
    private let url: String?
    /// `url` cut at each `{key}`, when that can be done byte for byte (an ASCII template).
    private let urlParts: [String]?

    /// With `linking` false, only `keys(in:)` is used (checking `tickets:` values): the URL is not prepared.
    package init(_ config: TicketConfig, linking: Bool = true) {
        isDefaultPattern = config.pattern == TicketConfig().pattern
        // The default pattern is scanned, never compiled.
        pattern = isDefaultPattern ? nil : BoundedRegex(config.pattern)
        url = linking ? config.url : nil
        urlParts = url.flatMap { url in
            url.utf8.allSatisfy { $0 < 0x80 } ? url.split(separator: "{key}", omittingEmptySubsequences: false).map(String.init) : nil
        }
    }

    /// The tracker URL of `key`.
    package func url(for key: String) -> String? {
        if let urlParts, key.utf8.allSatisfy(Self.isUnreserved) {
            // What the Foundation calls below make of it: nothing to escape, every `{key}` replaced.
            return urlParts.joined(separator: key)
        }
        return url.map { $0.replacingOccurrences(of: "{key}", with: key.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? key) }
    }

    /// Unreserved URL bytes (RFC 3986), which every path keeps as they are.
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): return true
        default: return false
        }
    }

    /// The keys in `text`, as ranges: whole words only (`XREL-1a` holds none).
    package func keys(in text: String) -> [Range<String.Index>] {
        if isDefaultPattern { return DefaultTicketKeys.ranges(in: text) }
        guard let pattern else { return [] }
        // A text the pattern backtracks on for too long keeps its keys as plain text.
        return ((try? pattern.matches(in: text)) ?? []).filter { Self.isWholeWord($0, in: text) }
    }

    /// A match that is whole characters (ICU matches code points) with no word character
    /// right before or after it.
    static func isWholeWord(_ range: Range<String.Index>, in text: String) -> Bool {
        guard !range.isEmpty, range.lowerBound.samePosition(in: text) != nil, range.upperBound.samePosition(in: text) != nil else { return false }
        let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : nil
        let after = range.upperBound < text.endIndex ? text[range.upperBound] : nil
        return !(before?.isWordCharacter ?? false) && !(after?.isWordCharacter ?? false)
    }

    /// Turns keys in text nodes into links (`InlineNodes.text`: never inside code, links or images).
    func link(_ textNodes: [CmarkNode]) {
        // Every key of the default pattern holds a hyphen.
        for node in textNodes where !isDefaultPattern || node.literalContains(UInt8(ascii: "-")) {
            if isDefaultPattern, let urlParts, linkASCII(node, urlParts: urlParts) { continue }
            let text = node.literal
            let ranges = keys(in: text)
            guard !ranges.isEmpty else { continue }
            var position = text.startIndex
            for range in ranges {
                let key = String(text[range])
                guard let target = url(for: key) else { continue }
                if position < range.lowerBound { node.insertBefore(.text(String(text[position..<range.lowerBound]))) }
                let link = CmarkNode.make(.link)
                link.url = target
                link.appendChild(.text(key))
                node.insertBefore(link)
                position = range.upperBound
            }
            if position < text.endIndex { node.insertBefore(.text(String(text[position...]))) }
            node.remove()
        }
    }
}

extension TicketLinker {
    /// `link` for one text node, with the default pattern and an ASCII URL template, on
    /// the bytes of an ASCII literal: the same nodes, without making a `String` of each
    /// piece. `false` (and nothing done) for a literal that is not ASCII.
    fileprivate func linkASCII(_ node: CmarkNode, urlParts: [String]) -> Bool {
        // Copied out: the literal is freed with the node, which is removed below.
        guard let literal = node.withLiteralBytes({ bytes in bytes.contains { $0 >= 0x80 } ? nil : Array(bytes) }) else { return true }
        guard let bytes = literal else { return false }
        let ranges = bytes.withUnsafeBufferPointer(DefaultTicketKeys.ranges(inASCII:))
        guard !ranges.isEmpty else { return true }
        var position = 0
        for range in ranges {
            let key = bytes[range]
            if position < range.lowerBound { node.insertBefore(.text(bytes: bytes[position..<range.lowerBound])) }
            // `url(for:)`: every byte of a key of the default pattern is unreserved.
            var url: [UInt8] = []
            for (index, part) in urlParts.enumerated() {
                if index > 0 { url += key }
                url += part.utf8
            }
            let link = CmarkNode.make(.link)
            link.setURL(bytes: url)
            link.appendChild(.text(bytes: key))
            node.insertBefore(link)
            position = range.upperBound
        }
        if position < bytes.count { node.insertBefore(.text(bytes: bytes[position...])) }
        node.remove()
        return true
    }
}

extension Character {
    var isWordCharacter: Bool { isLetter || isNumber || self == "_" }
}

