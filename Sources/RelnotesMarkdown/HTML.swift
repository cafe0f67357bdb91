/// Escaping for text put into HTML: by relnotes itself (titles, attributes) and by `{{name}}`
/// in HTML templates (`HTMLEscaping`).
public enum HTML {
    /// `&`, `<`, `>`, `"` and `'` replaced by their entities, byte by byte: each is one ASCII
    /// byte, never part of another character's UTF-8, so a combining mark after one (which
    /// makes it part of a larger character) cannot keep it from being escaped. Text holding
    /// none of them (almost every value) is returned as it is.
    public static func escape(_ text: String) -> String {
        text.withUTF8Bytes { bytes -> String in
            guard bytes.contains(where: isSpecial) else { return text }
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 16)
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "&"): escaped += "&amp;".utf8
                case UInt8(ascii: "<"): escaped += "&lt;".utf8
                case UInt8(ascii: ">"): escaped += "&gt;".utf8
                case UInt8(ascii: "\""): escaped += "&quot;".utf8
                case UInt8(ascii: "'"): escaped += "&#39;".utf8
                default: escaped.append(byte)
                }
            }
            return String(decoding: escaped, as: UTF8.self)
        }
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
