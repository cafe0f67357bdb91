import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelnotesModel

/// What earlier loads of a project read, so that a later load reads again only the files
/// that changed since (the preview, on every save). A file is known by its path and the
/// times, size and inode `stat` gives it; a cache belongs to one configuration, since
/// entries and releases are read with it.
public final class LoadCache: Sendable {
    /// How a file looked when it was read.
    struct Stamp: Hashable, Sendable {
        var seconds: Int
        var nanoseconds: Int
        /// The inode's change time too: a write whose modification time was set back.
        var changeSeconds: Int
        var changeNanoseconds: Int
        var size: Int
        var inode: UInt
        var device: UInt

        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            seconds = Int(info.st_mtim.tv_sec)
            nanoseconds = Int(info.st_mtim.tv_nsec)
            changeSeconds = Int(info.st_ctim.tv_sec)
            changeNanoseconds = Int(info.st_ctim.tv_nsec)
            size = Int(info.st_size)
            inode = UInt(info.st_ino)
            device = UInt(info.st_dev)
        }
    }

    /// What reading one file gave.
    enum Loaded: Sendable {
        case entry(Entry?, [Diagnostic])
        case release(Release?, [Diagnostic])
        case page(Page?, [Diagnostic])
        /// A whole release folder (or `unreleased/`): its release, or its entries.
        case folder(Release?, [Entry]?, [Diagnostic])
    }

    /// The configuration the cached files were read with (`relnotes.yml`'s text).
    package let configuration: String
    private let files = Mutex<[String: (stamp: Stamp, loaded: Loaded)]>([:])
    /// Whole folders, reused only while the watcher reports nothing in them.
    private let folders = Mutex<[String: Loaded]>([:])

    package init(configuration: String) { self.configuration = configuration }

    /// `relnotes.yml`'s text as it is now, read as every project file is (never a FIFO);
    /// what is wrong with it, ConfigLoader says.
    package static func configurationText(root: URL) -> String {
        (try? SourceFile.read(root.appending(path: SiteConfig.fileName), as: SiteConfig.fileName))?.text ?? ""
    }

    /// The paths (relative to the root) that changed since the last load, as a watcher of
    /// the files reported them (a folder stands for everything in it); `nil`: unknown.
    /// Files outside them are taken from the cache without even a `stat`.
    private let changed = Mutex<Set<String>?>(nil)

    package func trust(changed paths: Set<String>?) { changed.withLock { $0 = paths } }

    /// What `key` gave last time, when the watcher's report says nothing changed at or
    /// under or around the folder `relative` since; `nil` otherwise.
    func unchanged(_ key: String, relative: String) -> Loaded? {
        guard isReportedUnchanged(relative) else { return nil }
        return folders.withLock { $0[key] }
    }

    /// Keeps what reading a whole folder gave, for `unchanged`.
    func keep(_ key: String, _ loaded: Loaded) {
        folders.withLock { $0[key] = loaded }
    }

    /// What `key` (a path, and whatever else the reading depended on) gave when the file at
    /// `path` (`relative` to the root) looked as it does now; else reads it with `load` and
    /// keeps the result.
    func loaded(_ key: String, path: String, relative: String, _ load: () -> Loaded) -> Loaded {
        if isReportedUnchanged(relative), let cached = files.withLock({ $0[key] }) {
            return cached.loaded
        }
        guard let stamp = Stamp(path: path) else { return load() }
        if let cached = files.withLock({ $0[key] }), cached.stamp == stamp { return cached.loaded }
        let loaded = load()
        files.withLock { $0[key] = (stamp, loaded) }
        return loaded
    }

    /// Whether the watcher reported changes, and none at, under or around `relative`.
    private func isReportedUnchanged(_ relative: String) -> Bool {
        guard let changed = changed.withLock({ $0 }) else { return false }
        return !changed.contains { $0 == relative || $0.hasPrefix(relative + "/") || relative.hasPrefix($0 + "/") }
    }
}
