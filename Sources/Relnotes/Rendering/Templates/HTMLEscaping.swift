import Mustache

/// What `{{name}}` does to a value in an HTML template: exactly what swift-mustache's own
/// HTML content type does (`<`, `>`, `&`, `"` and `'` replaced, character by character),
/// with a fast path for the common case of a value holding none of those bytes, which is
/// returned as it is. swift-mustache's escaper builds a new string for every value, which
/// made escaping a twentieth of a large build.
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
        guard text.utf8.contains(where: Self.isSpecial) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "&": escaped += "&amp;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
