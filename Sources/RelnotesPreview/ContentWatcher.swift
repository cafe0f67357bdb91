import Foundation

/// Notices changes to a project's sources (`content/`, `templates/`, `relnotes.yml`) by
/// comparing, every so often, the paths, sizes and modification times of their files: the
/// fallback where inotify is unavailable. Polling needs no platform API and sees every
/// kind of change, but walks the whole tree each time; names starting with a dot (editor
/// droppings) are left out.
struct ContentWatcher: Sendable {
    /// The folders of sources, relative to the root; both watchers watch these and `configuration`.
    static let folders = ["content", "templates"]
    static let configuration = "relnotes.yml"
    /// Every source, as a report of changed paths: what changed when it cannot be said better.
    static let everything = Set(folders + [configuration])

    let root: URL

    /// Batches of changed paths relative to the root, as `InotifyWatcher.changes` sends them;
    /// a burst of saves is given `interval` to settle. Changes count from now on.
    func changes(every interval: Duration) -> AsyncStream<Set<String>> {
        let first = fingerprint()
        return AsyncStream { continuation in
            let task = Task {
                var seen = first
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    guard fingerprint() != seen else { continue }
                    try? await Task.sleep(for: interval)
                    let now = fingerprint()
                    let changed = Set(seen.keys.filter { now[$0] != seen[$0] } + now.keys.filter { seen[$0] == nil })
                    seen = now
                    if !changed.isEmpty { continuation.yield(changed) }
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// What the watched files look like now: size and modification time by relative path.
    func fingerprint() -> [String: String] {
        var entries: [String: String] = [:]
        let fileManager = FileManager.default
        let prefix = root.standardizedFileURL.path + "/"
        for folder in Self.folders {
            let base = root.standardizedFileURL.appending(path: folder)
            guard let walker = fileManager.enumerator(at: base, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey], options: [.skipsHiddenFiles]) else { continue }
            for case let url as URL in walker {
                entries[String(url.standardizedFileURL.path.dropFirst(prefix.count))] = describe(url)
            }
        }
        entries[Self.configuration] = describe(root.appending(path: Self.configuration))
        return entries
    }

    private func describe(_ url: URL) -> String {
        let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey])
        let modified = values?.contentModificationDate?.timeIntervalSince1970 ?? 0
        return "\(values?.fileSize ?? -1)|\(modified)"
    }
}
