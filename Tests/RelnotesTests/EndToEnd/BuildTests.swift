import Foundation
import Testing

/// `relnotes build`, run as a user runs it, on the small complete fixture project
/// `projects/basic` (three releases, a candidate, a hotfix, unreleased work, a page).
@Suite("relnotes build")
struct BuildTests {
    @Test("a build writes every audience's site, as the golden tree holds it")
    func golden() throws {
        let project = try FixtureProject("basic")
        defer { project.remove() }
        let result = try project.run(["build"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "built external, internal (33 files) into site/\n")
        #expect(result.stderr == "")
        // The theme's assets are copied as they are: compared with the theme, then left
        // out of the golden tree, which a stylesheet change should not have to re-record.
        let theme = Fixtures.folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appending(path: "templates/assets")
        for audience in ["external", "internal"] {
            let assets = project.site.appending(path: "\(audience)/assets")
            #expect(try fileTree(assets) == fileTree(theme))
            try FileManager.default.removeItem(at: assets)
        }
        try Golden.checkTree(project.site, against: "projects/basic/expected")
    }

    @Test("two builds of the same input are byte-identical")
    func deterministic() throws {
        let project = try FixtureProject("basic")
        defer { project.remove() }
        try project.run(["build", "--drafts"]).succeeded()
        let first = try fileTree(project.draftsSite)
        try FileManager.default.removeItem(at: project.draftsSite)
        try project.run(["build", "--drafts"]).succeeded()
        #expect(try fileTree(project.draftsSite) == first)
    }

    @Test("the time zone and locale of the machine do not change the output")
    func timeZone() throws {
        let project = try FixtureProject("basic")
        defer { project.remove() }
        let kiritimati = try project.run(["build", "--drafts", "--out", "kiritimati"], environment: ["TZ": "Pacific/Kiritimati", "LANG": "de_DE.UTF-8"])
        let utc = try project.run(["build", "--drafts", "--out", "utc"], environment: ["TZ": "UTC", "LANG": "C"])
        #expect(kiritimati.status == 0 && utc.status == 0)
        let trees = try ["kiritimati", "utc"].map { try fileTree(project.root.appending(path: $0)) }
        #expect(!trees[0].isEmpty)
        #expect(trees[0] == trees[1])
    }

    @Test("--audience builds only that audience and keeps the other audience's folder from an earlier build")
    func oneAudience() throws {
        let project = try FixtureProject("basic")
        defer { project.remove() }
        try project.run(["build"]).succeeded()
        let staff = try fileTree(project.site.appending(path: "internal"))
        let entry = "content/releases/1.1.1/HB-14-quoting.md"
        try project.write(entry, try project.read(entry).replacingOccurrences(of: "escaped again", with: "quoted correctly"))

        let result = try project.run(["build", "--audience", "external"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "built external (17 files) into site/\n")
        #expect(try fileTree(project.site.appending(path: "internal")) == staff)
        let notes = try String(contentsOf: project.site.appending(path: "external/releases/1.1.1/notes.md"), encoding: .utf8)
        #expect(notes.contains("quoted correctly"))
        // The kept folder is still relnotes' own: a full build replaces it.
        let manifest = try String(contentsOf: project.site.appending(path: ".relnotes-manifest"), encoding: .utf8)
        #expect(manifest.contains("internal/index.html\n"))
        try project.run(["build"]).succeeded()
        #expect(try fileTree(project.site.appending(path: "internal")) != staff)
    }

    @Test("an unknown --audience is a usage error and writes nothing")
    func unknownAudience() throws {
        let project = try FixtureProject("basic")
        defer { project.remove() }
        let result = try project.run(["build", "--audience", "customers"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown audience 'customers'; configured audiences: external, internal"))
        #expect(!FileManager.default.fileExists(atPath: project.site.path))
    }

    @Test("--drafts writes candidates and the Unreleased notes, marked as drafts, into site-drafts/, never into site/")
    func drafts() throws {
        let project = try FixtureProject("basic")
        defer { project.remove() }
        try project.run(["build"]).succeeded()
        let released = try fileTree(project.site)
        #expect(released["external/releases/1.1.0-rc.1/index.html"] == nil)
        #expect(released["external/releases/unreleased/index.html"] == nil)

        let result = try project.run(["build", "--drafts"])
        #expect(result.stdout.hasSuffix("into site-drafts/\n"))
        #expect(try fileTree(project.site) == released)
        let drafts = try fileTree(project.draftsSite)
        let candidate = String(decoding: try #require(drafts["external/releases/1.1.0-rc.1/index.html"]), as: UTF8.self)
        #expect(candidate.contains("Drafts shown."))
        #expect(candidate.contains("badge-candidate"))
        let unreleased = String(decoding: try #require(drafts["internal/releases/unreleased/notes.md"]), as: UTF8.self)
        #expect(unreleased.contains("Slack delivery of reports"))
        #expect(unreleased.contains("**Draft:**"))

        // With --out, a drafts build goes where it is told, and a later build without
        // drafts there removes them.
        try project.run(["build", "--drafts", "--out", "site"]).succeeded()
        #expect(try fileTree(project.site)["external/releases/1.1.0-rc.1/index.html"] != nil)
        try project.run(["build"]).succeeded()
        #expect(try fileTree(project.site) == released)
    }

    @Test("--out refuses a non-empty folder that relnotes did not make, and changes nothing in it")
    func outRefusesForeignFolder() throws {
        let project = try FixtureProject("basic")
        defer { project.remove() }
        try project.write("public/index.html", "<p>hand-made</p>")
        let before = try fileTree(project.root.appending(path: "public"))
        let result = try project.run(["build", "--out", "public"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: refusing to replace \(project.root.path)/public: it was not made by relnotes (it has no .relnotes-manifest); remove it or choose another --out\n"))
        #expect(try fileTree(project.root.appending(path: "public")) == before)
    }

    @Test("--out accepts an empty folder")
    func outEmptyFolder() throws {
        let project = try FixtureProject("basic")
        defer { project.remove() }
        try FileManager.default.createDirectory(at: project.root.appending(path: "public"), withIntermediateDirectories: true)
        let result = try project.run(["build", "--out", "public"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "built external, internal (33 files) into public/\n")
    }

    @Test("files in site/ that relnotes did not make survive a rebuild")
    func foreignFilesSurvive() throws {
        let project = try FixtureProject("basic")
        defer { project.remove() }
        try project.run(["build"]).succeeded()
        try project.write("site/CNAME", "notes.harbor.example\n")
        try project.write("site/external/robots.txt", "User-agent: *\n")
        try project.write("site/internal/extra/notes.txt", "kept\n")
        try project.run(["build", "--drafts", "--out", "site"]).succeeded()
        try project.run(["build"]).succeeded()
        let tree = try fileTree(project.site)
        #expect(tree["CNAME"] == Data("notes.harbor.example\n".utf8))
        #expect(tree["external/robots.txt"] == Data("User-agent: *\n".utf8))
        #expect(tree["internal/extra/notes.txt"] == Data("kept\n".utf8))
    }

    @Test("a file relnotes did not make is never overwritten: the build fails and the site stays as it was")
    func foreignFileInTheWay() throws {
        let project = try FixtureProject("basic")
        defer { project.remove() }
        try project.run(["build"]).succeeded()
        try project.write("site/external/pages/faq/index.html", "<p>hand-made</p>")
        let before = try fileTree(project.site)
        try project.write("content/pages/faq.md", "---\ntitle: FAQ\naudience: external\n---\n")
        let result = try project.run(["build"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: 'external/pages/faq/index.html' in site/ was not made by relnotes and would be overwritten; move it away\n"))
        #expect(try fileTree(project.site) == before)
    }
}
