import ArgumentParser
import Foundation
import Relnotes
import RelnotesModel

/// `relnotes build`: every audience's site into site/<audience>/.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site of every audience into site/<audience>/ (site-drafts/ with --drafts).",
        discussion: """
            Checks the whole project first (like `relnotes check`); on any error nothing is \
            written and the previous site stays as it was. The new site is written beside \
            the old one and swapped in only when complete.

            Examples:
              relnotes build                          # every audience, released versions only
              relnotes build --drafts                 # with candidates, planned and unreleased notes, into site-drafts/
              relnotes build --audience external --out public
            """
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: ArgumentHelp("Output folder (default: site/ in the project, site-drafts/ with --drafts).", valueName: "DIR"))
    var out: String?

    @Option(name: .customLong("audience"), help: ArgumentHelp("Build only this audience (repeatable).", valueName: "NAME"))
    var audiences: [String] = []

    @Flag(help: "Include drafts: planned and candidate releases and unreleased entries.")
    var drafts = false

    func run() throws {
        try project.requireProject()
        let progress = Progress(enabled: Standard.errorIsTerminal)
        progress.show("checking \(project.root)")
        let (site, diagnostics) = Site.load(root: project.rootURL)
        progress.clear()
        guard let site else {
            try Report.finish(diagnostics)
            throw ExitCode(1)
        }
        Report.print(diagnostics + site.buildWarnings)
        for name in audiences { try AudienceOption.validate(name, in: site.project.config) }
        let output = try OutputOption.resolve(out, root: project.rootURL, drafts: drafts)
        let names = audiences.isEmpty ? site.audiences.map(\.name) : audiences
        let built = site.audiences.filter { names.contains($0.name) }
        if let (first, second) = SiteConfig.overlappingFolders(built) {
            try Report.finish([OutputOption.overlap(first, second)])
        }
        do {
            progress.show("rendering \(names.joined(separator: ", "))")
            // Each file is written as soon as it is rendered; the site replaces the old one
            // only when all of it is written.
            let count = try site.write(audiences: names, drafts: drafts, to: output, exiting: true)
            progress.clear()
            // The process ends here: freeing the project would only delay that.
            ProcessLifetime.keep(site)
            Standard.output.write("built \(names.joined(separator: ", ")) (\(count) files) into \(OutputOption.display(output))\n")
        } catch {
            progress.clear()
            try Report.finish(error.diagnostics)
        }
    }
}
