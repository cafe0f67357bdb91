import RelnotesModel
import RelnotesRendering

extension Site {
    /// The release page of `version` as `audience` sees it with drafts, in blocks, in page
    /// order; `nil` when that audience has no such audience or release.
    ///
    /// Entries and headers are rendered with the theme's own partials (`partials/entry`,
    /// `partials/release-header`, `partials/release-meta`) from the views the page is made
    /// from, an entry's body apart from its head (a page that shows two audiences' blocks
    /// side by side makes their ids unique); the blocks of a body, joined, are that body on
    /// the page byte for byte (where they would not be, the body is one block).
    public func releaseBlocks(version: String, audience name: String) throws(DiagnosticsError) -> [PageBlock]? {
        guard let definition = audiences.first(where: { $0.name == name }) else { return nil }
        let renderer = renderer(for: definition, drafts: true, preview: false)
        guard let number = renderer.site.releases.firstIndex(where: { $0.versionText == version }) else { return nil }
        return try renderer.blocks(ofRelease: number)
    }
}
