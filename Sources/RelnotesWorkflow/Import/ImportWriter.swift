import Foundation
import RelnotesMarkdown
import RelnotesModel
import RelnotesLoading

/// Turns an `ImportedHistory` into the files of a relnotes project: one folder per release
/// with its `release.md`, one file per entry, numbered so that entries keep the order they
/// had in the source (relnotes lists a folder's entries in file-name order).
public struct ImportWriter: Sendable {
    public var history: ImportedHistory
    public var config: SiteConfig

    public init(history: ImportedHistory, config: SiteConfig) {
        self.history = history
        self.config = config
    }

    /// Every file the import adds, or the problems that stop it: a type the configuration
    /// lacks, a release folder that exists already.
    public func files(root: URL) throws(DiagnosticsError) -> NewFiles {
        var problems: [Diagnostic] = []
        let types = Set(history.releases.flatMap(\.entries).map(\.type) + history.unreleased.map(\.type))
        for type in types.sorted() where config.type(named: type) == nil {
            problems.append(.error("unknown-type", "the import maps entries to type '\(type)', which relnotes.yml does not configure; add it to 'types' or map the section to another type\(Suggestion.hint(for: type, in: config.types.map(\.name)))", at: nil))
        }
        var files: [OutputFile] = []
        for release in history.releases {
            let folder = "content/releases/\(release.version.text)"
            if FileManager.default.fileExists(atPath: root.appending(path: folder).path) {
                problems.append(.error("exists", "\(folder)/ exists already; the import never overwrites a release, and changed nothing", at: nil))
            }
            files.append(OutputFile(path: "\(folder)/release.md", text: recordText(release)))
            files += entryFiles(release.entries, in: folder)
        }
        files += entryFiles(history.unreleased, in: "content/releases/\(ProjectLoader.unreleasedFolder)")
        guard problems.isEmpty else { throw DiagnosticsError(problems) }
        return NewFiles(files)
    }

    /// `imported 10 releases (1 withdrawn) with 42 entries, and 3 unreleased entries; 2 skipped`
    public var summary: String {
        let withdrawn = history.releases.filter { $0.status == .withdrawn }.count
        let entries = history.releases.map(\.entries.count).reduce(0, +)
        return "\(count(history.releases.count, "release")) (\(withdrawn) withdrawn) with \(count(entries, "entry", "entries")), "
            + "\(count(history.unreleased.count, "unreleased entry", "unreleased entries")); \(history.skipped.count) skipped"
    }

    // MARK: - Files

    private func recordText(_ release: ImportedRelease) -> String {
        var lines = ["---", "version: \(YAMLText.quoted(release.version.text))", "status: \(release.status.rawValue)", "date: \(release.date)"]
        if let summary = release.summary { lines.append("summary: \(YAMLText.quoted(summary))") }
        lines += ["audience: external", "---"]
        var text = lines.joined(separator: "\n") + "\n"
        if !release.body.isEmpty { text += release.body + "\n" }
        return text
    }

    private func entryFiles(_ entries: [ImportedEntry], in folder: String) -> [OutputFile] {
        let width = max(2, String(entries.count).count)
        return entries.enumerated().map { index, entry in
            let number = String(index + 1)
            let prefix = String(repeating: "0", count: width - number.count) + number
            let words = Slug.make(from: entry.title).split(separator: "-").prefix(6).joined(separator: "-")
            let name = words.isEmpty ? prefix : "\(prefix)-\(words)"
            return OutputFile(path: "\(folder)/\(name).md", text: entryText(entry))
        }
    }

    /// An entry's file. References that are not tracker keys of this project (towncrier's
    /// `#123` under the default `tickets.pattern`) cannot be `tickets:`, which `check`
    /// holds to the pattern: they stay in the body, as an `Issues:` line, so none is lost.
    func entryText(_ entry: ImportedEntry) -> String {
        let keys = TicketLinker(config.tickets, linking: false)
        let tickets = entry.tickets.filter(keys.isKey)
        let others = entry.tickets.filter { !keys.isKey($0) }
        var lines = ["---", "type: \(entry.type)", "title: \(YAMLText.quoted(entry.title))"]
        if let audience = entry.audience { lines.append("audience: \(audience)") }
        if !tickets.isEmpty { lines.append("tickets: [\(tickets.map(YAMLText.quoted).joined(separator: ", "))]") }
        if let component = entry.component { lines.append("component: \(YAMLText.quoted(component))") }
        lines.append("---")
        var text = lines.joined(separator: "\n") + "\n"
        var body = entry.body
        if !others.isEmpty { body += (body.isEmpty ? "" : "\n\n") + "Issues: " + others.map(MarkdownText.escape).joined(separator: ", ") }
        if !body.isEmpty { text += body + "\n" }
        return text
    }

    private func count(_ number: Int, _ one: String, _ many: String? = nil) -> String {
        "\(number) \(number == 1 ? one : many ?? one + "s")"
    }
}
