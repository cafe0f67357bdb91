import Foundation
import Testing
@testable import Relnotes
@testable import RelnotesAudience
@testable import RelnotesLoading
@testable import RelnotesMarkdown
@testable import RelnotesModel
@testable import RelnotesRendering
@testable import RelnotesWorkflow

/// `relnotes announce`: the two fixed shapes of release communication, sendable as they are.
@Suite("Announcements")
struct AnnouncementTests {
    static let project = Fixtures.url("projects/cycle")

    func announce(_ version: String, audience: String, format: String = "markdown", root: URL = project) throws -> Relnotes.Result {
        try Relnotes.run(["announce", version, "--audience", audience, "--format", format, "--root", root.path])
    }

    /// The repository's sample project with 1.3.0 released: cut from the unreleased
    /// entries, its candidate's known issue resolved (SPEC: known issues retire).
    static func sampleWith130() throws -> FixtureProject {
        let sample = try FixtureProject.repositorySample()
        let (loaded, diagnostics) = ProjectLoader.load(root: sample.root)
        let project = try #require(loaded, "\(diagnostics)")
        _ = try NewRelease(version: "1.3.0", date: "2026-04-14").create(in: project, root: sample.root)
        let record = "content/releases/1.3.0/release.md"
        try sample.setField("status", "released", in: record)
        try sample.replace("# title: A short headline", with: "title: Webhook filters and expiring share links", in: record)
        try sample.replace("# summary: One sentence for listings and feeds.", with: "summary: Webhook event filters, expiring share links, rate-limit headers and Slack delivery of scheduled reports.", in: record)
        try sample.replace("# release_manager: Your Name", with: "release_manager: Dana Lee", in: record)
        try sample.replace("sign_off: {engineering: pending, product: pending, qa: pending, security: pending}", with: "sign_off: {engineering: yes, product: yes, qa: yes, security: yes}", in: record)
        try sample.setField("resolved_in", "1.3.0", in: "content/releases/1.3.0-rc.1/REL-193-shared-map-tiles.md")
        return sample
    }

    static func load(_ root: URL) throws -> Site {
        let (site, diagnostics) = Site.load(root: root)
        return try #require(site, "\(diagnostics)")
    }

    static let sampleCases: [(version: String, audience: String, format: MarkupFormat)] = ["1.1.1", "1.2.0", "1.3.0"].flatMap { version in
        ["internal", "external"].flatMap { audience in MarkupFormat.allCases.map { (version, audience, $0) } }
    }

    @Test("the sample's announcements of 1.1.1, 1.2.0 and 1.3.0, both shapes, every format, match their golden files")
    func sampleGoldens() throws {
        let sample = try Self.sampleWith130()
        defer { sample.remove() }
        let site = try Self.load(sample.root)
        for (version, audience, format) in Self.sampleCases {
            let text = try site.announcement(version: version, audience: audience, format: format).text
            let suffix = switch format { case .html: "html"; case .markdown: "md"; case .text: "txt" }
            try Golden.check(text, against: "announcements/sample-\(version)-\(audience).\(suffix)")
        }
    }

    @Test("every entry a release shows an audience is in its announcement, for every release, audience and format")
    func nothingDropped() throws {
        let sample = try Self.sampleWith130()
        defer { sample.remove() }
        let site = try Self.load(sample.root)
        let filter = AudienceFilter(project: site.project)
        for audience in site.project.config.audiences {
            let visible = filter.site(for: audience, includeDrafts: true)
            for release in visible.releases {
                for format in MarkupFormat.allCases {
                    let text = try site.announcement(version: release.versionText, audience: audience.name, format: format).text
                    for entry in release.entries {
                        let title = site.bodies.inline(entry.fields.title ?? "", for: audience.name, as: format)
                        #expect(text.contains(title), "\(release.versionText) \(audience.name) \(format): missing \(entry.id)")
                    }
                }
            }
        }
    }

    @Test("the Markdown and text forms start with a subject line naming the product and version; HTML has it as <title>")
    func subjectLine() throws {
        let sample = try Self.sampleWith130()
        defer { sample.remove() }
        let site = try Self.load(sample.root)
        let external = try site.announcement(version: "1.2.0", audience: "external", format: .markdown).text
        #expect(external.hasPrefix("Subject: Tidewater 1.2.0: Parquet exports and faster dashboards\n"))
        let text = try site.announcement(version: "1.2.0", audience: "internal", format: .text).text
        #expect(text.hasPrefix("Subject: Internal: Tidewater 1.2.0: Parquet exports and faster dashboards\n"))
        let html = try site.announcement(version: "1.2.0", audience: "external", format: .html).text
        #expect(html.contains("<title>Tidewater 1.2.0: Parquet exports and faster dashboards</title>"))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for absent in ["<script", "<link", "<style", "badge", "(draft)", "only for internal", "Only for internal"] {
            #expect(!html.contains(absent) && !external.contains(absent) && !text.contains(absent), "\(absent)")
        }
    }

    @Test("released versions link to their published page under base_url; drafts do not")
    func publishedLink() throws {
        let sample = try Self.sampleWith130()
        defer { sample.remove() }
        let site = try Self.load(sample.root)
        let external = try site.announcement(version: "1.3.0", audience: "external", format: .markdown).text
        #expect(external.contains("Read these notes online: <https://releases.tidewater.example/external/releases/1.3.0/>"))
        let staff = try site.announcement(version: "1.3.0", audience: "internal", format: .markdown).text
        #expect(staff.contains("Published notes: <https://releases.tidewater.example/external/releases/1.3.0/>"))
        let candidate = try site.announcement(version: "1.3.0-rc.1", audience: "external", format: .markdown).text
        #expect(!candidate.contains("https://"))
        #expect(candidate.contains("Release candidate of 1.3.0, not yet released (dated April 7, 2026)."))
    }

    @Test("a known issue resolved in the final release is left out of it, still shown in its candidate, and the left-out list says so")
    func resolvedKnownIssue() throws {
        let sample = try Self.sampleWith130()
        defer { sample.remove() }
        let site = try Self.load(sample.root)
        let final = try site.announcement(version: "1.3.0", audience: "internal", format: .markdown)
        #expect(!final.text.contains("Map tiles show no base map"))
        #expect(final.leftOut.first == "left out content/releases/1.3.0-rc.1/REL-193-shared-map-tiles.md: resolved in 1.3.0")
        let candidate = try site.announcement(version: "1.3.0-rc.1", audience: "internal", format: .markdown)
        #expect(candidate.text.contains("Map tiles show no base map"))
        #expect(candidate.leftOut.isEmpty)
    }

    @Test("types no section lists go under Other changes, labelled; the body's sections go where they are named")
    func otherChangesAndBodySections() throws {
        let root = try TemporaryFolder.project([
            "relnotes.yml": "announcement:\n  external:\n    New features: [feature]\n    Upgrade instructions: [upgrade]\n",
            "content/releases/1.0.0/release.md": "---\nversion: 1.0.0\nstatus: released\ndate: 2026-01-01\naudience: external\n---\nIntro text.\n\n## Upgrade instructions\n\n- Run the migration.\n\n## Thanks\n\nTo the testers.\n",
            "content/releases/1.0.0/a.md": "---\ntype: improvement\ntitle: Faster start\naudience: external\n---\n",
            "content/releases/1.0.0/b.md": "---\ntype: upgrade\ntitle: New config key\naudience: external\n---\nSet `x`.\n",
        ])
        defer { TemporaryFolder.remove(root) }
        let text = try Self.load(root).announcement(version: "1.0.0", audience: "external", format: .markdown).text
        #expect(text.contains("""
            Intro text.

            ## Thanks

            To the testers.

            ## Upgrade instructions

              - Run the migration.

            - New config key

              Set `x`.

            ## Other changes

            - **Improvements:** Faster start
            """))
    }

    @Test("the cycle fixture: the internal shape has its sections, the external shape nothing internal", arguments: ["markdown", "html", "text"])
    func cycleShapes(format: String) throws {
        let staff = try announce("1.1.0", audience: "internal", format: format)
        #expect(staff.status == 0)
        for expected in ["New features", "Bug fixes", "Known issues", "Potential impact on existing systems", "Bo Example", "security: pending", "locks the exports table"] {
            #expect(staff.stdout.lowercased().contains(expected.lowercased()), "missing \(expected)")
        }
        let customers = try announce("1.1.0", audience: "external", format: format)
        #expect(customers.status == 0)
        let suffix = ["markdown": "md", "html": "html", "text": "txt"][format]!
        try Golden.check(staff.stdout, against: "projects/cycle-expected/announce-1.1.0-internal.\(suffix)")
        try Golden.check(customers.stdout, against: "projects/cycle-expected/announce-1.1.0-external.\(suffix)")
        for expected in ["New features", "Bug fixes", "API changes", "Upgrade instructions", "Run the migration before upgrading"] {
            #expect(customers.stdout.lowercased().contains(expected.lowercased()), "missing \(expected)")
        }
        for absent in ["Known issues", "Potential impact", "Bo Example", "locks the exports table", "example.internal", "CY-4", "CY-6"] {
            #expect(!customers.stdout.contains(absent), "leaked \(absent)")
        }
        #expect(customers.stderr.contains("relnotes: left out"), "the left-out entries are named on standard error")
    }

    @Test("empty sections are left out and an announcement with nothing to say says so")
    func nothingToSay() throws {
        let root = try TemporaryFolder.project([
            "content/releases/1.0.0/release.md": "---\nversion: 1.0.0\nstatus: released\ndate: 2026-01-01\naudience: external\n---\n",
            "content/releases/1.0.0/tweak.md": "---\ntype: known-issue\ntitle: Slow start\naudience: external\n---\n",
        ])
        defer { TemporaryFolder.remove(root) }
        let result = try announce("1.0.0", audience: "external", root: root)
        #expect(result.status == 0)
        #expect(result.stdout.contains("## Other changes"), "a known issue is not in the customer shape, so it is under Other changes")
        let empty = try TemporaryFolder.project([
            "content/releases/1.0.0/release.md": "---\nversion: 1.0.0\nstatus: released\ndate: 2026-01-01\naudience: external\n---\n",
        ])
        defer { TemporaryFolder.remove(empty) }
        let nothing = try announce("1.0.0", audience: "external", root: empty)
        #expect(nothing.stdout.contains("Nothing to announce: this release lists no new features, bug fixes, api changes, upgrade instructions."))
        #expect(!nothing.stdout.contains("## "))
    }
}
