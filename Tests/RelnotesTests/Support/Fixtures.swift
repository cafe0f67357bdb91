import Foundation
import Testing

/// Fixture projects and golden files live beside the tests, under `Tests/RelnotesTests/Fixtures/`.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Fixtures")

    static func url(_ name: String) -> URL { folder.appending(path: name) }

    /// A fresh copy of fixture project `name` (`projects/leak`) in a temporary folder,
    /// removed by the caller with `TemporaryFolder.remove`. Its `expected/` golden tree
    /// is left behind: the copy is a project as a user would have it.
    static func copy(_ name: String) throws -> URL {
        let target = try TemporaryFolder.make()
        let project = target.appending(path: URL(fileURLWithPath: name).lastPathComponent)
        try FileManager.default.copyItem(at: url(name), to: project)
        try? FileManager.default.removeItem(at: project.appending(path: "expected"))
        return project
    }
}

/// Temporary folders for tests that write files.
enum TemporaryFolder {
    /// Where the folders go: `/dev/shm` where the machine has it (tmpfs), else the usual
    /// temporary folder. The suite creates and deletes tens of thousands of small files;
    /// on ext4 each creation after so many deletions costs a search for a free inode, a
    /// tenth of the suite's CPU time, which tmpfs does not spend.
    static let base: URL = {
        var isFolder: ObjCBool = false
        let shm = "/dev/shm"
        if FileManager.default.fileExists(atPath: shm, isDirectory: &isFolder), isFolder.boolValue, access(shm, W_OK) == 0 {
            return URL(fileURLWithPath: shm, isDirectory: true)
        }
        return FileManager.default.temporaryDirectory
    }()

    static func make() throws -> URL {
        let url = base.appending(path: "relnotes-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A project written inline, Hugo-style: `files` maps paths to contents.
    static func project(_ files: [String: String]) throws -> URL {
        let root = try make()
        for (path, text) in files {
            let url = root.appending(path: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    static func remove(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }
}

/// Every file under `folder` (relative path → bytes), for comparing whole trees.
func fileTree(_ folder: URL) throws -> [String: Data] {
    var tree: [String: Data] = [:]
    guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return tree }
    let base = folder.standardizedFileURL.path + "/"
    for case let url as URL in walker where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
        tree[String(url.standardizedFileURL.path.dropFirst(base.count))] = try Data(contentsOf: url)
    }
    return tree
}
