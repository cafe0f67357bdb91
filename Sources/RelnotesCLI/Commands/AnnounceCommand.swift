import ArgumentParser
import Relnotes
import RelnotesMarkdown
import RelnotesModel

/// `relnotes announce VERSION`: the release announcement in its fixed shape.
struct AnnounceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "announce",
        abstract: "Print the release announcement: internal (staff) or external (customers).",
        discussion: """
            The internal announcement lists the version, new features, bug fixes, known \
            issues and potential impact on existing systems, with the release manager and \
            sign-off state. The external one lists the version, new features, bug fixes, API \
            changes and upgrade instructions. Which entry types go in which section is set by \
            'announcement:' in relnotes.yml; entries of other types are listed under "Other \
            changes", so nothing the audience sees is dropped, and what the announcement \
            leaves out (entries the audience does not see, resolved known issues) is said \
            on standard error. The first line is the subject ("Subject: …"; in HTML, the \
            <title>). Audiences that see the default audience get the internal shape, others \
            the external one. Templates: announcement.md, announcement.html, announcement.txt.

            Examples:
              relnotes announce 1.2.0                     # internal announcement, Markdown
              relnotes announce 1.2.0 --audience external --format html > mail.html
              relnotes announce 1.2.0 --format text
            """
    )

    /// `markdown`, `html` (a complete e-mail-ready document) or `text`.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, html, text

        var markup: MarkupFormat {
            switch self {
            case .markdown: .markdown
            case .html: .html
            case .text: .text
            }
        }
    }

    @OptionGroup var project: ProjectOptions

    @Argument(help: "The release's version (as written in its folder), or 'unreleased'.")
    var version: String

    @Option(help: "internal (staff announcement) or external (customer notes), or any configured audience.")
    var audience: String = "internal"

    @Option(help: "Output format: markdown, html (a complete e-mail document with inline styles) or text.")
    var format: Format = .markdown

    func run() throws {
        try project.printOutput(for: audience, version: version) { (site) throws(DiagnosticsError) in
            let announcement = try site.announcement(version: version, audience: audience, format: format.markup)
            for note in announcement.leftOut { Standard.error.write("relnotes: \(note)\n") }
            return announcement.text
        }
    }
}
