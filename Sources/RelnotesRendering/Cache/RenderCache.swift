import Synchronization
import RelnotesMarkdown
import RelnotesModel

/// Renderings already made, shared by every audience and thread of one build: an inline text,
/// or a body that is not one of the project's, is rendered once per variant and format,
/// however many pages show it. (The project's bodies keep their own: `PreparedBodies`.)
final class RenderCache: Sendable {
    /// Which rendering of a text.
    struct RenderingKey: Hashable {
        var variant: RenderVariants.Variant
        var format: MarkupFormat
        /// The rendering reshaped for one use, kept instead of the rendering itself.
        var shape: Shape?
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

    /// Texts that are not bodies of the project, by path: each prepared once and kept with
    /// its renderings, as the project's bodies are (`PreparedBody`).
    private let others = Mutex<[String: PreparedBody]>([:])
    private let inlines = Mutex<[InlineKey: String]>([:])

    /// The body kept for `source`'s path when it was made from the same text on the same
    /// line of its file (problems carry file positions); otherwise `make()`'s, kept instead.
    func body(of source: MarkdownSource, _ make: () -> PreparedBody) -> PreparedBody {
        others.withLock { kept in
            if let found = kept[source.path], found.source.firstLine == source.firstLine, found.source.text == source.text { return found }
            let made = make()
            kept[source.path] = made
            return made
        }
    }

    func inline(_ key: InlineKey) -> String? { inlines.withLock { $0[key] } }

    func store(_ key: InlineKey, _ rendered: String) {
        inlines.withLock { $0[key] = rendered }
    }
}
