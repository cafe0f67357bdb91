import Foundation
import PropertyBased
import Testing
@testable import Relnotes
@testable import RelnotesWorkflow

/// Load → filter → render of generated projects (a release, an entry and a page, in every
/// shape the generator knows), with a canary planted in every piece the external audience
/// may not see: no run may crash, hang, or let a canary into any byte of the external site.
///
/// `RELNOTES_FUZZ_SECONDS` sets how long it runs (default 2; `scripts/fuzz` and CI set
/// more); a failure prints the generating seed for `.fixedSeed(…)`.
@Suite("Fuzz: hidden pieces never reach the external site")
struct FuzzTests {
    static let seconds = Double(ProcessInfo.processInfo.environment["RELNOTES_FUZZ_SECONDS"] ?? "") ?? 2

    @Test("generated projects load, render and keep every canary out of the external site")
    func hiddenPiecesStayHidden() async throws {
        let deadline = ContinuousClock.now + .seconds(Self.seconds)
        var cases = 0, built = 0
        let start = ContinuousClock.now
        while ContinuousClock.now < deadline {
            await propertyCheck(count: 25, input: Gen.int(in: 0...Int(UInt32.max)).array(of: 1...28)) { seeds in
                let started = ContinuousClock.now
                let outcome = try FuzzProject(seeds).check()
                cases += 1
                if outcome { built += 1 }
                #expect(ContinuousClock.now - started < .seconds(20), "a case took too long: \(seeds)")
            }
        }
        let elapsed = ContinuousClock.now - start
        print("fuzz: \(cases) cases (\(built) built, the rest refused with positioned errors) in \(elapsed)")
    }
}

/// One generated project, made from a list of numbers: each number picks a piece and
/// the text in it, so the library can shrink a failing list to a short one.
struct FuzzProject {
    var release: [String] = []
    var entry: [String] = []
    var page: [String] = []
    var releaseFields: [String] = []
    var entryFields: [String] = []
    private var canaries = 0

    init(_ seeds: [Int]) {
        for seed in seeds {
            var generator = SplitMix(seed: UInt64(seed))
            let piece = Self.piece(&generator, canary: { self.canary() })
            switch seed % 5 {
            case 0: release.append(piece)
            case 1, 2: entry.append(piece)
            case 3: page.append(piece)
            default:
                let text = Self.text(&generator)
                if seed % 2 == 0 {
                    releaseFields.append("internal: {release_manager: \(YAMLText.quoted(canary() + text)), title: \(YAMLText.quoted(canary()))}")
                } else {
                    entryFields.append("internal: {component: \(YAMLText.quoted(canary() + text)), tickets: [CANARY-\(seed % 97)], title: \(YAMLText.quoted(canary()))}")
                }
            }
        }
    }

    private mutating func canary() -> String {
        canaries += 1
        return "CANARY\(canaries)x"
    }

    /// Writes, loads, builds the external site; false when the project was refused (with
    /// diagnostics that all have a place, or none for the whole project).
    func check() throws -> Bool {
        let files: [String: String] = [
            "relnotes.yml": "base_url: https://notes.example/\nsensitive_patterns: ['tidewater\\.internal']\n",
            "content/releases/1.0.0/release.md": """
                ---
                version: 1.0.0
                status: released
                date: 2026-01-15
                title: First
                summary: The first release.
                audience: external
                \(releaseFields.prefix(1).joined())
                ---
                \(release.joined(separator: "\n"))
                """,
            "content/releases/1.0.0/REL-1-fix.md": """
                ---
                type: fix
                title: A fix
                audience: external
                tickets: [REL-1]
                \(entryFields.prefix(1).joined())
                ---
                \(entry.joined(separator: "\n"))
                """,
            "content/releases/1.0.0/secret.md": "---\ntype: fix\ntitle: CANARY-entry-x\naudience: internal\n---\nCANARY-body-x\n",
            "content/pages/guide.md": "---\ntitle: Guide\naudience: external\n---\n" + page.joined(separator: "\n"),
            "content/pages/internal.md": "---\ntitle: CANARY-page-x\naudience: internal\n---\nCANARY-page-body-x\n",
        ]
        let root = try TemporaryFolder.project(files)
        defer { TemporaryFolder.remove(root) }
        let (site, diagnostics) = Site.load(root: root)
        guard let site else {
            #expect(diagnostics.containsErrors)
            #expect(diagnostics.allSatisfy { $0.location != nil }, "\(diagnostics)")
            if ProcessInfo.processInfo.environment["RELNOTES_FUZZ_VERBOSE"] != nil { print(diagnostics.filter { $0.severity == .error }.map(\.description), files) }
            return false
        }
        for file in try site.build(audiences: ["external"], drafts: true) {
            let text = String(decoding: file.contents, as: UTF8.self)
            #expect(!text.contains("CANARY"), "\(file.path) shows a hidden piece:\n\(files)")
        }
        return true
    }

    // MARK: - Pieces

    /// A Markdown block: visible text of every kind, or a hidden piece holding a canary.
    static func piece(_ random: inout SplitMix, canary: () -> String) -> String {
        let text = Self.text(&random)
        switch random.next() % 16 {
        case 0: return "::: internal\n\(canary()) \(text)\n:::\n"
        case 1: return "::: internal\n- \(canary())\n:::\n\n::: external\n- \(text)\n:::\n"
        case 2: return "::: external\n\(text)\n\n::: internal\n\(canary())\n:::\n:::\n"
        case 3: return "!!! note \"\(text.prefix(8))\"\n    \(text)\n\n    ::: internal\n    \(canary())\n    :::\n"
        case 4: return "??? warning\n    ::: internal\n    \(canary()) \(text)\n    :::\n"
        case 5: return "| a | b |\n|---|---|\n| \(text) | x |\n\n::: internal\n| \(canary()) | y |\n:::\n"
        case 6: return "```\n::: internal\n\(text)\n```\n"
        case 7: return "- [ ] \(text)\n- [x] REL-\(random.next() % 999) done\n"
        case 8: return "## \(text)\n\n\(text)\n"
        case 9: return "> \(text)\n>\n> more \(text)\n"
        case 10: return "[\(text)](javascript:alert(1)) <b>\(text)</b> ![i](data:text/html,x)\n"
        case 11: return "::: internal\n::: internal\n\(canary())\n:::\n\(canary())\n:::\n"
        case 12: return "1. \(text)\n\n::: internal\n2. \(canary())\n:::\n"
        case 13: return "::: internal external\n\(text)\n:::\n"
        case 14: return "w ::: internal in a line \(text)\n\n    ::: indented code, not a container\n"
        default: return "\(text)\n"
        }
    }

    /// One line of text: words, Markdown punctuation, tracker keys, entities, non-ASCII.
    static func text(_ random: inout SplitMix) -> String {
        let words = ["release", "REL-12", "AB-1", "*", "_", "**x**", "`c`", "[l]", "(p)", "<i>", "&amp;", "&#0;", "\\", "#",
                     "!", "|", "~~s~~", "é", "日本", "👩‍💻", "e\u{301}", ":::", "!!!", "{{x}}", "%", "http://a.b", "a@b.c"]
        let count = 1 + Int(random.next() % 8)
        return "w" + (0..<count).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: " ")
    }
}
