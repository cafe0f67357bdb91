import Testing

@Suite("Markdown: raw HTML and URL safety")
struct MarkdownSafeHTMLTests {
    @Test("raw HTML is omitted unless unsafe_html is true")
    func rawHTML() throws {
        try RenderRun.checkGolden("safe-html/raw-html", variants: [.external, .unsafeHTML])
    }

    @Test("javascript:, vbscript:, file: and non-image data: URLs are dropped from links and images, with unsafe_html too")
    func dangerousURLs() throws {
        try RenderRun.checkGolden("safe-html/dangerous-urls", variants: [.external, .unsafeHTML])
    }

    @Test("no dangerous scheme survives in any output", arguments: [RenderVariant.external, .unsafeHTML], ["html", "markdown"])
    func noDangerousScheme(variant: RenderVariant, format: String) throws {
        let input = try String(contentsOf: Fixtures.url("markdown/safe-html/dangerous-urls.md"), encoding: .utf8)
        let result = try RenderRun.render(input, variant, format: format)
        #expect(!result.failed, "\(variant.name) \(format) failed: \(result.problems)")
        let output = result.text.lowercased()
        #expect(!output.isEmpty, "\(variant.name) \(format) renders something")
        for scheme in ["(javascript:", "\"javascript:", "vbscript:", "file:", "data:text", "data:image/svg"] {
            #expect(!output.contains(scheme), "\(scheme) in \(variant.name) \(format)")
        }
    }
}
