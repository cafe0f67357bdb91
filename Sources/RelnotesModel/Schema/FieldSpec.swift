/// One front-matter field of a kind of content file, declared once (`ContentSchema`): the
/// loader's accepted keys, the keys of audience blocks, the merging of those blocks, the
/// texts `sensitive_patterns` search and the template reference all come from it.
public struct FieldSpec<Fields: ContentFields>: Sendable {
    /// The front-matter key (`release_manager`).
    public let key: String
    public let kind: FieldKind
    /// Where the value is kept in the kind's fields (`ReleaseFields`), for fields an audience
    /// block may give (`internal: {release_manager: …}`); `nil` for a field read by the
    /// loader's own rules (`version`, `status`), which only the top level may hold.
    public let storage: FieldStorage<Fields>?
    /// Text an audience reads, which `sensitive_patterns` must not match where an untrusted
    /// audience sees it.
    public let sensitiveText: Bool
    /// The name a template reads it by, in the views of this kind (`releaseManager`).
    public let templateName: String?
    /// One line for the template reference.
    public let doc: String
    /// Whether every file of the kind must give it (at its top level): the loader reports a
    /// file without it, and the reference says so.
    public let required: Bool

    /// Whether an audience block may give this field.
    public var overridable: Bool { storage != nil }

    /// The reference's line: `doc`, and whether the field is required.
    public var referenceDoc: String { required ? doc + " (required)" : doc }

    /// A field an audience block may give, kept in `storage`.
    public static func perAudience(_ key: String, _ storage: FieldStorage<Fields>, required: Bool = false, sensitive: Bool, template: String?, _ doc: String) -> Self {
        Self(key: key, kind: storage.kind, storage: storage, sensitiveText: sensitive, templateName: template, doc: doc, required: required)
    }

    /// A field of the top level only, read by the loader's own rules.
    public static func topLevel(_ key: String, _ kind: FieldKind, required: Bool = false, template: String?, _ doc: String) -> Self {
        Self(key: key, kind: kind, storage: nil, sensitiveText: false, templateName: template, doc: doc, required: required)
    }
}

/// What a field holds, as the loader reads it and the reference describes it.
public enum FieldKind: Sendable, Hashable {
    /// One line of text, kept trimmed.
    case text
    /// One line of inline Markdown, rendered for each audience.
    case inlineMarkdown
    /// Tracker keys: one or a list, each a whole match of `tickets.pattern`.
    case trackerKeys
    /// Audience names: one or a list.
    case audiences
    /// `true` or `false`.
    case flag
    /// A SemVer 2.0.0 version.
    case version
    /// A `YYYY-MM-DD` date.
    case date
    /// One of a fixed set of names (`planned`, …) or of the configured ones (`type`).
    case choice
    /// A mapping of team names to their sign-off states.
    case signOff
    /// A team's own fields: any mapping (`extra:`).
    case free
    /// A URL segment: lowercase letters, digits, `-` and `_`.
    case slug

    /// How the reference names it.
    public var description: String {
        switch self {
        case .text: "text"
        case .inlineMarkdown: "inline Markdown"
        case .trackerKeys: "tracker keys"
        case .audiences: "audience names"
        case .flag: "true/false"
        case .version: "version"
        case .date: "date"
        case .choice: "name"
        case .signOff: "mapping: team → state"
        case .free: "mapping"
        case .slug: "slug"
        }
    }
}

/// Where a per-audience field is kept, typed by what it holds, so that reading, merging and
/// searching it need no casts.
public enum FieldStorage<Fields: ContentFields>: Sendable {
    case text(WritableKeyPath<Fields, String?> & Sendable)
    case inlineMarkdown(WritableKeyPath<Fields, String?> & Sendable)
    case trackerKeys(WritableKeyPath<Fields, [String]?> & Sendable)
    case signOff(WritableKeyPath<Fields, [SignOff]?> & Sendable)
    case free(WritableKeyPath<Fields, CustomFields?> & Sendable)

    var kind: FieldKind {
        switch self {
        case .text: .text
        case .inlineMarkdown: .inlineMarkdown
        case .trackerKeys: .trackerKeys
        case .signOff: .signOff
        case .free: .free
        }
    }

    /// `other`'s value replaces `fields`' when set; a team's own fields merge key by key.
    func merge(_ other: Fields, into fields: inout Fields) {
        switch self {
        case .text(let path), .inlineMarkdown(let path): fields[keyPath: path] = other[keyPath: path] ?? fields[keyPath: path]
        case .trackerKeys(let path): fields[keyPath: path] = other[keyPath: path] ?? fields[keyPath: path]
        case .signOff(let path): fields[keyPath: path] = other[keyPath: path] ?? fields[keyPath: path]
        case .free(let path): fields[keyPath: path] = CustomFields.merge(fields[keyPath: path], other[keyPath: path])
        }
    }

    /// The field's text in `fields`, for `sensitive_patterns`: each piece with where it was
    /// written (`at` for a value, each `extra` value its own place).
    func texts(in fields: Fields, at location: SourceLocation) -> [(String, SourceLocation)] {
        switch self {
        case .text(let path), .inlineMarkdown(let path): fields[keyPath: path].map { [($0, location)] } ?? []
        case .trackerKeys(let path): (fields[keyPath: path] ?? []).map { ($0, location) }
        case .signOff(let path): (fields[keyPath: path] ?? []).map { ($0.team + " " + $0.state, location) }
        case .free(let path): fields[keyPath: path]?.texts ?? []
        }
    }
}

/// The fields of a kind of content that audience blocks may give (`ReleaseFields`): what
/// the kind's schema keeps, merged block over block by it.
public protocol ContentFields: Sendable, Hashable {
    init()
    /// Every front-matter field of the kind, in the order the loader reads them.
    static var schema: [FieldSpec<Self>] { get }
}

extension ContentFields {
    /// Fields of `other` that are set replace these (a team's own fields key by key).
    public func merging(_ other: Self) -> Self {
        var merged = self
        for spec in Self.schema {
            spec.storage?.merge(other, into: &merged)
        }
        return merged
    }

    /// The keys a file of this kind accepts at its top level (besides audience blocks).
    public static var keys: [String] { schema.map { $0.key } }

    /// The name templates read the field `key` by, as its declaration says: what the
    /// views' tables (`TemplateContext`) name it, so the two cannot drift apart.
    public static func templateName(_ key: String) -> String {
        guard let name = schema.first(where: { $0.key == key })?.templateName else {
            preconditionFailure("\(Self.self) declares no template name for '\(key)'")
        }
        return name
    }

    /// The keys every file of this kind must give, in schema order.
    public static var requiredKeys: [String] { schema.compactMap { $0.required ? $0.key : nil } }

    /// The keys an audience block accepts.
    public static var perAudienceKeys: [String] { schema.compactMap { $0.overridable ? $0.key : nil } }

    /// The texts of `fields` that `sensitive_patterns` search, each with where it was
    /// written (`keys`: where the file, or its block, wrote each key), in schema order.
    public func sensitiveTexts(keys: KeyLocations) -> [(String, SourceLocation)] {
        Self.schema.flatMap { spec -> [(String, SourceLocation)] in
            guard spec.sensitiveText, let storage = spec.storage else { return [] }
            return storage.texts(in: self, at: keys[spec.key])
        }
    }
}
