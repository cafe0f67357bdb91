import Testing
@testable import RelnotesAudience

/// `AudienceFilter.site(for:includeDrafts:)`: what each audience's site is made of.
@Suite("Audience filtering")
struct AudienceFilterTests {
    /// The site `audience` gets from the project of `files`.
    static func site(_ files: [String: String], for audience: String, drafts: Bool = false) throws -> AudienceSite {
        let project = try InlineProject.project(files)
        let definition = try #require(project.config.audience(named: audience))
        return AudienceFilter(project: project).site(for: definition, includeDrafts: drafts)
    }

    static let untagged: [String: String] = [
        "content/releases/1.0.0/release.md": "---\nversion: 1.0.0\nstatus: released\ndate: 2026-01-15\n---\n",
        "content/releases/1.1.0/release.md": InlineProject.release("1.1.0"),
        "content/releases/1.1.0/public.md": InlineProject.entry("Public"),
        "content/releases/1.1.0/untagged.md": "---\ntype: fix\ntitle: Untagged\n---\n",
        "content/pages/untagged.md": "---\ntitle: Untagged\n---\n",
        "content/pages/public.md": "---\ntitle: Public\naudience: external\n---\n",
    ]

    @Test("untagged releases, entries and pages are internal: fail-closed")
    func untaggedIsInternal() throws {
        let external = try Self.site(Self.untagged, for: "external")
        #expect(external.releases.map(\.versionText) == ["1.1.0"])
        #expect(external.releases.first?.entries.map(\.id) == ["1.1.0/public"])
        #expect(external.pages.map(\.slug) == ["public"])

        let staff = try Self.site(Self.untagged, for: "internal")
        #expect(staff.releases.map(\.versionText) == ["1.1.0", "1.0.0"])
        #expect(staff.releases.first?.entries.map(\.id) == ["1.1.0/public", "1.1.0/untagged"])
        #expect(staff.pages.map(\.slug) == ["public", "untagged"])
    }

    @Test("internal-only material is labelled for the internal audience, and only there")
    func restrictionLabels() throws {
        let staff = try Self.site(Self.untagged, for: "internal")
        #expect(staff.releases.first?.entries.map(\.restrictedTo) == [[], ["internal"]])
        #expect(staff.pages.map(\.restrictedTo) == [[], ["internal"]])
        let external = try Self.site(Self.untagged, for: "external")
        #expect(external.releases.first?.entries.map(\.restrictedTo) == [[]])
    }

    static let blocks: [String: String] = [
        "relnotes.yml": """
            default_audience: staff
            audiences:
              public: {}
              partner: {sees: [public]}
              staff: {sees: [partner]}
            """,
        "content/releases/1.0.0/release.md": """
            ---
            version: 1.0.0
            status: released
            date: 2026-01-15
            audience: public
            title: Public title
            partner: {title: Partner title, summary: For partners}
            staff: {title: Staff title, release_manager: Dana Lee}
            ---
            """,
        "content/releases/1.0.0/fix.md": "---\ntype: fix\ntitle: Public fix\naudience: public\npartner: {component: Gateway}\nstaff: {title: Staff fix, tickets: [OPS-1]}\n---\n",
        "content/pages/p.md": "---\ntitle: Public page\naudience: [public]\nstaff: {title: Staff page}\n---\n",
    ]

    @Test("front-matter blocks apply only for audiences that see them, the viewer's own last", arguments: [
        ("public", "Public title", nil, nil, "Public fix", nil, nil, "Public page"),
        ("partner", "Partner title", "For partners", nil, "Public fix", "Gateway", nil, "Public page"),
        ("staff", "Staff title", "For partners", "Dana Lee", "Staff fix", "Gateway", ["OPS-1"], "Staff page"),
    ] as [(String, String, String?, String?, String, String?, [String]?, String)])
    func blocks(audience: String, title: String, summary: String?, manager: String?, entryTitle: String, component: String?, tickets: [String]?, pageTitle: String) throws {
        let site = try Self.site(Self.blocks, for: audience)
        let release = try #require(site.releases.first)
        #expect(release.fields.title == title)
        #expect(release.fields.summary == summary)
        #expect(release.fields.releaseManager == manager)
        let entry = try #require(release.entries.first)
        #expect(entry.fields.title == entryTitle)
        #expect(entry.fields.component == component)
        #expect(entry.fields.tickets == tickets)
        #expect(site.pages.first?.fields.title == pageTitle)
    }

    static let drafts: [String: String] = [
        "content/releases/1.0.0/release.md": InlineProject.release("1.0.0"),
        "content/releases/1.0.1/release.md": "---\nversion: 1.0.1\nstatus: withdrawn\ndate: 2026-01-20\naudience: external\n---\n",
        "content/releases/1.1.0-rc.1/release.md": "---\nversion: 1.1.0-rc.1\nstatus: candidate\naudience: external\n---\n",
        "content/releases/1.2.0/release.md": "---\nversion: 1.2.0\nstatus: planned\naudience: external\n---\n",
        "content/releases/unreleased/next.md": InlineProject.entry("Next"),
    ]

    @Test("planned and candidate releases and unreleased entries are drafts, shown only with drafts")
    func draftsOnlyWithDrafts() throws {
        let released = try Self.site(Self.drafts, for: "external")
        #expect(released.releases.map(\.versionText) == ["1.0.1", "1.0.0"])
        #expect(!released.includesDrafts)

        let withDrafts = try Self.site(Self.drafts, for: "external", drafts: true)
        #expect(withDrafts.releases.map(\.versionText) == ["unreleased", "1.2.0", "1.1.0-rc.1", "1.0.1", "1.0.0"])
        #expect(withDrafts.releases.map(\.isDraft) == [true, true, true, false, false])
        #expect(withDrafts.releases.first?.entries.map(\.id) == ["unreleased/next"])
    }

    @Test("a withdrawn release stays listed but is never the latest")
    func withdrawn() throws {
        let site = try Self.site(Self.drafts, for: "external", drafts: true)
        #expect(site.releases.contains { $0.release?.status == .withdrawn })
        #expect(site.latest?.text == "1.0.0")
    }

    @Test("unreleased entries the audience may not see leave no Unreleased notes")
    func unreleasedHidden() throws {
        let site = try Self.site([
            "content/releases/unreleased/secret.md": "---\ntype: fix\ntitle: Secret\n---\n",
        ], for: "external", drafts: true)
        #expect(site.releases.isEmpty)
    }
}
