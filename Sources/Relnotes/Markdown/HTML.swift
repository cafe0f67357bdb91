/// Escaping for text put into HTML by relnotes itself (titles, attributes).
public enum HTML {
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

/// Escaping for text put into Markdown by relnotes itself, so it reads as plain text.
enum MarkdownText {
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "\\`*_[]<>#!|&".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
