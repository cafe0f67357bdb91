import Foundation
import Relnotes
import RelnotesModel

extension PreviewResponder {
    /// The compare view: `/_relnotes/compare/<version>?a=<audience>&b=<audience>`; the
    /// picker's `/_relnotes/compare/?version=…` is sent on to it.
    static func compare(path: String, query: [String: String], with snapshot: PreviewSnapshot) -> Response {
        if snapshot.failed { return .html(200, PreviewPages.errors(snapshot)) }
        guard let site = snapshot.site, let first = snapshot.audiences.first else {
            return .html(404, PreviewPages.notFound(path: path, snapshot: snapshot, reason: "Nothing is built yet."))
        }
        let a = query["a"] ?? first.name
        let b = query["b"] ?? (snapshot.audiences.dropFirst().first ?? first).name
        var version = String(path.dropFirst(min(path.count, ComparePage.path.count)))
        while version.hasSuffix("/") { version.removeLast() }
        if version.isEmpty {
            guard let asked = query["version"], !asked.isEmpty else {
                return .html(404, PreviewPages.notFound(path: path, snapshot: snapshot, reason: "Name a release: /_relnotes/compare/<version>?a=<audience>&b=<audience>."))
            }
            return redirect(to: ComparePage.url(version: asked, a: a, b: b))
        }
        guard let left = snapshot.audiences.first(where: { $0.name == a }), let right = snapshot.audiences.first(where: { $0.name == b }) else {
            return .html(404, PreviewPages.notFound(path: path, snapshot: snapshot, reason: "There is no audience '\(query["a"] ?? "")' or '\(query["b"] ?? "")' to compare."))
        }
        do {
            let sides = try [left, right].map { (audience) throws(DiagnosticsError) in
                ComparePage.Side(name: audience.name, title: audience.title, blocks: try site.releaseBlocks(version: version, audience: audience.name))
            }
            let html = ComparePage.html(version: version, a: sides[0], b: sides[1], versions: ComparePage.versions(of: site), audiences: snapshot.audiences)
            return .html(sides.allSatisfy { $0.blocks == nil } ? 404 : 200, html)
        } catch {
            var failed = snapshot
            failed.diagnostics += error.diagnostics
            return .html(200, PreviewPages.errors(failed))
        }
    }

    /// For a page this audience does not have (the audience switch on an internal-only
    /// page), the page saying so, with the audiences that have it; `nil` when none has it.
    static func elsewhere(_ segments: [String], snapshot: PreviewSnapshot) -> String? {
        guard segments.count > 1, let audience = snapshot.audiences.first(where: { $0.name == segments[0] }) else { return nil }
        let rest = segments.dropFirst().joined(separator: "/")
        let others = snapshot.audiences.filter { other in
            other.name != audience.name && (snapshot.contains("\(other.name)/\(rest)") || snapshot.contains("\(other.name)/\(rest)/index.html"))
        }
        guard !others.isEmpty else { return nil }
        let isFolder = !snapshot.audiences.contains { snapshot.contains("\($0.name)/\(rest)") }
        let release = segments.count >= 3 && segments[1] == "releases" ? segments[2] : nil
        return PreviewPages.notVisible(
            audience: audience, path: "/" + rest + (isFolder ? "/" : ""),
            others: others, compare: release.map { version in others.map { ComparePage.url(version: version, a: audience.name, b: $0.name) } })
    }
}
