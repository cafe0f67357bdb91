import Foundation

/// Small, sorted views of folders: every listing is in name order so that output never
/// depends on the order a file system returns entries in.
enum FileSystem {
    struct Child: Sendable {
        var name: String
        var url: URL
        var isDirectory: Bool
    }

    /// The visible children of `folder` (names starting with a dot are skipped), sorted by name.
    static func children(of folder: URL, includingHidden: Bool = false) -> [Child] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { includingHidden || !$0.hasPrefix(".") }.sorted().map { name in
            let url = folder.appending(path: name)
            return Child(name: name, url: url, isDirectory: isDirectory(url))
        }
    }

    static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    static func isFile(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}

extension FileSystem {
    /// Paths of the visible files under `folder`, relative to it, sorted; dot-names skipped.
    static func files(under folder: URL, includingHidden: Bool = false) -> [String] {
        var result: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let url = relative.isEmpty ? folder : folder.appending(path: relative)
            for child in children(of: url, includingHidden: includingHidden) {
                let path = relative.isEmpty ? child.name : relative + "/" + child.name
                if child.isDirectory { pending.append(path) } else { result.append(path) }
            }
        }
        return result.sorted()
    }
}
