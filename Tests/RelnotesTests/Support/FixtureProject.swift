import Foundation
import Relnotes

/// A fresh copy of a fixture project under `Fixtures/projects/`, for one end-to-end test:
/// `relnotes` runs in its folder as a user would run it in theirs.
struct FixtureProject {
    let root: URL

    init(_ name: String) throws {
        root = try Fixtures.copy("projects/\(name)")
    }

    var site: URL { root.appending(path: "site") }
    /// Where `build --drafts` writes without `--out`.
    var draftsSite: URL { root.appending(path: "site-drafts") }

    /// Runs `relnotes arguments…` in the project's folder; the status is the caller's to check.
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Relnotes.Result {
        try Relnotes.run(arguments, in: root, environment: environment)
    }

    /// What `relnotes check` reports for the project, found in process by the check it
    /// runs (`Site.load`), sorted and printed as the command prints them.
    func problems() -> (errors: [String], warnings: [String]) {
        let diagnostics = Site.load(root: root).diagnostics.sortedForDisplay()
        return (diagnostics.filter { $0.severity == .error }.map(\.description),
                diagnostics.filter { $0.severity != .error }.map(\.description))
    }

    /// Writes `text` to `path` in the project, creating folders as needed.
    func write(_ path: String, _ text: String) throws {
        let url = root.appending(path: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// The text of `path` in the project.
    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appending(path: path), encoding: .utf8)
    }

    /// Removes the copy and the temporary folder around it.
    func remove() {
        TemporaryFolder.remove(root.deletingLastPathComponent())
    }
}
