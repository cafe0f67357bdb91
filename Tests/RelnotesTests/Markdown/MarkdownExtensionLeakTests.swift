import Testing
@testable import RelnotesMarkdown
@testable import RelnotesModel

/// Audience containers around and inside every extension: what they hold never reaches the
/// external view, in any format. Every hidden piece holds the canary `SECRET` (or a
/// `secret` host), and the tracker is linked for internal readers only.
@Suite("Markdown: containers around and inside each extension")
struct MarkdownExtensionLeakTests {
    static let renderer: MarkdownRenderer = {
        var config = SiteConfig()
        config.tickets.url = "https://tracker.example.com/browse/{key}"
        return MarkdownRenderer(config: config)
    }()

    /// (name, text): each holds hidden material around or inside one extension.
    static let cases: [(String, String)] = [
        ("container around an admonition", "::: internal\n!!! warning \"SECRET title\"\n    SECRET body.\n:::\n"),
        ("container inside an admonition", "!!! note\n    Public.\n\n    ::: internal\n    SECRET body.\n    :::\n"),
        ("container around details", "::: internal\n??? tip \"SECRET\"\n    SECRET body.\n:::\n"),
        ("container inside details", "???+ note\n    ::: internal\n    SECRET body.\n    :::\n"),
        ("container inside a quoted admonition", "> !!! note\n>     ::: internal\n>     SECRET body.\n>     :::\n"),
        ("container around a quoted admonition", "> ::: internal\n> !!! note \"SECRET\"\n>     SECRET body.\n> :::\n"),
        ("container around a table", "::: internal\n| SECRET | b |\n|---|---|\n| SECRET-1 | x |\n:::\n"),
        ("container between table rows", "| a | b |\n|---|---|\n| 1 | 2 |\n::: internal\n| SECRET | 3 |\n:::\n"),
        ("container around a table under a paragraph line", "::: internal\nSECRET intro\n| a |\n|---|\n| SECRET |\n:::\n"),
        ("container around task items", "::: internal\n- [x] SECRET done\n- [ ] SECRET todo\n:::\n"),
        ("container inside a task item", "- [ ] public\n\n  ::: internal\n  SECRET detail\n  :::\n"),
        ("container around strikethrough", "::: internal\n~~SECRET~~ and ~SECRET~\n:::\n"),
        ("container inside strikethrough", "~~public\n::: internal\nSECRET\n:::\nstill~~\n"),
        ("container around autolinks", "::: internal\nwww.secret.example.com https://secret.example.com/x someone@secret.example.com\n:::\n"),
        ("container around tracker keys", "::: internal\nSECRET-42 REL-7 fixed.\n:::\n"),
        ("container around a heading", "::: internal\n## SECRET heading\n:::\n"),
        ("container around a footnote definition", "Text[^1].\n\n::: internal\n[^1]: SECRET\n:::\n"),
        ("container around a link reference used outside", "[public link][r]\n\n::: internal\n[r]: https://secret.example.com\n:::\n"),
        ("nested containers in an admonition in a list", "- item\n\n    !!! note\n        ::: internal\n        ::: external\n        SECRET\n        :::\n        :::\n"),
    ]

    @Test("nothing hidden reaches the external view, in HTML, Markdown or text", arguments: cases)
    func nothingLeaks(_ name: String, _ text: String) {
        for format in MarkupFormat.allCases {
            let output = InProcessRender.render(text, "external", format, renderer: Self.renderer)
            #expect(!output.lowercased().contains("secret"), "\(format): \(output)")
            #expect(!output.contains(":::"), "\(format): \(output)")
            #expect(!output.contains("tracker.example.com"), "\(format): \(output)")
            #expect(!output.contains("error"), "\(format): \(output)")
        }
    }

    @Test("the internal view shows what is hidden from the external one", arguments: cases)
    func internalSees(_ name: String, _ text: String) {
        // Plain text shows no URLs.
        for format in MarkupFormat.allCases where !(format == .text && name.contains("link reference")) {
            #expect(InProcessRender.render(text, "internal", format, renderer: Self.renderer).lowercased().contains("secret"), "\(format)")
        }
    }
}
