import Foundation
import Testing
@testable import RelnotesRendering

/// The README's template reference is what `relnotes templates --reference` prints, so a
/// field added to a context or to the content schema reaches the README or fails CI.
/// `RELNOTES_RECORD=1` rewrites the section (and fails, as every recording run does).
@Suite("Template reference")
struct TemplateReferenceTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appending(path: "README.md")
    static let start = "<!-- template-reference:start (relnotes templates --reference; RELNOTES_RECORD=1 swift test --filter TemplateReferenceTests) -->\n"
    static let end = "<!-- template-reference:end -->"

    @Test("the README's template reference is the generated one")
    func readmeIsGenerated() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let start = try #require(text.range(of: Self.start), "no template-reference:start marker in README.md")
        let end = try #require(text.range(of: Self.end, range: start.upperBound..<text.endIndex), "no template-reference:end marker")
        let written = String(text[start.upperBound..<end.lowerBound])
        let generated = TemplateReference.markdown()
        if Golden.recording {
            try Data((text[..<start.upperBound] + generated + text[end.lowerBound...]).utf8).write(to: Self.readme)
            Issue.record("recorded the README's template reference; run again without RELNOTES_RECORD")
            return
        }
        #expect(written == generated, "README.md's template reference is stale: run RELNOTES_RECORD=1 swift test --filter TemplateReferenceTests")
    }

    @Test("every name of every context has a line saying what it is")
    func everyNameDocumented() {
        let reference = TemplateReference.markdown()
        #expect(!reference.contains(" |  |\n"), "a name without a doc")
        #expect(reference.contains("| `releaseManager` | text | who runs the release |"))
        #expect(reference.contains("| `release_manager` | text | yes | yes | `releaseManager` | who runs the release |"))
    }
}
