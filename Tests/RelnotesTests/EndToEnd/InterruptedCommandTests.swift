import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Commands that change content, killed with SIGKILL at moments spread over their run:
/// whatever the moment, no entry is lost or half-written, and every release record is
/// either as it was or as the command writes it. Bounded: a dozen runs of each.
@Suite("Interrupted commands", .serialized, .onOwnThread)
struct InterruptedCommandTests {
    static let runs = 12

    /// How long `arguments` takes uninterrupted on a fresh sample: kills are spread over
    /// the second half of that, where the writing happens (the first half is start-up).
    static func duration(of arguments: [String]) throws -> Duration {
        let sample = try FixtureProject.repositorySample()
        defer { sample.remove() }
        let clock = ContinuousClock()
        let started = clock.now
        try sample.run(arguments).succeeded()
        return clock.now - started
    }

    static func delay(_ run: Int, of total: Duration) -> Duration {
        total * (0.5 + 0.6 * Double(run) / Double(runs))
    }

    /// File name → bytes of every entry under `content/releases/`.
    static func entries(of sample: FixtureProject) throws -> [String: Data] {
        var entries: [String: Data] = [:]
        for path in sample.entries {
            let name = String(path.split(separator: "/").last!)
            #expect(entries[name] == nil, "\(name) is in two folders")
            entries[name] = try Data(contentsOf: sample.root.appending(path: path))
        }
        return entries
    }

    @Test("new release killed at any moment: every entry whole, in one folder; a release folder always has its whole record")
    func newRelease() throws {
        let arguments = ["new", "release", "1.3.0", "--date", "2026-04-14"]
        let total = try Self.duration(of: arguments)
        for run in 0..<Self.runs {
            let sample = try FixtureProject.repositorySample()
            defer { sample.remove() }
            let before = try Self.entries(of: sample)
            try Relnotes.runKilled(arguments, in: sample.root, after: Self.delay(run, of: total))
            #expect(try Self.entries(of: sample) == before, "run \(run): entries changed")
            let folder = sample.root.appending(path: "content/releases/1.3.0")
            if FileManager.default.fileExists(atPath: folder.path) {
                #expect(try sample.read("content/releases/1.3.0/release.md").hasSuffix("sign_off: {engineering: pending, product: pending, qa: pending, security: pending}\n---\n"), "run \(run)")
            }
            let errors = sample.problems().errors
            #expect(errors.isEmpty, "run \(run): \(errors)")
        }
    }

    @Test("withdraw killed at any moment: the record is either as it was or as the command writes it")
    func statusChanges() throws {
        let record = "content/releases/1.2.2/release.md"
        let arguments = ["withdraw", "1.2.2", "--reason", "Rolled back (REL-999)"]
        let total = try Self.duration(of: arguments)
        for run in 0..<Self.runs {
            let sample = try FixtureProject.repositorySample()
            defer { sample.remove() }
            let original = try sample.read(record)
            try Relnotes.runKilled(arguments, in: sample.root, after: Self.delay(run, of: total))
            let after = try sample.read(record)
            let withdrawn = original.replacingOccurrences(of: "status: released\n", with: "status: withdrawn\n")
            #expect(after == original || (after.hasPrefix(withdrawn.prefix(40)) && after.contains("withdrawal_reason: \"Rolled back (REL-999)\"\n")), "run \(run): \(after)")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: sample.root.appending(path: "content/releases/1.2.2").path).filter { $0.hasPrefix(".") }
            #expect(sample.problems().errors.isEmpty, "run \(run): leftovers \(leftovers) are ignored")
        }
    }
}
