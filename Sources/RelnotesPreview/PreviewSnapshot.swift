import Foundation
import Relnotes

/// One build of the preview: every audience's drafts site, in memory, or the problems
/// that stopped it. Requests are answered from the newest snapshot; a failed build keeps
/// the files of the last good one for assets, and shows its problems instead of pages.
public struct PreviewSnapshot: Sendable {
    /// Counts builds, failed ones too: open pages reload when it changes.
    public var generation: Int
    /// Files by path under the site (`internal/releases/1.2.0/index.html`).
    public var files: [String: Data]
    /// The audiences, in configuration order, as (name, title).
    public var audiences: [(name: String, title: String)]
    /// Errors of the latest build (empty when it succeeded) and its warnings.
    public var diagnostics: [Diagnostic]

    public var failed: Bool { diagnostics.containsErrors }

    public static let empty = PreviewSnapshot(generation: 0, files: [:], audiences: [], diagnostics: [])

    /// Loads, checks and builds the project at `root` for the preview; on errors, the
    /// previous snapshot's files and audiences stay, with the errors to show.
    public static func build(root: URL, after previous: PreviewSnapshot) -> PreviewSnapshot {
        let generation = previous.generation + 1
        let (site, diagnostics) = Site.load(root: root)
        guard let site else {
            return PreviewSnapshot(generation: generation, files: previous.files, audiences: previous.audiences, diagnostics: diagnostics)
        }
        let audiences = site.audiences.map { (name: $0.name, title: $0.title) }
        do {
            let files = try site.build(drafts: true, preview: true)
            return PreviewSnapshot(
                generation: generation,
                files: Dictionary(files.map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first }),
                audiences: audiences,
                diagnostics: diagnostics + site.buildWarnings)
        } catch {
            return PreviewSnapshot(generation: generation, files: previous.files, audiences: audiences, diagnostics: diagnostics + error.diagnostics)
        }
    }
}
