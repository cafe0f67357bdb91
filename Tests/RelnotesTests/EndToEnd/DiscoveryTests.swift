import Foundation
import Testing
import Relnotes
import RelnotesLoading
import RelnotesModel

/// Every command finds its project as git finds a repository, and says so when there is none.
@Suite("Project discovery, new entry options and --version")
struct DiscoveryTests {
    @Test("a command run in a subfolder works on the project around it; new entry writes there, not into a second project")
    func fromSubfolder() throws {
        let sample = try FixtureProject.repositorySample()
        defer { sample.remove() }
        let subfolder = sample.root.appending(path: "content/releases/1.2.0")
        let check = try Relnotes.run(["check"], in: subfolder)
        #expect(check.status == 0)
        #expect(check.stderr == "0 errors, 0 warnings\n")
        let entry = try Relnotes.run(["new", "entry", "--type", "fix", "--title", "Found from below", "--ticket", "REL-300", "--audience", "external"], in: subfolder)
        #expect(entry.status == 0, "\(entry.stderr)")
        #expect(entry.stdout == "content/releases/unreleased/REL-300-found-from-below.md\n")
        #expect(FileManager.default.fileExists(atPath: sample.root.appending(path: "content/releases/unreleased/REL-300-found-from-below.md").path))
        #expect(!FileManager.default.fileExists(atPath: subfolder.appending(path: "content").path), "no second project")
        let announce = try Relnotes.run(["announce", "1.2.0", "--audience", "external"], in: subfolder)
        #expect(announce.stdout.hasPrefix("Subject: Tidewater 1.2.0: "))
    }

    @Test("with no project here or above, every command says so and suggests relnotes init", arguments: [
        ["check"], ["build"], ["new", "entry", "--type", "fix", "--title", "X"], ["new", "release", "1.0.0"],
        ["notes", "1.0.0"], ["announce", "1.0.0"], ["next-version"], ["release", "1.0.0"], ["withdraw", "1.0.0", "--reason", "x"],
    ])
    func noProject(arguments: [String]) throws {
        let empty = try TemporaryFolder.make()
        defer { TemporaryFolder.remove(empty) }
        let result = try Relnotes.run(arguments, in: empty)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: there is no relnotes project in \(empty.standardizedFileURL.path) or in any folder above it (a project is a folder holding relnotes.yml or content/); create one with 'relnotes init', or pass --root DIR\n"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: empty.path).isEmpty, "nothing written")
    }

    @Test("discovery takes the nearest project upwards, and ends on paths that lead nowhere")
    func discoveryEnds() throws {
        let root = try TemporaryFolder.project(["relnotes.yml": "", "content/releases/1.0.0/x/y/.keep": ""])
        defer { TemporaryFolder.remove(root) }
        let deep = root.appending(path: "content/releases/1.0.0/x/y")
        #expect(ProjectDiscovery.root(from: deep)?.path == root.standardizedFileURL.path)
        #expect(ProjectDiscovery.root(from: root.appending(path: "content/releases"))?.path == root.standardizedFileURL.path,
                "a content/ folder inside is not taken for a project of its own")
        #expect(ProjectDiscovery.root(from: URL(string: "relative/path")!) == nil, "a relative path (a deleted current folder) finds nothing")
        #expect(ProjectDiscovery.root(from: URL(fileURLWithPath: "/")) == nil)
    }

    @Test("render needs no project")
    func renderWithoutProject() throws {
        let empty = try TemporaryFolder.make()
        defer { TemporaryFolder.remove(empty) }
        let result = try Relnotes.run(["render"], in: empty, input: "Hello\n")
        #expect(result.status == 0)
        #expect(result.stdout == "<p>Hello</p>\n")
    }

    @Test("new entry takes --component, --breaking and --body from standard input, and checks tickets against tickets.pattern")
    func newEntryOptions() throws {
        let sample = try FixtureProject.repositorySample()
        defer { sample.remove() }
        let result = try Relnotes.run(["new", "entry", "--type", "removal", "--title", "Drop v0 API", "--ticket", "REL-301",
                                       "--component", "API", "--breaking", "--body", "-"], in: sample.root, input: "The `v0` endpoints are gone.\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try sample.read("content/releases/unreleased/REL-301-drop-v0-api.md") == """
            ---
            type: removal
            title: "Drop v0 API"
            # audience: external      # without it the entry is internal-only
            tickets: ["REL-301"]
            component: "API"
            breaking: true
            ---

            The `v0` endpoints are gone.

            """)
        let bad = try sample.run(["new", "entry", "--type", "fix", "--title", "X", "--ticket", "rel-1"])
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("error: ticket 'rel-1' does not match tickets.pattern '[A-Z][A-Z0-9]+-[0-9]+'"))
        let unclosed = try sample.run(["new", "entry", "--type", "fix", "--title", "X", "--body", "::: internal\nsecret"])
        #expect(unclosed.status == 1)
        #expect(unclosed.stderr.contains("audience container 'internal' is never closed"))
        #expect(sample.files(under: "content/releases/unreleased").count == 5, "only the good entry was written")
    }

    @Test("relnotes --version prints the version")
    func version() throws {
        let result = try Relnotes.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == "0.9.0\n")
    }
}
