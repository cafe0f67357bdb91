import Foundation
import Testing
@testable import RelnotesLoading

/// A one-line value is trimmed as Foundation's `trimmingCharacters(in: .whitespacesAndNewlines)`
/// trims it, whichever way `FieldReader.trimmed` takes.
@Suite("Loading: trimming a one-line value")
struct FieldTrimmingTests {
    static let values = [
        "Dana Lee", "  padded  ", "\ttab\t", "line\n", "\r\nboth\r\n", "x", " ", "", "\u{0B}v\u{0C}",
        "\u{A0}no-break\u{A0}", "ideographic\u{3000}", "\u{2028}separator", "e\u{301}", "\u{301}mark", "a\u{85}",
        "Ünïcode ends é", "😀", " 😀 ", "release/v1.2.0",
    ]

    @Test("as Foundation trims it", arguments: values)
    func asFoundation(_ value: String) {
        #expect(FieldReader.trimmed(value) == value.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
