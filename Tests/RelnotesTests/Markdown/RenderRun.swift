import Foundation
import Testing

/// A way of running `relnotes render`: the audience, and the project configuration it reads.
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
    /// `relnotes render --audience … --format …` on `markdown`, with the variant's project.
    static func render(_ markdown: String, _ variant: RenderVariant = .external, format: String = "html") throws -> Relnotes.Result {
        try render(markdown, ["--audience", variant.audience, "--format", format], config: variant.config)
    }

    /// `relnotes render arguments…` on `markdown`, with `--root` set to a temporary project
    /// holding `config` as its `relnotes.yml`, or nothing (never the current folder's).
    static func render(_ markdown: String, _ arguments: [String], config: String? = nil) throws -> Relnotes.Result {
        let project = try TemporaryFolder.project(config.map { ["relnotes.yml": $0] } ?? [:])
        defer { TemporaryFolder.remove(project) }
        return try Relnotes.run(["render", "--root", project.path] + arguments, input: markdown)
    }

    /// Renders fixture `markdown/PATH.md` for each variant in HTML and Markdown, and compares
    /// the output with the golden files `PATH.VARIANT.html` and `PATH.VARIANT.md` beside it.
    static func checkGolden(_ path: String, variants: [RenderVariant], stderr: String = "", sourceLocation: SourceLocation = #_sourceLocation) throws {
        let input = try String(contentsOf: Fixtures.url("markdown/\(path).md"), encoding: .utf8)
        for variant in variants {
            for (format, suffix) in [("html", "html"), ("markdown", "md")] {
                let result = try render(input, variant, format: format)
                #expect(result.status == 0, "exit status for \(variant.name) \(format)", sourceLocation: sourceLocation)
                #expect(result.stderr == stderr, sourceLocation: sourceLocation)
                try Golden.check(result.stdout, against: "markdown/\(path).\(variant.name).\(suffix)", sourceLocation: sourceLocation)
            }
        }
    }
}
