import RelnotesAudience
import RelnotesModel

/// Every text of an audience's filtered site, with where it was written, found by walking
/// the resolved values (`Mirror`) rather than by listing their fields: a field added to
/// `VisibleRelease`, `ReleaseRecord`, `VisibleEntry`, `VisiblePage` or a field group is
/// searched by the sensitive patterns without anyone editing the check.
///
/// The site and its resolved values (`ResolvedValue`) are walked property by property;
/// any other value is one field's: a string is a text at the front-matter key of its
/// property (`releaseManager` → `release_manager`), a list gives one text per item, a value
/// of several strings (a sign-off) one text of them joined by spaces, a version its text.
/// A Markdown body gives its lines as filtered for the audience, `extra:` its texts at
/// their own positions. Texts with no place in a file (the Unreleased notes' title) are
/// not searched. Releases come first, then every entry once (folded candidates list
/// an entry more than once), then pages.
struct SiteTexts {
    /// The lines of a body the audience sees.
    let bodyLines: (MarkdownSource) -> [(String, SourceLocation)]
    private(set) var found: [(String, SourceLocation)] = []
    private var entries: [VisibleEntry] = []
    private var entryIDs = Set<String>()
    private var pages: [VisiblePage] = []

    init(bodyLines: @escaping (MarkdownSource) -> [(String, SourceLocation)]) {
        self.bodyLines = bodyLines
    }

    mutating func add(_ site: AudienceSite) {
        walk(site, keys: nil)
        for entry in entries { walk(entry, keys: entry.keys) }
        for page in pages { walk(page, keys: page.keys) }
    }

    // MARK: - Walking

    /// The properties of a resolved value; `keys`: where its fields were written.
    private mutating func walk(_ value: some ResolvedValue, keys: KeyLocations?) {
        for child in Mirror(reflecting: value).children {
            add(child.value, key: child.label.map(Self.frontMatterKey) ?? "", keys: keys)
        }
    }

    private mutating func add(_ value: Any, key: String, keys: KeyLocations?) {
        // The commonest values first: a cast to a type is a search at run time.
        if let text = value as? String {
            self.text(text, key: key, keys: keys)
            return
        }
        if let texts = value as? [String] {
            for text in texts { self.text(text, key: key, keys: keys) }
            return
        }
        switch value {
        case is Bool, is KeyLocations, is SourceLocation:
            break
        case let source as MarkdownSource:
            found += bodyLines(source)
        case let entry as VisibleEntry:
            if entryIDs.insert(entry.id).inserted { entries.append(entry) }
        case let page as VisiblePage:
            pages.append(page)
        case let release as VisibleRelease:
            walk(release, keys: release.release?.keys)
        case let version as SemanticVersion:
            text(version.text, key: key, keys: keys)
        case let custom as CustomFields:
            found += custom.texts
        case let resolved as any ResolvedValue:
            walk(resolved, keys: keys)
        default:
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .optional, .collection, .set:
                for child in mirror.children { add(child.value, key: key, keys: keys) }
            case .struct:
                let parts = mirror.children.compactMap { $0.value as? String }
                if !parts.isEmpty { text(parts.joined(separator: " "), key: key, keys: keys) }
            default:
                // Numbers and enumerations (a status) hold no written text.
                break
            }
        }
    }

    private mutating func text(_ text: String, key: String, keys: KeyLocations?) {
        guard let keys else { return }
        found.append((text, keys[key]))
    }

    /// `releaseManager` → `release_manager`: the key a property is written under.
    static func frontMatterKey(_ label: String) -> String {
        guard label.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else { return label }
        var key = ""
        for character in label {
            if character.isUppercase { key += "_" + character.lowercased() } else { key.append(character) }
        }
        return key
    }
}
