import Foundation
import Testing

/// Golden files: expected outputs stored under `Fixtures/`. Run the tests with
/// `RELNOTES_RECORD=1` to rewrite them from the actual output; a recording run fails on
/// purpose, so that a re-recorded golden file is always looked at before it is committed.
enum Golden {
    static var recording: Bool { ProcessInfo.processInfo.environment["RELNOTES_RECORD"] == "1" }

    /// Compares `actual` with the golden file at `path` (relative to `Fixtures/`).
    static func check(_ actual: String, against path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = Fixtures.url(path)
        if recording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            Issue.record("recorded \(path); run again without RELNOTES_RECORD", sourceLocation: sourceLocation)
            return
        }
        let expected = try Data(contentsOf: url)
        if Data(actual.utf8) != expected {
            Issue.record("output differs from golden file \(path) (- golden, + actual)\n\(LineDiff(expected: expected, actual: Data(actual.utf8)))", sourceLocation: sourceLocation)
        }
    }

    /// Compares a whole output folder with the golden tree at `path`.
    static func checkTree(_ actual: URL, against path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expectedURL = Fixtures.url(path)
        let actualTree = try fileTree(actual)
        if recording {
            try? FileManager.default.removeItem(at: expectedURL)
            for (file, data) in actualTree {
                let url = expectedURL.appending(path: file)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            Issue.record("recorded \(path); run again without RELNOTES_RECORD", sourceLocation: sourceLocation)
            return
        }
        let expectedTree = try fileTree(expectedURL)
        #expect(actualTree.keys.sorted() == expectedTree.keys.sorted(), "the files differ from golden tree \(path)", sourceLocation: sourceLocation)
        for (file, data) in expectedTree.sorted(by: { $0.key < $1.key }) {
            guard let actual = actualTree[file], actual != data else { continue }
            Issue.record("\(file) differs from golden tree \(path) (- golden, + actual)\n\(LineDiff(expected: data, actual: actual))", sourceLocation: sourceLocation)
        }
    }
}
