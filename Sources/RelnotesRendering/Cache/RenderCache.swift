import Synchronization
import RelnotesMarkdown
import RelnotesModel

/// Renderings already made, shared by every audience and thread of one build: an inline text,
/// or a body that is not one of the project's, is rendered once per variant and format,
/// however many pages show it.
final class RenderCache: Sendable {
    /// Which rendering of a text.
    struct RenderingKey: Hashable {
        var variant: RenderVariants.Variant
        var format: MarkupFormat
        /// The rendering reshaped for one use, kept instead of the rendering itself.
        var shape: Shape?
    }

    /// A rendering of the text at `path` (one that is not a body of the project, which keeps
    /// its renderings itself: `PreparedBody`).
    struct BodyKey: Hashable {
        var path: String
        var rendering: RenderingKey
    }

    enum Shape: Hashable, Sendable {
        /// An entry's Markdown body, indented to continue its list item.
        case listItem
    }

    struct InlineKey: Hashable {
        var text: String
        var variant: RenderVariants.Variant
        var format: MarkupFormat
    }

    /// A rendering, with the text and first line it was made from (its problems carry
    /// positions in the file).
    typealias BodyResult = (text: String, firstLine: Int, result: Result<RenderedMarkup, DiagnosticsError>)

    private let bodies = Mutex<[BodyKey: BodyResult]>([:])
    private let inlines = Mutex<[InlineKey: String]>([:])

    func body(_ key: BodyKey) -> BodyResult? { bodies.withLock { $0[key] } }

    /// Two threads may render the same text at once: both get the same result, one is kept.
    func store(_ key: BodyKey, source: MarkdownSource, _ result: Result<RenderedMarkup, DiagnosticsError>) {
        bodies.withLock { $0[key] = (source.text, source.firstLine, result) }
    }

    /// A rendering made for another one's sake, handed over once and no longer kept.
    func takeBody(_ key: BodyKey) -> BodyResult? { bodies.withLock { $0.removeValue(forKey: key) } }

    /// Keeps a rendering made along with another, unless one is kept already.
    func storeIfAbsent(_ key: BodyKey, source: MarkdownSource, _ result: Result<RenderedMarkup, DiagnosticsError>) {
        bodies.withLock { if $0[key] == nil { $0[key] = (source.text, source.firstLine, result) } }
    }

    func inline(_ key: InlineKey) -> String? { inlines.withLock { $0[key] } }

    func store(_ key: InlineKey, _ rendered: String) {
        inlines.withLock { $0[key] = rendered }
    }
}
