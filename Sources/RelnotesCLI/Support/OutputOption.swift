import ArgumentParser
import Foundation

/// Where `build` writes, and the places it must never write to.
enum OutputOption {
    static func resolve(_ out: String?, root: URL) throws -> URL {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let output = (out.map { URL(fileURLWithPath: $0, relativeTo: cwd) } ?? root.appending(path: "site")).standardizedFileURL
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

    /// The output folder as printed: relative to the current folder when inside it.
    static func display(_ output: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return output.path.hasPrefix(cwd) ? String(output.path.dropFirst(cwd.count)) + "/" : output.path + "/"
    }
}
