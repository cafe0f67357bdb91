import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RelnotesModel

/// What relnotes may read: regular files and folders inside the project root (SPEC: Files
/// it reads). A symbolic link is followed when its target lies inside the root; one that
/// points outside, or nowhere, is skipped with a warning naming it and its target. FIFOs,
/// sockets and devices are skipped with a warning and never opened (opening a FIFO waits
/// for a writer).
///
/// Only what a folder listing marks as neither a plain file nor a folder is looked at
/// closer, so a project without links costs no extra system call; the root, `content/`
/// and the other fixed paths are looked at one by one where they are read.
package struct ProjectBoundary: Sendable {
    /// The root with every link resolved, ending in `/`.
    let root: String

    package init(root: URL) {
        let resolved = Self.realPath(root.path) ?? root.standardizedFileURL.path
        self.root = resolved.hasSuffix("/") ? resolved : resolved + "/"
    }

    /// `children` without what may not be read, with a warning for each such child
    /// (`folder` is their folder relative to the root, as printed).
    package func admitted(_ children: [FileSystem.Child], in folder: String, diagnostics: inout [Diagnostic]) -> [FileSystem.Child] {
        children.filter { child in
            guard child.needsCheck else { return true }
            if let refusal = refusal(atPath: child.path, relative: folder.isEmpty ? child.name : folder + "/" + child.name) {
                diagnostics.append(refusal)
                return false
            }
            return true
        }
    }

    /// Why the file or folder at `path` (`relative` to the root) may not be read, or `nil`
    /// when it may (or does not exist: the caller says what is missing).
    package func refusal(atPath path: String, relative: String) -> Diagnostic? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        let place = SourceLocation(path: relative)
        if (info.st_mode & S_IFMT) == S_IFLNK {
            let target = Self.linkTarget(path)
            guard let resolved = Self.realPath(path) else {
                return .warning("skipped-link", "'\(relative)' is a symbolic link to '\(target)', which does not exist; it is skipped", at: place)
            }
            guard resolved.hasPrefix(root) || resolved + "/" == root else {
                return .warning("skipped-link", "'\(relative)' is a symbolic link to '\(target)', outside the project; it is skipped", at: place)
            }
            guard stat(path, &info) == 0 else { return nil }
        }
        if let kind = Self.special(info.st_mode) {
            return .warning("skipped-file", "'\(relative)' is \(kind), not a regular file; it is skipped", at: place)
        }
        return nil
    }

    /// The kind of a file that is neither a regular file, a folder nor a link, in words.
    package static func special(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFSOCK: return "a socket"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        default: return nil
        }
    }

    /// Paths of the files under `folder` (`relative` to the root), relative to `folder` and
    /// sorted, dot-names skipped, walking each real folder once: a link to a folder inside
    /// the project is followed, a loop of links is not walked round.
    package func files(under folder: URL, relative: String, diagnostics: inout [Diagnostic]) -> [String] {
        var result: [String] = []
        var pending = [""]
        var walked = Set<String>()
        while let inner = pending.popLast() {
            let path = inner.isEmpty ? folder.path : folder.path + "/" + inner
            guard walked.insert(Self.realPath(path) ?? path).inserted else { continue }
            let place = inner.isEmpty ? relative : relative + "/" + inner
            for child in admitted(FileSystem.children(ofPath: path), in: place, diagnostics: &diagnostics) {
                let path = inner.isEmpty ? child.name : inner + "/" + child.name
                if child.isDirectory { pending.append(path) } else { result.append(path) }
            }
        }
        return result.sorted()
    }

    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func linkTarget(_ path: String) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return "?" }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

extension ProjectBoundary {
    /// The admitted children of `content/<name>` (`releases`, `pages`); a warning when
    /// that path is a file, or a link that may not be followed.
    package func listing(_ content: URL, _ name: String, diagnostics: inout [Diagnostic]) -> [FileSystem.Child] {
        let folder = content.appending(path: name)
        let relative = "content/" + name
        if let refusal = refusal(atPath: folder.path, relative: relative) {
            diagnostics.append(refusal)
            return []
        }
        if FileSystem.isFile(folder) {
            diagnostics.append(.warning("ignored-file", "'\(relative)' is a file, so it is ignored; it must be a folder", at: SourceLocation(path: relative)))
            return []
        }
        return admitted(FileSystem.children(of: folder), in: relative, diagnostics: &diagnostics)
    }
}
