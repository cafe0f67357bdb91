import ArgumentParser
import Foundation
import Relnotes
import RelnotesMarkdown
import RelnotesModel

/// `relnotes render`: one Markdown body from standard input, rendered as a page body is.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render one Markdown body from standard input for an audience.",
        discussion: """
            Reads Markdown (without front matter) on standard input and prints it exactly as \
            relnotes renders a page body for the audience: audience containers filtered, \
            admonitions, task lists, tables, heading ids, tracker links. Uses the project's \
            relnotes.yml when there is one. For editor integrations and tests.

            Example: echo '::: internal\\nSecret\\n:::\\nPublic' | relnotes render --audience external
            """
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: "The audience to render for.")
    var audience: String = "external"

    @Option(help: "Output format: html or markdown.")
    var format: MarkupFormat = .html

    func run() throws {
        let config = try project.loadConfig(optional: true)
        try AudienceOption.validate(audience, in: config)
        let input = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        let renderer = MarkdownRenderer(config: config)
        do {
            let prepared = renderer.prepare(MarkdownSource(text: input, path: "<stdin>"))
            let rendered = try renderer.render(prepared, for: audience, as: format)
            Report.print(prepared.diagnostics)
            Standard.output.write(rendered.text)
        } catch {
            try Report.finish(error.diagnostics)
        }
    }
}

extension MarkupFormat: ExpressibleByArgument {}
