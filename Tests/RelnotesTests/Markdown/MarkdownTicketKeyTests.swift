import Foundation
import Testing
@testable import RelnotesMarkdown
@testable import RelnotesModel

/// The default tracker pattern is found by a scan of its own; configured patterns by the
/// regex engine. Both must give the same keys.
@Suite("Markdown: tracker keys")
struct MarkdownTicketKeyTests {
    static let scanned = TicketLinker(TicketConfig())
    /// The default pattern spelt differently, so that the regex finds it.
    static let matched: TicketLinker = {
        var config = TicketConfig()
        config.pattern = "(?:" + TicketConfig().pattern + ")"
        return TicketLinker(config)
    }()

    static func keys(_ linker: TicketLinker, _ text: String) -> [String] {
        linker.keys(in: text).map { String(text[$0]) }
    }

    @Test("the scan finds what the regex finds: whole words, at either end, next to any letter", arguments: [
        ("REL-1", ["REL-1"]), ("Fixed REL-117, OPS-9 and AB12-3.", ["REL-117", "OPS-9", "AB12-3"]),
        ("XREL-1a REL-2", ["REL-2"]), ("xREL-1 REL-2x _REL-3 REL-4_", []), ("A-1 A1-2 1AB-2 AB-", ["A1-2"]),
        ("AB-1-2 AB--1 A-B-1", ["AB-1"]), ("éREL-1 REL-1é ÄB-1", []), ("日本REL-1 REL-2。", ["REL-2"]),
        ("REL-1\u{301} RE\u{301}L-2 A\u{301}B-3 AB-4", ["AB-4"]), ("\u{600}REL-1", []), ("\u{600} REL-1", ["REL-1"]),
        ("ＡB-1 AB-١ AB-12x3", []), ("REL-1\r\nREL-2\n", ["REL-1", "REL-2"]), ("🇦AB-1 AB-1🇦 AB-1\u{FE0F}", ["AB-1", "AB-1"]),
        ("", []), ("AB-12345678901234567890", ["AB-12345678901234567890"]),
    ])
    func assorted(text: String, keys: [String]) {
        #expect(Self.keys(Self.scanned, text) == keys)
        #expect(Self.keys(Self.matched, text) == keys)
        #expect(Self.scanned.keys(in: text) == Self.matched.keys(in: text))
    }

    @Test("on 5,000 random strings of letters, digits, hyphens and unusual characters, the scan gives the regex's ranges")
    func random() {
        let pieces = ["A", "B", "Z", "R", "E", "L", "0", "1", "9", "-", "-", "_", "a", "z", " ", ".", "é", "A\u{301}", "\u{301}",
                      "\u{600}", "Ａ", "١", "\r\n", "\n", "🇦", "\u{200D}", "REL-1", "AB-", "-1"]
        var generator = SplitMix(seed: 2_024)
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...16, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(Self.scanned.keys(in: text) == Self.matched.keys(in: text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test("a key's tracker URL is built as Foundation builds it", arguments: ["REL-1", "#42", "a b", "ü-1", "x/y", "~.-_", "", "{key}"])
    func trackerURL(key: String) {
        for template in ["https://tracker.example.com/browse/{key}", "https://t.example/{key}?q={key}", "https://t.example/", "https://t.example/ä/{key}"] {
            var config = TicketConfig()
            config.url = template
            let expected = template.replacingOccurrences(of: "{key}", with: key.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? key)
            #expect(TicketLinker(config).url(for: key) == expected, "\(template)")
        }
    }
}

/// A small seeded generator, so that the random test is the same on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
