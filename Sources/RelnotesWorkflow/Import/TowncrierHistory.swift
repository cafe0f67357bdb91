import Foundation
import RelnotesMarkdown
import RelnotesModel

/// The released history of a towncrier project, read from its rendered `NEWS.rst`.
struct TowncrierHistoryReader {
    let config: TowncrierConfig
    let types: ImportSectionTypes
    let tickets: TicketConfig
    let path: String
    var history = ImportedHistory()

    private var releaseLevel: Int?
    private var release: ImportedRelease?
    private var releaseLine = 1
    /// The relnotes type of the current section; `nil` before one or in one that maps to none.
    private var type: String?
    private var inSection = false
    private var component: String?

    init(config: TowncrierConfig, types: ImportSectionTypes, tickets: TicketConfig, path: String) {
        self.config = config
        self.types = types
        self.tickets = tickets
        self.path = path
    }

    mutating func read(_ outline: RSTOutline) {
        for block in outline.blocks {
            switch block {
            case .title(let level, let text, let line): title(text, level: level, line: line)
            case .item(let text, let line): item(text, line: line)
            case .other(let line):
                if release != nil { history.skip("text that is not a list item", at: SourceLocation(path: path, line: line)) }
            }
        }
        finish()
    }

    private mutating func finish() {
        if let release { history.add(release, at: SourceLocation(path: path, line: releaseLine)) }
        release = nil
    }

    // MARK: - Titles

    private mutating func title(_ text: String, level: Int, line: Int) {
        let location = SourceLocation(path: path, line: line)
        if let releaseLevel, level > releaseLevel {
            section(text, at: location)
            return
        }
        if let releaseLevel, level < releaseLevel { return }
        guard let fields = TitleFormat(config.titleFormat).match(text), let versionText = fields["version"] else {
            if releaseLevel != nil {
                finish()
                history.skip("title '\(text)' does not read as title_format '\(config.titleFormat)'", at: location)
            }
            return
        }
        releaseLevel = level
        finish()
        inSection = false
        type = nil
        component = nil
        let version: SemanticVersion
        do {
            version = try SemanticVersion(parsing: versionText)
        } catch {
            history.skip("release '\(versionText)' and its entries: not a SemVer version: \(error.reason)", at: location)
            return
        }
        guard let date = fields["project_date"], CalendarDate(date) != nil else {
            history.skip("release \(versionText) and its entries: \(fields["project_date"].map { "'\($0)' is not a YYYY-MM-DD date" } ?? "it has no date")", at: location)
            return
        }
        release = ImportedRelease(version: version, status: .released, date: date)
        releaseLine = line
    }

    private mutating func section(_ text: String, at location: SourceLocation) {
        guard release != nil else { return }
        if let fragmentType = config.types.first(where: { $0.name == text }) {
            inSection = true
            type = types.type(of: fragmentType.directory) ?? types.type(of: fragmentType.name)
            if type == nil { history.skip("section '\(text)' and its items: type '\(fragmentType.directory)' maps to no relnotes type; map it with --map '\(fragmentType.directory)=TYPE'", at: location) }
        } else if config.sections.contains(where: { $0.name == text && !$0.name.isEmpty }) {
            component = text
            inSection = false
            type = nil
        } else if let mapped = types.type(of: text) {
            inSection = true
            type = mapped
        } else {
            inSection = true
            type = nil
            history.skip("section '\(text)' and its items: it names no towncrier type; map it with --map '\(text)=TYPE'", at: location)
        }
    }

    // MARK: - Items

    private mutating func item(_ text: String, line: Int) {
        let location = SourceLocation(path: path, line: line)
        guard release != nil else { return }
        guard inSection else {
            history.skip("a list item outside a type's section", at: location)
            return
        }
        guard let type else { return }
        let (content, issues) = IssueList(format: config.issueFormat, tickets: tickets).split(text)
        guard !content.isEmpty else {
            history.skip("an item without text to use as a title (its type shows only issues)", at: location)
            return
        }
        var item = ChangelogItem(text: content, line: line, tickets: tickets)
        guard !item.title.isEmpty else {
            history.skip("an item that does not start with a paragraph to use as its title", at: location)
            return
        }
        for issue in issues.reversed() where !item.tickets.contains(issue) { item.tickets.insert(issue, at: 0) }
        release?.entries.append(ImportedEntry(type: type, title: item.title, body: item.body, tickets: item.tickets,
                                              component: component, audience: "external"))
    }
}

/// towncrier's `title_format` (`{name} {version} ({project_date})`) matched against a
/// rendered title, from the right, so that a name may hold spaces.
struct TitleFormat {
    /// Literal text and `{field}` names, alternating, starting with literal text.
    private var literals: [String] = []
    private var fields: [String] = []

    init(_ format: String) {
        var rest = Substring(format)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            literals.append(String(rest[..<open]))
            fields.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        literals.append(String(rest))
    }

    func match(_ title: String) -> [String: String]? {
        guard let last = literals.last, title.hasSuffix(last) else { return nil }
        var rest = Substring(title).dropLast(last.count)
        var values: [String: String] = [:]
        for index in fields.indices.reversed() {
            let before = literals[index]
            if index == 0 {
                guard rest.hasPrefix(before) else { return nil }
                values[fields[index]] = rest.dropFirst(before.count).trimmingCharacters(in: .whitespaces)
            } else {
                guard !before.isEmpty, let range = rest.range(of: before, options: .backwards) else { return nil }
                values[fields[index]] = rest[range.upperBound...].trimmingCharacters(in: .whitespaces)
                rest = rest[..<range.lowerBound]
            }
        }
        return values
    }
}

/// The issues towncrier renders after an item's text: ` (#123, #124)`, each in `issue_format`.
struct IssueList {
    let format: String?
    let tickets: TicketConfig

    /// The item's text without the trailing issue list, and the issues as tickets.
    func split(_ text: String) -> (content: String, issues: [String]) {
        let whole = text.trimmingCharacters(in: .whitespacesAndNewlines)
        // An item of a type that shows no content is the issue list alone.
        if let issues = issues(in: whole) { return ("", issues) }
        guard whole.hasSuffix(")"), let open = whole.range(of: "(", options: .backwards),
              let issues = issues(in: String(whole[open.upperBound..<whole.index(before: whole.endIndex)])) else { return (whole, []) }
        return (whole[..<open.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines), issues)
    }

    private func issues(in list: String) -> [String]? {
        let parts = list.components(separatedBy: ", ")
        let issues = parts.compactMap(issue)
        return issues.count == parts.count && !issues.isEmpty ? issues : nil
    }

    /// The ticket of one rendered issue, or `nil` when `part` is not one.
    private func issue(_ part: String) -> String? {
        let part = part.trimmingCharacters(in: .whitespaces)
        guard let format, let marker = format.range(of: "{issue}") else {
            if part.hasPrefix("#"), part.count > 1, part.dropFirst().allSatisfy(\.isASCIIDigit) { return part }
            let keys = TicketLinker(tickets).keys(in: part)
            return keys.count == 1 && keys[0] == part.startIndex..<part.endIndex ? part : nil
        }
        let prefix = format[..<marker.lowerBound]
        let after = format[marker.upperBound...]
        let literal = after.range(of: "{issue}").map { after[..<$0.lowerBound] } ?? after
        guard part.hasPrefix(prefix) else { return nil }
        let rest = part.dropFirst(prefix.count)
        let end = literal.isEmpty ? rest.endIndex : (rest.range(of: literal)?.lowerBound ?? rest.endIndex)
        let issue = String(rest[..<end])
        guard !issue.isEmpty, format.replacingOccurrences(of: "{issue}", with: issue) == part else { return nil }
        return towncrierTicket(issue)
    }
}
