import Testing

@Suite("Markdown: pipe tables")
struct MarkdownTableTests {
    @Test("GitHub-style pipe tables render as HTML tables and as pipe tables in Markdown", arguments: [
        "alignment", "escaped-pipes", "inline-markdown", "link-references", "ragged-rows", "nested", "not-tables",
    ])
    func golden(_ name: String) throws {
        try RenderRun.checkGolden("tables/\(name)", variants: [.external])
    }
}
