import RelnotesModel

/// Reads a release record, `content/releases/<version>/release.md`.
package enum ReleaseLoader {
    package static func load(_ source: SourceFile, folder: String, config: SiteConfig) -> (Release?, [Diagnostic]) {
        var content: ContentReader
        do {
            content = try ContentReader(source, config: config)
        } catch {
            return (nil, [error])
        }
        content.checkKeys(of: ReleaseFields.self, in: "a release record")
        let mapping = content.mapping

        var version: SemanticVersion?
        if let field = mapping["version"], let text = content.reader.line(field) {
            do {
                version = try SemanticVersion(parsing: text)
                if text != folder {
                    content.reader.report(.error("version-folder-mismatch", "version '\(text)' does not match its folder '\(folder)'; rename one of them", at: field.valueLocation))
                }
            } catch {
                content.reader.report(.error("invalid-version", "'\(text)' is not a SemVer 2.0.0 version: \(error.reason)", at: field.valueLocation))
            }
        }
        let statusName = content.reader.choice(mapping["status"], of: ReleaseStatus.allCases.map(\.rawValue))
        let date = content.reader.date(mapping["date"])
        // Released and withdrawn releases carry the date they shipped. Only when no date is
        // written at all: a misspelt date has its own error.
        if let statusName, ["released", "withdrawn"].contains(statusName), mapping["date"]?.value.isNull ?? true {
            content.reader.report(.error("missing-date", "a \(statusName) release needs a 'date' (YYYY-MM-DD)", at: content.keys["status"]))
        }
        let audience = content.audience(default: config.defaultAudience)
        let fields: ReleaseFields = content.reader.fields(mapping)
        let overrides = content.overrides { reader, block -> ReleaseFields in reader.fields(block) }

        guard let version, let statusName, let status = ReleaseStatus(rawValue: statusName) else {
            return (nil, content.diagnostics)
        }
        let release = Release(
            version: version, status: status, date: date, audience: audience, fields: fields,
            overrides: overrides, body: content.file.body, entries: [], keys: content.keys)
        return (release, content.diagnostics)
    }
}
