import ArgumentParser
import Foundation
import Relnotes
import RelnotesModel

/// Where `build` writes, and the places it must never write to.
enum OutputOption {
    /// `--out`, else `site/` in the project, or `site-drafts/` for a build with drafts: a
    /// review build never lands in the folder that gets published.
    static func resolve(_ out: String?, root: URL, drafts: Bool = false) throws -> URL {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let output = (out.map { URL(fileURLWithPath: $0, relativeTo: cwd) } ?? root.appending(path: drafts ? "site-drafts" : "site")).standardizedFileURL
        let outputPath = output.path.hasSuffix("/") ? output.path : output.path + "/"
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        if rootPath.hasPrefix(outputPath) {
            throw ValidationError("--out \(output.path) would replace the project itself; choose a folder inside or beside it")
        }
        for protected in ["content", "templates"] where outputPath.hasPrefix(rootPath + protected + "/") {
            throw ValidationError("--out \(output.path) is inside the project's \(protected)/ folder; choose another folder")
        }
        return output
    }

    /// Two audiences of one build whose folders would overlap (`audiences.<name>.path`).
    static func overlap(_ first: AudienceDefinition, _ second: AudienceDefinition) -> Diagnostic {
        let apart = "build them apart: relnotes build --audience \(first.name), then relnotes build --audience \(second.name) --out ANOTHER-FOLDER"
        if first.path == second.path {
            let place = first.path.isEmpty ? "the output folder itself (path: \"\")" : "the same folder '\(first.path)/'"
            return .error("output-overlap", "audiences '\(first.name)' and '\(second.name)' would both be written into \(place); \(apart)", at: SourceLocation(path: "relnotes.yml"))
        }
        let root = first.path.isEmpty ? first : second
        let other = root.name == first.name ? second : first
        return .error("output-overlap", "audience '\(root.name)' is built at the root of the output folder (path: \"\"), so '\(other.name)' would be written inside its site; \(apart)", at: SourceLocation(path: "relnotes.yml"))
    }

    /// The output folder as printed: relative to the current folder when inside it.
    static func display(_ output: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return output.path.hasPrefix(cwd) ? String(output.path.dropFirst(cwd.count)) + "/" : output.path + "/"
    }
}
