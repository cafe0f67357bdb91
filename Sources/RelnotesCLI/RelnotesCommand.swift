import ArgumentParser
import Relnotes
import RelnotesModel

/// `relnotes`: the root command; every capability is a subcommand.
@available(macOS 10.15, macCatalyst 13, iOS 13, tvOS 13, watchOS 6, *)
public struct RelnotesCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "relnotes",
        abstract: "Build audience-filtered release notes from Markdown files.",
        discussion: """
            A site project holds relnotes.yml (optional), content/releases/<version>/ folders \
            with a release.md record and one Markdown file per change, content/pages/, and \
            optional template overrides in templates/. Every audience (external customers, \
            internal staff, …) gets its own site under site/<audience>/, and nothing an \
            audience may not see reaches its files.

            Start a project with `relnotes init`, or bring a changelog in with `relnotes import`; \
            `relnotes check` validates content and `relnotes build` writes site/.
            """,
        version: RelnotesVersion.text,
        subcommands: [
            InitCommand.self,
            BuildCommand.self,
            CheckCommand.self,
            PreviewCommand.self,
            NotesCommand.self,
            AnnounceCommand.self,
            NewCommand.self,
            NextVersionCommand.self,
            ReleaseCommand.self,
            WithdrawCommand.self,
            RenderCommand.self,
            TemplatesCommand.self,
            ImportCommand.self,
        ]
    )

    public init() {}

    /// Sets the process up before the command runs: the C heap grows in large steps
    /// (`ProcessLifetime.growHeapsInLargeSteps`). To be called by the executable's `main`
    /// before it awaits anything, while the process has one thread.
    public static func prepareProcess() {
        ProcessLifetime.growHeapsInLargeSteps()
    }
}
