import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small, sorted views of folders: every listing is in name order so that output never
/// depends on the order a file system returns entries in.
///
/// Folders are listed with `readdir` and paths kept as strings: a large history has tens of
/// thousands of files, and a `URL` or `FileManager` call per file cost more than reading it.
package enum FileSystem {
    package struct Child: Sendable {
        package var name: String
        /// The file system path (the folder's path, `/`, the name).
        package var path: String
        package var isDirectory: Bool
        /// Whether the folder listing said it is something other than a plain file or
        /// folder (a symbolic link, a FIFO, a socket, a device): `ProjectBoundary` looks closer.
        package var needsCheck = false

        package var url: URL { URL(fileURLWithPath: path, isDirectory: isDirectory) }
    }

    /// The visible children of `folder` (names starting with a dot are skipped), sorted by name.
    package static func children(of folder: URL, includingHidden: Bool = false) -> [Child] {
        children(ofPath: folder.path, includingHidden: includingHidden)
    }

    /// The same for a folder given by its path.
    package static func children(ofPath folder: String, includingHidden: Bool = false) -> [Child] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var found: [(name: String, type: UInt8)] = []
        while let entry = readdir(directory) {
            let (name, type) = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { (String(cString: $0), entry.pointee.d_type) }
            }
            guard name != ".", name != "..", includingHidden || !name.hasPrefix(".") else { continue }
            found.append((name, type))
        }
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        return found.sorted { $0.name < $1.name }.map { name, type in
            let path = base + name
            // What stat says (links followed), as FileManager.fileExists(atPath:isDirectory:) does.
            let isDirectory = type == UInt8(DT_DIR) || (type != UInt8(DT_REG) && isDirectory(atPath: path))
            return Child(name: name, path: path, isDirectory: isDirectory, needsCheck: type != UInt8(DT_DIR) && type != UInt8(DT_REG))
        }
    }

    package static func isDirectory(_ url: URL) -> Bool { isDirectory(atPath: url.path) }

    package static func isFile(_ url: URL) -> Bool { isFile(atPath: url.path) }

    package static func isDirectory(atPath path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    package static func isFile(atPath path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFDIR
    }
}
