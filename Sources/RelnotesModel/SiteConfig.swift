/// The project's configuration, `relnotes.yml`. Every key has a default (SPEC: Audiences).
public struct SiteConfig: Sendable {
    /// The file it is read from, in the project's folder.
    public static let fileName = "relnotes.yml"

    /// The site's name, shown in page titles and the feed.
    public var title = "Release notes"
    /// Absolute URL the site is published under; needed for the Atom feed's links.
    public var baseURL: String?
    /// The audience of content that names none. `internal` by default: untagged content stays inside.
    public var defaultAudience = "internal"
    /// The audiences, in the order written (the order of folders and switches).
    public var audiences: [AudienceDefinition] = [
        AudienceDefinition(name: "external", title: "Release notes"),
        AudienceDefinition(name: "internal", title: "Internal release notes", sees: ["external"]),
    ]
    /// Changelog entry types, in the order sections appear.
    public var types: [EntryType] = EntryType.defaults
    public var tickets = TicketConfig()
    /// Whether a final release's notes take in the entries of its candidates.
    public var prereleases = PrereleaseMode.fold
    public var changelogPageSize = 50
    public var feedSize = 20
    /// Keep raw HTML written in Markdown (off: cmark's safe mode omits it).
    public var unsafeHTML = false
    /// Regular expressions that must not match anything an untrusted audience sees.
    public var sensitivePatterns: [SensitivePattern] = []
    /// What `relnotes check --require-entry` lets pass without an entry.
    public var requireEntry = RequireEntryConfig()
    /// The product's name in announcement subjects; `nil` means `title`.
    public var product: String?
    /// Which entry types each section of the two announcement shapes lists.
    public var announcement = AnnouncementConfig()
    /// `CHANGELOG.md`'s Keep a Changelog sections and link references.
    public var changelog = ChangelogConfig()

    public init() {}

    public func audience(named name: String) -> AudienceDefinition? {
        audiences.first { $0.name == name }
    }

    public func type(named name: String) -> EntryType? {
        types.first { $0.name == name }
    }
}

/// One configured audience: who reads a folder of the site.
public struct AudienceDefinition: Sendable, Hashable {
    public var name: String
    public var title: String
    /// Audiences whose content this one sees too (transitively).
    public var sees: [String]
    /// The audience's folder under the output folder: its name by default, `""` for the
    /// output folder itself (`audiences.<name>.path`).
    public var path: String
    /// The public URL of the audience's site (`audiences.<name>.base_url`); `nil` means
    /// the top-level `base_url` followed by `path` (`SiteConfig.siteURL(of:)`).
    public var baseURL: String?
    /// Whether search engines are kept out (`noindex`, no sitemap); `nil` means the default:
    /// private when the audience sees the default audience (`internal`), as trusted ones do.
    public var isPrivate: Bool?

    public init(name: String, title: String, sees: [String] = [], path: String? = nil, baseURL: String? = nil, isPrivate: Bool? = nil) {
        self.name = name
        self.title = title
        self.sees = sees
        self.path = path ?? name
        self.baseURL = baseURL
        self.isPrivate = isPrivate
    }
}

/// A kind of changelog entry (`fix`, `feature`…) and the section title it is listed under.
public struct EntryType: Sendable, Hashable {
    public var name: String
    public var title: String
    /// The audience of entries of this type that name none; `nil` means `default_audience`.
    public var audience: String?

    public init(name: String, title: String, audience: String? = nil) {
        self.name = name
        self.title = title
        self.audience = audience
    }

    public static let defaults: [EntryType] = [
        EntryType(name: "feature", title: "New features"),
        EntryType(name: "improvement", title: "Improvements"),
        EntryType(name: "fix", title: "Bug fixes"),
        EntryType(name: "security", title: "Security"),
        EntryType(name: "api-change", title: "API changes"),
        EntryType(name: "deprecation", title: "Deprecations"),
        EntryType(name: "removal", title: "Removals"),
        EntryType(name: "known-issue", title: "Known issues"),
        EntryType(name: "upgrade", title: "Upgrade instructions"),
        EntryType(name: "impact", title: "Potential impact on existing systems", audience: "internal"),
    ]
}

/// Tracker keys in text and `tickets:` lists, and who gets them as links.
public struct TicketConfig: Sendable {
    public var pattern = "[A-Z][A-Z0-9]+-[0-9]+"
    /// Where `pattern` is written in `relnotes.yml`, for messages about it.
    public var patternLocation: SourceLocation?
    /// Link target with `{key}` in place of the key; without it keys stay plain text.
    public var url: String?
    public var linkFor = ["internal"]

    public init() {}
}

public enum PrereleaseMode: String, Sendable, CaseIterable {
    /// A final release lists the entries of all its candidates.
    case fold
    /// Each candidate keeps its own list; the final release lists only its own entries.
    case separate
}

/// A configured regular expression for text that must stay internal.
public struct SensitivePattern: Sendable {
    public var source: String
    public var location: SourceLocation?
    public var regex: BoundedRegex

    public init(source: String, regex: BoundedRegex, location: SourceLocation?) {
        self.source = source
        self.regex = regex
        self.location = location
    }
}
