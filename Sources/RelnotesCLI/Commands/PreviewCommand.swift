import ArgumentParser
import Foundation
import Relnotes
import RelnotesPreview

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
            otherwise; --port 0 picks a free port.

            Example: relnotes preview --port 8080
            """
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port).")
    var port: UInt16 = 8000

    func run() async throws {
        try project.requireProject()
        let root = project.rootURL
        guard FileManager.default.fileExists(atPath: root.appending(path: "content").path) else {
            throw ValidationError("there is no content/ folder in \(root.path); run relnotes in a site project or pass --root")
        }
        let server = PreviewServer(root: root, host: host, port: port)
        do {
            try await server.run(
                ready: { url in
                    Standard.output.write("Serving the preview at \(url.absoluteString) (Ctrl-C stops it)\n")
                },
                log: { line in Standard.error.write(line + "\n") })
        } catch {
            Standard.error.write("error: the preview server stopped: \(error)\n")
            throw ExitCode(1)
        }
    }
}
