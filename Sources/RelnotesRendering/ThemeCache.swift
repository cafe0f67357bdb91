import Foundation
import RelnotesModel
import Synchronization

/// The last themes made (`Theme.load`), by what they were made from: the preview loads the
/// project again after every change, and a change to content leaves the templates as they
/// were, so parsing and checking them again would give the same theme.
enum ThemeCache {
    /// What a theme is made from: every template's path and text, every asset, and the
    /// problems met reading them.
    struct Key: Hashable, Sendable {
        let templates: [String: [String]]
        let assets: [String: Data]
        let read: [Diagnostic]

        init(_ files: ThemeFiles, read: [Diagnostic]) {
            templates = files.templates.mapValues { [$0.path, $0.text] }
            assets = files.assets
            self.read = read
        }
    }

    typealias Loaded = (theme: Theme?, diagnostics: [Diagnostic])

    /// How many themes are kept: the preview's project and a test or two beside it.
    static let capacity = 4
    private static let kept = Mutex<[(key: Key, loaded: Loaded)]>([])

    /// The theme made from `key`, made by `make` unless one is kept.
    static func theme(for key: Key, make: () -> Loaded) -> Loaded {
        if let hit = kept.withLock({ $0.first { $0.key == key }?.loaded }) { return hit }
        let loaded = make()
        kept.withLock { entries in
            entries.removeAll { $0.key == key }
            entries.insert((key, loaded), at: 0)
            if entries.count > capacity { entries.removeLast(entries.count - capacity) }
        }
        return loaded
    }
}
