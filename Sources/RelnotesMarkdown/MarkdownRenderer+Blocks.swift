import RelnotesModel

extension MarkdownRenderer {
    /// The text as `audience` sees it, one string per top-level block in the order shown,
    /// each rendered exactly as `render` renders the whole in HTML (joined, they are its
    /// text), internal-only material labelled as on the page in every format, so the blocks
    /// of two formats correspond: for comparing what two audiences see, block by block (the
    /// preview's compare view).
    public func renderBlocks(_ prepared: PreparedMarkdown, for audience: String, as format: MarkupFormat) throws(DiagnosticsError) -> [String] {
        guard prepared.diagnostics.isEmpty else { throw DiagnosticsError(prepared.diagnostics) }
        let session = RenderSession(renderer: self, audience: audience, format: format)
        return try session.withTree(prepared.structure, labelling: true, sections: false) { root, _ in
            root.children.map(session.output)
        }
    }
}
