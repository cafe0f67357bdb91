import ArgumentParser
import Foundation
import Relnotes
import RelnotesModel
import RelnotesWorkflow

/// `relnotes import`: bring another tool's changelog into the project.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a Keep a Changelog file, towncrier fragments or a changie project.",
        discussion: """
            Writes one folder per release and one file per entry into content/releases/, and \
            never overwrites a file: when anything it would write exists, it writes nothing. \
            Entries of published releases get audience external; unreleased ones keep the \
            configured default. What cannot be imported (a version that is not SemVer, a \
            section that maps to no type) is reported as skipped, with its place.
            """,
        subcommands: [ImportKeepAChangelogCommand.self, ImportTowncrierCommand.self, ImportChangieCommand.self]
    )
}

/// Options every importer takes.
struct ImportOptions: ParsableArguments {
    @OptionGroup var project: ProjectOptions

    @Flag(help: "Print the files the import would write, and write nothing.")
    var dryRun = false

    /// Loads the configuration, writes (or prints) what `read` found, and prints the summary.
    func run(_ read: (SiteConfig) throws(DiagnosticsError) -> ImportedHistory) throws {
        let config = try project.loadConfig()
        let history: ImportedHistory
        do {
            history = try read(config)
        } catch {
            try Report.finish(error.diagnostics)
            throw ExitCode(1)
        }
        let writer = ImportWriter(history: history, config: config)
        Report.print(history.skipped)
        do {
            let files = try writer.files(root: project.rootURL)
            if dryRun {
                for file in files.files { Standard.output.write("=== \(file.path)\n\(String(decoding: file.contents, as: UTF8.self))") }
                Standard.output.write("would import \(writer.summary); nothing was written\n")
            } else {
                try files.write(under: project.rootURL, what: "relnotes import")
                Standard.output.write("imported \(writer.summary)\n")
                Standard.output.write("next: relnotes check, then relnotes preview to read the result\n")
            }
        } catch {
            try Report.finish(error.diagnostics)
        }
    }
}

/// `--section TITLE=TYPE` (or `--type`), repeatable: how another tool's sections map to types.
struct MappingOption: ParsableArguments {
    @Option(name: .customLong("map"), help: ArgumentHelp("Map a section, type or kind of the source to a relnotes type (repeatable), e.g. Changed=improvement.", valueName: "NAME=TYPE"))
    var pairs: [String] = []

    func mapping(over defaults: [String: String]) throws -> [String: String] {
        var mapping = defaults
        for pair in pairs {
            guard let (name, type) = ImportSectionTypes.parse(pair) else {
                throw ValidationError("'--map \(pair)' must be NAME=TYPE, e.g. --map Changed=improvement")
            }
            for key in mapping.keys where key.lowercased() == name.lowercased() { mapping[key] = nil }
            mapping[name] = type
        }
        return mapping
    }
}

/// Reads a file named on the command line, or exits 1 with a message.
func readSource(_ path: String) throws -> String {
    do {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let text = String(data: data, encoding: .utf8) else {
            Standard.error.write("error: \(path) is not UTF-8 text\n")
            throw ExitCode(1)
        }
        return text
    } catch let exit as ExitCode {
        throw exit
    } catch {
        Standard.error.write("error: cannot read \(path): \(error.localizedDescription)\n")
        throw ExitCode(1)
    }
}

/// `relnotes import keepachangelog FILE`.
struct ImportKeepAChangelogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keepachangelog",
        abstract: "Import a Keep a Changelog file (CHANGELOG.md).",
        discussion: """
            Each '## [x.y.z] - YYYY-MM-DD' becomes a released release ('[YANKED]': withdrawn), \
            '## [Unreleased]' the unreleased entries, each item under '### Added', \
            'Changed', 'Deprecated', 'Removed', 'Fixed' or 'Security' an entry of type \
            feature, improvement, deprecation, removal, fix or security (--map changes \
            that). The item's first line is the title; the rest, nested lists and links \
            included, its body; tracker keys in it become its tickets.

            Example: relnotes import keepachangelog CHANGELOG.md --dry-run
            """
    )

    @OptionGroup var options: ImportOptions
    @OptionGroup var mapping: MappingOption

    @Argument(help: ArgumentHelp("The changelog file.", valueName: "FILE"))
    var file: String

    func run() throws {
        let text = try readSource(file)
        let pairs = try mapping.mapping(over: ImportSectionTypes.keepAChangelog)
        try options.run { (config) throws(DiagnosticsError) in
            try KeepAChangelogImporter(sections: ImportSectionTypes(pairs, config: config), tickets: config.tickets).read(text, path: file)
        }
    }
}

/// `relnotes import towncrier DIR [--history NEWS.rst]`.
struct ImportTowncrierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "towncrier",
        abstract: "Import a towncrier project's fragments and, with --history, its released history.",
        discussion: """
            Reads [tool.towncrier] from DIR/towncrier.toml or DIR/pyproject.toml (types, \
            directory, issue_format, title_format, sections) and the fragments \
            <issue>.<type>[.<n>].md in its directory, orphans '+…' included, as unreleased \
            entries; issues become tickets (#123). With --history, each release of the \
            rendered NEWS.rst becomes a released release. Types map feature → feature, \
            bugfix → fix, doc and misc → improvement, removal → removal, deprecation → \
            deprecation, security → security (--map changes that).

            Example: relnotes import towncrier . --history NEWS.rst --dry-run
            """
    )

    @OptionGroup var options: ImportOptions
    @OptionGroup var mapping: MappingOption

    @Argument(help: ArgumentHelp("The towncrier project's folder.", valueName: "DIR"))
    var directory: String

    @Option(help: ArgumentHelp("The rendered history (NEWS.rst), for the released versions.", valueName: "FILE"))
    var history: String?

    func run() throws {
        let pairs = try mapping.mapping(over: TowncrierImporter.defaultMapping)
        let folder = URL(fileURLWithPath: directory)
        try options.run { (config) throws(DiagnosticsError) in
            try TowncrierImporter(mapping: pairs, config: config).read(
                folder: folder, display: directory, history: history.map { URL(fileURLWithPath: $0) }, historyDisplay: history ?? "")
        }
    }
}

/// `relnotes import changie DIR`.
struct ImportChangieCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changie",
        abstract: "Import a changie project: released version files and unreleased fragments.",
        discussion: """
            Reads DIR/.changie.yaml (changesDir, unreleasedDir, versionExt, kinds), each \
            released version file (.changes/v1.2.0.md) as a released release, and each \
            fragment of .changes/unreleased/ as an unreleased entry. Kinds map by label \
            (Added → feature, Changed → improvement, Deprecated → deprecation, Removed → \
            removal, Fixed → fix, Security → security; --map changes that); custom fields \
            named Component, Area, Scope… become the component, Issue, Ticket, PR… the tickets.

            Example: relnotes import changie . --ticket-field Jira --dry-run
            """
    )

    @OptionGroup var options: ImportOptions
    @OptionGroup var mapping: MappingOption

    @Argument(help: ArgumentHelp("The changie project's folder.", valueName: "DIR"))
    var directory: String

    @Option(help: ArgumentHelp("The custom field that holds the component.", valueName: "KEY"))
    var componentField: String?

    @Option(name: .customLong("ticket-field"), help: ArgumentHelp("A custom field that holds tickets (repeatable).", valueName: "KEY"))
    var ticketFields: [String] = []

    func run() throws {
        let pairs = try mapping.mapping(over: ImportSectionTypes.keepAChangelog)
        try options.run { (config) throws(DiagnosticsError) in
            try ChangieImporter(mapping: pairs, config: config, componentField: componentField, ticketFields: ticketFields)
                .read(folder: URL(fileURLWithPath: directory), display: directory)
        }
    }
}
