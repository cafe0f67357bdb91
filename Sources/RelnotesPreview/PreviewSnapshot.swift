import Foundation
import Relnotes
import RelnotesModel

/// One build of the preview: every audience's drafts site, or the problems that stopped
/// it. Requests are answered from the newest snapshot; a failed build keeps the files of
/// the last good one for assets, and shows its problems instead of pages.
///
/// A snapshot renders a page when it is first asked for (`SiteFiles`), exactly as
/// `relnotes build --drafts` renders it, and the next build reads again only the files that
/// changed (`Site.load(root:reusing:)`): on a long history an edit shows in milliseconds.
public struct PreviewSnapshot: Sendable {
    /// Counts builds, failed ones too: open pages reload when it changes.
    public var generation: Int
    /// The files of the last good build, rendered on demand.
    public var files: SiteFiles?
    /// The last good load of the project, which the next build reads on from.
    public var site: Site?
    /// The audiences, in configuration order, as (name, title).
    public var audiences: [(name: String, title: String)]
    /// Errors of the latest build (empty when it succeeded) and its warnings.
    public var diagnostics: [Diagnostic]

    public var failed: Bool { diagnostics.containsErrors }

    public static let empty = PreviewSnapshot(generation: 0, files: nil, site: nil, audiences: [], diagnostics: [])

    /// Whether the site has a file at `path` (`internal/releases/1.2.0/index.html`).
    public func contains(_ path: String) -> Bool { files?.contains(path) ?? false }

    /// The file at `path`, rendered if it was not yet; the problems when it cannot be.
    public func data(at path: String) throws(DiagnosticsError) -> Data? {
        try files?.data(at: path)
    }

    /// Loads and checks the project at `root` for the preview, reading on from `previous`;
    /// on errors, the previous snapshot's files and audiences stay, with the errors to show.
    ///
    /// `changed`: the paths the watcher reported since `previous` (only those files are
    /// looked at again); `nil` looks at every file.
    public static func build(root: URL, after previous: PreviewSnapshot, changed: Set<String>? = nil) -> PreviewSnapshot {
        let generation = previous.generation + 1
        let (site, diagnostics) = Site.load(root: root, reusing: previous.site, changed: changed, reusable: true)
        guard let site else {
            return PreviewSnapshot(generation: generation, files: previous.files, site: previous.site, audiences: previous.audiences, diagnostics: diagnostics)
        }
        return PreviewSnapshot(
            generation: generation,
            files: site.files(drafts: true, preview: true),
            site: site,
            audiences: site.audiences.map { (name: $0.name, title: $0.title) },
            diagnostics: diagnostics + site.buildWarnings)
    }
}
