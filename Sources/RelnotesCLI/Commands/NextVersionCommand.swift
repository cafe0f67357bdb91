import ArgumentParser
import Relnotes
import RelnotesWorkflow

/// `relnotes next-version`: the version the unreleased entries call for.
struct NextVersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next-version",
        abstract: "Print the next version the unreleased entries call for, and why.",
        discussion: """
            From the latest released version: any breaking entry → major, any feature or \
            api-change → minor, anything else → patch; while a version is in stabilization \
            (it has candidates, or is planned, and is not released), that version. With \
            --pre rc, its next candidate (1.3.0-rc.3 after 1.3.0-rc.2). The version goes to \
            standard output (for scripts); the reasons to standard error. Exit status 1 when \
            there is nothing to release.

            Examples:
              relnotes new release "$(relnotes next-version --pre rc)"
              relnotes new release "$(relnotes next-version)"
            """
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: ArgumentHelp("Propose the next pre-release of that version instead (rc → 1.3.0-rc.1).", valueName: "LABEL"))
    var pre: String?

    func validate() throws {
        if let pre, pre.isEmpty || !pre.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-") }) {
            throw ValidationError("--pre must be a pre-release label of letters and '-', such as rc or beta")
        }
    }

    func run() throws {
        let loaded = try project.loadProject()
        guard let next = NextVersion.compute(for: loaded, pre: pre) else {
            Standard.error.write("relnotes: nothing to release: content/releases/unreleased/ has no entries\n")
            throw ExitCode(1)
        }
        Standard.output.write(next.version + "\n")
        for reason in next.reasons { Standard.error.write(reason + "\n") }
    }
}
