import Testing

/// Which files under `content/` are read, and what the folders must hold.
@Suite("Content folders")
struct ContentFolderTests {
    @Test("files and folders whose names start with a dot are ignored everywhere")
    func dotNames() throws {
        let broken = "this is not front matter"
        let project = try InlineProject.project([
            "content/releases/1.0.0/release.md": InlineProject.release(),
            "content/releases/1.0.0/fix.md": InlineProject.entry(),
            "content/releases/1.0.0/.fix.md.swp": broken,
            "content/releases/1.0.0/.#fix.md": broken,
            "content/releases/.2.0.0/release.md": broken,
            "content/releases/unreleased/.draft.md": broken,
            "content/pages/.notes.md": broken,
            "content/pages/.trash/old.md": broken,
        ])
        #expect(project.releases.map(\.version.text) == ["1.0.0"])
        #expect(project.releases.first?.entries.map(\.id) == ["1.0.0/fix"])
        #expect(project.unreleased.isEmpty)
        #expect(project.pages.isEmpty)
    }

    @Test("a release folder without release.md is an error at the folder")
    func missingReleaseRecord() throws {
        let problems = try InlineProject.problems(["content/releases/1.1.0/fix.md": InlineProject.entry()])
        #expect(problems == ["content/releases/1.1.0:1:1: error: the release folder '1.1.0' has no release.md; add one or move its entries to unreleased/"])
    }

    @Test("a release.md in unreleased/ is an error")
    func releaseRecordInUnreleased() throws {
        let problems = try InlineProject.problems([
            "content/releases/unreleased/release.md": InlineProject.release(),
            "content/releases/unreleased/fix.md": InlineProject.entry(),
        ])
        #expect(problems == ["content/releases/unreleased/release.md:1:1: error: unreleased/ holds entries only; a release.md belongs in a version folder (see 'relnotes new release')"])
    }

    @Test("entries are identified by folder and file name, and know their folder's version")
    func entryIdentity() throws {
        let project = try InlineProject.project([
            "content/releases/1.0.0/release.md": InlineProject.release(),
            "content/releases/1.0.0/REL-7-b.md": InlineProject.entry("B"),
            "content/releases/1.0.0/a.md": InlineProject.entry("A"),
            "content/releases/unreleased/next.md": InlineProject.entry("Next"),
        ])
        let release = try #require(project.releases.first)
        #expect(release.entries.map(\.id) == ["1.0.0/REL-7-b", "1.0.0/a"])
        #expect(release.entries.allSatisfy { $0.folder == release.version })
        #expect(project.unreleased.map(\.id) == ["unreleased/next"])
        #expect(project.unreleased.first?.folder == nil)
    }

    @Test("untagged content takes the default audience; impact entries take their type's")
    func defaultAudiences() throws {
        let project = try InlineProject.project([
            "content/releases/1.0.0/release.md": "---\nversion: 1.0.0\nstatus: planned\n---\n",
            "content/releases/1.0.0/fix.md": "---\ntype: fix\ntitle: Untagged\n---\n",
            "content/releases/1.0.0/impact.md": "---\ntype: impact\ntitle: Downtime\n---\n",
            "content/pages/p.md": "---\ntitle: Untagged page\n---\n",
            "relnotes.yml": "default_audience: external\n",
        ])
        #expect(project.releases.first?.audience.names == ["external"])
        #expect(project.releases.first?.entries.map(\.audience.names) == [["external"], ["internal"]])
        #expect(project.pages.first?.audience.names == ["external"])
    }

    @Test("an entry's audience block holds title, tickets and component for that audience")
    func entryAudienceBlock() throws {
        let project = try InlineProject.project([
            "content/releases/1.0.0/release.md": InlineProject.release(),
            "content/releases/1.0.0/fix.md": InlineProject.entry("Public title", "internal: {title: Internal title, tickets: [OPS-9], component: Workers}"),
        ])
        let entry = try #require(project.releases.first?.entries.first)
        #expect(entry.fields.title == "Public title")
        #expect(entry.overrides.first?.audience == "internal")
        #expect(entry.overrides.first?.fields.title == "Internal title")
        #expect(entry.overrides.first?.fields.tickets == ["OPS-9"])
        #expect(entry.overrides.first?.fields.component == "Workers")
    }

    @Test("an entry's audience block takes only the fields an entry may give per audience", arguments: [
        ("internal: {release_manager: Dana}", "5:12: error: unknown key 'release_manager' in the 'internal' block"),
        ("internal: {breaking: true}", "5:12: error: unknown key 'breaking' in the 'internal' block"),
        ("internal: Secret", "5:11: error: 'internal' must be a mapping of keys to values, not text"),
    ])
    func entryAudienceBlockKeys(line: String, expected: String) throws {
        let problems = try InlineProject.problems([
            "content/releases/1.0.0/release.md": InlineProject.release(),
            "content/releases/1.0.0/fix.md": InlineProject.entry("A fix", line),
        ])
        #expect(problems == ["content/releases/1.0.0/fix.md:\(expected)"])
    }

    @Test("two pages with the same slug are an error at the second")
    func duplicateSlug() throws {
        let problems = try InlineProject.problems([
            "content/pages/faq.md": "---\ntitle: FAQ\n---\n",
            "content/pages/questions.md": "---\ntitle: Questions\nslug: faq\n---\n",
        ])
        #expect(problems == ["content/pages/questions.md:3:7: error: page slug 'faq' is already used by content/pages/faq.md"])
    }
}
