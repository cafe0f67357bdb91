import Foundation
import Testing

/// The output folder as users set it up: a docroot that is a symbolic link, their own links
/// and empty folders inside it, and what an interrupted build leaves beside it.
@Suite("Output folder: links, user files, leftovers")
struct OutputFolderTests {
    @Test("a site/ that is a symbolic link is written through: the link stays, its target gets the site")
    func linkedOutput() throws {
        let project = try FixtureProject("basic")
        defer { project.remove() }
        let docroot = project.root.deletingLastPathComponent().appending(path: "docroot")
        #expect(try project.run(["build"]).status == 0)
        try FileManager.default.moveItem(at: project.site, to: docroot)
        try FileManager.default.createSymbolicLink(atPath: project.site.path, withDestinationPath: docroot.path)
        try project.write("content/releases/1.1.0/HB-9-csv.md", "---\ntype: fix\ntitle: Renamed fix\naudience: external\n---\n")
        #expect(try project.run(["build"]).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: project.site.path) == docroot.path)
        #expect(try String(contentsOf: docroot.appending(path: "external/releases/1.1.0/index.html"), encoding: .utf8).contains("Renamed fix"))
        let beside = try FileManager.default.contentsOfDirectory(atPath: project.root.deletingLastPathComponent().path).sorted()
        #expect(beside == ["basic", "docroot"])
    }

    @Test("a site/ that links to nowhere is refused with a clear message")
    func danglingOutput() throws {
        let project = try FixtureProject("basic")
        defer { project.remove() }
        try FileManager.default.createSymbolicLink(atPath: project.site.path, withDestinationPath: "/nonexistent/docroot")
        let result = try project.run(["build"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: \(project.site.path) is a symbolic link to a folder that does not exist; create that folder or choose another --out\n"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: project.site.path) == "/nonexistent/docroot")
    }

    @Test("the user's links stay links, a loop stays a loop, empty folders stay")
    func userFiles() throws {
        let project = try FixtureProject("basic")
        defer { project.remove() }
        #expect(try project.run(["build"]).status == 0)
        let external = project.site.appending(path: "external")
        try FileManager.default.createDirectory(at: external.appending(path: "downloads/empty"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: external.appending(path: "latest.html").path, withDestinationPath: "index.html")
        try FileManager.default.createSymbolicLink(atPath: external.appending(path: "loop").path, withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: external.appending(path: "etc").path, withDestinationPath: "/etc")
        #expect(try project.run(["build"]).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: external.appending(path: "latest.html").path) == "index.html")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: external.appending(path: "loop").path) == "..")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: external.appending(path: "etc").path) == "/etc")
        #expect(try FileManager.default.contentsOfDirectory(atPath: external.appending(path: "downloads/empty").path) == [])
    }

    @Test("a staging folder left by an interrupted build goes at the next start of any command", arguments: [["check"], ["next-version"], ["notes", "1.1.0"]])
    func leftoverStaging(command: [String]) throws {
        let project = try FixtureProject("basic")
        defer { project.remove() }
        for name in [".site.relnotes-new", ".site-drafts.relnotes-new", ".site.relnotes-old"] {
            try project.write("\(name)/external/index.html", "half")
        }
        #expect(try project.run(command).status == 0)
        let left = try FileManager.default.contentsOfDirectory(atPath: project.root.path).filter { $0.contains("relnotes-") }
        #expect(left == [])
    }
}
