/// The quick tests before the GFM inline extensions walk a tree's text: the bytes every
/// match needs, looked for once in the source, so that a text without them costs nothing.
struct GFMInline: Sendable {
    /// A tilde: strikethrough.
    var tilde: Bool
    /// `://`, `www.`, `@`: URL, `www.` and e-mail autolinks.
    var url: Bool
    var www: Bool
    var at: Bool

    init(_ source: Substring) {
        tilde = source.containsByte(UInt8(ascii: "~"))
        url = source.containsBytes("://")
        www = source.containsBytes("www.")
        at = source.containsByte(UInt8(ascii: "@"))
    }

    var autolink: Bool { url || www || at }
    var any: Bool { tilde || autolink }
}
