import RelnotesRendering

extension Site {
    /// What a template can use, as Markdown: every context's names and the front-matter
    /// fields behind them (`relnotes templates --reference`, the README's section).
    package static var templateReference: String { TemplateReference.markdown() }
}
