import RelnotesMarkdown
import RelnotesModel
import Synchronization

/// Every body of a project made ready for rendering, found by its file.
package struct PreparedBodies: Sendable {
    private let byPath: [String: PreparedBody]

    /// `hint`: whether a text may hold a tracker key. A body unchanged since `previous` (the
    /// preview's last load, with the same configuration) is taken over with its renderings.
    init(_ sources: [MarkdownSource], with markdown: MarkdownRenderer, hint: @Sendable (String) -> Bool, reusing previous: PreparedBodies? = nil) {
        let prepared = Concurrent.map(sources) { source in
            previous?.body(source) ?? PreparedBody(source: source, prepared: markdown.prepare(source), mayHoldKey: hint(source.text))
        }
        var byPath: [String: PreparedBody] = [:]
        byPath.reserveCapacity(sources.count)
        for body in prepared { byPath[body.source.path] = body }
        self.byPath = byPath
        // In the order of the sources: diagnostics come out in a stable order.
        diagnostics = prepared.flatMap(\.prepared.diagnostics)
    }

    let diagnostics: [Diagnostic]

    /// The prepared body of `source`, when it is one of the project's bodies as loaded: the
    /// same text, starting on the same line of its file (problems carry file positions).
    package subscript(source: MarkdownSource) -> PreparedMarkdown? {
        body(source)?.prepared
    }

    /// The body of `source`, as the subscript finds it.
    func body(_ source: MarkdownSource) -> PreparedBody? {
        guard let found = byPath[source.path], found.source.firstLine == source.firstLine, found.source.text == source.text else { return nil }
        return found
    }
}

/// A body, prepared once, with whether its text may hold a tracker key (`RenderVariants`)
/// and its renderings by variant, format and shape: found by one look-up of its file, not
/// one per rendering asked for.
final class PreparedBody: Sendable {
    let source: MarkdownSource
    let prepared: PreparedMarkdown
    let mayHoldKey: Bool
    /// Two threads (audiences) may render the same text at once: both get the same result,
    /// one is kept.
    private let renderings = Mutex<[RenderCache.RenderingKey: Result<RenderedMarkup, DiagnosticsError>]>([:])

    init(source: MarkdownSource, prepared: PreparedMarkdown, mayHoldKey: Bool) {
        self.source = source
        self.prepared = prepared
        self.mayHoldKey = mayHoldKey
    }

    func rendering(_ key: RenderCache.RenderingKey) -> Result<RenderedMarkup, DiagnosticsError>? { renderings.withLock { $0[key] } }
    func store(_ key: RenderCache.RenderingKey, _ result: Result<RenderedMarkup, DiagnosticsError>) { renderings.withLock { $0[key] = result } }
    /// A rendering made for another one's sake, handed over once and no longer kept.
    func take(_ key: RenderCache.RenderingKey) -> Result<RenderedMarkup, DiagnosticsError>? { renderings.withLock { $0.removeValue(forKey: key) } }
    /// Keeps a rendering made along with another, unless one is kept already.
    func storeIfAbsent(_ key: RenderCache.RenderingKey, _ result: Result<RenderedMarkup, DiagnosticsError>) {
        renderings.withLock { if $0[key] == nil { $0[key] = result } }
    }
}

extension Project {
    /// Every Markdown body of the project: release records, entries, pages.
    var allBodies: [MarkdownSource] {
        releases.flatMap { [$0.body] + $0.entries.map(\.body) } + unreleased.map(\.body) + pages.map(\.body)
    }
}
