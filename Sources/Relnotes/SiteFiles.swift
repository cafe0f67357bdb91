import Foundation
import Synchronization
import RelnotesModel
import RelnotesRendering

/// Every file of a site, each rendered when first asked for and then kept: what the preview
/// serves. A file is rendered exactly as `Site.build` renders it, so what the preview shows
/// is byte for byte what `relnotes build --drafts` writes.
public final class SiteFiles: Sendable {
    private let audiences: [String: Memo<AudienceRenderer>]
    private let make: @Sendable (String) -> AudienceRenderer
    private let rendered = Mutex<[String: Data]>([:])

    /// `make` gives the renderer of an audience; it is called when that audience's site is
    /// first asked for, so a new snapshot of the preview is ready before either site is.
    init(audiences names: [String], make: @escaping @Sendable (String) -> AudienceRenderer) {
        audiences = Dictionary(uniqueKeysWithValues: names.map { ($0, Memo()) })
        self.make = make
    }

    /// Every path of the audience's site (`releases/1.2.0/index.html`), in listing order.
    public func paths(of audience: String) -> [String] {
        renderer(audience)?.listing.map(\.path) ?? []
    }

    /// How many files the sites have (making each audience's listing).
    public var count: Int { audiences.keys.reduce(0) { $0 + paths(of: $1).count } }

    public func contains(_ path: String) -> Bool { locate(path) != nil }

    /// The bytes of the file at `path` (`internal/releases/1.2.0/index.html`), `nil` when the
    /// site has no such file; the problems when it cannot be rendered.
    public func data(at path: String) throws(DiagnosticsError) -> Data? {
        if let data = rendered.withLock({ $0[path] }) { return data }
        guard let (renderer, file) = locate(path), let output = try renderer.render(file) else { return nil }
        rendered.withLock { $0[path] = output.contents }
        return output.contents
    }

    private func renderer(_ audience: String) -> AudienceRenderer? {
        guard let memo = audiences[audience] else { return nil }
        return memo.value { make(audience) }
    }

    private func locate(_ path: String) -> (AudienceRenderer, AudienceRenderer.File)? {
        guard let slash = path.firstIndex(of: "/"), let renderer = renderer(String(path[..<slash])),
              let file = renderer.file(at: String(path[path.index(after: slash)...])) else { return nil }
        return (renderer, file)
    }
}

extension Site {
    /// The files of every audience's site, rendered on demand (`SiteFiles`).
    public func files(drafts: Bool, preview: Bool = false) -> SiteFiles {
        let definitions = Dictionary(uniqueKeysWithValues: audiences.map { ($0.name, $0) })
        return SiteFiles(audiences: audiences.map(\.name)) { name in
            self.renderer(for: definitions[name]!, drafts: drafts, preview: preview)
        }
    }
}
