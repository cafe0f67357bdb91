import RelnotesMarkdown
import RelnotesModel

/// Reads the front matter of one content file into model values; shared by releases,
/// entries and pages so that audiences and per-audience blocks behave the same in each.
struct ContentReader {
    var reader: FieldReader
    let config: SiteConfig
    let file: FrontMatterFile
    let mapping: YAMLMapping
    var keys: KeyLocations

    /// Splits and parses `source`; throws when the front matter itself cannot be read.
    init(_ source: SourceFile, config: SiteConfig) throws(Diagnostic) {
        file = try FrontMatterFile.split(source)
        let positions = YAMLPositions(path: file.path, firstLine: file.yamlFirstLine)
        let fileStart = SourceLocation(path: file.path)
        mapping = try positions.parseMapping(file.yaml, fileStart: fileStart)
        reader = FieldReader(positions: positions)
        self.config = config
        keys = KeyLocations(file: fileStart)
        for field in mapping.fields { keys[field.key] = field.valueLocation }
    }

    var diagnostics: [Diagnostic] { reader.diagnostics }
    var audienceNames: [String] { config.audiences.map(\.name) }

    /// Reports a key outside `Fields`' schema (and the audience blocks), then each key the
    /// schema requires that the file does not give. `place`: "a changelog entry".
    mutating func checkKeys<Fields: ContentFields>(of kind: Fields.Type, in place: String) {
        reader.checkKeys(mapping, allowed: Fields.keys, in: place, audiences: audienceNames)
        for key in Fields.requiredKeys {
            _ = reader.required(key, in: mapping, of: place)
        }
    }

    /// The `audience` key, or `fallback` when there is none. Unknown names are errors.
    mutating func audience(default fallback: String) -> AudienceTag {
        guard let field = mapping["audience"], let names = reader.locatedTexts(field) else {
            return AudienceTag([fallback])
        }
        var known: [String] = []
        for (name, location) in names {
            if audienceNames.contains(name) {
                known.append(name)
            } else {
                reader.report(.error("unknown-audience", "unknown audience '\(name)'\(Suggestion.hint(for: name, in: audienceNames))", at: location))
            }
        }
        if names.isEmpty {
            reader.report(.error("empty-value", "'audience' names no audience", at: field.valueLocation))
        }
        // An entry with a misspelt audience must not fall open: keep only what was understood.
        return AudienceTag(known, location: field.valueLocation)
    }

    /// The blocks keyed by an audience name, each read by `read` from its own mapping, which
    /// may hold the fields `Fields`' schema lets an audience block give.
    mutating func overrides<Fields: ContentFields>(read: (inout FieldReader, YAMLMapping) -> Fields) -> [AudienceOverride<Fields>] {
        var overrides: [AudienceOverride<Fields>] = []
        for field in mapping.fields where audienceNames.contains(field.key) {
            guard let block = reader.mapping(field) else { continue }
            reader.checkKeys(block, allowed: Fields.perAudienceKeys, in: "the '\(field.key)' block")
            overrides.append(AudienceOverride(audience: field.key, fields: read(&reader, block), location: field.keyLocation))
        }
        return overrides
    }
}

// MARK: - Field groups

extension FieldReader {
    /// The per-audience fields of `mapping` (the top level or an audience block), each read
    /// as its schema declares, in the schema's order. `tickets`: how tracker keys are told
    /// (entries only).
    mutating func fields<Fields: ContentFields>(_ mapping: YAMLMapping, tickets: (keys: TicketLinker, pattern: String)? = nil) -> Fields {
        var fields = Fields()
        for spec in Fields.schema {
            switch spec.storage {
            case .text(let path), .inlineMarkdown(let path):
                fields[keyPath: path] = line(mapping[spec.key])
            case .trackerKeys(let path):
                guard let tickets else { preconditionFailure("'\(spec.key)' needs tickets.pattern") }
                fields[keyPath: path] = self.tickets(mapping[spec.key], keys: tickets.keys, pattern: tickets.pattern)
            case .signOff(let path):
                if let field = mapping[spec.key], let signOff = self.mapping(field) {
                    fields[keyPath: path] = signOff.fields.compactMap { team in
                        guard let state = line(team) else { return nil }
                        return SignOff(team: team.key, state: state)
                    }
                }
            case .free(let path):
                fields[keyPath: path] = customFields(mapping)
            case nil:
                continue
            }
        }
        return fields
    }
}
