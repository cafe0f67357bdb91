import Foundation

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
        var types: [String] = [], typeNumbers: [String: Int] = [:]
        var components: [String] = [], componentNumbers: [String: Int] = [:]
        var releaseRows: [String] = [], entryRows: [String] = []
        for (number, (visible, detail)) in releases.enumerated() {
            let head = detail.head
            let prefix = HeadingSlugs.slug(ViewBuilder.dotsToDashes("\(visible.release.map { "v" + $0.version.text } ?? "unreleased")-"))
            let summary = visible.fields.summary.map { bodies.inline($0, for: audience, as: .text) } ?? ""
            let state = head.supersededBy != nil ? "superseded" : head.isWithdrawn ? "withdrawn" : head.isDraft ? "draft" : ""
            releaseRows.append(Self.array([Self.string(head.version), Self.string(head.path), Self.string(prefix),
                                           Self.string(head.hasTitle ? head.titleText : ""), Self.string(Self.oneLine(summary)),
                                           Self.string(head.date ?? ""), Self.string(state)]))
            for section in detail.sections {
                let type = typeNumbers[section.title] ?? {
                    types.append(section.title)
                    typeNumbers[section.title] = types.count - 1
                    return types.count - 1
                }()
                for group in section.groups {
                    let component = group.component.map { name in
                        componentNumbers[name] ?? {
                            components.append(name)
                            componentNumbers[name] = components.count - 1
                            return components.count - 1
                        }()
                    } ?? -1
                    for entry in group.entries {
                        let anchor = entry.anchor.hasPrefix(prefix) ? String(entry.anchor.dropFirst(prefix.count)) : "#" + entry.anchor
                        entryRows.append(Self.array([String(number), String(type), String(component), Self.string(anchor),
                                                     Self.string(entry.titleText), Self.string(entry.tickets.map(\.key).joined(separator: " "))]))
                    }
                }
            }
        }
        return "relnotesSearchIndex({\"v\":1,\"types\":" + Self.array(types.map(Self.string))
            + ",\"components\":" + Self.array(components.map(Self.string))
            + ",\n\"releases\":" + Self.rows(releaseRows)
            + ",\n\"entries\":" + Self.rows(entryRows) + "});\n"
    }

    // MARK: - Compact JSON

    private static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }

    /// One row a line, so that the file diffs well.
    private static func rows(_ rows: [String]) -> String { "[\n" + rows.joined(separator: ",\n") + "]" }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }

    /// A JSON string that is a JavaScript string too (U+2028 and U+2029 escaped).
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
