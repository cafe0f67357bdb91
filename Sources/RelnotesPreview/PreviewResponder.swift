import Foundation
import Relnotes

/// Answers one request of the preview from a snapshot: the pure core of the server.
///
/// Only files of the built site are served: the path is looked up in the snapshot's
/// in-memory files, never on disk, and a path with `.` or `..` segments is refused
/// before any lookup, so there is nothing to traverse.
public enum PreviewResponder {
    public struct Response: Sendable, Equatable {
        public var status: Int
        public var headers: [String: String]
        public var body: Data

        init(status: Int, type: String, body: Data, headers: [String: String] = [:]) {
            self.status = status
            self.headers = headers.merging(["Content-Type": type, "Cache-Control": "no-store"]) { own, _ in own }
            self.body = body
        }

        static func html(_ status: Int, _ text: String) -> Response {
            Response(status: status, type: "text/html; charset=utf-8", body: Data(text.utf8))
        }
    }

    public static let generationPath = "/_relnotes/generation"

    /// The response to `GET path` (a decoded path, starting with `/`, and its decoded query).
    public static func respond(to path: String, query: [String: String] = [:], with snapshot: PreviewSnapshot) -> Response {
        switch path {
        case generationPath:
            return Response(status: 200, type: "text/plain; charset=utf-8", body: Data(String(snapshot.generation).utf8))
        case Site.liveReloadPath:
            return Response(status: 200, type: "text/javascript; charset=utf-8", body: Data(LiveReload.script.utf8))
        default:
            break
        }
        if path.hasPrefix(ComparePage.path) || path + "/" == ComparePage.path {
            return compare(path: path, query: query, with: snapshot)
        }
        guard let segments = safeSegments(of: path) else {
            return .html(400, PreviewPages.notFound(path: path, snapshot: snapshot, reason: "This path is not allowed."))
        }
        if segments.isEmpty {
            return snapshot.failed ? .html(200, PreviewPages.errors(snapshot)) : .html(200, PreviewPages.home(snapshot))
        }
        var file = segments.joined(separator: "/")
        if path.hasSuffix("/") || segments.count == 1 && !path.hasSuffix("/") && snapshot.audiences.contains(where: { $0.name == file }) {
            if !path.hasSuffix("/") { return redirect(to: path + "/") }
            file += "/index.html"
        } else if !snapshot.contains(file), snapshot.contains(file + "/index.html") {
            return redirect(to: path + "/")
        }
        let type = contentType(of: file)
        if snapshot.failed && type.hasPrefix("text/html") {
            return .html(200, PreviewPages.errors(snapshot))
        }
        let data: Data?
        do {
            data = try snapshot.data(at: file)
        } catch {
            // A problem only rendering finds (a container line it cannot read safely).
            var failed = snapshot
            failed.diagnostics += error.diagnostics
            return .html(200, PreviewPages.errors(failed))
        }
        guard let data else {
            return .html(404, elsewhere(segments, snapshot: snapshot) ?? PreviewPages.notFound(path: path, snapshot: snapshot, reason: "This audience has no such page."))
        }
        return Response(status: 200, type: type, body: data)
    }

    /// The path's segments, or `nil` when any is `.`, `..`, or holds a backslash or NUL.
    static func safeSegments(of path: String) -> [String]? {
        guard path.hasPrefix("/") else { return nil }
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        for segment in segments where segment == "." || segment == ".." || segment.contains("\\") || segment.contains("\0") {
            return nil
        }
        return segments
    }

    static func redirect(to location: String) -> Response {
        Response(status: 301, type: "text/plain; charset=utf-8", body: Data(), headers: ["Location": location])
    }

    static func contentType(of file: String) -> String {
        switch file.split(separator: ".").last.map({ $0.lowercased() }) {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return "application/atom+xml; charset=utf-8"
        case "md": return "text/markdown; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "woff2": return "font/woff2"
        case "txt": return "text/plain; charset=utf-8"
        default: return "application/octet-stream"
        }
    }
}
