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

    /// The JSON text: keys sorted, so the same input always gives the same bytes.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    public static func decode(_ data: Data) throws -> ReleasesDocument {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(ReleasesDocument.self, from: data)
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
