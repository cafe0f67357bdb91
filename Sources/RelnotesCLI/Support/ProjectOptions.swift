import ArgumentParser
import Foundation
import Relnotes

/// `--root DIR`, shared by every command.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site project's folder (holding content/ and relnotes.yml).", valueName: "DIR"))
    var root: String = "."

    var rootURL: URL {
        URL(fileURLWithPath: root, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
    }

    /// The project's configuration alone (for commands that need no content), or exit 1.
    func loadConfig() throws -> SiteConfig {
        let (config, diagnostics) = ProjectLoader.loadConfig(root: rootURL)
        try Report.finish(diagnostics)
        return config
    }

    /// The project loaded and checked, or exit 1 after printing every problem; warnings
    /// are printed either way.
    func loadSite(focus: String? = nil) throws -> Site {
        let (site, diagnostics) = Site.load(root: rootURL, focus: focus)
        guard let site else {
            try Report.finish(diagnostics)
            throw ExitCode(1)
        }
        Report.print(diagnostics)
        return site
    }

    /// Loads the site, checks `audience`, and prints what `produce` makes of them on
    /// standard output, or exits 1 after printing the problems.
    /// Only what the release `version` can show is loaded (`Site.load(root:focus:)`).
    func printOutput(for audience: String, version: String, _ produce: (Site) throws(DiagnosticsError) -> String) throws {
        let site = try loadSite(focus: version)
        try AudienceOption.validate(audience, in: site.project.config)
        do {
            Standard.output.write(try produce(site))
        } catch {
            try Report.finish(error.diagnostics)
        }
    }

    /// The whole project, or exit 1 after printing every problem.
    func loadProject() throws -> Project {
        let (project, diagnostics) = ProjectLoader.load(root: rootURL)
        guard let project else {
            try Report.finish(diagnostics)
            throw ExitCode(1)
        }
        Report.print(diagnostics)
        return project
    }
}
