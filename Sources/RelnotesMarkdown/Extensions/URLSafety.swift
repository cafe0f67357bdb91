/// Links and images with `javascript:`, `vbscript:`, `file:` or non-image `data:` URLs lose
/// their URL, as cmark's safe mode does — in every output, with or without `unsafe_html`.
enum URLSafety {
    static func apply(to links: [CmarkNode]) {
        for node in links where isDangerous(node.url) {
            node.url = ""
        }
    }

    /// cmark's rule (`_scan_dangerous_url`): these schemes are dangerous, except images
    /// in the formats browsers display.
    static func isDangerous(_ url: String) -> Bool {
        let lowered = url.lowercased()
        if lowered.hasPrefix("data:") {
            return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { lowered.hasPrefix($0) }
        }
        return ["javascript:", "vbscript:", "file:"].contains { lowered.hasPrefix($0) }
    }
}
