import Testing
@testable import RelnotesMarkdown
@testable import RelnotesModel

@Suite("Markdown: relnotes render, end to end")
struct MarkdownRenderCommandTests {
    static let body = """
        # Exports

        ::: internal
        Staff only.
        :::

        !!! warning "Back up first"
            The migration rewrites the `exports` table.

        """

    @Test("render prints HTML for external readers by default")
    func defaults() throws {
        let result = try RenderRun.command(Self.body, [])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == """
            <h1 id="exports">Exports</h1>
            <div class="admonition warning">
            <p class="admonition-title">Back up first</p>
            <p>The migration rewrites the <code>exports</code> table.</p>
            </div>

            """)
    }

    @Test("--format markdown prints CommonMark with GitHub alerts")
    func markdown() throws {
        let result = try RenderRun.command(Self.body, ["--format", "markdown"])
        #expect(result.status == 0)
        #expect(result.stdout == """
            # Exports

            > [!WARNING]
            > **Back up first**
            >
            > The migration rewrites the `exports` table.


            """)
    }

    @Test("--audience internal shows what internal readers see")
    func internalAudience() throws {
        let result = try RenderRun.command(Self.body, ["--audience", "internal", "--format", "markdown"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("# Exports\n\nStaff only.\n\n> [!WARNING]\n"))
    }

    @Test("render prints exactly what the library renders for a page body", arguments: MarkupFormat.allCases, ["external", "internal"])
    func sameAsLibrary(format: MarkupFormat, audience: String) throws {
        let expected = try MarkdownRenderer(config: SiteConfig())
            .render(MarkdownSource(text: Self.body, path: "page.md"), for: audience, as: format).text
        let result = try RenderRun.command(Self.body, ["--audience", audience, "--format", format.rawValue])
        #expect(result.stdout == expected)
    }

    @Test("an unknown --audience is a usage error naming the configured audiences", arguments: [
        (nil as String?, "external, internal"),
        (Self.partnerConfig, "external, partner, internal"),
    ])
    func unknownAudience(config: String?, names: String) throws {
        let result = try RenderRun.command("Text.\n", ["--audience", "nope"], config: config)
        #expect(result.status == 64)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("Error: unknown audience 'nope'; configured audiences: \(names)\n"))
    }

    @Test("an unknown --format is a usage error")
    func unknownFormat() throws {
        let result = try RenderRun.command("Text.\n", ["--format", "pdf"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("'pdf'"))
    }

    static let partnerConfig = """
        audiences:
          external: {title: Release notes}
          partner: {title: Partner notes, sees: [external]}
          internal: {title: Internal release notes, sees: [partner]}

        """

    @Test("the audiences of the project's relnotes.yml are the ones render knows")
    func projectAudiences() throws {
        let input = "::: partner\nFor partners.\n:::\n\n::: internal\nStaff only.\n:::\n"
        let partner = try RenderRun.command(input, ["--audience", "partner"], config: Self.partnerConfig)
        #expect(partner.stdout == "<div class=\"audience-only\" data-audience=\"partner\">\n<p>For partners.</p>\n</div>\n")
        let staff = try RenderRun.command(input, ["--audience", "internal"], config: Self.partnerConfig)
        #expect(staff.stdout == """
            <div class="audience-only" data-audience="partner">
            <p>For partners.</p>
            </div>
            <div class="audience-only" data-audience="internal">
            <p>Staff only.</p>
            </div>

            """, "each audience's material labelled for those who see more than it")
        let unknown = try RenderRun.command("::: partner\nx\n:::\n", ["--audience", "external"], config: nil)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("<stdin>:1:1: error: unknown audience 'partner' in audience container\n"))
    }

    @Test("empty input renders as empty output")
    func empty() throws {
        let result = try RenderRun.command("", [])
        #expect(result.status == 0)
        #expect(result.stdout == "")
    }
}
