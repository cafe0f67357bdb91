import Foundation
import RelnotesAudience
import RelnotesMarkdown

/// `search-index.js`: what the audience's site shows, for its own search box, made from the
/// very views its pages are rendered from (so it can hold nothing the pages do not).
///
/// A script, not JSON, so that the search works from a site opened from disk too (browsers
/// refuse `fetch` on `file:` URLs, not a `<script>`): it calls `relnotesSearchIndex(…)`
/// with one compact object, loaded only when a reader starts to search:
///
/// ```
/// {"v":1,"types":["New features",…],"components":["Exports",…],
///  "releases":[["1.2.0","releases/1.2.0/","v1-2-0-","Parquet exports…","Parquet exports, …","2026-03-10",""],…],
///  "entries":[[0,2,-1,"rel-117-export-timeouts","Exports no longer time out","REL-117"],…]}
/// ```
///
/// A release is `[version, path, anchor prefix, title, summary, date, state]` (state: `draft`,
/// `withdrawn`, `superseded` or empty); an entry is `[release, type, component (-1: none),
/// anchor, title, tickets]`, its anchor without the release's prefix where it starts with it
/// (else with a leading `#`). Entry bodies are not in it: titles, summaries, components and
/// tracker keys keep it small on a long history.
struct SearchIndex {
    static let fileName = "search-index.js"

    let bodies: BodyRenderer
    let audience: String

    func encode(_ releases: [(visible: VisibleRelease, detail: ReleaseDetail)]) -> String {
        var types = Numbering(), components = Numbering()
        var json = CompactJSON()
        json.raw("\n\"releases\":[")
        var entries = CompactJSON()
        for (number, (visible, detail)) in releases.enumerated() {
            let head = detail.head
            let prefix = HeadingSlugs.slug(ViewBuilder.dotsToDashes("\(visible.release.map { "v" + $0.version.text } ?? "unreleased")-"))
            let summary = visible.fields.summary.map { bodies.inline($0, for: audience, as: .text) } ?? ""
            let state = head.supersededBy != nil ? "superseded" : head.isWithdrawn ? "withdrawn" : head.isDraft ? "draft" : ""
            json.row(number == 0) {
                $0.strings([head.version, head.path, prefix, head.hasTitle ? head.titleText : "", summary, head.date ?? "", state])
            }
            for section in detail.sections {
                let type = types.number(of: section.title)
                for group in section.groups {
                    let component = group.component.map { components.number(of: $0) } ?? -1
                    for entry in group.entries {
                        let anchor = entry.anchor.hasPrefix(prefix) ? String(entry.anchor.dropFirst(prefix.count)) : "#" + entry.anchor
                        entries.row(entries.isEmpty) {
                            $0.raw("\(number),\(type),\(component),")
                            $0.strings([anchor, entry.titleText, entry.tickets.map(\.key).joined(separator: " ")])
                        }
                    }
                }
            }
        }
        var file = CompactJSON()
        file.raw("relnotesSearchIndex({\"v\":1,\"types\":[")
        file.strings(types.names)
        file.raw("],\"components\":[")
        file.strings(components.names)
        file.raw("],")
        file.bytes += json.bytes
        file.raw("],\n\"entries\":[")
        file.bytes += entries.bytes
        file.raw("]});\n")
        return String(decoding: file.bytes, as: UTF8.self)
    }
}

/// Names numbered in the order they first come.
private struct Numbering {
    private(set) var names: [String] = []
    private var numbers: [String: Int] = [:]

    mutating func number(of name: String) -> Int {
        if let number = numbers[name] { return number }
        names.append(name)
        numbers[name] = names.count - 1
        return names.count - 1
    }
}

/// JSON without spaces, written as bytes; its strings are JavaScript strings too (U+2028
/// and U+2029 escaped), and hold no line breaks (a summary's become spaces).
private struct CompactJSON {
    var bytes: [UInt8] = []
    var isEmpty: Bool { bytes.isEmpty }

    mutating func raw(_ text: String) { bytes += text.utf8 }

    /// `[…]` on a line of its own, after a comma unless `first`: the file diffs well.
    mutating func row(_ first: Bool, _ content: (inout CompactJSON) -> Void) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        bytes += [UInt8(ascii: "\n"), UInt8(ascii: "[")]
        content(&self)
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func strings(_ texts: [String]) {
        for (index, text) in texts.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            string(text)
        }
    }

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var utf8 = Array(text.utf8)[...]
        // Leading and trailing white space of a one-line text: none.
        while let first = utf8.first, first == 0x20 || first == 0x0A || first == 0x0D || first == 0x09 { utf8 = utf8.dropFirst() }
        while let last = utf8.last, last == 0x20 || last == 0x0A || last == 0x0D || last == 0x09 { utf8 = utf8.dropLast() }
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                bytes += [UInt8(ascii: "\\"), byte]
            case 0x0A, 0x0D, 0x09:
                bytes.append(0x20)
            case 0..<0x20:
                bytes += Array(String(format: "\\u%04x", Int(byte)).utf8)
            case 0xE2 where index + 2 < utf8.endIndex && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                bytes += Array((utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                index += 2
            default:
                bytes.append(byte)
            }
            index += 1
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
