import Foundation
import TOMLKit
import RelnotesModel

/// The parts of a towncrier configuration an import needs: `[tool.towncrier]` of
/// `towncrier.toml` or `pyproject.toml`, read with TOMLKit (toml++).
struct TowncrierConfig: Sendable {
    /// A fragment type: its folder-name part (`bugfix`) and the section title it renders as.
    struct FragmentType: Sendable {
        var directory: String
        var name: String
        var showContent = true
    }

    /// A section: fragments in `directory/path/`, rendered under their own title.
    struct Section: Sendable {
        var name: String
        var path: String
    }

    /// The file the configuration came from, relative to the imported folder.
    var file: String
    /// The fragment folder, relative to the imported folder.
    var directory = "newsfragments"
    /// The rendered history (`NEWS.rst`), relative to the imported folder.
    var filename = "NEWS.rst"
    var issueFormat: String?
    var titleFormat = "{name} {version} ({project_date})"
    var orphanPrefix = "+"
    var types: [FragmentType] = Self.defaultTypes
    var sections: [Section] = [Section(name: "", path: "")]

    /// towncrier's own default types.
    static let defaultTypes = [
        FragmentType(directory: "feature", name: "Features"),
        FragmentType(directory: "bugfix", name: "Bugfixes"),
        FragmentType(directory: "doc", name: "Improved Documentation"),
        FragmentType(directory: "removal", name: "Deprecations and Removals"),
        FragmentType(directory: "misc", name: "Misc", showContent: false),
    ]

    /// Reads `towncrier.toml`, else `pyproject.toml`, in `folder`.
    static func load(folder: URL) throws(DiagnosticsError) -> TowncrierConfig {
        for file in ["towncrier.toml", "pyproject.toml"] {
            let url = folder.appending(path: file)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            let text: String
            do {
                text = try String(contentsOf: url, encoding: .utf8)
            } catch {
                throw DiagnosticsError([.error("unreadable-file", "cannot read the file: \(error.localizedDescription)", at: SourceLocation(path: file))])
            }
            let table: TOMLTable
            do {
                table = try TOMLTable(string: text)
            } catch let error as TOMLParseError {
                throw DiagnosticsError([.error("invalid-toml", "this is not valid TOML: \(error.description)", at: SourceLocation(path: file, line: error.source.begin.line, column: error.source.begin.column))])
            } catch {
                throw DiagnosticsError([.error("invalid-toml", "this is not valid TOML: \(error)", at: SourceLocation(path: file))])
            }
            guard let settings = table["tool"]?.table?["towncrier"]?.table else {
                if file == "pyproject.toml" {
                    throw DiagnosticsError([.error("no-towncrier", "pyproject.toml has no [tool.towncrier] table; is this a towncrier project?", at: SourceLocation(path: file))])
                }
                continue
            }
            return read(settings, file: file)
        }
        throw DiagnosticsError([.error("no-towncrier", "\(folder.path) holds neither towncrier.toml nor pyproject.toml with a [tool.towncrier] table", at: nil)])
    }

    private static func read(_ settings: TOMLTable, file: String) -> TowncrierConfig {
        var config = TowncrierConfig(file: file)
        if let directory = settings["directory"]?.string {
            config.directory = directory
        } else if let package = settings["package"]?.string, !package.isEmpty {
            let base = settings["package_dir"]?.string ?? "."
            config.directory = "\(base)/\(package.replacingOccurrences(of: ".", with: "/"))/newsfragments"
        }
        if let filename = settings["filename"]?.string { config.filename = filename }
        config.issueFormat = settings["issue_format"]?.string
        if let format = settings["title_format"]?.string, !format.isEmpty { config.titleFormat = format }
        if let prefix = settings["orphan_prefix"]?.string { config.orphanPrefix = prefix }
        if let types = settings["type"]?.array {
            config.types = types.compactMap { $0.table }.compactMap { type in
                guard let directory = type["directory"]?.string else { return nil }
                return FragmentType(directory: directory, name: type["name"]?.string ?? directory, showContent: type["showcontent"]?.bool ?? true)
            }
        } else if let fragments = settings["fragment"]?.table {
            // The newer form: [tool.towncrier.fragment.<directory>], in the order written.
            config.types = fragments.keys.map { directory in
                let type = fragments[directory]?.table
                let fallback = defaultTypes.first { $0.directory == directory }
                return FragmentType(directory: directory, name: type?["name"]?.string ?? fallback?.name ?? directory.capitalized,
                                    showContent: type?["showcontent"]?.bool ?? fallback?.showContent ?? true)
            }
        }
        if let sections = settings["section"]?.array {
            config.sections = sections.compactMap { $0.table }.map { Section(name: $0["name"]?.string ?? "", path: $0["path"]?.string ?? "") }
        }
        return config
    }
}
