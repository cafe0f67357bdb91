import Foundation
import Testing
@testable import RelnotesMarkdown

/// `extra` obeys the guarantee: with templates that print every custom field everywhere,
/// no internal one reaches any byte or path of the external site, drafts included.
@Suite("Custom fields never reach another audience")
struct CustomFieldsLeakTests {
    /// Templates printing each kind's extra fields, in every output they can reach.
    static let templates = [
        "templates/partials/entry.mustache": "<li>{{{title}}} {{extra.owner}} {{extra.list}} {{extra.map.deep}}</li>\n",
        "templates/partials/entry.md.mustache": "- {{title}} {{extra.owner}} {{extra.list}} {{extra.map.deep}}\n",
        "templates/partials/changelog-section.md.mustache": "### {{title}}\n{{#types}}{{#groups}}{{#entries}}\n- {{title}} {{extra.owner}} {{extra.list}} {{extra.map.deep}}\n{{/entries}}{{/groups}}{{/types}}\n",
        "templates/partials/release-header.mustache": "<h1>{{version}} {{extra.owner}} {{extra.list}} {{extra.map.deep}}</h1>\n",
        "templates/partials/release-card.mustache": "<li>{{version}} {{extra.owner}} {{extra.list}} {{extra.map.deep}}</li>\n",
        "templates/notes.md.mustache": "{{#release}}{{#head}}# {{version}} {{extra.owner}} {{extra.list}}\n{{/head}}{{#sections}}{{> partials/section.md}}{{/sections}}{{/release}}\n",
        "templates/announcement.md.mustache": "{{#release}}# {{version}} {{extra.owner}} {{extra.list}} {{extra.map.deep}}\n{{/release}}{{#sections}}{{#items}}{{#entry}}- {{title}} {{extra.owner}} {{extra.list}} {{extra.map.deep}}\n{{/entry}}{{/items}}{{/sections}}\n",
        "templates/announcement.html.mustache": "{{#release}}<h1>{{version}} {{extra.owner}} {{extra.list}} {{extra.map.deep}}</h1>{{/release}}{{#sections}}{{#items}}{{#entry}}<li>{{title}} {{extra.owner}} {{extra.list}} {{extra.map.deep}}</li>{{/entry}}{{/items}}{{/sections}}\n",
        "templates/announcement.txt.mustache": "{{#release}}{{version}} {{extra.owner}} {{extra.list}} {{extra.map.deep}}\n{{/release}}{{#sections}}{{#items}}{{#entry}}- {{title}} {{extra.owner}} {{extra.list}} {{extra.map.deep}}\n{{/entry}}{{/items}}{{/sections}}\n",
        "templates/feed.xml.mustache": "<feed>{{#entries}}<entry>{{title}} {{extra.owner}} {{extra.list}} {{extra.map.deep}}<content>{{{contentEscaped}}}</content></entry>{{/entries}}</feed>\n",
        "templates/page.mustache": "{{<layout}}{{$content}}<h1>{{{title}}} {{extra.owner}} {{extra.list}} {{extra.map.deep}}</h1>{{{body}}}{{/content}}{{/layout}}\n",
    ]

    static let project = templates.merging([
        "relnotes.yml": "base_url: https://example.com/\n",
        "content/releases/1.0.0/release.md": "---\nversion: 1.0.0\nstatus: released\ndate: 2026-01-15\naudience: external\nextra: {owner: extrapublic01}\ninternal:\n  extra: {owner: extracanary01, list: [extracanary08], map: {deep: extracanary11}}\n---\nHighlights.\n",
        "content/releases/1.0.0/fix.md": "---\ntype: fix\ntitle: A fix\naudience: external\nextra: {owner: extrapublic02}\ninternal:\n  extra: {owner: extracanary02, map: {deep: extracanary12}}\n---\n",
        "content/releases/1.0.0/secret.md": "---\ntype: fix\ntitle: Internal fix\naudience: internal\nextra: {owner: extracanary05}\n---\n",
        "content/releases/1.0.0/untagged.md": "---\ntype: fix\ntitle: Untagged fix\nextra: {owner: extracanary07}\n---\n",
        "content/releases/0.9.0/release.md": "---\nversion: 0.9.0\nstatus: released\ndate: 2026-01-01\naudience: internal\nextra: {owner: extracanary04}\n---\n",
        "content/releases/0.9.0/fix.md": "---\ntype: fix\ntitle: Old fix\naudience: external\nextra: {owner: extracanary13}\n---\n",
        "content/releases/1.1.0-rc.1/release.md": "---\nversion: 1.1.0-rc.1\nstatus: candidate\naudience: internal\nextra: {owner: extracanary10}\n---\n",
        "content/releases/unreleased/next.md": "---\ntype: feature\ntitle: Next\naudience: external\ninternal: {extra: {owner: extracanary09}}\n---\n",
        "content/pages/help.md": "---\ntitle: Help\naudience: external\nextra: {owner: extrapublic03}\ninternal:\n  extra: {owner: extracanary03, list: [a, {b: extracanary14}]}\n---\nHelp.\n",
        "content/pages/ops.md": "---\ntitle: Ops\naudience: internal\nextra: {owner: extracanary06}\n---\nOps.\n",
    ]) { _, new in new }

    static let canaries = (1...14).map { String(format: "extracanary%02d", $0) }
        .filter { $0 != "extracanary14" }  // a mapping inside a list: no template can name it
    static let drafts: Set = ["extracanary09", "extracanary10"]

    @Test("no internal custom field reaches the external site, in any file or path", arguments: [false, true])
    func noLeak(drafts: Bool) throws {
        let (site, problems) = try InlineProject.site(Self.project)
        #expect(problems == [])
        let files = try #require(site).build(drafts: drafts)
        let external = files.filter { $0.path.hasPrefix("external/") }
        let internalFiles = files.filter { $0.path.hasPrefix("internal/") }
        #expect(external.contains { $0.path == "external/feed.xml" } && external.contains { $0.path == "external/releases.json" })
        let externalBytes = external.map { $0.path + "\n" + String(decoding: $0.contents, as: UTF8.self) }.joined(separator: "\n")
        let internalBytes = internalFiles.map { String(decoding: $0.contents, as: UTF8.self) }.joined(separator: "\n")
        for canary in Self.canaries + ["extracanary14"] {
            #expect(!externalBytes.contains(canary), "\(canary) in the external site")
        }
        for canary in Self.canaries where drafts || !Self.drafts.contains(canary) {
            #expect(internalBytes.contains(canary), "\(canary) is shown to internal readers: the templates do print it")
        }
        for marker in ["extrapublic01", "extrapublic02", "extrapublic03"] {
            #expect(externalBytes.contains(marker), "\(marker) is shown to external readers")
        }
    }

    @Test("no internal custom field reaches external notes or announcements, in every format")
    func noLeakInCommunication() throws {
        let site = try #require(try InlineProject.site(Self.project).site)
        for format in [MarkupFormat.markdown, .html, .text] {
            let external = try site.notes(version: "1.0.0", audience: "external", format: format)
                + site.announcement(version: "1.0.0", audience: "external", format: format).text
            let internalText = try site.notes(version: "1.0.0", audience: "internal", format: format)
                + site.announcement(version: "1.0.0", audience: "internal", format: format).text
            for canary in ["extracanary01", "extracanary02", "extracanary05", "extracanary07", "extracanary08", "extracanary11", "extracanary12"] {
                #expect(!external.contains(canary), "\(canary) in external \(format)")
                #expect(internalText.contains(canary), "\(canary) is shown to internal readers in \(format)")
            }
            #expect(external.contains("extrapublic01") && external.contains("extrapublic02"))
        }
    }
}
