import Foundation
import Testing

/// The built-in theme and a project's overrides of it.
@Suite("Templates and their overrides")
struct ThemeTests {
    static let release = "---\nversion: 1.0.0\nstatus: released\ndate: 2026-01-01\naudience: external\nsummary: Fish & chips <b>bold</b>\ninternal:\n  release_manager: \"<script>alert(1)</script>\"\n---\n"
    static let entry = "---\ntype: fix\ntitle: Fixed\naudience: external\n---\n"

    static func project(_ extra: [String: String] = [:]) throws -> URL {
        try TemporaryFolder.project([
            "content/releases/1.0.0/release.md": release,
            "content/releases/1.0.0/fix.md": entry,
        ].merging(extra) { _, new in new })
    }

    @Test("a project's template replaces the built-in one of the same name; the others stay built in")
    func overrideByName() throws {
        let root = try Self.project(["templates/partials/entry.mustache": "<li class=\"mine\">{{{title}}}</li>\n"])
        defer { TemporaryFolder.remove(root) }
        #expect(try Relnotes.run(["build", "--root", root.path]).status == 0)
        let page = try String(contentsOf: root.appending(path: "site/external/releases/1.0.0/index.html"), encoding: .utf8)
        #expect(page.contains("<li class=\"mine\">Fixed</li>"))
        #expect(page.contains("<main id=\"main\""), "the built-in layout is still used")
    }

    @Test("assets of the project replace or join the theme's, in every audience")
    func assets() throws {
        let root = try Self.project(["templates/assets/style.css": "body { color: red; }\n", "templates/assets/logo.svg": "<svg/>\n"])
        defer { TemporaryFolder.remove(root) }
        #expect(try Relnotes.run(["build", "--root", root.path]).status == 0)
        for audience in ["external", "internal"] {
            #expect(try String(contentsOf: root.appending(path: "site/\(audience)/assets/style.css"), encoding: .utf8) == "body { color: red; }\n")
            #expect(FileManager.default.fileExists(atPath: root.appending(path: "site/\(audience)/assets/logo.svg").path))
        }
    }

    @Test("values are HTML-escaped in HTML templates and escaped as Markdown text in Markdown templates")
    func escaping() throws {
        let root = try Self.project()
        defer { TemporaryFolder.remove(root) }
        #expect(try Relnotes.run(["build", "--root", root.path]).status == 0)
        let html = try String(contentsOf: root.appending(path: "site/internal/releases/1.0.0/index.html"), encoding: .utf8)
        #expect(html.contains("<dd>&lt;script&gt;alert(1)&lt;/script&gt;</dd>"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("Fish &amp; chips"))
        #expect(!html.contains("<b>bold</b>"), "raw HTML in Markdown is omitted")
        let notes = try String(contentsOf: root.appending(path: "site/internal/releases/1.0.0/notes.md"), encoding: .utf8)
        #expect(notes.contains("Fish & chips"))
        #expect(notes.contains("- Release manager: \\<script\\>alert(1)\\</script\\>"), "front-matter text is text in Markdown too")
    }

    @Test("a template that does not parse is an error at its line and column, and nothing is written")
    func syntaxError() throws {
        let root = try Self.project(["templates/page.mustache": "<main>\n  {{#release}}\n  {{/relase}}\n</main>\n"])
        defer { TemporaryFolder.remove(root) }
        let result = try Relnotes.run(["build", "--root", root.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("templates/page.mustache:3:7: error: template error: this closing tag does not match the section it closes"))
        #expect(!FileManager.default.fileExists(atPath: root.appending(path: "site").path))
    }

    @Test("a partial that does not exist is an error, not an empty piece of page")
    func missingPartial() throws {
        let root = try Self.project(["templates/partials/section.mustache": "<section>\n{{> partials/entri}}\n</section>\n"])
        defer { TemporaryFolder.remove(root) }
        let result = try Relnotes.run(["check", "--root", root.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("templates/partials/section.mustache:2:1: error: template 'partials/entri' does not exist — did you mean 'partials/entry'?"))
    }
}
