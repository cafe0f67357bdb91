/// Heading ids: a slug of the heading's text, unique in the page (`-2`, `-3` on repeats).
enum HeadingAnchors {
    /// Gives a heading an `id` in HTML output. The heading's inner HTML is cmark's own, so a
    /// heading renders exactly as cmark renders it apart from the `id`.
    static func addID(_ id: String, to heading: CmarkNode, unsafe: Bool) {
        let level = heading.headingLevel
        var html = Substring(heading.renderHTML(unsafe: unsafe))
        let open = "<h\(level)>", close = "</h\(level)>\n"
        guard html.hasPrefix(open), html.hasSuffix(close) else { return }
        html = html.dropFirst(open.count).dropLast(close.count)
        heading.replace(with: .custom(.customBlock, onEnter: "<h\(level) id=\"\(HTML.escape(id))\">\(html)</h\(level)>\n"))
    }
}

/// Hands out unique heading ids for one page.
final class HeadingSlugs {
    private var used = Set<String>()

    func unique(for text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        var number = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// GitHub's way: lowercase, letters and digits kept, spaces to `-`, other punctuation dropped.
    static func slug(_ text: String) -> String {
        var slug = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                slug.append(character)
            } else if character == " " {
                slug.append("-")
            }
        }
        return slug.isEmpty ? "section" : slug
    }
}
