import Foundation

/// Notices changes to a project's sources (`content/`, `templates/`, `relnotes.yml`) by
/// comparing, a few times a second, the paths, sizes and modification times of their
/// files. Polling needs no platform API and sees every kind of change, editors' atomic
/// saves included; names starting with a dot (editor droppings) are left out.
struct ContentWatcher: Sendable {
    let root: URL

    /// What the watched files look like now.
    func fingerprint() -> [String] {
        var entries: [String] = []
        let fileManager = FileManager.default
        for folder in ["content", "templates"] {
            let base = root.appending(path: folder)
            guard let walker = fileManager.enumerator(at: base, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey], options: [.skipsHiddenFiles]) else { continue }
            for case let url as URL in walker {
                entries.append(describe(url))
            }
        }
        entries.append(describe(root.appending(path: "relnotes.yml")))
        return entries.sorted()
    }

    private func describe(_ url: URL) -> String {
        let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey])
        let modified = values?.contentModificationDate?.timeIntervalSince1970 ?? 0
        return "\(url.path)|\(values?.fileSize ?? -1)|\(modified)"
    }
}
