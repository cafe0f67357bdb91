import ArgumentParser
import Relnotes

/// `relnotes announce VERSION`: the release announcement in its fixed shape.
struct AnnounceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "announce",
        abstract: "Print the release announcement: internal (staff) or external (customers).",
        discussion: """
            The internal announcement lists the version, new features, bug fixes, known \
            issues and potential impact on existing systems, with the release manager and \
            sign-off state. The external one lists the version, new features, bug fixes, API \
            changes and upgrade instructions. Sections with nothing in them are left out. \
            Audiences that see the default audience get the internal shape, others the \
            external one. Templates: announcement.md, announcement.html.

            Examples:
              relnotes announce 1.2.0                     # internal announcement, Markdown
              relnotes announce 1.2.0 --audience external --format html
            """
    )

    @OptionGroup var project: ProjectOptions

    @Argument(help: "The release's version (as written in its folder), or 'unreleased'.")
    var version: String

    @Option(help: "internal (staff announcement) or external (customer notes), or any configured audience.")
    var audience: String = "internal"

    @Option(help: "Output format: markdown or html.")
    var format: CommunicationFormat = .markdown

    func run() throws {
        try project.printOutput(for: audience, version: version) { (site) throws(DiagnosticsError) in
            try site.announcement(version: version, audience: audience, format: format.markup)
        }
    }
}
