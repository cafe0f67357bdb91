import ArgumentParser
import Foundation
import Relnotes
import RelnotesLoading
import RelnotesModel
import RelnotesWorkflow

/// `relnotes check`: every problem of the project, compiler-style or as JSON.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check content, configuration and templates; report every problem.",
        discussion: """
            Reports each problem as PATH:LINE:COLUMN: error: MESSAGE (or warning:) on \
            standard error, or, with --format json, as a JSON array on standard output. \
            Exit status: 0 when there are no errors (warnings allowed), 1 when there are.

            Checked: front matter (unknown keys, types, audiences, dates), SemVer versions \
            and their uniqueness, audience containers and admonitions, release rules \
            (dates, breaking changes only in major releases, features in patch releases; \
            warnings for released versions with pending sign-offs and for known issues a \
            planned final release would carry unresolved), \
            sensitive patterns in text external audiences see, and templates.

            With --require-entry (for CI), also fails when the change since --base (default: \
            the merge base with origin/main, else main) touches files outside content/ but \
            adds or changes no entry, unless the files are exempt (require_entry.exempt in \
            relnotes.yml), a commit message ends with 'Changelog: none', or --label-file \
            lists a skip label (require_entry.skip_labels, default no-changelog).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var project: ProjectOptions

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Flag(help: "Fail when the change adds or changes no entry but touches other files (uses git).")
    var requireEntry = false

    @Option(help: ArgumentHelp("With --require-entry: the branch or commit the change is measured from (default: origin/main, else main).", valueName: "REF"))
    var base: String?

    @Option(help: ArgumentHelp("With --require-entry: a file listing the pull request's labels, one a line.", valueName: "FILE"))
    var labelFile: String?

    func run() throws {
        try project.requireProject()
        let progress = Progress(enabled: Standard.errorIsTerminal && format == .text)
        progress.show("checking \(project.root)")
        let (site, found) = Site.load(root: project.rootURL)
        // Left to the operating system: freeing a long history value by value only delays the report.
        if let site { ProcessLifetime.keep(site) }
        var diagnostics = found
        progress.clear()
        if requireEntry { diagnostics += entryRequirement() }
        switch format {
        case .text:
            Report.print(diagnostics)
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.count - errors
            Standard.error.write("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n")
        case .json:
            Standard.output.write(try DiagnosticJSON.encode(diagnostics) + "\n")
        }
        if diagnostics.containsErrors { throw ExitCode(1) }
    }

    /// The problem when the change lacks an entry; the reason it passes is printed in text mode.
    private func entryRequirement() -> [Diagnostic] {
        let settings = ProjectLoader.loadConfig(root: project.rootURL).config.requireEntry
        let requirement = EntryRequirement(root: project.rootURL, base: base, settings: settings,
                                           labelFile: labelFile.map { URL(fileURLWithPath: $0) })
        do {
            let outcome = try requirement.evaluate()
            if outcome.satisfied {
                if format == .text { Standard.error.write("entry check: \(outcome.reason)\n") }
                return []
            }
            return [.error("entry-required", outcome.reason, at: nil)]
        } catch {
            return error.diagnostics
        }
    }
}

/// The JSON form of diagnostics: an array of {path, line, column, severity, code, message}.
enum DiagnosticJSON {
    struct Item: Encodable {
        var path: String?
        var line: Int?
        var column: Int?
        var severity: String
        var code: String
        var message: String
    }

    static func encode(_ diagnostics: [Diagnostic]) throws -> String {
        guard !diagnostics.isEmpty else { return "[]" }
        let items = diagnostics.sortedForDisplay().map {
            Item(path: $0.location?.path, line: $0.location?.line, column: $0.location?.column,
                 severity: $0.severity.rawValue, code: $0.code, message: $0.message)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(items), as: UTF8.self)
    }
}
