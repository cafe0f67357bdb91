import Foundation
import RelnotesFiles
import RelnotesModel

/// Reads `relnotes.yml`; a missing file means every default.
package enum ConfigLoader {
    package static let fileName = SiteConfig.fileName

    static func load(root: URL) -> (config: SiteConfig, diagnostics: [Diagnostic]) {
        let url = root.appending(path: fileName)
        // Not a warning, as for content: without its configuration a project would lose its
        // audiences and sensitive patterns. A FIFO is refused by `SourceFile.read`, unopened.
        if var refusal = ProjectBoundary(root: root).refusal(atPath: url.path, relative: fileName), refusal.code == "skipped-link" {
            refusal.severity = .error
            refusal.message = refusal.message.replacingOccurrences(of: "; it is skipped", with: "; relnotes does not read a configuration from outside the project")
            return (SiteConfig(), [refusal])
        }
        guard FileManager.default.fileExists(atPath: url.path) else { return (SiteConfig(), []) }
        do {
            let file = try SourceFile.read(url, as: fileName)
            return parse(file)
        } catch {
            return (SiteConfig(), [error])
        }
    }

    static func parse(_ file: SourceFile) -> (config: SiteConfig, diagnostics: [Diagnostic]) {
        let positions = YAMLPositions(path: file.path, firstLine: 1)
        let mapping: YAMLMapping
        do {
            mapping = try positions.parseMapping(file.text, fileStart: SourceLocation(path: file.path))
        } catch {
            return (SiteConfig(), [error])
        }
        var reader = ConfigReader(reader: FieldReader(positions: positions))
        let config = reader.read(mapping)
        return (config, reader.reader.diagnostics)
    }
}

/// The schema of `relnotes.yml`.
struct ConfigReader {
    var reader: FieldReader
    /// Audience names written in `sees`, types and `tickets.link_for`, checked once every
    /// audience is known.
    var references: [(text: String, location: SourceLocation)] = []

    static let keys = ["title", "base_url", "default_audience", "audiences", "types", "tickets", "prereleases",
                       "changelog_page_size", "feed_size", "unsafe_html", "sensitive_patterns", "require_entry",
                       "product", "announcement", "changelog"]

    mutating func read(_ mapping: YAMLMapping) -> SiteConfig {
        var config = SiteConfig()
        reader.checkKeys(mapping, allowed: Self.keys, in: "relnotes.yml")
        if let title = reader.line(mapping["title"]) { config.title = title }
        if let url = reader.line(mapping["base_url"]) { config.baseURL = readBaseURL(url, at: mapping["base_url"]!) }
        if let audiences = reader.mapping(mapping["audiences"]) { config.audiences = readAudiences(audiences) }
        if let types = reader.mapping(mapping["types"]) { config.types = readTypes(types) }
        if let tickets = reader.mapping(mapping["tickets"]) { readTickets(tickets, into: &config.tickets) }
        if let mode = reader.choice(mapping["prereleases"], of: PrereleaseMode.allCases.map(\.rawValue)) {
            config.prereleases = PrereleaseMode(rawValue: mode)!
        }
        if let size = reader.integer(mapping["changelog_page_size"], atLeast: 1) { config.changelogPageSize = size }
        if let size = reader.integer(mapping["feed_size"], atLeast: 1) { config.feedSize = size }
        if let unsafe = reader.bool(mapping["unsafe_html"]) { config.unsafeHTML = unsafe }
        if let field = mapping["sensitive_patterns"] { config.sensitivePatterns = readPatterns(field) }
        if let settings = reader.mapping(mapping["require_entry"]) {
            reader.checkKeys(settings, allowed: ["exempt", "skip_labels"], in: "'require_entry'")
            if let exempt = reader.locatedTexts(settings["exempt"]) { config.requireEntry.exempt = exempt.map(\.text) }
            if let labels = reader.locatedTexts(settings["skip_labels"]) { config.requireEntry.skipLabels = labels.map(\.text) }
        }
        readCommunication(mapping, into: &config)

        let names = config.audiences.map(\.name)
        if let field = mapping["default_audience"], let name = reader.line(field) {
            config.defaultAudience = name
            checkAudience(name, known: names, at: field.valueLocation)
        } else if !names.contains(config.defaultAudience) {
            reader.report(.error("unknown-audience", "the default audience 'internal' is not configured; set 'default_audience' to one of \(names.quotedList)", at: mapping["audiences"]?.keyLocation ?? mapping.location))
        }
        for reference in references { checkAudience(reference.text, known: names, at: reference.location) }
        // Defaults naming `internal` (the `impact` type, `link_for`) do not apply to a
        // configuration without that audience; only names written here are errors.
        for index in config.types.indices where config.types[index].audience.map(names.contains) == false {
            config.types[index].audience = nil
        }
        config.tickets.linkFor = config.tickets.linkFor.filter(names.contains)
        return config
    }

    // MARK: - Sections

    mutating func readBaseURL(_ url: String, at field: YAMLMapping.Field) -> String? {
        guard let parsed = URL(string: url), let scheme = parsed.scheme, ["http", "https"].contains(scheme.lowercased()), parsed.host != nil else {
            reader.report(.error("invalid-value", "'base_url' must be an absolute http(s) URL, not '\(url)'", at: field.valueLocation))
            return nil
        }
        // Pages are found by appending paths: a query or fragment would end up in the middle.
        let problem: String? = if parsed.query != nil || url.contains("?") {
            "'base_url' must not have a query ('?…'): page paths are appended to it"
        } else if parsed.fragment != nil || url.contains("#") {
            "'base_url' must not have a fragment ('#…'): page paths are appended to it"
        } else if let port = parsed.port, !(1...65_535).contains(port) {
            "'base_url' has the port \(port), which is not between 1 and 65535"
        } else if parsed.host?.isEmpty != false || url.contains(" ") {
            "'base_url' must be an absolute http(s) URL, not '\(url)'"
        } else {
            nil
        }
        if let problem {
            reader.report(.error("invalid-value", problem, at: field.valueLocation))
            return nil
        }
        return url.hasSuffix("/") ? url : url + "/"
    }

    mutating func readAudiences(_ mapping: YAMLMapping) -> [AudienceDefinition] {
        var audiences: [AudienceDefinition] = []
        for field in mapping.fields {
            guard checkName(field.key, of: "audience", at: field.keyLocation) else { continue }
            if ContentKeys.all.contains(field.key) {
                reader.report(.error("invalid-name", "audience name '\(field.key)' is taken by a front-matter key; choose another name", at: field.keyLocation))
                continue
            }
            var audience = AudienceDefinition(name: field.key, title: field.key.capitalized)
            if !field.value.isNull, let settings = reader.mapping(field) {
                reader.checkKeys(settings, allowed: ["title", "sees", "path", "base_url", "private"], in: "audience '\(field.key)'")
                if let title = reader.line(settings["title"]) { audience.title = title }
                if let sees = reader.locatedTexts(settings["sees"]) {
                    audience.sees = sees.map(\.text)
                    references += sees
                }
                readPublishing(settings, into: &audience)
            }
            audiences.append(audience)
        }
        if audiences.isEmpty {
            reader.report(.error("invalid-value", "'audiences' must name at least one audience", at: mapping.location))
            return SiteConfig().audiences
        }
        return audiences
    }

    /// `path`, `base_url` and `private` of one audience (`SiteConfig+Publishing`).
    mutating func readPublishing(_ settings: YAMLMapping, into audience: inout AudienceDefinition) {
        if let field = settings["path"], let path = reader.text(field) {
            let valid = path.isEmpty || (path != "." && path != ".." && path.allSatisfy { ($0.isASCIILetter && $0.isLowercase) || $0.isASCIIDigit || "-_.".contains($0) })
            if !valid {
                reader.report(.error("invalid-value", "'path' must be one folder name (lowercase letters, digits, '-', '_', '.') or \"\" for the output folder itself, not '\(path)'", at: field.valueLocation))
            } else {
                audience.path = path
            }
        }
        if let field = settings["base_url"], let url = reader.line(field) { audience.baseURL = readBaseURL(url, at: field) }
        if let isPrivate = reader.bool(settings["private"]) { audience.isPrivate = isPrivate }
    }

    mutating func readTypes(_ mapping: YAMLMapping) -> [EntryType] {
        var types: [EntryType] = []
        for field in mapping.fields {
            guard checkName(field.key, of: "type", at: field.keyLocation) else { continue }
            let fallback = EntryType.defaults.first { $0.name == field.key }
            var type = EntryType(name: field.key, title: fallback?.title ?? field.key.capitalized, audience: fallback?.audience)
            switch field.value {
            case .scalar where !field.value.isNull:
                if let title = reader.line(field) { type.title = title }
            case .mapping:
                if let settings = reader.mapping(field) {
                    reader.checkKeys(settings, allowed: ["title", "audience"], in: "type '\(field.key)'")
                    if let title = reader.line(settings["title"]) { type.title = title }
                    if let field = settings["audience"], let audience = reader.line(field) {
                        type.audience = audience
                        references.append((audience, field.valueLocation))
                    }
                }
            default:
                if !field.value.isNull {
                    reader.report(.error("type-mismatch", "type '\(field.key)' must be a title or a mapping with 'title' and 'audience'", at: field.valueLocation))
                }
            }
            types.append(type)
        }
        if types.isEmpty {
            reader.report(.error("invalid-value", "'types' must name at least one type", at: mapping.location))
            return EntryType.defaults
        }
        return types
    }

    mutating func readTickets(_ mapping: YAMLMapping, into tickets: inout TicketConfig) {
        reader.checkKeys(mapping, allowed: ["pattern", "url", "link_for"], in: "'tickets'")
        if let field = mapping["pattern"], let pattern = reader.line(field) {
            if pattern == tickets.pattern || readPattern(pattern, named: "'pattern'", at: field.valueLocation) != nil {
                tickets.pattern = pattern
                tickets.patternLocation = field.valueLocation
            }
        }
        if let field = mapping["url"], let url = reader.line(field) {
            if url.contains("{key}") {
                tickets.url = url
            } else {
                reader.report(.error("invalid-value", "'url' must contain '{key}' where the ticket key goes", at: field.valueLocation))
            }
        }
        if let linkFor = reader.locatedTexts(mapping["link_for"]) {
            tickets.linkFor = linkFor.map(\.text)
            references += linkFor
        }
    }

    mutating func readPatterns(_ field: YAMLMapping.Field) -> [SensitivePattern] {
        guard !field.value.isNull else { return [] }
        guard case .sequence(let items) = field.value else {
            reader.report(.error("type-mismatch", "'sensitive_patterns' must be a list of regular expressions", at: field.valueLocation))
            return []
        }
        var patterns: [SensitivePattern] = []
        for item in items {
            let location = reader.positions.location(of: item)
            guard case .scalar(let scalar) = item, !item.isNull else {
                reader.report(.error("type-mismatch", "items of 'sensitive_patterns' must be regular expressions", at: location))
                continue
            }
            if let regex = readPattern(scalar.string, named: "the sensitive pattern", at: location) {
                patterns.append(SensitivePattern(source: scalar.string, regex: regex, location: location))
            }
        }
        return patterns
    }

    /// A pattern that compiles, matches something and cannot backtrack for ever, or an error at its place.
    mutating func readPattern(_ pattern: String, named name: String, at location: SourceLocation) -> BoundedRegex? {
        do {
            return try BoundedRegex(validating: pattern)
        } catch {
            let problem: String
            switch error {
            case .empty: problem = "is empty, which would match every text; remove it or write what it must find"
            case .invalid: problem = "is not a valid regular expression (ICU syntax)"
            case .matchesEmptyText: problem = "matches the empty text, so it matches everywhere; make it require at least one character"
            case .backtracks(let probe): problem = "backtracks exponentially (on '\(probe)' repeated 40 times it gave up after 10 million steps); avoid nested or overlapping repetition such as '(a+)+' or '(a|aa)*'"
            }
            reader.report(.error("invalid-pattern", "\(name) '\(pattern)' \(problem)", at: location))
            return nil
        }
    }

    // MARK: - Names

    /// Audience and type names become folder names and CSS classes: keep them plain.
    mutating func checkName(_ name: String, of kind: String, at location: SourceLocation) -> Bool {
        let valid = name.first.map { $0.isASCIILetter && $0.isLowercase } == true
            && name.allSatisfy { ($0.isASCIILetter && $0.isLowercase) || $0.isASCIIDigit || $0 == "-" || $0 == "_" }
        if !valid {
            reader.report(.error("invalid-name", "\(kind) name '\(name)' must start with a lowercase letter and hold only lowercase letters, digits, '-' and '_'", at: location))
        }
        return valid
    }

    mutating func checkAudience(_ name: String, known: [String], at location: SourceLocation) {
        guard !known.contains(name) else { return }
        let hint = Suggestion.hint(for: name, in: known)
        reader.report(.error("unknown-audience", "unknown audience '\(name)'\(hint)", at: location))
    }
}
