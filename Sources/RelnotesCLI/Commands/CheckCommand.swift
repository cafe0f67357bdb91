import ArgumentParser
import Foundation
import Relnotes

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
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var project: ProjectOptions

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        try project.requireProject()
        let progress = Progress(enabled: Standard.errorIsTerminal && format == .text)
        progress.show("checking \(project.root)")
        let (_, diagnostics) = Site.load(root: project.rootURL)
        progress.clear()
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
