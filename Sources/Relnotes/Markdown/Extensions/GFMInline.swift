/// The quick test before the GFM inline extensions (strikethrough, autolinks) walk a tree's
/// text: the bytes every match needs.
enum GFMInline {
    static func mayHold(_ text: Substring) -> Bool {
        text.containsByte(UInt8(ascii: "~")) || text.containsByte(UInt8(ascii: "@")) || text.containsBytes("://") || text.containsBytes("www.")
    }
}
