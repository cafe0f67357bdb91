import ArgumentParser
import Foundation
import Relnotes
import RelnotesLoading
import RelnotesModel

/// `--root DIR`, shared by every command. Without it, the project is the nearest folder
/// upwards from the current one that holds `relnotes.yml` or `content/`, as git finds
/// its repository (`ProjectDiscovery`).
struct ProjectOptions: ParsableArguments {
    @Option(name: .customLong("root"), help: ArgumentHelp("The site project's folder (default: the nearest folder upwards holding relnotes.yml or content/).", valueName: "DIR"))
    var rootOption: String?

    private static var currentFolder: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath) }

    /// The project's folder: `--root`, or the one found upwards (the current folder when
    /// there is none; `requireProject` says so).
    var rootURL: URL {
        if let rootOption { return URL(fileURLWithPath: rootOption, relativeTo: Self.currentFolder).standardizedFileURL }
        return ProjectDiscovery.root(from: Self.currentFolder) ?? Self.currentFolder.standardizedFileURL
    }

    /// The project's folder as the user named it, for messages.
    var root: String { rootOption ?? OutputOption.display(rootURL) }

    /// Exits 1, saying so, when no `--root` is given and no project is found upwards.
    func requireProject() throws {
        guard rootOption == nil, ProjectDiscovery.root(from: Self.currentFolder) == nil else { return }
        Standard.error.write("error: \(ProjectDiscovery.notFound(from: Self.currentFolder))\n")
        throw ExitCode(1)
    }

    /// The project's configuration alone (for commands that need no content), or exit 1.
    /// With `optional`, outside any project the defaults are used (for `render`).
    func loadConfig(optional: Bool = false) throws -> SiteConfig {
        if !optional { try requireProject() }
        let (config, diagnostics) = ProjectLoader.loadConfig(root: rootURL)
        try Report.finish(diagnostics)
        return config
    }

    /// The project loaded and checked, or exit 1 after printing every problem; warnings
    /// are printed either way.
    func loadSite(focus: String? = nil) throws -> Site {
        try requireProject()
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
        try requireProject()
        let (project, diagnostics) = ProjectLoader.load(root: rootURL)
        guard let project else {
            try Report.finish(diagnostics)
            throw ExitCode(1)
        }
        Report.print(diagnostics)
        return project
    }
}
