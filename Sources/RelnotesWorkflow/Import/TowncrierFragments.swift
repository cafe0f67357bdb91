import Foundation
import RelnotesFiles
import RelnotesMarkdown
import RelnotesModel

/// The pending fragments of a towncrier project, as unreleased entries.
struct TowncrierFragments {
    let config: TowncrierConfig
    let folder: URL
    let display: String

    /// Files towncrier itself passes over in a fragment folder.
    static let ignored: Set<String> = [".gitignore", ".gitkeep", ".keep", "README", "README.md", "README.rst", "template.rst", "template.md", "template.jinja"]

    /// A fragment file name: `<issue>.<type>[.<counter>][.<extension>]`, read as towncrier
    /// does, looking for a known type from the back.
    static func parse(_ name: String, types: [String]) -> (issue: String, type: String, counter: Int)? {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1 else { return nil }
        for index in stride(from: parts.count - 1, through: 1, by: -1) where types.contains(parts[index]) {
            let counter = index + 1 < parts.count ? Int(parts[index + 1]) ?? 0 : 0
            return (parts[0..<index].joined(separator: ".").trimmingCharacters(in: .whitespaces), parts[index], counter)
        }
        return nil
    }

    func entries(types mapping: ImportSectionTypes, tickets: TicketConfig, skipped: inout [Diagnostic]) -> [ImportedEntry] {
        var entries: [(order: (Int, Int, String, Int), entry: ImportedEntry, path: String)] = []
        let typeNames = config.types.map(\.directory)
        for section in config.sections {
            let relative = section.path.isEmpty ? config.directory : "\(config.directory)/\(section.path)"
            for child in FileSystem.children(of: folder.appending(path: relative)) where !child.isDirectory && !Self.ignored.contains(child.name) {
                let path = TowncrierImporter.join(display, "\(relative)/\(child.name)")
                let location = SourceLocation(path: path)
                guard let (issue, typeName, counter) = Self.parse(child.name, types: typeNames), let type = config.types.first(where: { $0.directory == typeName }) else {
                    skipped.append(.warning("import-skipped", "skipped: '\(child.name)' is not named <issue>.<type>[.<n>].md with a configured type (\(typeNames.joined(separator: ", ")))", at: location))
                    continue
                }
                guard let relnotesType = mapping.type(of: type.directory) ?? mapping.type(of: type.name) else {
                    skipped.append(.warning("import-skipped", "skipped: type '\(type.directory)' maps to no relnotes type; map it with --map '\(type.directory)=TYPE'", at: location))
                    continue
                }
                let text = (try? String(contentsOf: child.url, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                guard type.showContent, !text.isEmpty else {
                    skipped.append(.warning("import-skipped", "skipped: a fragment without text to use as a title (type '\(type.directory)' shows only its issue)", at: location))
                    continue
                }
                var item = ChangelogItem(text: text, tickets: tickets)
                guard !item.title.isEmpty else {
                    skipped.append(.warning("import-skipped", "skipped: a fragment that does not start with a paragraph to use as its title", at: location))
                    continue
                }
                let orphan = issue.hasPrefix(config.orphanPrefix) || issue.isEmpty
                if !orphan { item.tickets.insert(towncrierTicket(issue), at: 0) }
                let entry = ImportedEntry(type: relnotesType, title: item.title, body: item.body, tickets: item.tickets,
                                          component: section.name.isEmpty ? nil : section.name)
                let typeIndex = typeNames.firstIndex(of: typeName) ?? 0
                let number = Int(issue) ?? Int.max
                entries.append(((typeIndex, number, issue, counter), entry, path))
            }
        }
        entries.sort { $0.order < $1.order || ($0.order == $1.order && $0.path < $1.path) }
        // towncrier lists fragments of one type with the same text once, with all their issues.
        var merged: [ImportedEntry] = []
        for (_, entry, _) in entries {
            if let index = merged.firstIndex(where: { $0.type == entry.type && $0.component == entry.component && $0.title == entry.title && $0.body == entry.body }) {
                for ticket in entry.tickets where !merged[index].tickets.contains(ticket) { merged[index].tickets.append(ticket) }
            } else {
                merged.append(entry)
            }
        }
        return merged
    }
}
