import ArgumentParser
import Relnotes

/// `relnotes templates --reference`: what a theme's templates can use.
struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Print what templates can use.",
        discussion: """
            With --reference, prints as Markdown every name each template's context offers \
            (with its value and one line on it) and every front-matter field behind them: \
            the same for every project, generated from the tables the renderer reads. \
            The README's "Template reference" section is this output.
            """
    )

    /// Taken like every command's; the reference is the same for every project.
    @OptionGroup var project: ProjectOptions

    @Flag(help: "Print the template reference (Markdown).")
    var reference = false

    func validate() throws {
        guard reference else { throw ValidationError("say what to print: --reference") }
    }

    func run() {
        Standard.output.write(Site.templateReference)
    }
}
