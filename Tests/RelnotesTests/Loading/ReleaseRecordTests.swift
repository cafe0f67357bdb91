import Testing
@testable import RelnotesModel

/// Versions, dates and statuses of release records, as the loader reads them.
@Suite("Release records")
struct ReleaseRecordTests {
    /// A record in folder `folder` whose front matter is `lines`.
    static func record(_ folder: String, _ lines: String) -> [String: String] {
        ["content/releases/\(folder)/release.md": "---\n\(lines)\n---\n"]
    }

    @Test("an unquoted 1.10 is read as the text '1.10', not the number 1.1, and refused")
    func unquotedVersion() throws {
        let problems = try InlineProject.problems(Self.record("1.10", "version: 1.10\nstatus: planned"))
        #expect(problems == [
            "content/releases/1.10/release.md:2:10: error: '1.10' is not a SemVer 2.0.0 version: it needs three numbers, MAJOR.MINOR.PATCH (write 1.10.0, not 1.10)",
        ])
    }

    @Test("invalid versions are refused with SemVer's reason", arguments: [
        ("v1.2.0", "the major version 'v1' is not a number"),
        ("1.2.03", "the patch version '03' has a leading zero"),
        ("1.2.0-rc..1", "the pre-release part has an empty identifier"),
    ])
    func invalidVersion(version: String, reason: String) throws {
        let problems = try InlineProject.problems(Self.record(version, "version: \(version)\nstatus: planned"))
        #expect(problems == ["content/releases/\(version)/release.md:2:10: error: '\(version)' is not a SemVer 2.0.0 version: \(reason)"])
    }

    @Test("a version must equal its folder name")
    func versionFolderMismatch() throws {
        let problems = try InlineProject.problems(Self.record("1.2.0", "status: planned\nversion: 1.2.1"))
        #expect(problems == ["content/releases/1.2.0/release.md:3:10: error: version '1.2.1' does not match its folder '1.2.0'; rename one of them"])
    }

    @Test("two versions that differ only in build metadata are the same release")
    func duplicateVersions() throws {
        var files = Self.record("1.2.0", "version: 1.2.0\nstatus: planned")
        files.merge(Self.record("1.2.0+build.7", "version: 1.2.0+build.7\nstatus: planned")) { $1 }
        let problems = try InlineProject.problems(files)
        #expect(problems == [
            "content/releases/1.2.0+build.7/release.md:2:10: error: version '1.2.0+build.7' is the same release as '1.2.0' (content/releases/1.2.0/release.md); build metadata does not make versions different",
        ])
    }

    @Test("a day that does not exist is refused", arguments: ["2026-02-30", "2025-02-29", "2026-13-01", "2026-04-31"])
    func impossibleDate(date: String) throws {
        let problems = try InlineProject.problems(Self.record("1.0.0", "version: 1.0.0\nstatus: released\ndate: \(date)"))
        #expect(problems == ["content/releases/1.0.0/release.md:4:7: error: 'date' must be a day of the calendar; \(date) does not exist"])
    }

    @Test("a date written otherwise than YYYY-MM-DD is refused", arguments: ["2026-1-15", "15.01.2026", "2026-01-15T10:00:00Z"])
    func misshapenDate(date: String) throws {
        let problems = try InlineProject.problems(Self.record("1.0.0", "version: 1.0.0\nstatus: released\ndate: \(date)"))
        #expect(problems == ["content/releases/1.0.0/release.md:4:7: error: 'date' must be a date written YYYY-MM-DD, not '\(date)'"])
    }

    @Test("a leap day is a date")
    func leapDay() throws {
        let project = try InlineProject.project(Self.record("1.0.0", "version: 1.0.0\nstatus: released\ndate: 2028-02-29"))
        #expect(project.releases.first?.date == "2028-02-29")
    }

    @Test("an unknown status names the nearest one")
    func unknownStatus() throws {
        let problems = try InlineProject.problems(Self.record("1.0.0", "version: 1.0.0\nstatus: relased"))
        #expect(problems == ["content/releases/1.0.0/release.md:3:9: error: 'status' must be one of 'planned', 'candidate', 'released', 'withdrawn', not 'relased' — did you mean 'released'?"])
    }

    @Test("a released or withdrawn release without a date is an error at its status", arguments: ["released", "withdrawn"])
    func releasedWithoutDate(status: String) throws {
        let problems = try InlineProject.problems(Self.record("1.0.0", "version: 1.0.0\nstatus: \(status)\ndate:"))
        #expect(problems == ["content/releases/1.0.0/release.md:3:9: error: a \(status) release needs a 'date' (YYYY-MM-DD)"])
    }

    @Test("a release whose date is wrong is not also said to have none")
    func wrongDateOnly() throws {
        let problems = try InlineProject.problems(Self.record("1.0.0", "version: 1.0.0\nstatus: released\ndate: 2026-02-30"))
        #expect(problems.count == 1)
    }

    @Test("release fields per audience are read into blocks")
    func audienceBlock() throws {
        let project = try InlineProject.project(Self.record("1.0.0", """
            version: 1.0.0
            status: planned
            title: Public title
            internal:
              title: Internal title
              release_manager: Dana Lee
              sign_off: {engineering: yes, qa: pending}
            """))
        let release = try #require(project.releases.first)
        #expect(release.fields.title == "Public title")
        #expect(release.fields.releaseManager == nil)
        #expect(release.overrides.map(\.audience) == ["internal"])
        #expect(release.overrides.first?.fields.title == "Internal title")
        #expect(release.overrides.first?.fields.signOff == [SignOff(team: "engineering", state: "yes"), SignOff(team: "qa", state: "pending")])
    }
}
