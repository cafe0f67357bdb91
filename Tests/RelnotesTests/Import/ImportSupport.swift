import Foundation
import Testing
@testable import Relnotes
@testable import RelnotesModel
@testable import RelnotesWorkflow

/// Imports into temporary projects, and the comparison of histories the round trips use.
enum ImportRun {
    /// `history` written into a new project at `root` (default configuration unless
    /// `config` says otherwise), then loaded and checked: it must give no error.
    static func write(_ history: ImportedHistory, into root: URL, config: SiteConfig = SiteConfig()) throws -> Site {
        try ImportWriter(history: history, config: config).files(root: root).write(under: root, what: "relnotes import")
        let (site, diagnostics) = Site.load(root: root)
        guard let site, diagnostics.isEmpty else { throw DiagnosticsError(diagnostics) }
        return site
    }

    /// One file of a build of `site`, as text.
    static func output(_ site: Site, _ path: String, drafts: Bool = false) throws -> String {
        let files = try site.build(drafts: drafts)
        let file = try #require(files.first { $0.path == path }, "\(path) is built")
        return String(decoding: file.contents, as: UTF8.self)
    }

    /// What a CHANGELOG.md can give back of a history: per release its version, status,
    /// date and summary, and per type its items' titles and tickets in order. Types are
    /// compared per type, since a CHANGELOG.md orders its sections its own way.
    struct Shape: Equatable, CustomStringConvertible {
        var releases: [String]
        var entries: [String]

        init(_ history: ImportedHistory, summaries: Bool = true) {
            releases = history.releases.map { release in
                "\(release.version.text) \(release.status.rawValue) \(release.date)" + (summaries ? " \(release.summary ?? "-")" : "")
            }
            let groups = [("unreleased", history.unreleased)] + history.releases.map { ($0.version.text, $0.entries) }
            entries = groups.flatMap { version, entries in
                Dictionary(grouping: entries, by: \.type).sorted { $0.key < $1.key }.flatMap { type, items in
                    // relnotes' CHANGELOG.md writes a component before the title.
                    items.map { "\(version) \(type): \($0.component.map { "\($0): " } ?? "")\($0.title) \($0.tickets)" }
                }
            }
        }

        var description: String { (releases + entries).joined(separator: "\n") }
    }
}
