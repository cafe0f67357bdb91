import Foundation

/// What a project's `templates/` folder holds, as read from disk: the Loading stage reads
/// it, the Rendering stage lays it over the built-in theme (`Theme.load`).
public struct ThemeFiles: Sendable {
    /// Template texts by path under `templates/` (`page.mustache`), with the path to report
    /// problems at.
    package var templates: [String: (path: String, text: String)] = [:]
    /// Asset files by path under `templates/` (`assets/site.css`), as bytes.
    package var assets: [String: Data] = [:]

    package init() {}
}
