import ArgumentParser
import Relnotes
import RelnotesMarkdown
import RelnotesModel

/// `relnotes notes VERSION`: one release's notes on standard output.
struct NotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notes",
        abstract: "Print one release's notes, ready to paste into a release page or e-mail.",
        discussion: """
            Works on drafts too (candidates, planned releases, and `unreleased`): that is how \
            notes are reviewed during stabilization. The output goes through the notes.md \
            (or notes.html) template.

            Examples:
              relnotes notes 1.2.0                        # customer notes, Markdown
              relnotes notes 1.3.0-rc.1 --audience internal
              relnotes notes unreleased --format html
            """
    )

    @OptionGroup var project: ProjectOptions

    @Argument(help: "The release's version (as written in its folder), or 'unreleased'.")
    var version: String

    @Option(help: "The audience whose notes to print.")
    var audience: String = "external"

    @Option(help: "Output format: markdown or html.")
    var format: CommunicationFormat = .markdown

    func run() throws {
        try project.printOutput(for: audience, version: version) { (site) throws(DiagnosticsError) in
            try site.notes(version: version, audience: audience, format: format.markup)
        }
    }
}

/// `markdown` or `html`: what notes and announcements can be printed as.
enum CommunicationFormat: String, ExpressibleByArgument, CaseIterable {
    case markdown, html

    var markup: MarkupFormat { self == .html ? .html : .markdown }
}
