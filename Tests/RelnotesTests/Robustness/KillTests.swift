import Foundation
import Testing

/// `kill -9` at a random moment, a bounded number of times: a build leaves the complete old
/// or the complete new site, never a mix; `new release` loses, duplicates or changes no entry.
@Suite("Killed with SIGKILL", .serialized, .onOwnThread)
struct KillTests {
    @Test("a build killed at random moments leaves the old site or the new one, whole")
    func build() throws {
        let project = try FixtureProject("basic")
        defer { project.remove() }
        #expect(try project.run(["build"]).status == 0)
        let old = try fileTree(project.site)
        try project.write("content/releases/1.1.0/HB-9-csv.md", "---\ntype: fix\ntitle: A changed fix\naudience: external\n---\nNew text.\n")
        let reference = project.root.deletingLastPathComponent().appending(path: "reference")
        #expect(try project.run(["build", "--out", reference.path]).status == 0)
        let new = try fileTree(reference)
        var generator = SplitMix(seed: 9)
        var seen = (old: 0, new: 0)
        for _ in 0..<12 {
            try Relnotes.runKilled(["build"], in: project.root, after: .milliseconds(Int(generator.next() % 400)))
            let tree = try fileTree(project.site)
            #expect(tree == old || tree == new, "a mixed site")
            if tree == old { seen.old += 1 } else if tree == new { seen.new += 1 }
            if tree == new {
                // Back to the old site for the next round.
                try FileManager.default.removeItem(at: project.site)
                try project.write("content/releases/1.1.0/HB-9-csv.md", try String(contentsOf: Fixtures.url("projects/basic/content/releases/1.1.0/HB-9-csv.md"), encoding: .utf8))
                #expect(try project.run(["build"]).status == 0)
                try project.write("content/releases/1.1.0/HB-9-csv.md", "---\ntype: fix\ntitle: A changed fix\naudience: external\n---\nNew text.\n")
            }
        }
        // What a killed build left beside the site goes at the next command.
        #expect(try project.run(["check"]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.root.path).filter { $0.contains("relnotes-") } == [])
        print("kill -9 build: \(seen.old) old, \(seen.new) new, 0 mixed")
    }

    @Test("new release killed at random moments loses, duplicates and changes no entry")
    func newRelease() throws {
        let project = try FixtureProject("basic")
        defer { project.remove() }
        let unreleased = project.root.appending(path: "content/releases/unreleased")
        for number in 0..<300 {
            try project.write("content/releases/unreleased/e\(number).md", "---\ntype: fix\ntitle: Fix \(number)\naudience: external\n---\nBody \(number).\n")
        }
        let before = try fileTree(unreleased)
        // How long a whole run takes, so that the kills land all over it.
        let started = ContinuousClock.now
        #expect(try project.run(["new", "release", "2.0.0", "--force"]).status == 0)
        let span = max(1, Int((ContinuousClock.now - started).components.attoseconds / 1_000_000_000_000_000 + (ContinuousClock.now - started).components.seconds * 1000))
        let created = project.root.appending(path: "content/releases/2.0.0")
        for name in try FileManager.default.contentsOfDirectory(atPath: created.path) where name != "release.md" {
            try FileManager.default.moveItem(at: created.appending(path: name), to: unreleased.appending(path: name))
        }
        try FileManager.default.removeItem(at: created)
        var generator = SplitMix(seed: 11)
        var partial = 0
        for _ in 0..<10 {
            let folder = project.root.appending(path: "content/releases/2.0.0")
            try Relnotes.runKilled(["new", "release", "2.0.0", "--force"], in: project.root, after: .milliseconds(Int(generator.next() % UInt64(span))))
            let left = try fileTree(unreleased)
            let moved = FileManager.default.fileExists(atPath: folder.path)
                // Dot-files (the marker, Foundation's half-written temporary files) are no entries.
                ? try fileTree(folder).filter { $0.key != "release.md" && !$0.key.hasPrefix(".") } : [:]
            #expect(Set(left.keys).isDisjoint(with: moved.keys), "an entry in both folders")
            #expect(left.merging(moved) { first, _ in first } == before, "an entry lost or changed")
            if !left.isEmpty && !moved.isEmpty {
                partial += 1
                let warnings = project.problems().warnings
                #expect(warnings.contains { $0.hasPrefix("content/releases/2.0.0/.relnotes-move:1:1: warning: 'relnotes new release 2.0.0' stopped before it moved every entry: \(left.count) still in") }, "\(warnings)")
            }
            // Undo: every entry back into unreleased/.
            for name in moved.keys { try FileManager.default.moveItem(at: folder.appending(path: name), to: unreleased.appending(path: name)) }
            try? FileManager.default.removeItem(at: folder)
        }
        print("kill -9 new release: 10 runs, \(partial) stopped halfway, 0 entries lost or doubled")
    }
}
