import Testing
@testable import RelnotesAudience
@testable import RelnotesModel

/// Candidates show what is new since the previous candidate and everything since the last
/// stable release; the final release folds its candidates in (or keeps them apart).
@Suite("Release candidates")
struct ReleaseCandidateTests {
    /// 1.1.0 (stable), 1.2.0-rc.1, 1.2.0-rc.2, 1.2.0 and the hotfix 1.2.1, each with one entry.
    static func files(prereleases: String = "fold") -> [String: String] {
        var files = ["relnotes.yml": "prereleases: \(prereleases)\n"]
        for (version, status) in [("1.1.0", "released"), ("1.2.0-rc.1", "candidate"), ("1.2.0-rc.2", "candidate"), ("1.2.0", "released"), ("1.2.1", "released")] {
            let date = status == "released" ? "date: 2026-02-01\n" : ""
            files["content/releases/\(version)/release.md"] = "---\nversion: \(version)\nstatus: \(status)\n\(date)audience: external\n---\n"
            files["content/releases/\(version)/change.md"] = InlineProject.entry("Change of \(version)")
        }
        return files
    }

    static func releases(_ files: [String: String], for audience: String = "external", drafts: Bool = true) throws -> [String: VisibleRelease] {
        let project = try InlineProject.project(files)
        let site = AudienceFilter(project: project).site(for: project.config.audience(named: audience)!, includeDrafts: drafts)
        return Dictionary(uniqueKeysWithValues: site.releases.map { ($0.versionText, $0) })
    }

    static func ids(_ entries: [VisibleEntry]?) -> [String]? {
        entries?.map { String($0.id.split(separator: "/").first!) }
    }

    @Test("the first candidate lists its own entries and nothing is 'new since' before it")
    func firstCandidate() throws {
        let rc1 = try #require(try Self.releases(Self.files())["1.2.0-rc.1"])
        #expect(Self.ids(rc1.entries) == ["1.2.0-rc.1"])
        #expect(rc1.newEntries == nil)
        #expect(rc1.previousCandidate == nil)
    }

    @Test("a later candidate shows what is new since the previous one and everything since the last stable release")
    func laterCandidate() throws {
        let rc2 = try #require(try Self.releases(Self.files())["1.2.0-rc.2"])
        #expect(Self.ids(rc2.newEntries) == ["1.2.0-rc.2"])
        #expect(Self.ids(rc2.entries) == ["1.2.0-rc.1", "1.2.0-rc.2"])
        #expect(rc2.previousCandidate?.text == "1.2.0-rc.1")
    }

    @Test("with prereleases: fold the final release lists its candidates' entries, and the hotfix only its own")
    func fold() throws {
        let releases = try Self.releases(Self.files(prereleases: "fold"))
        #expect(Self.ids(releases["1.2.0"]?.entries) == ["1.2.0-rc.1", "1.2.0-rc.2", "1.2.0"])
        #expect(releases["1.2.0"]?.newEntries == nil)
        #expect(Self.ids(releases["1.2.1"]?.entries) == ["1.2.1"])
        #expect(Self.ids(releases["1.1.0"]?.entries) == ["1.1.0"])
    }

    @Test("with prereleases: separate the final release lists only its own entries")
    func separate() throws {
        let releases = try Self.releases(Self.files(prereleases: "separate"))
        #expect(Self.ids(releases["1.2.0"]?.entries) == ["1.2.0"])
        #expect(Self.ids(releases["1.2.0-rc.2"]?.entries) == ["1.2.0-rc.1", "1.2.0-rc.2"])
    }

    @Test("without drafts the candidates are not listed, but the final release still folds their entries")
    func foldWithoutDrafts() throws {
        let releases = try Self.releases(Self.files(), drafts: false)
        #expect(releases.keys.sorted() == ["1.1.0", "1.2.0", "1.2.1"])
        #expect(Self.ids(releases["1.2.0"]?.entries) == ["1.2.0-rc.1", "1.2.0-rc.2", "1.2.0"])
    }

    @Test("the hotfix is the latest release")
    func latest() throws {
        let project = try InlineProject.project(Self.files())
        let site = AudienceFilter(project: project).site(for: project.config.audiences[0], includeDrafts: true)
        #expect(site.latest?.text == "1.2.1")
    }

    @Test("a candidate the audience may not see is neither folded in nor named as the previous candidate")
    func hiddenCandidate() throws {
        var files = Self.files()
        files["content/releases/1.2.0-rc.1/release.md"] = "---\nversion: 1.2.0-rc.1\nstatus: candidate\naudience: internal\n---\n"
        let external = try Self.releases(files)
        #expect(external["1.2.0-rc.1"] == nil)
        #expect(Self.ids(external["1.2.0-rc.2"]?.entries) == ["1.2.0-rc.2"])
        #expect(external["1.2.0-rc.2"]?.previousCandidate == nil)
        #expect(external["1.2.0-rc.2"]?.newEntries == nil)
        #expect(Self.ids(external["1.2.0"]?.entries) == ["1.2.0-rc.2", "1.2.0"])

        let staff = try Self.releases(files, for: "internal")
        #expect(staff["1.2.0-rc.2"]?.previousCandidate?.text == "1.2.0-rc.1")
        #expect(Self.ids(staff["1.2.0"]?.entries) == ["1.2.0-rc.1", "1.2.0-rc.2", "1.2.0"])
    }
}
