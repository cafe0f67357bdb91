import Foundation
import RelnotesModel

/// Which entry type the items of a changelog section become, by the section's title.
///
/// The defaults are Keep a Changelog's six sections. A project's own type titles and names
/// are understood too (`### Bug fixes`, `### fix`), so a `CHANGELOG.md` that relnotes wrote
/// imports as well. Titles compare without regard to case.
public struct ImportSectionTypes: Sendable {
    private var types: [String: String]

    /// Keep a Changelog 1.1.0's sections; `Changed` is an improvement.
    public static let keepAChangelog: [String: String] = [
        "Added": "feature", "Changed": "improvement", "Deprecated": "deprecation",
        "Removed": "removal", "Fixed": "fix", "Security": "security",
    ]

    /// `mapping` (section title → type) over the configured types' titles and names.
    public init(_ mapping: [String: String], config: SiteConfig) {
        types = [:]
        for type in config.types {
            types[type.name.lowercased()] = type.name
            types[type.title.lowercased()] = type.name
        }
        for (title, type) in mapping { types[title.lowercased()] = type }
    }

    /// The type of a section titled `title`, or `nil` when it maps to none.
    public func type(of title: String) -> String? {
        types[title.trimmingCharacters(in: .whitespaces).lowercased()]
    }

    /// `Changed=improvement` (the `--section` option) as a pair, or `nil` when malformed.
    public static func parse(_ option: String) -> (title: String, type: String)? {
        guard let equals = option.firstIndex(of: "=") else { return nil }
        let title = option[..<equals].trimmingCharacters(in: .whitespaces)
        let type = option[option.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        return title.isEmpty || type.isEmpty ? nil : (title, type)
    }
}
