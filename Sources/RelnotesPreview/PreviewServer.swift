import Foundation
import Relnotes

/// `relnotes preview`: serves the drafts build of every audience from memory at
/// `/<audience>/…`, rebuilds when the sources change, and keeps serving when a build fails.
public struct PreviewServer: Sendable {
    public var root: URL
    public var host: String
    public var port: UInt16
    /// How often the sources are looked at where inotify is unavailable.
    public var interval: Duration = .milliseconds(250)
    /// What one client may cost: request size, timeouts, connections.
    public var limits = HTTPLimits()
    /// Makes each snapshot; `nil` builds the project at `root`. Tests put a slow one here.
    var build: PreviewState.Build?

    public init(root: URL, host: String = "127.0.0.1", port: UInt16 = 8000) {
        self.root = root
        self.host = host
        self.port = port
    }

    /// Listens (so a port in use is said before anything is built), builds, calls `ready`
    /// with the address, then serves and watches until cancelled, and returns. `log` gets one
    /// line per build (its problems, or what it wrote). Requests are answered from the newest
    /// finished build while the next one runs.
    public func run(ready: @Sendable (URL) -> Void, log: @escaping @Sendable (String) -> Void) async throws {
        let listener = try HTTPListener(host: host, port: port)
        let state = PreviewState(build: build ?? { [root] current, changed in PreviewSnapshot.build(root: root, after: current, changed: changed) }, log: log)
        let serving = HTTPServing(limits: limits) { request in
            PreviewResponder.respond(to: request.path, query: request.query, with: state.snapshot)
        }
        try await serving.serve(on: listener) { url, open in
            // Watching starts before the first build, so that no change during it is missed.
            let changes = watch(log: log)
            state.changed(ContentWatcher.everything)
            await state.settled()
            open()
            ready(url)
            for await paths in changes { state.changed(paths) }
            if !Task.isCancelled { throw WatchingStopped() }
        }
    }

    /// Changes to the sources: from inotify, or by polling where inotify is unavailable.
    private func watch(log: @Sendable (String) -> Void) -> AsyncStream<Set<String>> {
        do {
            return try InotifyWatcher(root: root).changes
        } catch {
            log("warning: \(error); looking for changes every \(interval) instead")
            return ContentWatcher(root: root).changes(every: interval)
        }
    }

    struct WatchingStopped: Error, CustomStringConvertible {
        var description: String { "the watch of the project's files ended" }
    }
}
