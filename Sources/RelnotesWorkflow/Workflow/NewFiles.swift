import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RelnotesModel

/// Files that `init` and the importers add to a project: all written, or none.
///
/// Nothing is ever overwritten. Before anything is written every path is looked at, and any
/// that exists already makes the whole set refused, with the folder left as it was. Each
/// file is then created with `O_EXCL`, so a file that appears in the meantime is not
/// replaced either; if one cannot be written, the files and folders made so far are removed.
public struct NewFiles: Sendable {
    /// The files to add, each a path relative to the root and its contents.
    public var files: [OutputFile]

    public init(_ files: [OutputFile]) { self.files = files }

    /// The paths of `files` that exist under `root` already.
    public func existing(under root: URL) -> [String] {
        files.map(\.path).filter { FileManager.default.fileExists(atPath: root.appending(path: $0).path) }
    }

    /// Writes every file under `root`, or none; `what` names the job in messages
    /// (`relnotes init`).
    public func write(under root: URL, what: String) throws(DiagnosticsError) {
        let taken = existing(under: root)
        guard taken.isEmpty else {
            throw DiagnosticsError(taken.map { .error("exists", "\($0) exists already; \(what) never overwrites a file, and changed nothing", at: nil) })
        }
        var created: [URL] = []
        do {
            for file in files {
                let url = root.appending(path: file.path)
                created += try Self.makeFolders(for: url, below: root)
                let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
                guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
                created.append(url)
                let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
                try handle.write(contentsOf: file.contents)
                try handle.close()
            }
        } catch {
            // Newest first: files before the folders that hold them.
            for url in created.reversed() { try? FileManager.default.removeItem(at: url) }
            throw DiagnosticsError([.error("write", "\(what) could not write its files: \(error.localizedDescription); nothing was changed", at: nil)])
        }
    }

    /// Creates the missing folders above `url` up to `root`; returns those it made, outermost first.
    private static func makeFolders(for url: URL, below root: URL) throws -> [URL] {
        var missing: [URL] = []
        var folder = url.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.path), folder.path.count > root.path.count {
            missing.insert(folder, at: 0)
            folder = folder.deletingLastPathComponent()
        }
        if !FileManager.default.fileExists(atPath: root.path) { missing.insert(root, at: 0) }
        for folder in missing { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false) }
        return missing
    }
}
