import RelnotesMarkdown
import RelnotesModel

/// Reads a changelog entry: any `.md` file of a release folder other than `release.md`.
enum EntryLoader {
    static func load(_ source: SourceFile, id: String, folder: SemanticVersion?, config: SiteConfig) -> (Entry?, [Diagnostic]) {
        var content: ContentReader
        do {
            content = try ContentReader(source, config: config)
        } catch {
            return (nil, [error])
        }
        content.checkKeys(of: EntryFields.self, in: "a changelog entry")
        let mapping = content.mapping

        var type: EntryType?
        if let field = mapping["type"], let name = content.reader.line(field) {
            type = config.type(named: name)
            if type == nil {
                let hint = Suggestion.hint(for: name, in: config.types.map(\.name))
                content.reader.report(.error("unknown-type", "unknown type '\(name)'\(hint)", at: field.valueLocation))
            }
        }
        let audience = content.audience(default: type?.audience ?? config.defaultAudience)
        let breaking = content.reader.bool(mapping["breaking"]) ?? false
        let resolvedIn = content.reader.version(mapping["resolved_in"])
        let keys = TicketLinker(config.tickets, linking: false)
        let tickets = (keys: keys, pattern: config.tickets.pattern)
        let fields: EntryFields = content.reader.fields(mapping, tickets: tickets)
        let overrides = content.overrides { reader, block -> EntryFields in
            reader.fields(block, tickets: tickets)
        }

        guard let type, fields.title != nil else { return (nil, content.diagnostics) }
        let entry = Entry(
            id: id, type: type.name, audience: audience, breaking: breaking, fields: fields,
            overrides: overrides, body: content.file.body, keys: content.keys, folder: folder, resolvedIn: resolvedIn)
        return (entry, content.diagnostics)
    }
}
