/// Markdown text of a body, and where it starts in its file, so that positions found in
/// the body can be reported against the whole file.
public struct MarkdownSource: Sendable, Hashable {
    public var text: String
    /// Path relative to the project root.
    public var path: String
    /// The file line that the body's first line is (after the front matter).
    public var firstLine: Int

    public init(text: String, path: String, firstLine: Int = 1) {
        self.text = text
        self.path = path
        self.firstLine = firstLine
    }

    public func location(line: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(path: path, line: firstLine + line - 1, column: column)
    }
}

/// The audiences a piece of content names (one or a list).
public struct AudienceTag: Sendable, Hashable {
    public var names: [String]
    /// Where the tag was written; `nil` when it came from a default.
    public var location: SourceLocation?

    public init(_ names: [String], location: SourceLocation? = nil) {
        self.names = names
        self.location = location
    }
}

/// Fields written under an audience's key in front matter (`internal: {release_manager: …}`):
/// only that audience, and audiences that see it, receive them.
public struct AudienceOverride<Fields: Sendable & Hashable>: Sendable, Hashable {
    public var audience: String
    public var fields: Fields
    public var location: SourceLocation

    package init(audience: String, fields: Fields, location: SourceLocation) {
        self.audience = audience
        self.fields = fields
        self.location = location
    }
}

/// Where each front-matter key of a file was written, for rules checked after loading.
public struct KeyLocations: Sendable, Hashable {
    var locations: [String: SourceLocation] = [:]
    public var file: SourceLocation

    public init(file: SourceLocation) { self.file = file }

    public subscript(key: String) -> SourceLocation {
        get { locations[key] ?? file }
        set { locations[key] = newValue }
    }
}
