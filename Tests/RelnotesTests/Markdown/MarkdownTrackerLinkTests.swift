import Testing

@Suite("Markdown: tracker links")
struct MarkdownTrackerLinkTests {
    @Test("keys link to tickets.url for internal only, never inside code or existing links")
    func golden() throws {
        try RenderRun.checkGolden("tracker-links/keys", variants: [.ticketsExternal, .ticketsInternal])
    }

    @Test("external readers see plain keys and no tracker URL anywhere, in either format", arguments: ["html", "markdown"])
    func externalSeesNoTrackerURL(format: String) throws {
        let input = try String(contentsOf: Fixtures.url("markdown/tracker-links/keys.md"), encoding: .utf8)
        let result = try RenderRun.render(input, .ticketsExternal, format: format)
        #expect(!result.failed)
        #expect(result.text.contains("REL-117"))
        #expect(!result.text.contains(Configs.trackerHost))
        #expect(!result.text.contains("browse"))
    }

    @Test("without tickets.url, keys stay plain text for internal readers too")
    func noURL() throws {
        let result = try RenderRun.render("Fixed in REL-117.\n", .internal)
        #expect(result.text == "<p>Fixed in REL-117.</p>\n")
    }

    @Test("tickets.pattern and tickets.link_for decide what is linked, and for whom")
    func configured() throws {
        let config = """
            audiences:
              external: {title: Release notes}
              partner: {title: Partner notes, sees: [external]}
              internal: {title: Internal release notes, sees: [partner]}
            tickets:
              pattern: "#[0-9]+"
              url: https://git.example.com/issues/{key}
              link_for: [partner]

            """
        let input = "Fixed #42, not REL-117.\n"
        let partner = try RenderRun.render(input, RenderVariant(name: "partner", audience: "partner", config: config))
        #expect(partner.text == "<p>Fixed <a href=\"https://git.example.com/issues/%2342\">#42</a>, not REL-117.</p>\n")
        let staff = try RenderRun.render(input, RenderVariant(name: "internal", audience: "internal", config: config))
        #expect(staff.text == "<p>Fixed #42, not REL-117.</p>\n")
    }
}
