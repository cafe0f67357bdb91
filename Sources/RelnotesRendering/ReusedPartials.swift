import Mustache
import Synchronization

/// The sections of a release are shown on its page, in the changelog and in the feed, all
/// through `partials/section` with the same section values: rendered once, they are reused.
///
/// Reuse must not change a byte, so it is allowed only where the rendering of a section
/// cannot depend on where it is included:
/// - the partial, and every partial it includes, sets no delimiters, pragmas or blocks,
///   and includes no partial by a dynamic name;
/// - at its top level it asks for no `.` and no `first()`-style position;
/// - every include of it is in an HTML template, and not indented (an indented include
///   indents every line of what it includes);
/// - and, checked for each section as it is rendered once on its own, every name it looks
///   up is found in the section or inside it, never in the contexts around it.
///
/// Pages are rendered with a library in which `partials/section` shows the reused
/// rendering of the section it is given, or, where there is none, includes the original.
enum ReusedPartials {
    static let partial = "partials/section"
    static let original = "relnotes-original/partials/section"
    /// `.name`: looked up in the section itself only, never around it.
    static let stub = "{{{.relnotesReusedSection}}}{{^.relnotesReusedSection}}{{> \(original)}}{{/.relnotesReusedSection}}"

    /// The library pages are rendered with: `library`, with the section partial reusing,
    /// or `nil` when the templates do not allow reuse (`allowsReuse`).
    static func pageLibrary(_ library: MustacheLibrary, allowingReuse: Bool) -> MustacheLibrary? {
        guard allowingReuse, let section = library.getTemplate(named: partial),
              let stub = try? MustacheTemplate(string: stub) else { return nil }
        var pages = library
        pages.register(section, named: original)
        pages.register(stub, named: partial)
        return pages
    }

    /// Renders each section of `detail` on its own and keeps the rendering wherever it
    /// looked up nothing outside the section.
    static func prepare(_ detail: ReleaseDetail, with library: MustacheLibrary) {
        for section in detail.sections + (detail.newSections ?? []) + (detail.continuedSection.map { [$0] } ?? []) {
            let probe = SectionProbe(section: section)
            guard let html = library.render(probe, withTemplate: partial), !probe.lookedOutside else { continue }
            section.relnotesReusedSection.store(html)
        }
    }

    // MARK: - What the templates allow

    /// `sources`: every template's text, by name (without `.mustache`).
    static func allowsReuse(sources: [String: String]) -> Bool {
        guard let text = sources[partial], isSelfContained(text, sources: sources, depth: 0, seen: [partial]) else { return false }
        for (name, text) in sources where name != partial {
            for include in MustacheTags(text).tags where include.kind == ">" && include.name == partial {
                if name.hasSuffix(".md") || include.indentation.map({ !$0.isEmpty }) == true { return false }
            }
        }
        return true
    }

    private static func isSelfContained(_ text: String, sources: [String: String], depth: Int, seen: Set<String>) -> Bool {
        var level = depth
        for tag in MustacheTags(text).tags {
            switch tag.kind {
            case "=", "$", "<", "%": return false
            case "#", "^":
                if level == 0 && !isPlainName(tag.name) { return false }
                level += 1
            case "/":
                level -= 1
            case ">":
                guard !tag.name.hasPrefix("*"), !seen.contains(tag.name), let included = sources[tag.name],
                      isSelfContained(included, sources: sources, depth: level, seen: seen.union([tag.name])) else { return false }
            case "!":
                break
            default:
                if level == 0 && !isPlainName(tag.name) { return false }
            }
        }
        return true
    }

    /// A name looked up in the context stack: not `.`, not a position transform.
    private static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && !name.contains("(")
    }
}

/// A section rendered on its own: notes whether any name was looked up outside it.
private final class SectionProbe: MustacheParent {
    let section: EntrySection
    private(set) var lookedOutside = false

    init(section: EntrySection) { self.section = section }

    func child(named name: String) -> Any? {
        if let value = section.child(named: name) { return value }
        lookedOutside = true
        return nil
    }
}

/// A rendering kept for reuse: set once, read from any thread.
final class ReusedRendering: Sendable, TemplateValue {
    private let html = Mutex<String?>(nil)

    func store(_ rendered: String) { html.withLock { $0 = rendered } }

    static func templateValue(_ value: ReusedRendering) -> Any {
        value.html.withLock { $0 } ?? TemplateNull.value
    }
}

/// The tags of a Mustache template, as far as reuse needs them: each tag's kind (its first
/// character: `#`, `^`, `/`, `>`, `!`, `=`, `$`, `<`, `%`, `&`, `{`, or nothing for a
/// variable), its name, and for a tag alone on its line, the whitespace before it.
struct MustacheTags {
    struct Tag {
        var kind: Character?
        var name: String
        var indentation: Substring?
    }

    private(set) var tags: [Tag] = []

    init(_ text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = line[...]
            var found: [Tag] = []
            var outside = ""
            while let open = rest.range(of: "{{") {
                outside += rest[..<open.lowerBound]
                var body = rest[open.upperBound...]
                let triple = body.hasPrefix("{")
                if triple { body = body.dropFirst() }
                guard let close = body.range(of: triple ? "}}}" : "}}") else { break }
                let inner = body[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                var kind: Character? = triple ? "{" : inner.first.flatMap { "#^/>!=$<%&".contains($0) ? $0 : nil }
                var name = kind == nil || triple ? inner : String(inner.dropFirst()).trimmingCharacters(in: .whitespaces)
                if kind == "&" { kind = nil }
                if triple { name = inner }
                found.append(Tag(kind: kind, name: name, indentation: nil))
                rest = body[close.upperBound...]
            }
            outside += rest
            // A lone tag on its line (a standalone one): what stands before it.
            if found.count == 1, outside.allSatisfy({ $0 == " " || $0 == "\t" }) {
                found[0].indentation = line.prefix { $0 == " " || $0 == "\t" }
            }
            tags += found
        }
    }
}
