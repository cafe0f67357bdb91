import Foundation
import Synchronization
import Testing
import RelnotesPreview
import Relnotes
import RelnotesModel

/// A whole site as files (`internal/releases/1.2.0/index.html` → bytes), with the
/// diagnostics that came with it as the command line prints them.
struct BuiltSite: Equatable {
    var files: [String: Data]
    var diagnostics: [String]

    /// Every file `snapshot` serves (every path of every audience, through `data(at:)`),
    /// and the diagnostics it shows.
    init(served snapshot: PreviewSnapshot, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let listing = try #require(snapshot.files, "the snapshot has no files", sourceLocation: sourceLocation)
        files = [:]
        for audience in snapshot.audiences {
            for path in listing.paths(of: audience.name).map({ "\(audience.name)/\($0)" }) {
                #expect(snapshot.contains(path), "\(path) is listed but not contained", sourceLocation: sourceLocation)
                guard let data = try snapshot.data(at: path) else {
                    Issue.record("\(path) is listed but not served", sourceLocation: sourceLocation)
                    continue
                }
                files[path] = data
            }
        }
        diagnostics = snapshot.diagnostics.sortedForDisplay().map(\.description)
    }

    /// A fresh, uncached load and full build of `root` as the preview shows it
    /// (`relnotes build --drafts`, with the preview's banners), and its warnings.
    init(fullBuildOf root: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let (site, diagnostics) = Site.load(root: root)
        guard let site else { throw DiagnosticsError(diagnostics) }
        let built = try site.build(drafts: true, preview: true)
        files = Dictionary(built.map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })
        #expect(files.count == built.count, "the full build has a path twice", sourceLocation: sourceLocation)
        self.diagnostics = (diagnostics + site.buildWarnings).sortedForDisplay().map(\.description)
    }

    /// `init(fullBuildOf:)` of `root` as its files are now, built once for every test
    /// that asks for the same files: the edit sequences of the incremental preview's tests
    /// reach the same project states, one test after another, and a full build in a debug
    /// build costs more than the preview's incremental one. A full build depends on the
    /// project's files alone, so the key is every file's path and bytes.
    static func fullBuild(of root: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws -> BuiltSite {
        let files = try fileTree(root)
        let build = fullBuilds.withLock { builds in
            if let build = builds[files] { return build }
            // The caller waits for it before changing `root`, and so does any other asking for the same files.
            let build = Task { try BuiltSite(fullBuildOf: root, sourceLocation: sourceLocation) }
            builds[files] = build
            return build
        }
        return try await build.value
    }

    private static let fullBuilds = Mutex<[[String: Data]: Task<BuiltSite, any Error>]>([:])

    /// Records which paths `self` (the preview) lacks, has in excess, or has with other
    /// bytes than `expected` (a full build), each with a short line diff.
    func expectSame(as expected: BuiltSite, _ step: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let missing = expected.files.keys.filter { files[$0] == nil }.sorted()
        let extra = files.keys.filter { expected.files[$0] == nil }.sorted()
        #expect(missing.isEmpty, "after \(step): the preview lacks \(missing)", sourceLocation: sourceLocation)
        #expect(extra.isEmpty, "after \(step): the preview has files a full build does not: \(extra)", sourceLocation: sourceLocation)
        let differing = expected.files.keys.sorted().filter { path in files[path].map { $0 != expected.files[path] } ?? false }
        for path in differing.prefix(3) {
            Issue.record("after \(step): \(path) differs from a full build\n\(LineDiff(expected: expected.files[path]!, actual: files[path]!))", sourceLocation: sourceLocation)
        }
        if differing.count > 3 {
            Issue.record("after \(step): \(differing.count - 3) more paths differ: \(differing.dropFirst(3).joined(separator: ", "))", sourceLocation: sourceLocation)
        }
        #expect(diagnostics == expected.diagnostics, "after \(step): the preview's diagnostics are not a fresh check's", sourceLocation: sourceLocation)
    }
}
