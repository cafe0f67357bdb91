import Foundation
import RelnotesMarkdown
import RelnotesModel

/// `relnotes import keepachangelog FILE`: a Keep a Changelog file, read from cmark's tree.
///
/// `## [x.y.z] - YYYY-MM-DD` starts a released release, `[YANKED]` (or relnotes' own
/// `[WITHDRAWN]`) after it a withdrawn one, `## [Unreleased]` the unreleased entries;
/// `### Added`… start sections, whose list items become entries of the mapped type (a
/// `####` heading inside a section names the component of the items below it). Text
/// between a release heading and its first section becomes the release's body. Anything
/// else is reported as skipped, never guessed: versions that are not SemVer, releases
/// without a date, sections that map to no type, text outside any release.
public struct KeepAChangelogImporter: Sendable {
    public var sections: ImportSectionTypes
    public var tickets: TicketConfig

    public init(sections: ImportSectionTypes, tickets: TicketConfig) {
        self.sections = sections
        self.tickets = tickets
    }

    /// Reads `text`, the file at `path` (as named in messages); refuses a text that
    /// Debian's cmark would take too long to parse (`ParserWork`).
    public func read(_ text: String, path: String) throws(DiagnosticsError) -> ImportedHistory {
        let problems = ParserWork.refuse(text, path: path)
        guard problems.isEmpty else { throw DiagnosticsError(problems) }
        var reader = Reader(path: path, sections: sections)
        for block in ChangelogOutline(parsing: text, tickets: tickets).blocks { reader.read(block) }
        reader.finishRelease()
        return reader.history
    }
}

private struct Reader {
    let path: String
    let sections: ImportSectionTypes
    var history = ImportedHistory()

    enum Place { case outside, unreleased, release(ImportedRelease), skipped }
    var place = Place.outside
    /// The current section's type; `nil` before the first section or in one that maps to none.
    var type: String?
    var inSection = false
    var component: String?
    var releaseLine = 1
    /// Blocks between the release heading and its first section.
    var prelude: [(markdown: String, inline: String?)] = []

    init(path: String, sections: ImportSectionTypes) {
        self.path = path
        self.sections = sections
    }

    func location(_ line: Int) -> SourceLocation { SourceLocation(path: path, line: line) }

    mutating func read(_ block: ChangelogOutline.Block) {
        switch block {
        case .heading(let level, let text, let line):
            switch level {
            case 1: finishRelease(); place = .outside
            case 2: startRelease(text, line: line)
            case 3: startSection(text, line: line)
            default:
                if inSection { component = text.trimmingCharacters(in: .whitespaces) }
            }
        case .item(let item):
            addItem(item)
        case .other(let markdown, let inline, let line):
            switch place {
            case .release where !inSection:
                prelude.append((markdown, inline))
            case .unreleased where !inSection:
                history.skip("text under [Unreleased] before its first section (unreleased entries have no release record to hold it)", at: location(line))
            case .release, .unreleased:
                history.skip("text in a section that is not a list item", at: location(line))
            case .outside, .skipped:
                break
            }
        }
    }

    // MARK: - Releases

    mutating func startRelease(_ text: String, line: Int) {
        finishRelease()
        inSection = false
        type = nil
        component = nil
        let heading = ReleaseHeading(text)
        if heading.name.lowercased() == "unreleased" {
            place = .unreleased
            return
        }
        place = .skipped
        let name = heading.name.first == "v" || heading.name.first == "V" ? String(heading.name.dropFirst()) : heading.name
        let version: SemanticVersion
        do {
            version = try SemanticVersion(parsing: name)
        } catch {
            history.skip("release '\(heading.name)' and its entries: not a SemVer version: \(error.reason)", at: location(line))
            return
        }
        if heading.markers.contains("DRAFT") {
            history.skip("release \(name) and its entries: marked [DRAFT], not published", at: location(line))
            return
        }
        guard let date = heading.date, CalendarDate(date) != nil else {
            let found = heading.date.map { "'\($0)' is not a YYYY-MM-DD date" } ?? "it has no date"
            history.skip("release \(name) and its entries: \(found); write '## [\(name)] - YYYY-MM-DD'", at: location(line))
            return
        }
        let withdrawn = heading.markers.contains("YANKED") || heading.markers.contains("WITHDRAWN")
        place = .release(ImportedRelease(version: version, status: withdrawn ? .withdrawn : .released, date: date))
        releaseLine = line
    }

    /// Adds the release read so far: a single paragraph under its heading is its summary
    /// (as relnotes' CHANGELOG.md writes it), more is its body.
    mutating func finishRelease() {
        if case .release(var release) = place {
            if prelude.count == 1, let summary = prelude[0].inline {
                release.summary = summary
            } else {
                release.body = prelude.map(\.markdown).joined(separator: "\n\n")
            }
            history.add(release, at: location(releaseLine))
        }
        prelude = []
        place = .outside
    }

    // MARK: - Sections and items

    mutating func startSection(_ text: String, line: Int) {
        component = nil
        switch place {
        case .release, .unreleased:
            inSection = true
            type = sections.type(of: text)
            if type == nil {
                history.skip("section '\(text)' and its items: it maps to no type; map it with --map '\(text)=TYPE'", at: location(line))
            }
        case .outside, .skipped:
            break
        }
    }

    mutating func addItem(_ item: ChangelogItem) {
        let published: Bool
        switch place {
        case .release: published = true
        case .unreleased: published = false
        case .skipped: return
        case .outside:
            history.skip("a list item outside any release", at: location(item.line))
            return
        }
        guard inSection else {
            history.skip("a list item before the release's first section", at: location(item.line))
            return
        }
        guard let type else { return }
        guard !item.title.isEmpty else {
            history.skip("a list item without a line of text to use as its title", at: location(item.line))
            return
        }
        let entry = ImportedEntry(type: type, title: item.title, body: item.body, tickets: item.tickets,
                                  component: component, audience: published ? "external" : nil)
        switch place {
        case .release(var release):
            release.entries.append(entry)
            place = .release(release)
        default:
            history.unreleased.append(entry)
        }
    }
}

/// The text of a release heading: `[1.2.0] - 2026-03-10 [YANKED]` → name, date, markers.
struct ReleaseHeading {
    var name: String
    var date: String?
    var markers: [String] = []

    init(_ text: String) {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        while rest.hasSuffix("]"), let open = rest.range(of: " [", options: .backwards) {
            markers.insert(rest[open.upperBound..<rest.index(before: rest.endIndex)].uppercased(), at: 0)
            rest = rest[..<open.lowerBound]
        }
        let separators = [" - ", " – ", " — "]
        if let cut = separators.compactMap({ rest.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) {
            date = rest[cut.upperBound...].trimmingCharacters(in: .whitespaces)
            rest = rest[..<cut.lowerBound]
        }
        var name = rest.trimmingCharacters(in: .whitespaces)
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        self.name = name
    }
}
