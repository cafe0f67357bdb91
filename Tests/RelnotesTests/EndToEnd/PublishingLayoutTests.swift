import Foundation
import Testing

/// `relnotes build` with an audience at the root of its own output (`path: ""`): the
/// customer site without `/external/`, and never one audience's site inside or over another's.
@Suite("relnotes build: publishing layout")
struct PublishingLayoutTests {
    static func project() throws -> FixtureProject {
        let project = try FixtureProject("basic")
        try project.write("relnotes.yml", try project.read("relnotes.yml") + """
            audiences:
              external: {title: Release notes, path: ""}
              internal: {title: Internal release notes, sees: [external]}

            """)
        return project
    }

    @Test("an audience at the root of the output cannot be built together with another")
    func overlapIsAnError() throws {
        let project = try Self.project()
        defer { project.remove() }
        let result = try project.run(["build"])
        #expect(result.status == 1)
        #expect(result.stderr == """
            relnotes.yml:1:1: error: audience 'external' is built at the root of the output folder (path: ""), so 'internal' would be written inside its site; build them apart: relnotes build --audience external, then relnotes build --audience internal --out ANOTHER-FOLDER
            relnotes: 1 error; nothing was written

            """)
        #expect(!FileManager.default.fileExists(atPath: project.site.path))
    }

    @Test("built apart, the customer site is at the root of its output, and no other audience can land in it")
    func builtApart() throws {
        let project = try Self.project()
        defer { project.remove() }
        let external = try project.run(["build", "--audience", "external"])
        #expect(external.status == 0, "\(external.stderr)")
        let tree = try fileTree(project.site)
        #expect(tree["index.html"] != nil && tree["releases/1.1.1/index.html"] != nil && tree["sitemap.xml"] != nil)
        #expect(String(decoding: tree["feed.xml"] ?? Data(), as: UTF8.self).contains("<id>https://notes.harbor.example/</id>"))

        let intoIt = try project.run(["build", "--audience", "internal"])
        #expect(intoIt.status == 1)
        #expect(intoIt.stderr.contains("error: \(project.site.path) holds the site of audience 'external' at its root (path: \"\"); build 'internal' into another folder with --out"))
        #expect(try fileTree(project.site) == tree, "nothing changed")

        let staff = try project.run(["build", "--audience", "internal", "--out", "staff"])
        #expect(staff.status == 0, "\(staff.stderr)")
        #expect(FileManager.default.fileExists(atPath: project.root.appending(path: "staff/internal/index.html").path))
    }

    @Test("a folder holding one audience's site is never replaced by another audience's")
    func ownersAreKept() throws {
        let project = try Self.project()
        defer { project.remove() }
        #expect(try project.run(["build", "--audience", "external"]).status == 0)
        try project.write("relnotes.yml", try project.read("relnotes.yml").replacingOccurrences(of: "path: \"\"}", with: "path: public}")
            .replacingOccurrences(of: "sees: [external]}", with: "sees: [external], path: \"\"}"))
        let result = try project.run(["build", "--audience", "internal"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: \(project.site.path) holds the site of audience 'external'; building 'internal' there would replace it; choose another --out"))
    }
}
