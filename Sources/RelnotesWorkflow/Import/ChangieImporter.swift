import Foundation
import Yams
import RelnotesFiles
import RelnotesMarkdown
import RelnotesModel

/// `relnotes import changie DIR`: a changie project.
///
/// `.changie.yaml` gives the changes folder, the kinds and the custom fields. Each released
/// version file of the changes folder (`v1.2.0.md`, as changie renders it: `## v1.2.0 -
/// 2026-05-04`, `### Added`, `* …`) becomes a released release, read like a Keep a
/// Changelog file; each fragment of `unreleased/` (`kind`, `body`, `custom`) an unreleased
/// entry. Kinds map to types by label; custom fields named like a component (`Component`,
/// `Area`, `Scope`…) or a ticket (`Issue`, `Ticket`, `PR`…) become the entry's component and
/// tickets, or the fields `componentField` and `ticketFields` name.
public struct ChangieImporter: Sendable {
    /// Kind label → relnotes type, over the configured types' titles and names.
    public var mapping: [String: String]
    public var config: SiteConfig
    public var componentField: String?
    public var ticketFields: [String]

    static let componentNames: Set<String> = ["component", "components", "area", "scope", "module", "package"]
    static let ticketNames: Set<String> = ["issue", "issues", "ticket", "tickets", "jira", "pr", "pullrequest", "pull_request"]

    public init(mapping: [String: String], config: SiteConfig, componentField: String? = nil, ticketFields: [String] = []) {
        self.mapping = mapping
        self.config = config
        self.componentField = componentField
        self.ticketFields = ticketFields
    }

    /// Reads the project in `folder`, named `display` in messages.
    public func read(folder: URL, display: String) throws(DiagnosticsError) -> ImportedHistory {
        let settings = try ChangieConfig.load(folder: folder, display: display)
        let types = ImportSectionTypes(mapping, config: config)
        var history = ImportedHistory()
        let changes = folder.appending(path: settings.changesDir)
        guard FileSystem.isDirectory(changes) else {
            throw DiagnosticsError([.error("no-changes", "the changes folder \(settings.changesDir)/ (changie's 'changesDir') does not exist", at: SourceLocation(path: TowncrierImporter.join(display, ChangieConfig.fileName)))])
        }
        let reader = KeepAChangelogImporter(sections: types, tickets: config.tickets)
        for child in FileSystem.children(of: changes) where !child.isDirectory && child.name.hasSuffix(".\(settings.versionExt)") && child.name != settings.headerPath {
            let path = TowncrierImporter.join(display, "\(settings.changesDir)/\(child.name)")
            guard let text = try? String(contentsOf: child.url, encoding: .utf8) else {
                history.skip("\(child.name) is not readable UTF-8 text", at: SourceLocation(path: path))
                continue
            }
            let version = try reader.read(text, path: path)
            history.skipped += version.skipped
            for release in version.releases { history.add(release, at: SourceLocation(path: path)) }
        }
        // Newest first, as in a changelog.
        history.releases.sort { $0.version > $1.version }
        history.unreleased = unreleased(in: changes.appending(path: settings.unreleasedDir), settings: settings, types: types,
                                        display: TowncrierImporter.join(display, "\(settings.changesDir)/\(settings.unreleasedDir)"), skipped: &history.skipped)
        return history
    }

    // MARK: - Fragments

    private struct Fragment: Decodable {
        var kind: String?
        var body: String?
        var time: String?
        var custom: [String: String]?
    }

    private func unreleased(in folder: URL, settings: ChangieConfig, types: ImportSectionTypes, display: String, skipped: inout [Diagnostic]) -> [ImportedEntry] {
        var found: [(time: String, name: String, entry: ImportedEntry)] = []
        var unmappedFields: Set<String> = []
        for child in FileSystem.children(of: folder) where !child.isDirectory && (child.name.hasSuffix(".yaml") || child.name.hasSuffix(".yml")) {
            let location = SourceLocation(path: "\(display)/\(child.name)")
            let fragment: Fragment
            do {
                fragment = try YAMLDecoder().decode(Fragment.self, from: try String(contentsOf: child.url, encoding: .utf8))
            } catch {
                var problem = yamlDiagnostic(error, path: location.path)
                problem.severity = .warning
                problem.code = "import-skipped"
                problem.message = "skipped: not a changie fragment: \(problem.message)"
                skipped.append(problem)
                continue
            }
            let kind = settings.kinds.first { $0.label == fragment.kind || $0.key == fragment.kind }
            let label = kind?.label ?? fragment.kind ?? ""
            guard let type = types.type(of: label) ?? kind?.key.flatMap(types.type(of:)) else {
                skipped.append(.warning("import-skipped", "skipped: kind '\(label)' maps to no relnotes type; map it with --map '\(label.isEmpty ? "KIND" : label)=TYPE'", at: location))
                continue
            }
            let body = fragment.body?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            guard !body.isEmpty else {
                skipped.append(.warning("import-skipped", "skipped: a fragment without a body to use as a title", at: location))
                continue
            }
            var item = ChangelogItem(text: body, tickets: config.tickets)
            guard !item.title.isEmpty else {
                skipped.append(.warning("import-skipped", "skipped: a fragment whose body does not start with a paragraph to use as its title", at: location))
                continue
            }
            var component: String?
            for (key, value) in (fragment.custom ?? [:]).sorted(by: { $0.key < $1.key }) where !value.isEmpty {
                if key == componentField || (componentField == nil && Self.componentNames.contains(key.lowercased())) {
                    component = value
                } else if ticketFields.contains(key) || (ticketFields.isEmpty && Self.ticketNames.contains(key.lowercased())) {
                    for ticket in value.split(whereSeparator: { $0 == "," || $0 == " " }).map({ towncrierTicket(String($0)) }) where !item.tickets.contains(ticket) {
                        item.tickets.append(ticket)
                    }
                } else {
                    unmappedFields.insert(key)
                }
            }
            found.append((fragment.time ?? "", child.name, ImportedEntry(type: type, title: item.title, body: item.body, tickets: item.tickets, component: component)))
        }
        for key in unmappedFields.sorted() {
            skipped.append(.warning("import-skipped", "skipped: custom field '\(key)' of the fragments; name it with --component-field or --ticket-field to import it", at: SourceLocation(path: display)))
        }
        return found.sorted { ($0.time, $0.name) < ($1.time, $1.name) }.map(\.entry)
    }
}

/// The parts of `.changie.yaml` an import needs.
struct ChangieConfig: Decodable {
    static let fileName = ".changie.yaml"

    struct Kind: Decodable {
        var label: String
        var key: String?
    }

    var changesDir = ".changes"
    var unreleasedDir = "unreleased"
    var headerPath = "header.tpl.md"
    var versionExt = "md"
    var kinds: [Kind] = []

    enum CodingKeys: String, CodingKey { case changesDir, unreleasedDir, headerPath, versionExt, kinds }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        changesDir = try container.decodeIfPresent(String.self, forKey: .changesDir) ?? changesDir
        unreleasedDir = try container.decodeIfPresent(String.self, forKey: .unreleasedDir) ?? unreleasedDir
        headerPath = try container.decodeIfPresent(String.self, forKey: .headerPath) ?? headerPath
        versionExt = try container.decodeIfPresent(String.self, forKey: .versionExt) ?? versionExt
        kinds = try container.decodeIfPresent([Kind].self, forKey: .kinds) ?? []
    }

    static func load(folder: URL, display: String) throws(DiagnosticsError) -> ChangieConfig {
        let path = TowncrierImporter.join(display, fileName)
        var url = folder.appending(path: fileName)
        if !FileManager.default.fileExists(atPath: url.path) { url = folder.appending(path: ".changie.yml") }
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw DiagnosticsError([.error("no-changie", "\(folder.path) holds no readable .changie.yaml; is this a changie project?", at: nil)])
        }
        do {
            return try YAMLDecoder().decode(ChangieConfig.self, from: text)
        } catch {
            throw DiagnosticsError([yamlDiagnostic(error, path: path)])
        }
    }
}

/// A YAML or decoding error of a changie file as a diagnostic at its place.
private func yamlDiagnostic(_ error: Error, path: String) -> Diagnostic {
    var error = error
    if case DecodingError.dataCorrupted(let context) = error, let underlying = context.underlyingError { error = underlying }
    switch error {
    case let YamlError.scanner(_, problem, mark, _), let YamlError.parser(_, problem, mark, _), let YamlError.composer(_, problem, mark, _):
        return .error("invalid-yaml", "invalid YAML: \(problem)", at: SourceLocation(path: path, line: mark.line, column: mark.column))
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context), DecodingError.keyNotFound(_, let context):
        let field = context.codingPath.map(\.stringValue).joined(separator: ".")
        return .error("invalid-value", "'\(field)': \(context.debugDescription.lowercased())", at: SourceLocation(path: path))
    default:
        return .error("invalid-yaml", "invalid YAML: \(error)", at: SourceLocation(path: path))
    }
}
