import Foundation
import Testing
@testable import RelnotesAudience
@testable import RelnotesModel

/// `extra:`: a team's own fields on releases, entries and pages, and in audience blocks.
@Suite("Custom fields (extra)")
struct CustomFieldsTests {
    static let entry = """
        ---
        type: fix
        title: Fixed
        audience: external
        extra:
          owner: Dana
          risk: 1.10
          risky: true
          quoted: "true"
          gone: ~
          steps: [one, two]
          rollout: {stage: canary, percent: 5}
        internal:
          extra: {owner: Sam, reviewer: Lee}
        ---
        """

    @Test("extra holds text as written, flags, lists and mappings, in the order written")
    func values() throws {
        let project = try InlineProject.project([
            "content/releases/1.0.0/release.md": InlineProject.release(),
            "content/releases/1.0.0/fix.md": Self.entry,
        ])
        let entry = try #require(project.releases.first?.entries.first)
        let extra = try #require(entry.fields.extra)
        #expect(extra.fields.map(\.key) == ["owner", "risk", "risky", "quoted", "gone", "steps", "rollout"])
        #expect(extra["risk"] == .text("1.10", at: SourceLocation(path: "content/releases/1.0.0/fix.md", line: 7, column: 9)))
        #expect(extra["risky"] == .flag(true))
        #expect(extra["quoted"] == .text("true", at: SourceLocation(path: "content/releases/1.0.0/fix.md", line: 9, column: 12)))
        #expect(extra["gone"] == .null)
        guard case .list(let steps)? = extra["steps"], case .mapping(let rollout)? = extra["rollout"] else {
            Issue.record("steps is a list and rollout a mapping")
            return
        }
        #expect(steps.count == 2)
        #expect(rollout.fields.map(\.key) == ["stage", "percent"])
        #expect(entry.overrides.first?.fields.extra?.fields.map(\.key) == ["owner", "reviewer"])
    }

    @Test("an audience block's extra replaces the same keys, for the audiences that see the block only")
    func audienceBlocks() throws {
        let project = try InlineProject.project([
            "content/releases/1.0.0/release.md": InlineProject.release(),
            "content/releases/1.0.0/fix.md": Self.entry,
        ])
        let filter = AudienceFilter(project: project)
        func extra(_ audience: String) throws -> CustomFields? {
            let site = filter.site(for: try #require(project.config.audience(named: audience)), includeDrafts: false)
            return site.releases.first?.entries.first?.fields.extra
        }
        #expect(try extra("external")?.fields.map(\.key) == ["owner", "risk", "risky", "quoted", "gone", "steps", "rollout"])
        #expect(try extra("internal")?.fields.map(\.key) == ["owner", "risk", "risky", "quoted", "gone", "steps", "rollout", "reviewer"])
        #expect(try extra("internal")?["owner"] == .text("Sam", at: SourceLocation(path: "content/releases/1.0.0/fix.md", line: 14, column: 18)))
    }

    @Test("extra is allowed on releases, entries and pages and in their audience blocks, and must be a mapping of usable names")
    func diagnostics() throws {
        #expect(try InlineProject.problems([
            "content/releases/1.0.0/release.md": InlineProject.release("1.0.0", "extra: {owner: Dana}\ninternal: {extra: {risk: high}}"),
            "content/releases/1.0.0/fix.md": InlineProject.entry("A fix", "extra: {owner: Dana}\ninternal: {extra: {owner: Sam}}"),
            "content/pages/help.md": "---\ntitle: Help\nextra: {section: ops}\ninternal: {extra: {owner: Lee}}\n---\nHelp.\n",
        ]) == [])
        #expect(try InlineProject.problems([
            "content/releases/1.0.0/release.md": InlineProject.release("1.0.0", "extr: {owner: Dana}"),
            "content/releases/1.0.0/fix.md": InlineProject.entry("A fix", "extra: Dana"),
            "content/pages/help.md": "---\ntitle: Help\nextra: {rollout notes: x, ok: {a.b: 1}}\n---\nHelp.\n",
        ]) == [
            "content/pages/help.md:3:9: error: the key 'rollout notes' in 'extra' cannot be named in a template; use letters, digits, '-' and '_'",
            "content/pages/help.md:3:32: error: the key 'a.b' in 'extra.ok' cannot be named in a template; use letters, digits, '-' and '_'",
            "content/releases/1.0.0/fix.md:5:8: error: 'extra' must be a mapping of keys to values, not text",
            "content/releases/1.0.0/release.md:6:1: error: unknown key 'extr' in a release record — did you mean 'extra'?",
        ])
    }

    @Test("extra nested too deeply is an error, not a crash")
    func tooDeep() throws {
        let nested = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        let problems = try InlineProject.problems([
            "content/releases/1.0.0/release.md": InlineProject.release(),
            "content/releases/1.0.0/fix.md": InlineProject.entry("A fix", "extra: {deep: \(nested)}"),
        ])
        #expect(problems == ["content/releases/1.0.0/fix.md:5:30: error: 'extra' nests lists and mappings more than 16 levels deep"])
    }

    @Test("templates reach extra as extra.KEY; values render escaped, lists joined, flags as sections")
    func templates() throws {
        let template = "<li>{{title}} [{{extra.owner}}] [{{extra.risk}}] {{#extra.risky}}RISKY{{/extra.risky}}{{^extra.quoted}}never{{/extra.quoted}} [{{extra.steps}}] {{#extra.steps}}<{{.}}>{{/extra.steps}} {{extra.rollout.stage}} [{{extra.rollout}}] [{{extra.gone}}] [{{extra.missing}}]</li>\n"
        let (site, problems) = try InlineProject.site([
            "content/releases/1.0.0/release.md": InlineProject.release("1.0.0", "extra: {owner: \"<Ops & Co>\"}"),
            "content/releases/1.0.0/fix.md": Self.entry,
            "templates/partials/entry.mustache": template,
            "templates/partials/release-header.mustache": "<h1>{{version}} by {{extra.owner}}</h1>\n",
        ])
        #expect(problems == [])
        let files = try #require(site).build(drafts: false)
        func page(_ audience: String) -> String {
            String(decoding: files.first { $0.path == "\(audience)/releases/1.0.0/index.html" }?.contents ?? Data(), as: UTF8.self)
        }
        #expect(page("external").contains("<li>Fixed [Dana] [1.10] RISKY [one, two] <one><two> canary [] [] []</li>"))
        #expect(page("internal").contains("<li>Fixed [Sam] [1.10] RISKY [one, two] <one><two> canary [] [] []</li>"))
        #expect(page("external").contains("<h1>1.0.0 by &lt;Ops &amp; Co&gt;</h1>"))
    }

    @Test("the built-in theme shows no custom field, and releases.json, the feed and the notes hold none")
    func builtinThemeShowsNone() throws {
        let (site, problems) = try InlineProject.site([
            "relnotes.yml": "base_url: https://example.com/\n",
            "content/releases/1.0.0/release.md": InlineProject.release("1.0.0", "extra: {owner: customcanary1}\ninternal: {extra: {owner: customcanary2}}"),
            "content/releases/1.0.0/fix.md": InlineProject.entry("A fix", "extra: {owner: customcanary3}\ninternal: {extra: {owner: customcanary4}}"),
            "content/pages/help.md": "---\ntitle: Help\naudience: external\nextra: {owner: customcanary5}\n---\nHelp.\n",
        ])
        #expect(problems == [])
        let files = try #require(site).build(drafts: true)
        #expect(files.contains { $0.path == "external/feed.xml" })
        for file in files {
            #expect(!String(decoding: file.contents, as: UTF8.self).contains("customcanary"), "\(file.path)")
        }
    }

    @Test("sensitive patterns check extra text wherever an untrusted audience sees it, at the value")
    func sensitivePatterns() throws {
        let (_, problems) = try InlineProject.site([
            "relnotes.yml": "sensitive_patterns: ['corp\\.example']\n",
            "content/releases/1.0.0/release.md": InlineProject.release("1.0.0", "extra: {runbook: 'see wiki.corp.example'}\ninternal: {extra: {host: db.corp.example}}"),
            "content/releases/1.0.0/fix.md": InlineProject.entry("A fix", "extra: {links: [ok, {host: x.corp.example}]}"),
            "content/pages/help.md": "---\ntitle: Help\naudience: external\nextra: {host: corp.example}\n---\nHelp.\n",
        ])
        #expect(problems == [
            "content/pages/help.md:4:15: error: text visible to 'external' matches the sensitive pattern 'corp\\.example'; move it into an internal block or container",
            "content/releases/1.0.0/fix.md:5:30: error: text visible to 'external' matches the sensitive pattern 'corp\\.example'; move it into an internal block or container",
            "content/releases/1.0.0/release.md:6:28: error: text visible to 'external' matches the sensitive pattern 'corp\\.example'; move it into an internal block or container",
        ])
    }
}
