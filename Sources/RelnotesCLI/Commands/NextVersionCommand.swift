import ArgumentParser
import Relnotes

/// `relnotes next-version`: the version the unreleased entries call for.
struct NextVersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next-version",
        abstract: "Print the next version the unreleased entries call for, and why.",
        discussion: """
            From the latest released version: any breaking entry → major, any feature or \
            api-change → minor, anything else → patch. The version goes to standard output \
            (for scripts); the reasons to standard error. Exit status 1 when unreleased/ is empty.

            Example: relnotes new release "$(relnotes next-version)"
            """
    )

    @OptionGroup var project: ProjectOptions

    func run() throws {
        let loaded = try project.loadProject()
        guard let next = NextVersion.compute(for: loaded) else {
            Standard.error.write("relnotes: nothing to release: content/releases/unreleased/ has no entries\n")
            throw ExitCode(1)
        }
        Standard.output.write(next.version + "\n")
        for reason in next.reasons { Standard.error.write(reason + "\n") }
    }
}
