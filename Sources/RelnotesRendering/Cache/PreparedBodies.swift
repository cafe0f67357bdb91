import RelnotesMarkdown
import RelnotesModel
import Synchronization

/// Every body of a project made ready for rendering, found by its file.
package struct PreparedBodies: Sendable {
    private let byPath: [String: PreparedBody]
    /// Each release's bodies (its record's, then its entries'), by version, with the release
    /// they were prepared from: the next load takes a release equal to it over whole.
    private let releases: [SemanticVersion: ReleaseBodies]

    struct ReleaseBodies: Sendable {
        let release: Release
        let bodies: [PreparedBody]
        let diagnostics: [Diagnostic]
    }

    /// `hint`: whether a text may hold a tracker key.
    ///
    /// With `previous` (the preview's last load, with the same configuration), a release
    /// equal to one it prepared is taken over whole, without a look at its bodies (the
    /// load hands an unchanged release folder over with the same storage, which `==` checks
    /// first), and any other body unchanged is taken over with its renderings: after a save,
    /// one release of a long history is looked into, not its thousands of bodies.
    init(_ project: Project, with markdown: MarkdownRenderer, hint: @Sendable (String) -> Bool, reusing previous: PreparedBodies? = nil) {
        let taken: [ReleaseBodies?] = project.releases.map { release in
            previous?.releases[release.version].flatMap { $0.release == release ? $0 : nil }
        }
        // Every other body, in project order: found unchanged in `previous`, or prepared.
        var sources: [MarkdownSource] = []
        for (release, taken) in zip(project.releases, taken) where taken == nil {
            sources.append(release.body)
            for entry in release.entries.indices { sources.append(release.entries[entry].body) }
        }
        sources += project.unreleased.map(\.body) + project.pages.map(\.body)
        let fresh = Concurrent.map(sources) { source in
            previous?.body(source) ?? PreparedBody(source: source, prepared: markdown.prepare(source), mayHoldKey: hint(source.text))
        }

        var byPath = previous?.byPath ?? [:]
        if previous == nil { byPath.reserveCapacity(fresh.count) }
        var releases: [SemanticVersion: ReleaseBodies] = [:]
        releases.reserveCapacity(project.releases.count)
        // In project order: diagnostics come out in a stable order.
        var diagnostics: [Diagnostic] = []
        var groups: [ReleaseBodies] = []
        groups.reserveCapacity(project.releases.count)
        var next = fresh.startIndex, count = 0
        for (release, taken) in zip(project.releases, taken) {
            let group: ReleaseBodies
            if let taken {
                group = taken
            } else {
                let bodies = fresh[next..<next + 1 + release.entries.count]
                next = bodies.endIndex
                Self.enter(bodies, into: &byPath, checking: previous != nil)
                group = ReleaseBodies(release: release, bodies: Array(bodies), diagnostics: bodies.flatMap { $0.prepared.diagnostics })
            }
            releases[release.version] = group
            groups.append(group)
            diagnostics += group.diagnostics
            count += group.bodies.count
        }
        let others = fresh[next...]
        Self.enter(others, into: &byPath, checking: previous != nil)
        diagnostics += others.flatMap { $0.prepared.diagnostics }
        count += others.count
        if byPath.count != count {
            // Files deleted or moved since `previous`: their bodies are let go.
            let all = groups.flatMap(\.bodies) + others
            byPath = Dictionary(all.map { ($0.source.path, $0) }, uniquingKeysWith: { _, last in last })
        }
        self.byPath = byPath
        self.releases = releases
        self.diagnostics = diagnostics
    }

    let diagnostics: [Diagnostic]

    /// Enters `bodies` in `byPath`; `checking`: only those not in it already (a write copies
    /// a table shared with the previous load).
    private static func enter(_ bodies: ArraySlice<PreparedBody>, into byPath: inout [String: PreparedBody], checking: Bool) {
        for body in bodies where !checking || byPath[body.source.path] !== body { byPath[body.source.path] = body }
    }

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
