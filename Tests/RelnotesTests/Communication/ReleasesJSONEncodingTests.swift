import Foundation
import Testing
@testable import RelnotesRendering

/// `releases.json` is written by hand for speed; these say it is written byte for byte as
/// Foundation's `JSONEncoder` writes it, whatever the text holds.
@Suite("releases.json encoding")
struct ReleasesJSONEncodingTests {
    static let hostile = [
        "", "plain", "quote \" backslash \\ slash / </script>", "tab\tnewline\ncarriage\rform\u{0C}back\u{08}",
        "controls \u{00}\u{01}\u{07}\u{0B}\u{0E}\u{1A}\u{1B}\u{1F} delete \u{7F}",
        "unicode é ñ 漢字 emoji 👩‍💻 combining e\u{301} separators \u{2028}\u{2029} bom \u{FEFF}",
    ]

    /// Each byte that needs an escape, and its neighbours that do not, at each offset of the
    /// eight-byte words the writer passes over whole (`PrettyJSON.string`).
    static let atEveryOffset: [String] = ["\u{00}", "\u{1F}", " ", "\"", "!", "\\", "[", "]", "\u{7F}", "é"].flatMap { special in
        (0..<17).map { offset in String(repeating: "a", count: offset) + special + String(repeating: "b", count: 19 - offset) }
    }

    @Test("bytes to escape at every offset of a word come out as JSONEncoder writes them")
    func everyOffset() throws {
        for text in Self.atEveryOffset {
            var expected = try ReleasesDocument.encoder.encode(Self.document(text))
            expected.append(UInt8(ascii: "\n"))
            #expect(String(decoding: try Self.document(text).encoded(), as: UTF8.self) == String(decoding: expected, as: UTF8.self), "\(text.debugDescription)")
        }
    }

    static func document(_ text: String) -> ReleasesDocument {
        let ticket = ReleasesDocument.TicketRecord(key: text, url: text.isEmpty ? nil : text)
        let entry = ReleasesDocument.EntryRecord(
            id: text, type: text, typeTitle: text, title: text, titleHtml: text, bodyHtml: text, bodyText: nil,
            component: text, tickets: [ticket, ticket], breaking: true, fromVersion: text)
        let bare = ReleasesDocument.EntryRecord(
            id: "x", type: "fix", typeTitle: "Fixes", title: "t", titleHtml: "t", bodyHtml: nil, bodyText: nil,
            component: nil, tickets: [], breaking: false, fromVersion: nil)
        let release = ReleasesDocument.ReleaseRecord(
            version: text, status: text, date: text, title: text, titleHtml: nil, summary: text, summaryHtml: text,
            path: text, line: text, latest: false, draft: true, prerelease: false, highlightsHtml: text,
            highlightsText: text, entries: [entry, bare])
        let empty = ReleasesDocument.ReleaseRecord(
            version: "1", status: "released", date: nil, title: nil, titleHtml: nil, summary: nil, summaryHtml: nil,
            path: "p", line: "l", latest: true, draft: false, prerelease: true, highlightsHtml: nil,
            highlightsText: nil, entries: [])
        return ReleasesDocument(schema: ReleasesDocument.schemaVersion, audience: text, title: text, latest: text.isEmpty ? nil : text, releases: [release, empty])
    }

    @Test("every field, with hostile text, comes out as JSONEncoder writes it", arguments: hostile)
    func sameBytesAsJSONEncoder(_ text: String) throws {
        let document = Self.document(text)
        var expected = try ReleasesDocument.encoder.encode(document)
        expected.append(UInt8(ascii: "\n"))
        let written = try document.encoded()
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        #expect(try ReleasesDocument.decode(written) == document)
    }

    @Test("a document without releases is written as JSONEncoder writes it")
    func noReleases() throws {
        let document = ReleasesDocument(schema: ReleasesDocument.schemaVersion, audience: "external", title: "T", latest: nil, releases: [])
        var expected = try ReleasesDocument.encoder.encode(document)
        expected.append(UInt8(ascii: "\n"))
        #expect(String(decoding: try document.encoded(), as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }
}
