import ArgumentParser
import Foundation
import Relnotes
import RelnotesWorkflow

/// `relnotes new`: create content.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a changelog entry or cut a release.",
        subcommands: [NewEntryCommand.self, NewReleaseCommand.self]
    )
}

/// `relnotes new entry`: a well-formed entry file, into unreleased/ by default.
struct NewEntryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entry",
        abstract: "Write a new changelog entry file and print its path.",
        discussion: """
            The file is named from the first ticket and the title \
            (content/releases/unreleased/REL-117-exports-no-longer-time-out.md) and never \
            overwrites a file: a name in use gets -2, -3…. Without --audience the entry is \
            internal-only, as all untagged content is. Tickets must match tickets.pattern, \
            and a --body with an unclosed audience container is refused.

            Examples:
              relnotes new entry --type fix --title "Exports no longer time out" --ticket REL-117 --audience external
              git log -1 --format=%b | relnotes new entry --type feature --title "Parquet export" --component Exports --body -
            """
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: "The entry's type (feature, fix, … as configured).")
    var type: String

    @Option(help: "The entry's title, one line of Markdown.")
    var title: String

    @Option(name: .customLong("ticket"), help: ArgumentHelp("A tracker key (repeatable).", valueName: "KEY"))
    var tickets: [String] = []

    @Option(help: "Who may see the entry (default: the configured default audience).")
    var audience: String?

    @Option(help: ArgumentHelp("Write into this release's folder instead of unreleased/.", valueName: "VERSION"))
    var release: String?

    @Option(help: ArgumentHelp("The component the entry is grouped under (Exports, API, …).", valueName: "NAME"))
    var component: String?

    @Flag(help: "An incompatible change (only in a major release).")
    var breaking = false

    @Option(help: ArgumentHelp("The entry's description in Markdown; '-' reads it from standard input.", valueName: "TEXT"))
    var body: String?

    func run() throws {
        let config = try project.loadConfig()
        let text = body == "-" ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) : body
        let entry = NewEntry(type: type, title: title, tickets: tickets, audience: audience, release: release,
                             component: component, breaking: breaking, body: text)
        do {
            Standard.output.write(try entry.write(root: project.rootURL, config: config) + "\n")
        } catch {
            try Report.finish(error.diagnostics)
        }
    }
}

/// `relnotes new release VERSION`: a release record, with the unreleased entries moved in.
struct NewReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release",
        abstract: "Create content/releases/VERSION/ and move every unreleased entry into it.",
        discussion: """
            Writes release.md (status candidate for a pre-release version, planned for a \
            final one; today's date; the branch of the final version, release/v1.3.0 or \
            hotfix/v1.2.1), for the release manager to complete; a candidate takes title, \
            summary and release manager from the previous candidate. Refuses a version that \
            is invalid, exists already, is not greater than every released version, or — \
            unless --force — differs from what next-version calls for. Entries are moved one \
            at a time with an atomic rename: none is ever lost or half-written.

            Examples:
              relnotes new release 1.3.0-rc.1     # cut the first candidate
              relnotes new release 1.3.0          # the final release takes what came since
            """
    )

    @OptionGroup var project: ProjectOptions

    @Argument(help: "The new version (SemVer 2.0.0).")
    var version: String

    @Option(help: ArgumentHelp("The date to write (default: today).", valueName: "YYYY-MM-DD"))
    var date: String?

    @Flag(help: "Create it even though it is not the version next-version calls for.")
    var force = false

    @Flag(help: "Say what would be created and moved; write nothing.")
    var dryRun = false

    func run() throws {
        let loaded = try project.loadProject()
        let release = NewRelease(version: version, date: date ?? Self.today(), force: force)
        do {
            let result = try release.create(in: loaded, root: project.rootURL, dryRun: dryRun)
            let prefix = dryRun ? "would " : ""
            Standard.output.write((dryRun ? "would write " : "") + result.record + "\n")
            for path in result.moved { Standard.output.write("\(prefix)move\(dryRun ? "" : "d") \(path)\n") }
            for note in result.notes { Standard.error.write("relnotes: \(note)\n") }
            if dryRun { Standard.error.write("relnotes: dry run; nothing was written\n") }
        } catch {
            try Report.finish(error.diagnostics)
        }
    }

    static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
