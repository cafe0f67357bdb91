import Foundation
import Testing
@testable import RelnotesAudience
@testable import RelnotesLoading
@testable import RelnotesModel

/// `CHANGELOG.md` read back by the `keepachangelog` parser from PyPI
/// (`scripts/install-dependencies --tests` installs it): what a tool that knows the
/// format finds in it must be what the project holds.
@Suite("Keep a Changelog")
struct KeepAChangelogTests {
    /// The `python3` of `PATH`, where pip installed the parser.
    static let python = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        .map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }

    static let hasParser: Bool = {
        guard let python else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import keepachangelog"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// `keepachangelog.to_dict` of the file, unreleased section included, as JSON.
    static func parse(_ file: URL) throws -> [String: [String: Any]] {
        let output = try Command.output(URL(fileURLWithPath: try #require(python)), ["-c", "import json, sys, keepachangelog; print(json.dumps(keepachangelog.to_dict(sys.argv[1], show_unreleased=True)))", file.path])
        return try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: [String: Any]])
    }

    @Test("every release, date, section and entry of the sample's CHANGELOG.md is parsed as written, with its link",
          .enabled(if: hasParser, "needs python3 with the keepachangelog package (scripts/install-dependencies --tests)"))
    func parsedAsWritten() throws {
        let sample = try FixtureProject.repositorySample()
        defer { sample.remove() }
        let result = try sample.run(["build", "--drafts", "--out", "site"])
        #expect(result.status == 0, "\(result.stderr)")
        let (loaded, _) = ProjectLoader.load(root: sample.root)
        let project = try #require(loaded)
        let mapping = project.config.changelog.sections
        for audience in project.config.audiences {
            let parsed = try Self.parse(sample.site.appending(path: "\(audience.name)/CHANGELOG.md"))
            let visible = AudienceFilter(project: project).site(for: audience, includeDrafts: true)
            #expect(Set(parsed.keys) == Set(visible.releases.map(\.versionText)), "\(audience.name): releases")
            for release in visible.releases {
                let key = release.versionText
                let parsedRelease = try #require(parsed[key], "\(audience.name): \(key) not found")
                let metadata = try #require(parsedRelease["metadata"] as? [String: Any])
                // The parser keeps what follows the date; `[YANKED]` is Keep a Changelog's own marker.
                let date = release.release?.date.map { release.release?.status == .withdrawn ? "\($0) [yanked]" : $0 }
                #expect(metadata["release_date"] as? String == date, "\(audience.name) \(key): date")
                #expect((metadata["url"] as? String)?.hasPrefix("https://git.tidewater.example/") == true, "\(audience.name) \(key): link")
                var expected: [String: Int] = [:]
                for section in mapping {
                    let count = release.entries.filter { section.types.contains($0.type) }.count
                    if count > 0 { expected[section.title.lowercased()] = count }
                }
                let sections = parsedRelease.filter { $0.key != "metadata" }.mapValues { ($0 as? [Any])?.count ?? -1 }
                #expect(sections == expected, "\(audience.name) \(key): sections")
                #expect(Set(sections.keys).isSubset(of: ChangelogConfig.sectionNames.map { $0.lowercased() }))
            }
        }
        let external = try sample.read("site/external/CHANGELOG.md")
        for line in ["## [Unreleased]\n", "## [1.2.0] - 2026-03-10\n", "## [1.2.1] - 2026-03-24 [YANKED]\n",
                     "[1.0.0]: https://git.tidewater.example/tidewater/tidewater/releases/tag/v1.0.0\n"] {
            #expect(external.contains(line), "\(line)")
        }
    }

    @Test("a changelog section that is not one of Keep a Changelog's six is an error with a hint")
    func unknownSection() throws {
        let root = try TemporaryFolder.project(["relnotes.yml": "changelog:\n  sections:\n    Fixes: [fix]\n  compare_url: https://x.example/compare\n"])
        defer { TemporaryFolder.remove(root) }
        let (_, diagnostics) = ProjectLoader.loadConfig(root: root)
        #expect(diagnostics.map(\.description) == [
            "relnotes.yml:3:5: error: 'Fixes' is not one of Keep a Changelog's sections 'Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security' — did you mean 'Fixed'?",
            "relnotes.yml:4:16: error: 'compare_url' must contain '{version}'",
        ])
    }
}
