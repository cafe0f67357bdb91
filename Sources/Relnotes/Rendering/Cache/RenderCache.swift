import Synchronization

/// Renderings already made, shared by every audience and thread of one build: a body or an
/// inline text is rendered once per variant and format, however many pages show it.
final class RenderCache: Sendable {
    struct BodyKey: Hashable {
        var path: String
        var variant: RenderVariants.Variant
        var format: MarkupFormat
    }

    struct InlineKey: Hashable {
        var text: String
        var variant: RenderVariants.Variant
        var format: MarkupFormat
    }

    typealias BodyResult = (text: String, result: Result<RenderedMarkup, DiagnosticsError>)

    private let bodies = Mutex<[BodyKey: BodyResult]>([:])
    private let inlines = Mutex<[InlineKey: String]>([:])

    func body(_ key: BodyKey) -> BodyResult? { bodies.withLock { $0[key] } }

    /// Two threads may render the same text at once: both get the same result, one is kept.
    func store(_ key: BodyKey, text: String, _ result: Result<RenderedMarkup, DiagnosticsError>) {
        bodies.withLock { $0[key] = (text, result) }
    }

    func inline(_ key: InlineKey) -> String? { inlines.withLock { $0[key] } }

    func store(_ key: InlineKey, _ rendered: String) {
        inlines.withLock { $0[key] = rendered }
    }
}
