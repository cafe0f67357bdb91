import Foundation
import Testing
@testable import RelnotesMarkdown
@testable import RelnotesModel

/// What the built-in theme offers readers and search engines besides the content, and where
/// each audience's site is published (`audiences.<name>.path`, `base_url`, `private`).
@Suite("Publishing layout and reading aids")
struct ReadingTests {
    static let twoReleases: [String: String] = [
        "relnotes.yml": "base_url: https://notes.example.com/\n",
        "content/releases/1.0.0/release.md": InlineProject.release("1.0.0", "title: First"),
        "content/releases/1.0.0/A-1-fix.md": InlineProject.entry("First fix", "component: Exports"),
        "content/releases/1.1.0/release.md": InlineProject.release("1.1.0").replacingOccurrences(of: "Highlights of 1.1.0.", with: "Intro.\n\n## Bug fixes\n\nRead these first."),
        "content/releases/1.1.0/A-2-fix.md": InlineProject.entry("Second fix"),
        "content/releases/1.1.0/A-3-secret.md": "---\ntype: feature\ntitle: Staff-only switch\n---\n",
        "content/releases/1.1.0-rc.1/release.md": "---\nversion: 1.1.0-rc.1\nstatus: candidate\naudience: external\n---\n",
    ]

    /// The files of a build of `files`, by path, as text.
    static func build(_ files: [String: String], drafts: Bool = false) throws -> [String: String] {
        let (site, problems) = try InlineProject.site(files)
        let built = try #require(site, "\(problems)").build(drafts: drafts)
        return Dictionary(uniqueKeysWithValues: built.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) })
    }

    @Test("an audience's path and base_url place its site; private audiences get noindex, public ones a sitemap")
    func layout() throws {
        var files = Self.twoReleases
        files["relnotes.yml"] = """
            base_url: https://notes.example.com/
            audiences:
              external: {title: Release notes, path: "", base_url: https://releases.example.com/}
              internal: {title: Staff notes, sees: [external], path: staff}
            """
        let site = try Self.build(files)
        #expect(site["index.html"] != nil && site["staff/index.html"] != nil)
        #expect(site["external/index.html"] == nil)
        #expect(site["sitemap.xml"]?.contains("<url><loc>https://releases.example.com/releases/1.0.0/</loc><lastmod>2026-01-15</lastmod></url>") == true)
        #expect(site["staff/sitemap.xml"] == nil, "private audiences get no sitemap")
        #expect(site["feed.xml"]?.contains("<id>https://releases.example.com/</id>") == true)
        #expect(site["staff/feed.xml"]?.contains("https://notes.example.com/staff/feed.xml") == true)
        #expect(site["staff/index.html"]?.contains("<meta name=\"robots\" content=\"noindex, nofollow\">") == true)
        #expect(site["index.html"]?.contains("noindex") == false)
    }

    @Test("private: is configurable both ways")
    func privateSetting() throws {
        var files = Self.twoReleases
        files["relnotes.yml"] = "base_url: https://notes.example.com/\naudiences:\n  external: {title: Notes, private: true}\n  internal: {title: Staff, sees: [external], private: false}\n"
        let site = try Self.build(files)
        #expect(site["external/index.html"]?.contains("noindex") == true)
        #expect(site["external/sitemap.xml"] == nil)
        #expect(site["internal/sitemap.xml"] != nil)
    }

    @Test("a bad path is an error at its place")
    func badPath() throws {
        let problems = try InlineProject.problems(["relnotes.yml": "audiences:\n  external: {title: Notes, path: ../up}\n  internal: {sees: [external]}\n"])
        #expect(problems == [#"relnotes.yml:2:34: error: 'path' must be one folder name (lowercase letters, digits, '-', '_', '.') or "" for the output folder itself, not '../up'"#])
    }

    @Test("audiences whose folders would overlap are found before anything is written")
    func overlap() {
        let root = AudienceDefinition(name: "external", title: "E", path: "")
        let staff = AudienceDefinition(name: "internal", title: "I")
        #expect(SiteConfig.overlappingFolders([root, staff])?.1.name == "internal")
        #expect(SiteConfig.overlappingFolders([staff, AudienceDefinition(name: "partners", title: "P", path: "internal")]) != nil)
        #expect(SiteConfig.overlappingFolders([staff, AudienceDefinition(name: "external", title: "E")]) == nil)
    }

    @Test("default titles do not repeat the site's name")
    func titles() throws {
        var files = Self.twoReleases
        files["relnotes.yml"] = nil
        let site = try Self.build(files)
        let index = try #require(site["external/index.html"])
        #expect(index.contains("<title>Release notes</title>"))
        #expect(!index.contains("Release notes · Release notes"))
        #expect(site["internal/index.html"]?.contains("<title>Internal release notes · Release notes</title>") == true)
    }

    @Test("the search index holds what the audience's pages show, and links each entry to its anchor")
    func searchIndex() throws {
        let site = try Self.build(Self.twoReleases)
        let external = try #require(site["external/search-index.js"])
        #expect(external.hasPrefix("relnotesSearchIndex({\"v\":1,\"types\":[\"Bug fixes\"],\"components\":[\"Exports\"],"))
        #expect(external.contains("\n[\"1.1.0\",\"releases/1.1.0/\",\"v1-1-0-\",\"\",\"\",\"2026-01-15\",\"\"]"))
        #expect(external.contains("\n[0,0,-1,\"a-2-fix\",\"Second fix\",\"\"]"))
        #expect(site["external/releases/1.1.0/index.html"]?.contains("id=\"v1-1-0-a-2-fix\"") == true)
        #expect(!external.contains("Staff-only"))
        #expect(site["internal/search-index.js"]?.contains("Staff-only switch") == true)
    }

    @Test("a body section named like an entry type is followed by its entries, not repeated")
    func continuedSection() throws {
        let page = try #require(try Self.build(Self.twoReleases)["external/releases/1.1.0/index.html"])
        #expect(page.components(separatedBy: ">Bug fixes</h2>").count == 2, "one heading")
        #expect(page.contains("<h2 id=\"bug-fixes\">Bug fixes</h2>\n<p>Read these first.</p>\n\n</section>\n<section class=\"entry-section type-fix has-component-none\">\n<ul class=\"entries component-none\">"))
        let changelog = try #require(try Self.build(Self.twoReleases)["external/changelog/index.html"])
        #expect(changelog.contains("<h2 id=\"v1-1-0-fix\">Bug fixes</h2>"), "the changelog shows no body: the section keeps its heading")
    }

    @Test("release pages link to their neighbours in the line, and candidates of a released version are superseded")
    func neighboursAndSuperseded() throws {
        let site = try Self.build(Self.twoReleases, drafts: true)
        let candidate = try #require(site["external/releases/1.1.0-rc.1/index.html"])
        #expect(candidate.contains("<span class=\"badge badge-superseded\">Superseded by 1.1.0</span>"))
        #expect(!candidate.contains("badge-draft"))
        #expect(candidate.contains("<a class=\"neighbour-next\" rel=\"next\" href=\"../../releases/1.1.0/\"><span>Next in 1.1.x</span> 1.1.0</a>"))
        #expect(site["external/releases/1.1.0/index.html"]?.contains("rel=\"prev\" href=\"../../releases/1.1.0-rc.1/\"") == true)
        #expect(site["external/releases/1.0.0/index.html"]?.contains("release-neighbours") == false, "alone in its line")
        let json = try #require(site["external/releases.json"])
        #expect(json.contains("\"draft\" : true"), "releases.json keeps candidates drafts")
    }

    @Test("the changelog filters by type and component with :target rules only")
    func filters() throws {
        let changelog = try #require(try Self.build(Self.twoReleases)["internal/changelog/index.html"])
        #expect(changelog.contains("<span class=\"filter-target\" id=\"filter-type-fix\"></span>"))
        #expect(changelog.contains("#filter-type-fix:target ~ .changelog-release:not(.has-type-fix), #filter-type-fix:target ~ .changelog-release .entry-section:not(.type-fix) { display: none; }"))
        #expect(changelog.contains("<a href=\"#filter-component-exports\">Exports</a>"))
        #expect(changelog.contains("<section class=\"changelog-release has-type-feature has-type-fix has-component-none\">"))
        #expect(!changelog.contains(":has("), "no selector the HTML checker cannot read")
    }
}
