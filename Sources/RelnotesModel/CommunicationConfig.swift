/// A section of a fixed shape and the entry types it lists, in order.
public struct SectionMapping: Sendable, Hashable {
    public var title: String
    public var types: [String]

    public init(_ title: String, _ types: [String]) {
        self.title = title
        self.types = types
    }
}

/// `announcement:` in `relnotes.yml`: the two fixed shapes of `relnotes announce`
/// (SPEC: The release process it serves). Entries of a type no section lists go under
/// "Other changes", so nothing an audience sees is dropped.
public struct AnnouncementConfig: Sendable, Hashable {
    public var internalSections: [SectionMapping] = [
        SectionMapping("New features", ["feature", "improvement"]),
        SectionMapping("Bug fixes", ["security", "fix"]),
        SectionMapping("Known issues", ["known-issue"]),
        SectionMapping("Potential impact on existing systems", ["impact"]),
    ]
    public var externalSections: [SectionMapping] = [
        SectionMapping("New features", ["feature", "improvement"]),
        SectionMapping("Bug fixes", ["security", "fix"]),
        SectionMapping("API changes", ["api-change", "deprecation", "removal"]),
        SectionMapping("Upgrade instructions", ["upgrade"]),
    ]
    /// Types whose entries carry their type's title as a label (`**Security:** …`) in a
    /// section that lists several types.
    public var labelled = ["security"]

    public init() {}

    /// Keeps only configured types, for a configuration that replaced `types`.
    package func restricted(to names: Set<String>) -> AnnouncementConfig {
        var config = self
        config.internalSections = internalSections.map { SectionMapping($0.title, $0.types.filter(names.contains)) }
        config.externalSections = externalSections.map { SectionMapping($0.title, $0.types.filter(names.contains)) }
        config.labelled = labelled.filter(names.contains)
        return config
    }
}

/// `changelog:` in `relnotes.yml`: `CHANGELOG.md` in Keep a Changelog 1.1.0's form.
public struct ChangelogConfig: Sendable, Hashable {
    /// The six section names Keep a Changelog allows, in its order.
    public static let sectionNames = ["Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"]

    /// Keep a Changelog section → entry types. Types no section lists (known issues by
    /// default: they are not changes) are not in `CHANGELOG.md`.
    public var sections: [SectionMapping] = [
        SectionMapping("Added", ["feature"]),
        SectionMapping("Changed", ["improvement", "api-change", "upgrade", "impact"]),
        SectionMapping("Deprecated", ["deprecation"]),
        SectionMapping("Removed", ["removal"]),
        SectionMapping("Fixed", ["fix"]),
        SectionMapping("Security", ["security"]),
    ]
    /// `compare_url`: a link for each version, with `{previous}` and `{version}`
    /// (`https://github.com/o/r/compare/v{previous}...v{version}`); `{version}` alone for
    /// the first release. Without it `CHANGELOG.md` has no link references.
    public var compareURL: String?
    /// `tag_url`: the link of the oldest version, with `{version}`
    /// (`https://github.com/o/r/releases/tag/v{version}`).
    public var tagURL: String?
    /// `unreleased_url`: the link of `[Unreleased]`, with `{latest}`
    /// (`https://github.com/o/r/compare/v{latest}...HEAD`).
    public var unreleasedURL: String?

    public init() {}

    package func restricted(to names: Set<String>) -> ChangelogConfig {
        var config = self
        config.sections = sections.map { SectionMapping($0.title, $0.types.filter(names.contains)) }
        return config
    }
}
