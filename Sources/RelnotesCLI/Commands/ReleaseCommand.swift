import ArgumentParser
import Relnotes
import RelnotesModel
import RelnotesWorkflow

/// `relnotes release VERSION`: a planned or candidate release marked released.
struct ReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release",
        abstract: "Mark a planned or candidate release released, on a date (today by default).",
        discussion: """
            Sets status: released and the date in content/releases/VERSION/release.md, \
            leaving the rest of the file as written; the file is replaced in one atomic \
            rename. Refuses while sign-offs are pending (naming them) and for a pre-release \
            version, unless --force; refuses a release that is released or withdrawn already.

            Examples:
              relnotes release 1.3.0 --dry-run
              relnotes release 1.3.0 --date 2026-04-14
            """
    )

    @OptionGroup var project: ProjectOptions

    @Argument(help: "The release's version.")
    var version: String

    @Option(help: ArgumentHelp("The release date (default: today).", valueName: "YYYY-MM-DD"))
    var date: String?

    @Flag(help: "Release even though sign-offs are pending or the version is a pre-release.")
    var force = false

    @Flag(help: "Say what would change; write nothing.")
    var dryRun = false

    func run() throws {
        let loaded = try project.loadProject()
        let change = ReleaseStatusChange(version: version, change: .release(date: date ?? NewReleaseCommand.today()), force: force)
        do {
            StatusChangeOutput.print(try change.apply(in: loaded, root: project.rootURL, dryRun: dryRun), dryRun: dryRun)
        } catch {
            try Report.finish(error.diagnostics)
        }
    }
}

/// `relnotes withdraw VERSION --reason TEXT`: a released version rolled back.
struct WithdrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "Mark a released version withdrawn (rolled back); its entries are kept.",
        discussion: """
            Sets status: withdrawn in content/releases/VERSION/release.md and records the \
            reason as withdrawal_reason in the block of the default audience (internal), so \
            only staff see it; entries, date and body stay as they are. Explain to customers \
            in the body which version to use instead. Prints the hotfix version to cut next.

            Example: relnotes withdraw 1.2.1 --reason "IdP-initiated sign-in loops (REL-180)"
            """
    )

    @OptionGroup var project: ProjectOptions

    @Argument(help: "The release's version.")
    var version: String

    @Option(help: "Why it was withdrawn (one line, internal only).")
    var reason: String

    @Flag(help: "Say what would change; write nothing.")
    var dryRun = false

    func run() throws {
        let loaded = try project.loadProject()
        let change = ReleaseStatusChange(version: version, change: .withdraw(reason: reason))
        do {
            StatusChangeOutput.print(try change.apply(in: loaded, root: project.rootURL, dryRun: dryRun), dryRun: dryRun)
        } catch {
            try Report.finish(error.diagnostics)
        }
    }
}

/// What `release` and `withdraw` print: the record and its changes on standard output,
/// what to do next on standard error.
enum StatusChangeOutput {
    static func print(_ result: ReleaseStatusChange.Result, dryRun: Bool) {
        Standard.output.write((dryRun ? "would change " : "") + result.record + "\n")
        for change in result.changes { Standard.output.write("  \(change)\n") }
        for line in result.next { Standard.error.write(line + "\n") }
        if dryRun { Standard.error.write("relnotes: dry run; nothing was written\n") }
    }
}
