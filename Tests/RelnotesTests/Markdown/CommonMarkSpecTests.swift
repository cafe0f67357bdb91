import Foundation
import Testing
@testable import RelnotesMarkdown
@testable import RelnotesModel

/// All 652 examples of CommonMark 0.30, rendered in process in both audiences, with and
/// without `unsafe_html`, in HTML and Markdown, against cmark itself.
@Suite("Markdown: the CommonMark 0.30 spec")
struct CommonMarkSpecTests {
    /// Examples where GitHub's extended autolinks apply (a bare `http://…` or e-mail
    /// address): relnotes links them as cmark-gfm does, a documented difference from cmark.
    static let gfmAutolinkExamples: Set<Int> = [601, 605, 607, 610, 611]

    /// Example 12 escapes a tilde: relnotes' Markdown output writes it as `\~`, where cmark
    /// writes `~`, so that GitHub cannot read it as strikethrough (a documented difference).
    static let escapedTildeExamples: Set<Int> = [12]

    static let unsafe: MarkdownRenderer = {
        var config = SiteConfig()
        config.unsafeHTML = true
        return MarkdownRenderer(config: config)
    }()

    @Test("the spec has its 652 examples here")
    func count() {
        #expect(SpecExample.commonMark.count == 652)
    }

    @Test("every example renders as cmark renders it, in both audiences, HTML and Markdown, safe and unsafe", arguments: SpecExample.commonMark)
    func example(_ example: SpecExample) throws {
        let markdown = example.markdown
        let gfm = Self.gfmAutolinkExamples.contains(example.number)
        let safeHTML = gfm
            ? try CmarkGFMReference.run(markdown, arguments: ["-e", "autolink"])
            : CmarkDocument.parse(markdown) { $0.renderHTML(unsafe: false) }
        var commonMark = gfm
            ? try CmarkGFMReference.run(markdown, arguments: ["-e", "autolink", "-t", "commonmark"])
            : CmarkDocument.parse(markdown) { $0.renderCommonMark() }
        if Self.escapedTildeExamples.contains(example.number) { commonMark = commonMark.replacingOccurrences(of: "~", with: "\\~") }
        for audience in ["external", "internal"] {
            #expect(CmarkReference.withoutHeadingIDs(InProcessRender.render(markdown, audience, .html)) == safeHTML, "\(audience) HTML")
            // Markdown output keeps raw HTML only with `unsafe_html` (it drops it otherwise).
            #expect(InProcessRender.render(markdown, audience, .markdown, renderer: Self.unsafe) == commonMark, "\(audience) Markdown")
        }
        let unsafeHTML = gfm ? try CmarkGFMReference.run(markdown, arguments: ["-e", "autolink", "--unsafe"]) : example.html
        #expect(CmarkReference.withoutHeadingIDs(InProcessRender.render(markdown, "external", .html, renderer: Self.unsafe)) == unsafeHTML, "unsafe HTML")
    }
}
