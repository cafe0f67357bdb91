import Foundation

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
        // Room for all of it at once: growing a buffer of tens of megabytes by doubling
        // would hold two copies of it for a while.
        var json = PrettyJSON(capacity: estimatedSize)
        json.object { json in
            json.member("audience", audience)
            json.member("latest", latest)
            json.member("releases") { json in json.array(releases) { json, release in release.write(to: &json) } }
            json.member("schema", schema)
            json.member("title", title)
        }
        var data = json.bytes
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// About the size of the JSON text: its strings, with room for escapes and layout.
    private var estimatedSize: Int {
        var size = 4096
        for release in releases {
            size += 600 + [release.highlightsHtml, release.highlightsText, release.summaryHtml, release.summary].reduce(0) { $0 + ($1?.utf8.count ?? 0) }
            for entry in release.entries {
                size += 500 + entry.title.utf8.count * 2 + (entry.bodyHtml?.utf8.count ?? 0) + (entry.bodyText?.utf8.count ?? 0) + entry.tickets.count * 160
            }
        }
        return size + size / 8
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
            json.member("tickets") { json in
                json.array(tickets) { json, ticket in
                    json.object { json in
                        json.member("key", ticket.key)
                        json.member("url", ticket.url)
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

/// Builds `releases.json` from what the site pages were built from.
struct ReleasesJSONBuilder {
    let views: ViewBuilder
    let text: ViewBuilder

    func build(_ releases: [(visible: VisibleRelease, detail: ReleaseDetail)]) throws(DiagnosticsError) -> ReleasesDocument {
        var records: [ReleasesDocument.ReleaseRecord] = []
        for (visible, detail) in releases {
            let head = detail.head
            let textDetail = try text.detail(of: visible)
            records.append(ReleasesDocument.ReleaseRecord(
                version: visible.versionText, status: head.status, date: head.date,
                title: head.hasTitle ? head.titleText : nil, titleHtml: head.hasTitle ? head.title : nil,
                summary: textDetail.head.summary, summaryHtml: head.summary,
                path: head.path, line: head.line, latest: head.isLatest, draft: head.isDraft,
                prerelease: head.isCandidate,
                highlightsHtml: detail.highlights, highlightsText: textDetail.highlights,
                entries: entries(html: detail, text: textDetail)))
        }
        return ReleasesDocument(
            schema: ReleasesDocument.schemaVersion, audience: views.audience, title: views.config.title,
            latest: views.site.latest?.text, releases: records)
    }

    private func entries(html: ReleaseDetail, text: ReleaseDetail) -> [ReleasesDocument.EntryRecord] {
        let pairs = zip(html.sections.flatMap(\.groups).flatMap(\.entries), text.sections.flatMap(\.groups).flatMap(\.entries))
        let types = html.sections.flatMap { section in section.groups.flatMap(\.entries).map { _ in section } }
        return zip(pairs, types).map { pair, section in
            let (entry, plain) = pair
            return ReleasesDocument.EntryRecord(
                id: entry.id, type: section.type, typeTitle: section.title,
                title: entry.titleText, titleHtml: entry.title,
                bodyHtml: entry.body, bodyText: plain.body,
                component: entry.component,
                tickets: entry.tickets.map { ReleasesDocument.TicketRecord(key: $0.key, url: $0.url) },
                breaking: entry.breaking, fromVersion: entry.fromVersion)
        }
    }
}
