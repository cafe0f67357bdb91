import Testing
@testable import Relnotes

/// `Site.load`: loading plus the checks after it (release rules, Markdown structure,
/// sensitive patterns), as `check` and `build` run them.
@Suite("Site checks")
struct SiteChecksTests {
    static let stable = InlineProject.release("1.0.0")

    @Test("a breaking change outside a major release is an error at 'breaking'")
    func breakingWithoutMajor() throws {
        let (site, problems) = try InlineProject.site([
            "content/releases/1.0.0/release.md": Self.stable,
            "content/releases/1.1.0/release.md": InlineProject.release("1.1.0"),
            "content/releases/1.1.0/api.md": InlineProject.entry("Drop v1", "breaking: true"),
            "content/releases/2.0.0/release.md": InlineProject.release("2.0.0"),
            "content/releases/2.0.0/api.md": InlineProject.entry("Drop v2", "breaking: true"),
        ])
        #expect(site == nil)
        #expect(problems == ["content/releases/1.1.0/api.md:5:11: error: a breaking change needs a major release, but 1.1.0 follows 1.0.0 in the same major version; release it as 2.0.0 or drop 'breaking'"])
    }

    @Test("a feature in a patch release is a warning, which does not stop the build")
    func featureInPatch() throws {
        let (site, problems) = try InlineProject.site([
            "content/releases/1.0.0/release.md": Self.stable,
            "content/releases/1.0.1/release.md": InlineProject.release("1.0.1"),
            "content/releases/1.0.1/new.md": "---\ntype: feature\ntitle: New\naudience: external\n---\n",
        ])
        #expect(site != nil)
        #expect(problems == ["content/releases/1.0.1/new.md:2:7: warning: a feature in patch release 1.0.1; features belong in a minor release"])
    }

    @Test("a released pre-release version is a warning: its status should be 'candidate'")
    func releasedCandidate() throws {
        let (site, problems) = try InlineProject.site(["content/releases/1.0.0-rc.1/release.md": InlineProject.release("1.0.0-rc.1")])
        #expect(site != nil)
        #expect(problems == ["content/releases/1.0.0-rc.1/release.md:3:9: warning: version '1.0.0-rc.1' is a pre-release; its status should be 'candidate'"])
    }

    @Test("text external readers see that matches a sensitive pattern is an error; inside internal containers it is not")
    func sensitivePatterns() throws {
        let (site, problems) = try InlineProject.site([
            "relnotes.yml": "sensitive_patterns: ['\\.corp\\.example']\n",
            "content/releases/1.0.0/release.md": Self.stable,
            "content/releases/1.0.0/fix.md": """
                ---
                type: fix
                title: Faster db1.corp.example queries
                audience: external
                internal: {component: db2.corp.example}
                ---
                Public.

                ::: internal
                See db3.corp.example.
                :::
                Ask ops at db4.corp.example.
                """,
        ])
        #expect(site == nil)
        #expect(problems == [
            "content/releases/1.0.0/fix.md:3:18: error: text visible to 'external' matches the sensitive pattern '\\.corp\\.example'; move it into an internal block or container",
            "content/releases/1.0.0/fix.md:12:15: error: text visible to 'external' matches the sensitive pattern '\\.corp\\.example'; move it into an internal block or container",
        ])
    }

    @Test("every field of the external site is searched, found by walking it: a sign-off and a page's slug too, not only the fields a list names")
    func sensitiveFieldsFoundByWalking() throws {
        let (site, problems) = try InlineProject.site([
            "relnotes.yml": "sensitive_patterns: ['corp-intranet']\n",
            "content/releases/1.0.0/release.md": InlineProject.release("1.0.0", "sign_off: {corp-intranet: yes}"),
            "content/pages/ops.md": "---\ntitle: Ops\naudience: external\nslug: ops-corp-intranet\n---\nText.\n",
        ])
        #expect(site == nil)
        #expect(problems == [
            "content/pages/ops.md:4:11: error: text visible to 'external' matches the sensitive pattern 'corp-intranet'; move it into an internal block or container",
            "content/releases/1.0.0/release.md:6:11: error: text visible to 'external' matches the sensitive pattern 'corp-intranet'; move it into an internal block or container",
        ])
    }

    @Test("a withdrawal reason reaches trusted audiences only, so the external site holds none to search")
    func withdrawalReasonTrustedOnly() throws {
        let (site, problems) = try InlineProject.site([
            "relnotes.yml": "sensitive_patterns: ['corp-intranet']\n",
            "content/releases/1.0.0/release.md": InlineProject.release("1.0.0", "withdrawal_reason: see corp-intranet"),
        ])
        #expect(site != nil)
        #expect(problems.isEmpty)
    }

    @Test("one run reports the problems of every stage: front matter, release rules and Markdown together")
    func everyStage() throws {
        let (site, problems) = try InlineProject.site([
            "content/releases/1.0.0/release.md": "---\nversion: 1.0.0\nstatus: released\naudience: external\n---\n",
            "content/releases/1.0.0/typo.md": "---\ntype: feture\ntitle: Typo\n---\n",
            "content/releases/1.0.0/open.md": "---\ntype: fix\ntitle: Open\n---\n::: internal\nNever closed.\n",
        ])
        #expect(site == nil)
        #expect(problems == [
            "content/releases/1.0.0/open.md:5:1: error: audience container 'internal' is never closed; add a ':::' line where it ends",
            "content/releases/1.0.0/release.md:3:9: error: a released release needs a 'date' (YYYY-MM-DD)",
            "content/releases/1.0.0/typo.md:2:7: error: unknown type 'feture' — did you mean 'feature'?",
        ])
    }
}
