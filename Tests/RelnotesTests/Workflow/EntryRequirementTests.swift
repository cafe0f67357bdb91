import Foundation
import Testing
@testable import RelnotesLoading
@testable import RelnotesModel
@testable import RelnotesWorkflow

/// `check --require-entry` on real temporary git repositories.
@Suite("relnotes check --require-entry")
struct EntryRequirementTests {
    /// A repository holding a site project (in `subfolder`, if given) and some code, with
    /// `main` at its first commit and `work` checked out.
    struct Repository {
        let top: URL
        let project: URL

        init(subfolder: String = "") throws {
            top = try TemporaryFolder.make()
            project = subfolder.isEmpty ? top : top.appending(path: subfolder)
            let prefix = subfolder.isEmpty ? "" : subfolder + "/"
            try write("\(prefix)content/releases/1.0.0/release.md", InlineProject.release())
            try write("\(prefix)content/releases/1.0.0/fix.md", InlineProject.entry())
            try write("src/app.swift", "print(1)\n")
            try git("init", "-q", "-b", "main")
            try commit("First")
            try git("checkout", "-q", "-b", "work")
        }

        func write(_ path: String, _ text: String) throws {
            let url = top.appending(path: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        @discardableResult
        func git(_ arguments: String...) throws -> String {
            try Git(folder: top).run(["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"] + arguments)
        }

        func commit(_ message: String) throws {
            try git("add", "-A")
            try git("commit", "-q", "-m", message)
        }

        func evaluate(base: String? = "main", exempt: [String] = [], labels: String? = nil) throws(DiagnosticsError) -> EntryRequirement.Outcome {
            var settings = RequireEntryConfig()
            settings.exempt = exempt
            var labelFile: URL?
            if let labels {
                labelFile = top.appending(path: ".git/labels")
                try? Data(labels.utf8).write(to: labelFile!)
            }
            return try EntryRequirement(root: project, base: base, settings: settings, labelFile: labelFile).evaluate()
        }

        func remove() { TemporaryFolder.remove(top) }
    }

    @Test("a change to code without an entry fails, naming the files and how to fix it")
    func failsWithoutEntry() throws {
        let repo = try Repository()
        defer { repo.remove() }
        try repo.write("src/app.swift", "print(2)\n")
        try repo.write("src/new.swift", "print(3)\n")
        try repo.commit("Change the code")
        let outcome = try repo.evaluate()
        let base = try repo.git("merge-base", "main", "HEAD").prefix(10)
        #expect(outcome == EntryRequirement.Outcome(satisfied: false, reason: "this change touches 2 files outside content/ (src/app.swift, src/new.swift) since main (\(base)) but adds or changes no entry; add one with 'relnotes new entry --type TYPE --title \"…\"', or, if it needs none, write 'Changelog: none' as the last line of a commit message"))
    }

    @Test("an entry added or changed in a commit, staged or not yet tracked satisfies it; a release record alone does not")
    func entrySatisfies() throws {
        let repo = try Repository()
        defer { repo.remove() }
        try repo.write("src/app.swift", "print(2)\n")
        try repo.write("content/releases/1.0.0/release.md", InlineProject.release("1.0.0", "title: New"))
        try repo.commit("Code and record")
        #expect(try repo.evaluate().satisfied == false, "release.md is not an entry")
        try repo.write("content/releases/unreleased/REL-9-faster.md", InlineProject.entry("Faster"))
        #expect(try repo.evaluate().satisfied, "untracked")
        try repo.git("add", "-A")
        #expect(try repo.evaluate().satisfied, "staged")
        try repo.git("commit", "-q", "-m", "Entry")
        let outcome = try repo.evaluate()
        #expect(outcome.satisfied && outcome.reason.hasPrefix("1 entry added or changed since main (") && outcome.reason.hasSuffix("): content/releases/unreleased/REL-9-faster.md"))
        try repo.write("content/releases/1.0.0/fix.md", InlineProject.entry("Changed fix"))
        try repo.git("rm", "-q", "content/releases/unreleased/REL-9-faster.md")
        #expect(try repo.evaluate().satisfied, "a changed entry counts; a deleted one would not")
    }

    @Test("changes only inside content/, or only to exempt paths, need no entry")
    func exempt() throws {
        let repo = try Repository()
        defer { repo.remove() }
        try repo.write("content/pages/help.md", "---\ntitle: Help\n---\n")
        try repo.commit("A page")
        #expect(try repo.evaluate().satisfied)
        try repo.write("docs/guide.md", "Guide\n")
        try repo.write("tests/a_test.swift", "\n")
        try repo.write("README.md", "Read me\n")
        try repo.commit("Docs")
        #expect(try repo.evaluate().satisfied == false)
        #expect(try repo.evaluate(exempt: ["docs/", "tests/*", "README.md"]).satisfied)
        #expect(try repo.evaluate(exempt: ["docs/", "*.swift"]).satisfied == false, "README.md still needs one")
    }

    @Test("a commit trailer 'Changelog: none' or a skip label opts out")
    func optOut() throws {
        let repo = try Repository()
        defer { repo.remove() }
        try repo.write("src/app.swift", "print(2)\n")
        try repo.commit("Refactor\n\nNo behaviour changes.")
        #expect(try repo.evaluate().satisfied == false)
        #expect(try repo.evaluate(labels: "bug\nno-changelog\n").reason == "no entry needed: the pull request has the label 'no-changelog'")
        #expect(try repo.evaluate(labels: "bug\n").satisfied == false)
        try repo.write("src/app.swift", "print(3)\n")
        try repo.commit("Rename a variable\n\nChangelog: none")
        let outcome = try repo.evaluate()
        #expect(outcome.satisfied && outcome.reason.hasPrefix("no entry needed: a commit since main ("))
    }

    @Test("the default base is the merge base with origin/main, else main; an unknown base or no repository is an error")
    func bases() throws {
        let repo = try Repository()
        defer { repo.remove() }
        try repo.write("src/app.swift", "print(2)\n")
        try repo.commit("Code")
        #expect(try repo.evaluate(base: nil).reason.contains(" since main ("))
        try repo.git("update-ref", "refs/remotes/origin/main", "main")
        #expect(try repo.evaluate(base: nil).reason.contains(" since origin/main ("))
        #expect(throws: DiagnosticsError.self) { try repo.evaluate(base: "nope") }
        do {
            _ = try repo.evaluate(base: "nope")
        } catch {
            #expect(error.description == "error: cannot find the base of the change: 'nope' is not a branch or commit of this repository (in CI, fetch the base branch too, e.g. actions/checkout with fetch-depth: 0)")
        }
        let plain = try TemporaryFolder.make()
        defer { TemporaryFolder.remove(plain) }
        do {
            _ = try EntryRequirement(root: plain).evaluate()
            Issue.record("no error outside a repository")
        } catch {
            #expect(error.description.hasPrefix("error: --require-entry needs a git repository: fatal: not a git repository"))
        }
    }

    @Test("a project in a folder of the repository: its content/ is what counts")
    func subfolder() throws {
        let repo = try Repository(subfolder: "docs/releases")
        defer { repo.remove() }
        try repo.write("src/app.swift", "print(2)\n")
        try repo.write("docs/releases/content/releases/unreleased/new.md", InlineProject.entry("New"))
        try repo.commit("Code and entry")
        #expect(try repo.evaluate().reason.hasSuffix(": docs/releases/content/releases/unreleased/new.md"))
    }

    @Test("require_entry in relnotes.yml: its lists are read, an unknown key is an error with a hint")
    func configuration() throws {
        let (config, none) = ConfigLoader.parse(SourceFile(path: "relnotes.yml", text: "require_entry:\n  exempt: [docs/, '*.md']\n  skip_labels: [chore]\n"))
        #expect(none.isEmpty)
        #expect(config.requireEntry.exempt == ["docs/", "*.md"] && config.requireEntry.skipLabels == ["chore"])
        let (_, problems) = ConfigLoader.parse(SourceFile(path: "relnotes.yml", text: "require_entry:\n  exemt: [docs/]\n"))
        #expect(problems.map(\.description).first?.hasPrefix("relnotes.yml:2:3: error: unknown key 'exemt' in 'require_entry'") == true, "\(problems)")
    }

    @Test("the command: status 1 and the message with --require-entry, JSON included; relnotes.yml configures exempt paths")
    func command() throws {
        let repo = try Repository()
        defer { repo.remove() }
        try repo.write("docs/guide.md", "Guide\n")
        try repo.commit("Docs")
        let failing = try Relnotes.run(["check", "--require-entry", "--base", "main"], in: repo.top)
        #expect(failing.status == 1)
        #expect(failing.stderr.contains("error: this change touches 1 file outside content/ (docs/guide.md) since main ("))
        #expect(failing.stderr.hasSuffix("1 error, 0 warnings\n"))
        let json = try Relnotes.run(["check", "--require-entry", "--base", "main", "--format", "json"], in: repo.top)
        #expect(json.status == 1 && json.stdout.contains("\"code\" : \"entry-required\""))
        try repo.write("relnotes.yml", "require_entry:\n  exempt: [docs/, relnotes.yml]\n")
        let passing = try Relnotes.run(["check", "--require-entry"], in: repo.top)
        #expect(passing.status == 0, "\(passing.stderr)")
        #expect(passing.stderr.hasPrefix("entry check: no file outside content/ that needs an entry changed since main ("))
        let plain = try Relnotes.run(["check"], in: repo.top)
        #expect(plain.status == 0 && !plain.stderr.contains("entry check"), "without the flag git is not asked")
    }
}
