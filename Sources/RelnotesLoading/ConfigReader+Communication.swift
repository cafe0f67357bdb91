import RelnotesModel

/// `product`, `announcement:` and `changelog:` of `relnotes.yml`: how releases are
/// communicated (announcement shapes, Keep a Changelog sections and links).
extension ConfigReader {
    mutating func readCommunication(_ mapping: YAMLMapping, into config: inout SiteConfig) {
        if let product = reader.line(mapping["product"]) { config.product = product }
        let typeNames = config.types.map(\.name)
        config.announcement = config.announcement.restricted(to: Set(typeNames))
        config.changelog = config.changelog.restricted(to: Set(typeNames))
        if let announcement = reader.mapping(mapping["announcement"]) {
            reader.checkKeys(announcement, allowed: ["internal", "external", "labelled"], in: "'announcement'")
            if let sections = reader.mapping(announcement["internal"]) {
                config.announcement.internalSections = readSections(sections, types: typeNames, titles: nil)
            }
            if let sections = reader.mapping(announcement["external"]) {
                config.announcement.externalSections = readSections(sections, types: typeNames, titles: nil)
            }
            if let labelled = reader.locatedTexts(announcement["labelled"]) {
                config.announcement.labelled = labelled.compactMap { checkType($0.text, known: typeNames, at: $0.location) }
            }
        }
        if let changelog = reader.mapping(mapping["changelog"]) {
            reader.checkKeys(changelog, allowed: ["sections", "compare_url", "tag_url", "unreleased_url"], in: "'changelog'")
            if let sections = reader.mapping(changelog["sections"]) {
                config.changelog.sections = readSections(sections, types: typeNames, titles: ChangelogConfig.sectionNames)
            }
            config.changelog.compareURL = readLinkTemplate(changelog["compare_url"], placeholders: ["{version}"])
            config.changelog.tagURL = readLinkTemplate(changelog["tag_url"], placeholders: ["{version}"])
            config.changelog.unreleasedURL = readLinkTemplate(changelog["unreleased_url"], placeholders: ["{latest}"])
        }
    }

    /// `Section title: [type, type]`, in order; with `titles`, only those section names.
    private mutating func readSections(_ mapping: YAMLMapping, types: [String], titles: [String]?) -> [SectionMapping] {
        var sections: [SectionMapping] = []
        var seen: Set<String> = []
        for field in mapping.fields {
            if let titles, !titles.contains(field.key) {
                reader.report(.error("invalid-value", "'\(field.key)' is not one of Keep a Changelog's sections \(titles.quotedList)\(Suggestion.hint(for: field.key, in: titles))", at: field.keyLocation))
                continue
            }
            var listed: [String] = []
            for type in reader.locatedTexts(field) ?? [] {
                guard let name = checkType(type.text, known: types, at: type.location) else { continue }
                if seen.contains(name) {
                    reader.report(.error("invalid-value", "type '\(name)' is listed in two sections; list it once", at: type.location))
                    continue
                }
                seen.insert(name)
                listed.append(name)
            }
            sections.append(SectionMapping(field.key, listed))
        }
        return sections
    }

    private mutating func checkType(_ name: String, known: [String], at location: SourceLocation) -> String? {
        guard known.contains(name) else {
            reader.report(.error("unknown-type", "unknown type '\(name)'\(Suggestion.hint(for: name, in: known))", at: location))
            return nil
        }
        return name
    }

    private mutating func readLinkTemplate(_ field: YAMLMapping.Field?, placeholders: [String]) -> String? {
        guard let field, let url = reader.line(field) else { return nil }
        for placeholder in placeholders where !url.contains(placeholder) {
            reader.report(.error("invalid-value", "'\(field.key)' must contain '\(placeholder)'", at: field.valueLocation))
            return nil
        }
        return url
    }
}
