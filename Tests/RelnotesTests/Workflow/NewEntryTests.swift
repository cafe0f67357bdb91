import Foundation
import Testing

@Suite("relnotes new entry")
struct NewEntryTests {
    static let config = "title: T\n"

    @Test("writes a well-formed entry into unreleased/, named from the ticket and title, and prints its path")
    func writesEntry() throws {
        let root = try TemporaryFolder.project(["relnotes.yml": Self.config, "content/pages/.keep": ""])
        defer { TemporaryFolder.remove(root) }
        let result = try Relnotes.run(["new", "entry", "--type", "fix", "--title", "Exports no longer time out: on \"large\" projects", "--ticket", "REL-117", "--ticket", "REL-118", "--audience", "external", "--root", root.path])
        #expect(result.status == 0)
        #expect(result.stdout == "content/releases/unreleased/REL-117-exports-no-longer-time-out-on.md\n")
        let text = try String(contentsOf: root.appending(path: "content/releases/unreleased/REL-117-exports-no-longer-time-out-on.md"), encoding: .utf8)
        #expect(text == """
            ---
            type: fix
            title: "Exports no longer time out: on \\"large\\" projects"
            audience: external
            tickets: ["REL-117", "REL-118"]
            ---


            """)
        let check = try Relnotes.run(["notes", "unreleased", "--root", root.path])
        #expect(check.status == 0)
        #expect(check.stdout.contains("Exports no longer time out: on \"large\" projects (REL-117, REL-118)"))
    }

    @Test("never overwrites an entry: a name in use gets -2")
    func neverOverwrites() throws {
        let root = try TemporaryFolder.project(["relnotes.yml": Self.config])
        defer { TemporaryFolder.remove(root) }
        let arguments = ["new", "entry", "--type", "feature", "--title", "Slack delivery", "--root", root.path]
        #expect(try Relnotes.run(arguments).stdout == "content/releases/unreleased/slack-delivery.md\n")
        #expect(try Relnotes.run(arguments).stdout == "content/releases/unreleased/slack-delivery-2.md\n")
    }

    @Test("without --audience the entry is internal, and says how to publish it")
    func internalByDefault() throws {
        let root = try TemporaryFolder.project(["relnotes.yml": Self.config])
        defer { TemporaryFolder.remove(root) }
        let path = try Relnotes.run(["new", "entry", "--type", "fix", "--title", "Quiet fix", "--root", root.path]).stdout
        let text = try String(contentsOf: root.appending(path: path.trimmingCharacters(in: .newlines)), encoding: .utf8)
        #expect(text.contains("# audience: external      # without it the entry is internal-only"))
        let external = try Relnotes.run(["notes", "unreleased", "--root", root.path])
        #expect(external.status == 1, "nothing of the unreleased notes is visible externally")
    }

    @Test("--release writes into an existing release folder; an unknown release is an error")
    func intoRelease() throws {
        let root = try TemporaryFolder.project([
            "content/releases/1.0.0/release.md": "---\nversion: 1.0.0\nstatus: candidate\n---\n",
        ])
        defer { TemporaryFolder.remove(root) }
        let ok = try Relnotes.run(["new", "entry", "--type", "fix", "--title", "A fix", "--release", "1.0.0", "--root", root.path])
        #expect(ok.stdout == "content/releases/1.0.0/a-fix.md\n")
        let missing = try Relnotes.run(["new", "entry", "--type", "fix", "--title", "A fix", "--release", "2.0.0", "--root", root.path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("error: there is no release '2.0.0' (content/releases/2.0.0/release.md); create it with 'relnotes new release 2.0.0'"))
    }

    /// Arguments `new entry` refuses, before any file is written, and what it says.
    static let refused: [(arguments: [String], error: String)] = [
        (["--type", "feture", "--title", "X"], "error: unknown type 'feture' — did you mean 'feature'?"),
        (["--type", "fix", "--title", "X", "--audience", "externl"], "error: unknown audience 'externl' — did you mean 'external'?"),
        // What check would refuse in the file written.
        (["--type", "fix", "--title", "a\u{1}b"], "error: the title holds the control character U+0001, which XML 1.0 forbids (feed.xml could not be read); remove it"),
        (["--type", "fix", "--title", "X", "--component", "a\u{FFFE}"], "error: the component holds the noncharacter U+FFFE, which XML 1.0 forbids (feed.xml could not be read); remove it"),
    ]

    @Test("an unknown type or audience is refused with a hint, and a title or component check would refuse, before a file is written", arguments: refused.indices)
    func refusedArguments(index: Int) throws {
        let (arguments, error) = Self.refused[index]
        let root = try TemporaryFolder.project(["relnotes.yml": Self.config])
        defer { TemporaryFolder.remove(root) }
        let result = try Relnotes.run(["new", "entry"] + arguments + ["--root", root.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains(error), "\(result.stderr)")
        #expect(FileSystemProbe.files(under: root.appending(path: "content")).isEmpty)
    }
}

/// Lists files for assertions about what a command left behind.
enum FileSystemProbe {
    static func files(under folder: URL) -> [String] {
        ((try? fileTree(folder)) ?? [:]).keys.sorted()
    }
}
