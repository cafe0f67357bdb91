import RelnotesModel

/// The only way into Markdown: cmark's parser and renderers, with relnotes' extensions
/// applied to cmark's tree, for one audience at a time.
///
/// ```swift
/// let renderer = MarkdownRenderer(config: config)
/// let prepared = renderer.prepare(release.body)           // once per text
/// let html = try renderer.render(prepared, for: "external", as: .html)
/// ```
public struct MarkdownRenderer: Sendable {
    let config: SiteConfig
    package let policy: AudiencePolicy
    package let tickets: TicketLinker

    public init(config: SiteConfig) {
        self.config = config
        self.policy = AudiencePolicy(config)
        self.tickets = TicketLinker(config.tickets)
    }

    /// Finds the text's admonitions and audience containers, and every problem with them.
    public func prepare(_ source: MarkdownSource) -> PreparedMarkdown {
        let structure = MarkdownStructure(
            text: source.text, origin: TextOrigin(source),
            audiences: config.audiences.map(\.name))
        return PreparedMarkdown(structure: structure)
    }

    /// The text as `audience` sees it: hidden containers gone before cmark reads a line.
    public func render(_ prepared: PreparedMarkdown, for audience: String, as format: MarkupFormat) throws(DiagnosticsError) -> RenderedMarkup {
        guard !prepared.diagnostics.containsErrors else { throw DiagnosticsError(prepared.diagnostics) }
        let session = RenderSession(renderer: self, audience: audience, format: format)
        let text = try session.render(prepared.structure)
        return RenderedMarkup(text: text, headings: session.headings)
    }

    /// The text as `audience` sees it in HTML, and in CommonMark and plain text as well where
    /// the same tree serves them (`nil` where it does not): what `render(_:for:as:)` gives
    /// in each format.
    public func renderEveryFormat(_ prepared: PreparedMarkdown, for audience: String) throws(DiagnosticsError) -> (html: RenderedMarkup, markdown: RenderedMarkup?, text: RenderedMarkup?) {
        guard !prepared.diagnostics.containsErrors else { throw DiagnosticsError(prepared.diagnostics) }
        let session = RenderSession(renderer: self, audience: audience, format: .html)
        let (html, markdown, text) = try session.renderEveryFormat(prepared.structure)
        // A tree the formats share has no headings: each format's list is the same, empty.
        func markup(_ text: String) -> RenderedMarkup { RenderedMarkup(text: text, headings: session.headings) }
        return (markup(html), markdown.map(markup), text.map(markup))
    }

    /// The text as `audience` sees it, cut at its top-level `##` headings (for the fixed
    /// sections of announcements: "Upgrade instructions", "Potential impact"…).
    public func renderSections(_ prepared: PreparedMarkdown, for audience: String, as format: MarkupFormat) throws(DiagnosticsError) -> [BodySection] {
        guard !prepared.diagnostics.containsErrors else { throw DiagnosticsError(prepared.diagnostics) }
        return try RenderSession(renderer: self, audience: audience, format: format).renderSections(prepared.structure)
    }

    /// Prepares and renders in one step (for one-off bodies such as `relnotes render`).
    public func render(_ source: MarkdownSource, for audience: String, as format: MarkupFormat) throws(DiagnosticsError) -> RenderedMarkup {
        try render(prepare(source), for: audience, as: format)
    }

    /// One line of inline Markdown (an entry title): no paragraph around it.
    public func renderInline(_ text: String, for audience: String, as format: MarkupFormat) -> String {
        let session = RenderSession(renderer: self, audience: audience, format: format)
        return session.renderInline(text)
    }

    /// One line of inline Markdown as plain text (for feeds, JSON and `<title>`).
    public func plainText(inline text: String) -> String {
        InlineMarkdown.withParagraph(text) { paragraph in paragraph.plainText }
    }
}

/// A text made ready for rendering for any audience.
public struct PreparedMarkdown: Sendable {
    /// Held in a box: a prepared text is handed around (found by file, kept with its
    /// source) far more often than it changes, which is never.
    private final class Box: Sendable {
        let structure: MarkdownStructure
        let hasContainers: Bool
        init(_ structure: MarkdownStructure) {
            self.structure = structure
            hasContainers = structure.hasContainers
        }
    }

    private let box: Box
    var structure: MarkdownStructure { box.structure }

    /// Whether some audience sees the text otherwise than another: rendered once per
    /// audience rather than once for all (`RenderVariants`). Found once, when prepared.
    package var hasContainers: Bool { box.hasContainers }

    init(structure: MarkdownStructure) { box = Box(structure) }

    /// Problems found in the text: containers, admonitions. Errors stop rendering; warnings
    /// (a container line read as code) do not.
    public var diagnostics: [Diagnostic] { structure.diagnostics }

    /// The body lines `viewer` sees, with where each was written: what the sensitive-pattern
    /// check searches, without reaching into the structure.
    package func visibleLines(for viewer: String, policy: AudiencePolicy) -> [(text: Substring, location: SourceLocation)] {
        structure.visibleLines(for: viewer, policy: policy)
    }
}

public enum MarkupFormat: String, Sendable, CaseIterable {
    case html
    /// CommonMark as cmark writes it, with GitHub's alerts and tables.
    case markdown
    /// Plain text, markup removed (for JSON fields and search).
    case text
}

/// A rendered text and the headings in it (for a table of contents).
public struct RenderedMarkup: Sendable, Hashable {
    public var text: String
    public var headings: [Heading]
}

/// A part of a text under one `##` heading (`nil` for what comes before the first).
public struct BodySection: Sendable, Hashable {
    public var heading: String?
    public var text: String
}

public struct Heading: Sendable, Hashable {
    public var level: Int
    public var text: String
    /// The `id` of the heading in HTML: unique in its page.
    public var id: String
}
