import ArgumentParser
import Foundation
import Relnotes
import RelnotesWorkflow

/// `relnotes init [DIR]`: scaffold a site project.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a site project: relnotes.yml, an example entry, a page and a .gitignore.",
        discussion: """
            Writes a commented relnotes.yml with every option at its default, \
            content/releases/unreleased/ with one example entry, content/pages/ with a \
            release-process page, and a .gitignore for site/ and site-drafts/. Refuses a \
            folder that holds relnotes.yml or content/ already, and never overwrites a file: \
            when it refuses, nothing is changed.

            Examples:
              relnotes init                 # in the current folder
              relnotes init docs/releases   # in a new or existing folder
            """
    )

    @Argument(help: ArgumentHelp("The project's folder (default: the current folder); created if missing.", valueName: "DIR"))
    var directory: String = "."

    func run() throws {
        let root = URL(fileURLWithPath: directory, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
        let result: InitProject.Result
        do {
            result = try InitProject().create(at: root)
        } catch {
            Report.print(error.diagnostics)
            throw ExitCode(1)
        }
        for path in result.created { Standard.output.write("created \(display(path))\n") }
        for path in result.notWritten {
            Standard.output.write("kept \(display(path)) as it was; add the lines /site/ and /site-drafts/ to it\n")
        }
        if directory != "." { Standard.output.write("\nThe commands below run in the project's folder: cd \(directory)\n") }
        Standard.output.write("\n" + InitProject.nextSteps)
    }

    private func display(_ path: String) -> String {
        directory == "." ? path : (directory.hasSuffix("/") ? directory : directory + "/") + path
    }
}
