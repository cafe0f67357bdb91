import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RelnotesFiles

/// What a build finds in its output folder besides what it generated, to carry over to the
/// new site as it is: files, symbolic links as links (never followed: a link to a folder is
/// not walked, a loop of links is no deeper tree), and empty folders.
enum OutputEntries {
    enum Kind: Equatable { case file, link, emptyFolder }

    /// Every entry under `folder`, dot-names included, relative to it, sorted.
    static func under(_ folder: URL) -> [(path: String, kind: Kind)] {
        var found: [(path: String, kind: Kind)] = []
        var pending = [""]
        while let inner = pending.popLast() {
            let path = inner.isEmpty ? folder.path : folder.path + "/" + inner
            let children = FileSystem.children(ofPath: path, includingHidden: true)
            if children.isEmpty && !inner.isEmpty { found.append((inner, .emptyFolder)) }
            for child in children {
                let relative = inner.isEmpty ? child.name : inner + "/" + child.name
                if child.needsCheck, isLink(child.path) {
                    found.append((relative, .link))
                } else if child.isDirectory {
                    pending.append(relative)
                } else {
                    found.append((relative, .file))
                }
            }
        }
        return found.sorted { $0.path < $1.path }
    }

    static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }
}
