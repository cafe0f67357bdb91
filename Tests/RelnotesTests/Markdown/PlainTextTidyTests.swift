import Testing
@testable import Relnotes
@testable import RelnotesMarkdown

@Suite("Plain text of bodies (releases.json's body_text): blank lines and trailing blanks tidied")
struct PlainTextTidyTests {
    @Test("blank lines collapse to one, none at either end, no blanks at line ends", arguments: [
        ("", ""),
        ("\n\n", ""),
        ("a", "a\n"),
        ("\n\na  \t\n\n\n b \n\n", "a\n\n b\n"),
        ("a\nb\n", "a\nb\n"),
        ("  \n\t\na\n \n \nb", "a\n\nb\n"),
    ])
    func tidies(input: String, expected: String) {
        #expect(PlainText.tidy(input) == expected)
        #expect(PlainText.characterwiseTidy(input) == expected)
    }

    @Test("byte by byte it gives what it gives character by character, also around \\r\\n, combining and prepended marks")
    func bytesAgreeWithCharacters() {
        let pieces = ["a", " ", "\t", "\n", "\r\n", "\r", "\u{301}", "\u{600}", "é", "😀", "\u{200D}", "🇫🇷", "\n\n", "  "]
        // A fixed sequence (xorshift), so that a failure can be run again.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(bound))
        }
        for _ in 0..<5_000 {
            let text = (0..<next(13)).map { _ in pieces[next(pieces.count)] }.joined()
            #expect(PlainText.tidy(text) == PlainText.characterwiseTidy(text), "\(Array(text.unicodeScalars))")
        }
    }
}
