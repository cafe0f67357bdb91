import Foundation
import RelnotesFiles
import RelnotesModel

/// `relnotes import towncrier DIR`: a towncrier project's pending fragments, and, given its
/// rendered history (`NEWS.rst`), its released versions too.
///
/// Fragments (`<issue>.<type>[.<n>].md`, orphans `+…`) become unreleased entries; their
/// issues become tickets (`#123` for a number). Each release title of the history
/// (`title_format`, default `{name} {version} ({project_date})`) becomes a released release,
/// the items under each type's title its entries, with the issues rendered after them
/// (`issue_format`) taken back as tickets. Sections of `[[tool.towncrier.section]]` become
/// components.
public struct TowncrierImporter: Sendable {
    /// towncrier type (folder-name part, or its title) → relnotes type, over the defaults.
    public var mapping: [String: String]
    public var config: SiteConfig

    /// towncrier's default types and common additions.
    public static let defaultMapping = [
        "feature": "feature", "bugfix": "fix", "doc": "improvement", "removal": "removal", "misc": "improvement",
        "deprecation": "deprecation", "security": "security", "breaking": "api-change", "improvement": "improvement",
    ]

    public init(mapping: [String: String], config: SiteConfig) {
        self.mapping = mapping
        self.config = config
    }

    /// Reads the project in `folder` (named `display` in messages) and, when given, the
    /// rendered history at `historyURL` (named `historyDisplay`).
    public func read(folder: URL, display: String, history historyURL: URL? = nil, historyDisplay: String = "") throws(DiagnosticsError) -> ImportedHistory {
        let towncrier: TowncrierConfig
        do {
            towncrier = try TowncrierConfig.load(folder: folder)
        } catch {
            throw DiagnosticsError(error.diagnostics.map { diagnostic in
                var moved = diagnostic
                moved.location?.path = Self.join(display, diagnostic.location?.path ?? "")
                return moved
            })
        }
        var history = ImportedHistory()
        let types = ImportSectionTypes(mapping, config: config)
        if let historyURL {
            guard !["md", "markdown"].contains(historyURL.pathExtension.lowercased()) else {
                throw DiagnosticsError([.error("unsupported-history", "a Markdown history is not read by the towncrier importer, only towncrier's reStructuredText one (NEWS.rst); if this file follows Keep a Changelog, import it with 'relnotes import keepachangelog', and the fragments without --history", at: SourceLocation(path: historyDisplay))])
            }
            let text: String
            do {
                text = try String(contentsOf: historyURL, encoding: .utf8)
            } catch {
                throw DiagnosticsError([.error("unreadable-file", "cannot read the file: \(error.localizedDescription)", at: SourceLocation(path: historyDisplay))])
            }
            var reader = TowncrierHistoryReader(config: towncrier, types: types, tickets: config.tickets, path: historyDisplay)
            reader.read(RSTOutline(parsing: text))
            history.releases = reader.history.releases
            history.skipped = reader.history.skipped
        }
        let fragments = TowncrierFragments(config: towncrier, folder: folder, display: display)
        guard FileSystem.isDirectory(folder.appending(path: towncrier.directory)) else {
            throw DiagnosticsError([.error("no-fragments", "the fragment folder \(towncrier.directory)/ (towncrier's 'directory') does not exist", at: SourceLocation(path: Self.join(display, towncrier.file)))])
        }
        history.unreleased = fragments.entries(types: types, tickets: config.tickets, skipped: &history.skipped)
        return history
    }

    static func join(_ folder: String, _ path: String) -> String {
        folder.isEmpty || folder == "." ? path : (folder.hasSuffix("/") ? folder : folder + "/") + path
    }
}

/// A towncrier issue as a ticket: `#123` for a number, else as written.
func towncrierTicket(_ issue: String) -> String {
    !issue.isEmpty && issue.allSatisfy(\.isASCIIDigit) ? "#" + issue : issue
}
