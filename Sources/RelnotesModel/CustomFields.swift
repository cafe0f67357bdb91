/// A team's own fields: the free `extra:` mapping of a release, an entry or a page, and of
/// an audience block inside one (`internal: {extra: {owner: Dana}}`).
///
/// relnotes gives them no meaning: templates reach them as `extra.KEY`, the built-in theme
/// shows none, and they are left out of `releases.json`, the feed and the notes unless a
/// template asks for them. Like every field they obey the audience rules (a block's fields
/// reach only the audiences that see it) and the sensitive patterns (their text is checked
/// wherever an untrusted audience sees it).
public struct CustomFields: Sendable, Hashable {
    /// The front-matter key, in every kind of content file and every audience block.
    public static let key = "extra"
    /// How deeply mappings and lists may nest inside `extra`.
    public static let nestingLimit = 16

    /// The fields in the order written.
    public var fields: [Field]

    public struct Field: Sendable, Hashable {
        public var key: String
        public var value: CustomValue

        package init(key: String, value: CustomValue) {
            self.key = key
            self.value = value
        }
    }

    public init(fields: [Field]) { self.fields = fields }

    public subscript(key: String) -> CustomValue? { fields.first { $0.key == key }?.value }

    /// The fields of `overriding` replace those of the same key (a whole value, as a block's
    /// `title` replaces the title); the others stay, in the order first written.
    public static func merge(_ base: CustomFields?, _ overriding: CustomFields?) -> CustomFields? {
        guard let overriding else { return base }
        guard var merged = base else { return overriding }
        for field in overriding.fields {
            if let index = merged.fields.firstIndex(where: { $0.key == field.key }) {
                merged.fields[index].value = field.value
            } else {
                merged.fields.append(field)
            }
        }
        return merged
    }

    /// Every piece of text in the fields, with where it was written (for `sensitive_patterns`).
    public var texts: [(String, SourceLocation)] {
        fields.flatMap(\.value.texts)
    }
}

/// A value of a custom field: text (numbers are text, as written), `true`/`false`, a list,
/// a mapping, or nothing (`~`).
public indirect enum CustomValue: Sendable, Hashable {
    case text(String, at: SourceLocation)
    case flag(Bool)
    case list([CustomValue])
    case mapping(CustomFields)
    case null

    var texts: [(String, SourceLocation)] {
        switch self {
        case .text(let text, let location): [(text, location)]
        case .list(let values): values.flatMap(\.texts)
        case .mapping(let fields): fields.texts
        case .flag, .null: []
        }
    }
}
