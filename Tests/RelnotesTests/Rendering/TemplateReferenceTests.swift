import Foundation
import Testing
@testable import RelnotesModel
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

    @Test("every content field's template name is a name of its kind's views")
    func schemaTemplateNamesExist() {
        let kinds: [(views: [String], names: [String?])] = [
            (Array(ReleaseSummary.templateFields.keys) + ReleaseMeta.templateFields.keys + AnnouncementView.templateFields.keys,
             ReleaseFields.schema.map(\.templateName)),
            (Array(EntryView.templateFields.keys) + EntrySection.templateFields.keys, EntryFields.schema.map(\.templateName)),
            (Array(ContentPage.templateFields.keys), PageFields.schema.map(\.templateName)),
        ]
        for kind in kinds {
            for name in kind.names.compactMap(\.self) {
                #expect(kind.views.contains(name), "no view has '\(name)'")
            }
        }
    }

    @Test("every name of every context has a line saying what it is")
    func everyNameDocumented() {
        let reference = TemplateReference.markdown()
        #expect(!reference.contains(" |  |\n"), "a name without a doc")
        #expect(reference.contains("| `releaseManager` | text | who runs the release |"))
        #expect(reference.contains("| `release_manager` | text | yes | yes | `releaseManager` | who runs the release |"))
    }
}
