import Mustache
import RelnotesMarkdown

/// What `{{name}}` does to a value in an HTML template: `HTML.escape`, which returns a value
/// with nothing to escape as it is and escapes byte by byte. swift-mustache's own HTML
/// content type builds a new string for every value, character by character (which made
/// escaping a twentieth of a large build), and leaves `"` or `<` unescaped when a combining
/// mark follows it.
///
/// Templates reach it through the `{{% CONTENT_TYPE: … }}` pragma `Theme` puts on a line
/// before every HTML template (`pragma`); swift-mustache knows content types by that name only.
struct HTMLEscaping: MustacheContentType {
    /// The pragma naming this content type, registered once before the first template is parsed.
    static let pragma: String = {
        MustacheContentTypes.register(HTMLEscaping(), named: "RELNOTES_HTML")
        // On a line of its own, which swift-mustache drops whole: the template's first line
        // keeps its standalone tags.
        return "{{% CONTENT_TYPE: RELNOTES_HTML}}\n"
    }()

    func escapeText(_ text: String) -> String {
        HTML.escape(text)
    }
}
