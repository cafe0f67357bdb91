#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension InotifyWatcher {
    /// The folders watched, by watch descriptor, and what the kernel's events on them mean
    /// as changed paths. Owned by the watching thread; the only code that reads
    /// `inotify_event` records.
    struct Folders {
        let descriptor: Int32
        /// The project folder, absolute, without a trailing slash.
        let root: String
        /// Each watched folder's path relative to the root (`""` for the root itself).
        private var watches: [Int32: String] = [:]
        private var limitReached = false

        init(descriptor: Int32, root: String) {
            self.descriptor = descriptor
            self.root = root
        }

        /// Watches the root, and every folder of the sources; the problem, when that fails.
        mutating func watchAll() -> String? {
            guard add("") else { return "inotify cannot watch \(root) (\(InotifyWatcher.lastError))" }
            for folder in ContentWatcher.folders { _ = watchTree(folder) }
            return limitReached ? "inotify's limit of watched folders (fs.inotify.max_user_watches) is reached" : nil
        }

        /// Reads every event waiting and returns the paths they change.
        mutating func takeEvents(into buffer: inout [UInt8]) -> Set<String> {
            var changed: Set<String> = []
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return changed }
                for event in Self.events(in: buffer, count: count) { changed.formUnion(apply(event)) }
            }
        }
    }
}

// MARK: - Events

private extension InotifyWatcher.Folders {
    struct Event {
        var watch: Int32
        var mask: UInt32
        var name: String

        func has(_ flag: Int32) -> Bool { mask & UInt32(flag) != 0 }
    }

    /// Everything that can change a source: writes, attributes (`touch`), entries coming and going.
    static let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ONLYDIR | IN_EXCL_UNLINK)

    /// The `inotify_event` records in the first `count` bytes: a fixed header, then the
    /// name, padded with NULs to `len` bytes.
    static func events(in buffer: [UInt8], count: Int) -> [Event] {
        let header = MemoryLayout<inotify_event>.size
        var events: [Event] = []
        buffer.withUnsafeBytes { bytes in
            var offset = 0
            while offset + header <= count {
                let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                let name = bytes[(offset + header)..<min(offset + header + length, count)].prefix { $0 != 0 }
                events.append(Event(
                    watch: bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                    mask: bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                    name: String(decoding: name, as: UTF8.self)))
                offset += header + length
            }
        }
        return events
    }

    /// Keeps the watches in step with `event` and returns the paths it changes.
    mutating func apply(_ event: Event) -> Set<String> {
        if event.has(IN_Q_OVERFLOW) {
            // Events were lost: watch whatever is there now, and say everything changed.
            _ = watchAll()
            return ContentWatcher.everything
        }
        if event.has(IN_IGNORED) { watches[event.watch] = nil }
        guard let folder = watches[event.watch], !event.name.isEmpty, !event.name.hasPrefix(".") else { return [] }
        guard !folder.isEmpty || ContentWatcher.everything.contains(event.name) else { return [] }
        let path = folder.isEmpty ? event.name : folder + "/" + event.name
        guard event.has(IN_ISDIR) else { return [path] }
        if event.has(IN_CREATE) || event.has(IN_MOVED_TO) {
            // Its files may have been written before the watch was there.
            return Set([path] + watchTree(path))
        }
        if event.has(IN_DELETE) || event.has(IN_MOVED_FROM) {
            unwatchTree(path)
            return [path]
        }
        return []
    }
}

// MARK: - Watches

private extension InotifyWatcher.Folders {
    /// Watches `folder` and every folder under it; returns what is in them.
    mutating func watchTree(_ folder: String) -> [String] {
        guard add(folder) else { return [] }
        var found: [String] = []
        for (name, isFolder) in entries(of: folder) {
            let path = folder + "/" + name
            found.append(path)
            if isFolder { found += watchTree(path) }
        }
        return found
    }

    /// Stops watching `folder` and the folders under it: moved away, their watches would
    /// report paths that are no longer theirs.
    mutating func unwatchTree(_ folder: String) {
        for (watch, path) in watches where path == folder || path.hasPrefix(folder + "/") {
            inotify_rm_watch(descriptor, watch)
            watches[watch] = nil
        }
    }

    mutating func add(_ folder: String) -> Bool {
        let watch = inotify_add_watch(descriptor, root + "/" + folder, Self.mask)
        guard watch >= 0 else {
            if errno == ENOSPC { limitReached = true }
            return false
        }
        watches[watch] = folder
        return true
    }

    /// The names in `folder` not starting with a dot, and whether each is a folder (a link
    /// to one is not followed).
    func entries(of folder: String) -> [(name: String, isFolder: Bool)] {
        let path = root + "/" + folder
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var entries: [(name: String, isFolder: Bool)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard !name.hasPrefix(".") else { continue }
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var status = stat()
                isFolder = lstat(path + "/" + name, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
            }
            entries.append((name, isFolder))
        }
        return entries
    }
}
