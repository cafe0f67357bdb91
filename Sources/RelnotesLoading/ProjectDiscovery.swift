import Foundation
import RelnotesFiles

/// Finds the project a command run in some folder is about, as git finds its repository:
/// the nearest folder, from the current one upwards, that holds `relnotes.yml` or
/// `content/`. So `relnotes new entry` run in `content/releases/` writes into the
/// project around it instead of starting a second one there.
public enum ProjectDiscovery {
    /// Whether `folder` is a project's root.
    public static func isProject(_ folder: URL) -> Bool {
        FileSystem.isFile(folder.appending(path: ConfigLoader.fileName)) || FileSystem.isDirectory(folder.appending(path: "content"))
    }

    /// The nearest project root at or above `folder`, or `nil` when there is none (or
    /// when `folder` is not an absolute path, as when the current folder was deleted).
    /// Walks the path's own components, so it ends after at most one step per component.
    public static func root(from folder: URL) -> URL? {
        let path = folder.standardizedFileURL.path
        guard path.hasPrefix("/") else { return nil }
        var components = path.split(separator: "/").map(String.init)
        while true {
            let candidate = URL(fileURLWithPath: "/" + components.joined(separator: "/"), isDirectory: true)
            if isProject(candidate) { return candidate.standardizedFileURL }
            guard !components.isEmpty else { return nil }
            components.removeLast()
        }
    }

    /// What a command says when there is no project to work on.
    public static func notFound(from folder: URL) -> String {
        "there is no relnotes project in \(folder.path) or in any folder above it (a project is a folder holding relnotes.yml or content/); create one with 'relnotes init', or pass --root DIR"
    }
}
