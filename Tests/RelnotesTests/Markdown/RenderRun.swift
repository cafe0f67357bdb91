import Foundation
import Testing
@testable import Relnotes
@testable import RelnotesLoading
@testable import RelnotesMarkdown

/// A way of rendering a body as `relnotes render` does: the audience, and the project
/// configuration it reads.
struct RenderVariant: Sendable, CustomTestStringConvertible {
    /// Names the variant's golden files: `case.NAME.html`, `case.NAME.md`.
    var name: String
    var audience: String
    /// The project's `relnotes.yml`; `nil` renders with the defaults (no project at all).
    var config: String?

    var testDescription: String { name }

    static let external = RenderVariant(name: "external", audience: "external")
    static let `internal` = RenderVariant(name: "internal", audience: "internal")
    static let ticketsExternal = RenderVariant(name: "external", audience: "external", config: Configs.tickets)
    static let ticketsInternal = RenderVariant(name: "internal", audience: "internal", config: Configs.tickets)
    static let unsafeHTML = RenderVariant(name: "unsafe", audience: "external", config: Configs.unsafeHTML)
}

/// `relnotes.yml` texts the Markdown tests render with.
enum Configs {
    static let trackerHost = "tracker.example.com"
    static let tickets = "tickets:\n  url: https://\(trackerHost)/browse/{key}\n"
    static let unsafeHTML = "unsafe_html: true\n"
}

enum RenderRun {
    /// `markdown` rendered in process for the variant's audience, with the variant's
    /// `relnotes.yml` read as `relnotes render` reads it (`ProjectLoader.loadConfig`).
    static func render(_ markdown: String, _ variant: RenderVariant = .external, format: String = "html", sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Rendering {
        let format = try #require(MarkupFormat(rawValue: format), sourceLocation: sourceLocation)
        return Rendering(markdown, for: variant.audience, as: format, renderer: try renderer(config: variant.config, sourceLocation: sourceLocation))
    }

    /// The renderer of a project whose `relnotes.yml` is `config` (the defaults for `nil`),
    /// which must load without a problem.
    static func renderer(config: String?, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> MarkdownRenderer {
        guard let config else { return InProcessRender.renderer }
        let project = try TemporaryFolder.project(["relnotes.yml": config])
        defer { TemporaryFolder.remove(project) }
        let (loaded, diagnostics) = ProjectLoader.loadConfig(root: project)
        #expect(diagnostics.isEmpty, "relnotes.yml: \(diagnostics.map(\.description))", sourceLocation: sourceLocation)
        return MarkdownRenderer(config: loaded)
    }

    /// `relnotes render arguments…` run as a process on `markdown`, with `--root` set to a
    /// temporary project holding `config` as its `relnotes.yml`, or nothing (never the
    /// current folder's): for the command's own contract (options, exit status, output).
    static func command(_ markdown: String, _ arguments: [String], config: String? = nil) throws -> Relnotes.Result {
        let project = try TemporaryFolder.project(config.map { ["relnotes.yml": $0] } ?? [:])
        defer { TemporaryFolder.remove(project) }
        return try Relnotes.run(["render", "--root", project.path] + arguments, input: markdown)
    }

    /// `relnotes render` run as a process for the variant's audience, in `format`.
    static func command(_ markdown: String, _ variant: RenderVariant, format: String = "html") throws -> Relnotes.Result {
        try command(markdown, ["--audience", variant.audience, "--format", format], config: variant.config)
    }

    /// Renders fixture `markdown/PATH.md` for each variant in HTML and Markdown, and compares
    /// the output with the golden files `PATH.VARIANT.html` and `PATH.VARIANT.md` beside it.
    /// `problems` are the warnings expected for every rendering.
    static func checkGolden(_ path: String, variants: [RenderVariant], problems: [String] = [], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let input = try String(contentsOf: Fixtures.url("markdown/\(path).md"), encoding: .utf8)
        for variant in variants {
            for (format, suffix) in [("html", "html"), ("markdown", "md")] {
                let result = try render(input, variant, format: format, sourceLocation: sourceLocation)
                #expect(!result.failed, "\(variant.name) \(format) failed: \(result.problems)", sourceLocation: sourceLocation)
                #expect(result.problems == problems, "\(variant.name) \(format)", sourceLocation: sourceLocation)
                try Golden.check(result.text, against: "markdown/\(path).\(variant.name).\(suffix)", sourceLocation: sourceLocation)
            }
        }
    }
}
