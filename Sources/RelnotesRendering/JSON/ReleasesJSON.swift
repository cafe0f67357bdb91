import Foundation
import RelnotesAudience
import RelnotesModel

/// `releases.json`: every release and entry an audience sees, for in-app "What's new"
/// panels. The schema is versioned (`schema`); fields are added, never renamed, within one
/// version. Rendered fields come as HTML (`…_html`) and plain text.
public struct ReleasesDocument: Codable, Hashable, Sendable {
    public static let schemaVersion = "relnotes.releases/1"

    public var schema: String
    public var audience: String
    public var title: String
    /// The newest released stable version.
    public var latest: String?
    /// Newest first.
    public var releases: [ReleaseRecord]

    public struct ReleaseRecord: Codable, Hashable, Sendable {
        public var version: String
        /// planned, candidate, released, withdrawn or unreleased.
        public var status: String
        public var date: String?
        public var title: String?
        public var titleHtml: String?
        public var summary: String?
        public var summaryHtml: String?
        /// Path of the release page, relative to the audience's folder.
        public var path: String
        public var line: String
        public var latest: Bool
        public var draft: Bool
        public var prerelease: Bool
        public var highlightsHtml: String?
        public var highlightsText: String?
        public var entries: [EntryRecord]
    }

    public struct EntryRecord: Codable, Hashable, Sendable {
        /// `<folder>/<file name without .md>`: stable while the file is not renamed.
        public var id: String
        public var type: String
        public var typeTitle: String
        public var title: String
        public var titleHtml: String
        public var bodyHtml: String?
        public var bodyText: String?
        public var component: String?
        public var tickets: [TicketRecord]
        public var breaking: Bool
        /// For candidates: the candidate the entry first appeared in.
        public var fromVersion: String?
    }

    public struct TicketRecord: Codable, Hashable, Sendable {
        public var key: String
        /// Only for audiences that get tracker links.
        public var url: String?
    }

    /// The JSON text: keys sorted, so the same input always gives the same bytes. Written
    /// as `JSONEncoder` with `encoder` writes it, only faster (`PrettyJSON`).
    public func encoded() throws -> Data {
        var json = PrettyJSON(capacity: 1 << 16)
        Self.write(to: &json, audience: audience, latest: latest, schema: schema, title: title) { json in
            json.array(releases) { json, release in release.write(to: &json) }
        }
        var data = json.take()
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// The document's members in sorted key order; `releases` writes the array.
    static func write(to json: inout PrettyJSON, audience: String, latest: String?, schema: String, title: String, releases: (inout PrettyJSON) -> Void) {
        json.object { json in
            json.member("audience", audience)
            json.member("latest", latest)
            json.member("releases", releases)
            json.member("schema", schema)
            json.member("title", title)
        }
    }

    /// The Foundation encoder `encoded()` writes like: the reference for its tests.
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static func decode(_ data: Data) throws -> ReleasesDocument {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(ReleasesDocument.self, from: data)
    }
}

// MARK: - Members in sorted key order (snake case)

private extension ReleasesDocument.ReleaseRecord {
    func write(to json: inout PrettyJSON) {
        json.object { json in
            json.member("date", date)
            json.member("draft", draft)
            json.member("entries") { json in json.array(entries) { json, entry in entry.write(to: &json) } }
            json.member("highlights_html", highlightsHtml)
            json.member("highlights_text", highlightsText)
            json.member("latest", latest)
            json.member("line", line)
            json.member("path", path)
            json.member("prerelease", prerelease)
            json.member("status", status)
            json.member("summary", summary)
            json.member("summary_html", summaryHtml)
            json.member("title", title)
            json.member("title_html", titleHtml)
            json.member("version", version)
        }
    }
}

private extension ReleasesDocument.EntryRecord {
    func write(to json: inout PrettyJSON) {
        json.object { json in
            json.member("body_html", bodyHtml)
            json.member("body_text", bodyText)
            json.member("breaking", breaking)
            json.member("component", component)
            json.member("from_version", fromVersion)
            json.member("id", id)
            // Optional fields are left out when empty, a list of no tickets too.
            if !tickets.isEmpty {
                json.member("tickets") { json in
                    json.array(tickets) { json, ticket in
                        json.object { json in
                            json.member("key", ticket.key)
                            json.member("url", ticket.url)
                        }
                    }
                }
            }
            json.member("title", title)
            json.member("title_html", titleHtml)
            json.member("type", type)
            json.member("type_title", typeTitle)
        }
    }
}

/// Builds `releases.json` from what the site pages were built from, writing each release
/// as it is made: the file of a long history is tens of megabytes, and its records are
/// never all held at once.
struct ReleasesJSONBuilder {
    let views: ViewBuilder

    var bodies: BodyRenderer { views.bodies }
    var audience: String { views.audience }

    /// The file's bytes, as `ReleasesDocument.encoded()` writes the same document.
    func encode(_ releases: [(visible: VisibleRelease, detail: ReleaseDetail)]) throws(DiagnosticsError) -> Data {
        var data = Data()
        try encode(releases, capacity: Self.estimatedSize(releases.map(\.detail)), flushing: nil) { chunk in
            if data.isEmpty { data = chunk } else { data.append(chunk) }
        }
        return data
    }

    /// The same bytes, handed to `write` a megabyte or so at a time: `relnotes build`
    /// writes them to the file as they come, never holding the whole text.
    func encode(_ releases: [(visible: VisibleRelease, detail: ReleaseDetail)], writingTo write: (Data) throws(DiagnosticsError) -> Void) throws(DiagnosticsError) {
        try encode(releases, capacity: Self.flushSize * 2, flushing: Self.flushSize, write)
    }

    private static let flushSize = 1 << 20

    private func encode(_ releases: [(visible: VisibleRelease, detail: ReleaseDetail)], capacity: Int, flushing limit: Int?, _ write: (Data) throws(DiagnosticsError) -> Void) throws(DiagnosticsError) {
        var json = PrettyJSON(capacity: capacity)
        var failure: DiagnosticsError?
        ReleasesDocument.write(to: &json, audience: audience, latest: views.site.latest?.text,
                               schema: ReleasesDocument.schemaVersion, title: views.config.title) { json in
            json.array(releases) { json, release in
                guard failure == nil else { return }
                do throws(DiagnosticsError) {
                    try record(release.visible, release.detail).write(to: &json)
                    if let limit, json.count >= limit { try write(json.take()) }
                } catch {
                    failure = error
                }
            }
        }
        if let failure { throw failure }
        var rest = json.take()
        rest.append(UInt8(ascii: "\n"))
        try write(rest)
    }

    /// One release: its HTML from the views the pages were made of, its plain text
    /// rendered for the audience (and shared with every other audience where it can be).
    private func record(_ visible: VisibleRelease, _ detail: ReleaseDetail) throws(DiagnosticsError) -> ReleasesDocument.ReleaseRecord {
        let head = detail.head
        let highlights = try visible.release.map { (release) throws(DiagnosticsError) in try bodies.optionalBody(release.body, for: audience, as: .text) } ?? nil
        return ReleasesDocument.ReleaseRecord(
            version: visible.versionText, status: head.status, date: head.date,
            title: head.hasTitle ? head.titleText : nil, titleHtml: head.hasTitle ? head.title : nil,
            summary: visible.fields.summary.map { bodies.inline($0, for: audience, as: .text) }, summaryHtml: head.summary,
            path: head.path, line: head.line, latest: head.isLatest, draft: head.isDraft || head.supersededBy != nil,
            prerelease: head.isCandidate,
            highlightsHtml: detail.highlights, highlightsText: highlights,
            entries: try entries(visible, detail))
    }

    private func entries(_ visible: VisibleRelease, _ detail: ReleaseDetail) throws(DiagnosticsError) -> [ReleasesDocument.EntryRecord] {
        let sources = Dictionary(visible.entries.map { ($0.id, $0.body) }, uniquingKeysWith: { first, _ in first })
        var records: [ReleasesDocument.EntryRecord] = []
        for section in detail.sections {
            for entry in section.groups.flatMap(\.entries) {
                let text = try sources[entry.id].map { (body) throws(DiagnosticsError) in try bodies.optionalBody(body, for: audience, as: .text) } ?? nil
                records.append(ReleasesDocument.EntryRecord(
                    id: entry.id, type: section.type, typeTitle: section.title,
                    title: entry.titleText, titleHtml: entry.title,
                    bodyHtml: entry.body, bodyText: text,
                    component: entry.component,
                    tickets: entry.tickets.map { ReleasesDocument.TicketRecord(key: $0.key, url: $0.url) },
                    breaking: entry.breaking, fromVersion: entry.fromVersion))
            }
        }
        return records
    }

    /// Enough room for the whole text at once (room not written to costs no memory):
    /// growing a buffer of tens of megabytes by doubling would hold two copies of it.
    private static func estimatedSize(_ details: [ReleaseDetail]) -> Int {
        var size = 4096
        for detail in details {
            size += 1000 + 2 * ((detail.highlights?.utf8.count ?? 0) + (detail.head.summary?.utf8.count ?? 0))
            for entry in detail.sections.flatMap(\.groups).flatMap(\.entries) {
                size += 600 + 3 * entry.title.utf8.count + 2 * (entry.body?.utf8.count ?? 0) + 200 * entry.tickets.count
            }
        }
        return size + size / 2
    }
}
