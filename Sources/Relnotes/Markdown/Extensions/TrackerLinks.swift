import Foundation

/// Tracker keys (`REL-117`): found in text by `tickets.pattern`, linked to `tickets.url`
/// only for the audiences in `tickets.link_for`; others see the plain key.
struct TicketLinker: Sendable {
    nonisolated(unsafe) private let pattern: Regex<AnyRegexOutput>?
    private let url: String?

    init(_ config: TicketConfig) {
        pattern = try? Regex(config.pattern)
        url = config.url
        // Compile the pattern now, before audiences use it side by side.
        _ = try? pattern?.firstMatch(in: "")
    }

    /// The tracker URL of `key`.
    func url(for key: String) -> String? {
        url.map { $0.replacingOccurrences(of: "{key}", with: key.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? key) }
    }

    /// The keys in `text`, as ranges: whole words only (`XREL-1a` holds none).
    func keys(in text: String) -> [Range<String.Index>] {
        guard let pattern else { return [] }
        return text.matches(of: pattern).map(\.range).filter { range in
            guard !range.isEmpty else { return false }
            let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : nil
            let after = range.upperBound < text.endIndex ? text[range.upperBound] : nil
            return !(before?.isWordCharacter ?? false) && !(after?.isWordCharacter ?? false)
        }
    }

    /// Turns keys in text nodes into links; never inside code, links or images.
    func link(in root: CmarkNode) {
        for node in root.descendants(outside: [.link, .image]) where node.kind == .text {
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

extension Character {
    var isWordCharacter: Bool { isLetter || isNumber || self == "_" }
}

