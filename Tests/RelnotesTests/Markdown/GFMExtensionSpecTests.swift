import Testing
@testable import RelnotesMarkdown

/// The table, task-list, strikethrough and autolink examples of cmark-gfm's spec and
/// extension tests, rendered in process and compared with Debian's `cmark-gfm` given the
/// same extensions.
@Suite("Markdown: GitHub's extensions against cmark-gfm")
struct GFMExtensionSpecTests {
    /// Examples where relnotes deliberately differs (see the README's Markdown section).
    static let documentedDifferences: [String: String] = [:]

    @Test("the GFM example files hold their 37 examples")
    func count() {
        #expect(SpecExample.gfmExtensions.count == 37)
    }

    @Test("relnotes' HTML is cmark-gfm's", arguments: SpecExample.gfmExtensions)
    func html(_ example: SpecExample) throws {
        let expected = try CmarkGFMReference.run(example.markdown, arguments: CmarkGFMReference.extensions)
        for audience in ["external", "internal"] {
            #expect(CmarkGFMReference.normalized(InProcessRender.render(example.markdown, audience)) == expected, "\(audience)")
        }
    }

    @Test("relnotes' Markdown output reads on GitHub as the input does", arguments: SpecExample.gfmExtensions)
    func markdown(_ example: SpecExample) throws {
        let expected = try CmarkGFMReference.run(example.markdown, arguments: CmarkGFMReference.extensions)
        let written = InProcessRender.render(example.markdown, "external", .markdown)
        #expect(try CmarkGFMReference.run(written, arguments: CmarkGFMReference.extensions) == expected, "Markdown output:\n\(written)")
    }
}
