import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import RelnotesFiles
@testable import RelnotesLoading
@testable import RelnotesModel

extension Fixtures {
    /// The package's own folder: its `content/` and `relnotes.yml` are a realistic sample project.
    static let packageRoot = folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

/// Edits to a project copy as an editor makes them: in place, by atomic rename, or by
/// removing files; each fails the test when what it edits is not there.
extension FixtureProject {
    init(root: URL) {
        self.root = root
    }

    /// A copy of the repository's sample project (`content/` and `relnotes.yml`, with the
    /// built-in theme and no `templates/` of its own).
    static func repositorySample() throws -> FixtureProject {
        let root = try TemporaryFolder.make().appending(path: "sample")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for name in ["content", "relnotes.yml"] {
            try FileManager.default.copyItem(at: Fixtures.packageRoot.appending(path: name), to: root.appending(path: name))
        }
        return FixtureProject(root: root)
    }

    /// Paths of the files under `folder` (`content/releases`), sorted, dot files left out.
    func files(under folder: String) -> [String] {
        let base = root.appending(path: folder)
        let paths = FileManager.default.subpaths(atPath: base.path) ?? []
        return paths.filter { path in
            !path.split(separator: "/").contains { $0.hasPrefix(".") } && FileSystem.isFile(atPath: base.appending(path: path).path)
        }.map { "\(folder)/\($0)" }.sorted()
    }

    /// Every changelog entry under `content/releases/`, sorted by path.
    var entries: [String] { files(under: "content/releases").filter { $0.hasSuffix(".md") && !$0.hasSuffix("/release.md") } }

    /// The release records of released releases, sorted by path.
    var releasedRecords: [String] {
        files(under: "content/releases").filter { $0.hasSuffix("/release.md") && ((try? read($0))?.contains("\nstatus: released\n") ?? false) }
    }

    /// Replaces the first `old` in the file at `path` with `new`, writing the file in place.
    func replace(_ old: String, with new: String, in path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let text = try read(path)
        let range = try #require(text.range(of: old), "\(path) has no '\(old)'", sourceLocation: sourceLocation)
        try overwrite(path, text.replacingCharacters(in: range, with: new))
    }

    /// Sets the front-matter line of `key` (`title`) to `key: value`, adding it after the
    /// opening `---` when the file has none.
    func setField(_ key: String, _ value: String, in path: String) throws {
        var lines = try read(path).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let closing = lines.dropFirst().firstIndex(of: "---") ?? lines.count
        if let line = lines[..<closing].firstIndex(where: { $0.hasPrefix(key + ":") }) {
            lines[line] = "\(key): \(value)"
        } else {
            lines.insert("\(key): \(value)", at: 1)
        }
        try overwrite(path, lines.joined(separator: "\n"))
    }

    /// Writes `text` into the existing file at `path`: same inode, a new modification time.
    func overwrite(_ path: String, _ text: String) throws {
        let handle = try FileHandle(forWritingTo: root.appending(path: path))
        defer { try? handle.close() }
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(text.utf8))
    }

    /// Replaces the file at `path` by renaming a new file over it, as editors that save
    /// atomically do; the new file gets the old one's modification time, so that only its
    /// inode tells it apart when the size is the same too.
    func replaceByRename(_ path: String, _ text: String) throws {
        let target = root.appending(path: path)
        let temporary = target.deletingLastPathComponent().appending(path: ".\(target.lastPathComponent).swp")
        try Data(text.utf8).write(to: temporary)
        let old = try #require(LoadCache.Stamp(path: target.path))
        var times = [timespec(tv_sec: old.seconds, tv_nsec: old.nanoseconds), timespec(tv_sec: old.seconds, tv_nsec: old.nanoseconds)]
        try #require(utimensat(AT_FDCWD, temporary.path, &times, 0) == 0, "cannot set the modification time of \(temporary.path)")
        try #require(rename(temporary.path, target.path) == 0, "cannot rename over \(path)")
    }

    /// Removes the file or folder at `path`.
    func delete(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appending(path: path))
    }

    /// Moves the file at `path` to `destination`.
    func move(_ path: String, to destination: String) throws {
        try FileManager.default.moveItem(at: root.appending(path: path), to: root.appending(path: destination))
    }

    /// How the load cache sees the file at `path` now.
    func stamp(_ path: String) throws -> LoadCache.Stamp {
        try #require(LoadCache.Stamp(path: root.appending(path: path).path), "\(path) is not a file")
    }
}
