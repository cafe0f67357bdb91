import ArgumentParser
import Foundation
import RelnotesPreview
import Relnotes

/// `relnotes preview`: every audience's drafts site, served locally and rebuilt on change.
struct PreviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Serve every audience's site, drafts included, rebuilding as files change.",
        discussion: """
            Serves the drafts build of every audience from memory at \
            http://HOST:PORT/<audience>/…, with / listing the audiences. Every page carries \
            a banner naming its audience, with a switch to the same page for the other \
            audiences, and reloads itself after each rebuild. When a change breaks the \
            build, the problems show in the browser (and here) until they are fixed. \
            Nothing is written to disk. Listens on 127.0.0.1 only, unless --host says \
            otherwise; --port 0 picks a free port, and the address printed has the port it got. \
            A port in use is an error at once, before anything is built. SIGTERM or Ctrl-C \
            stops it (exit status 0).

            Example: relnotes preview --port 8080
            """
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port).")
    var port: UInt16 = 8000

    @Option(help: "The most connections kept open at once; past it the longest-idle one is closed (default: half the file descriptors the process may open, at most 1024).")
    var maxConnections: Int?

    func run() async throws {
        // Unlike the one-shot commands (`RelnotesCommand.prepareProcess`), the preview runs for long.
        ProcessLifetime.growHeapsAsNeeded()
        try project.requireProject()
        let root = project.rootURL
        guard FileManager.default.fileExists(atPath: root.appending(path: "content").path) else {
            throw ValidationError("there is no content/ folder in \(root.path); run relnotes in a site project or pass --root")
        }
        var server = PreviewServer(root: root, host: host, port: port)
        if let maxConnections {
            guard maxConnections > 0 else { throw ValidationError("--max-connections must be at least 1") }
            server.limits.connections = maxConnections
        }
        let running = Task {
            try await server.run(
                ready: { url in
                    Standard.output.write("Serving the preview at \(url.absoluteString) (Ctrl-C stops it)\n")
                },
                log: { line in Standard.error.write(line + "\n") })
        }
        let signals = StopSignals(cancelling: running) { Standard.error.write("stopping the preview\n") }
        defer { withExtendedLifetime(signals) {} }
        do {
            try await running.value
        } catch let failure as HTTPListener.Failure {
            Standard.error.write("error: \(failure)\n")
            throw ExitCode(1)
        } catch is CancellationError {
            return
        } catch {
            Standard.error.write("error: the preview server stopped: \(error)\n")
            throw ExitCode(1)
        }
    }
}
