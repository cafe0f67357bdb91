/// Heading ids: a slug of the heading's text, unique in the page (`-2`, `-3` on repeats).
enum HeadingAnchors {
    /// Gives a heading an `id` in HTML output. The heading's inner HTML is cmark's own, so a
    /// heading renders exactly as cmark renders it apart from the `id`.
    static func addID(_ id: String, to heading: CmarkNode, unsafe: Bool) {
        let level = String(heading.headingLevel)
        let html = heading.renderHTML(unsafe: unsafe)
        let open = "<h" + level + ">", close = "</h" + level + ">\n"
        guard let inner = innerHTML(html, open: open, close: close) else { return }
        var tagged = "<h" + level + " id=\""
        tagged.reserveCapacity(html.utf8.count + id.utf8.count + 16)
        tagged += HTML.escape(id)
        tagged += "\">"
        tagged += inner
        tagged += close
        heading.replace(with: .custom(.customBlock, onEnter: tagged))
    }

    /// `html` without `open` and `close` around it, if they are there (as characters).
    private static func innerHTML(_ html: String, open: String, close: String) -> Substring? {
        guard html.hasPrefixQuickly(open), html.hasSuffixQuickly(close) else { return nil }
        // Both tags are whole characters, so their bytes are what dropping them drops.
        return Substring(html.utf8.dropFirst(open.utf8.count).dropLast(close.utf8.count))
    }
}

/// Hands out unique heading ids for one page.
package final class HeadingSlugs {
    private var used = Set<String>()
    /// For each slug handed out, the number its next repeat starts trying from: every
    /// `slug-n` below it is taken, and stays taken, so a page of many equal headings costs
    /// one look-up per heading, not one per earlier repeat.
    private var nextNumber: [String: Int] = [:]

    package init() {}

    package func unique(for text: String) -> String {
        let base = Self.slug(text)
        guard !used.insert(base).inserted else { return base }
        var candidate: String
        var number = nextNumber[base] ?? 2
        repeat {
            candidate = "\(base)-\(number)"
            number += 1
        } while !used.insert(candidate).inserted
        nextNumber[base] = number
        return candidate
    }

    /// GitHub's way: lowercase, letters and digits kept, spaces to `-`, other punctuation dropped.
    package static func slug(_ text: String) -> String {
        if let ascii = asciiSlug(text) { return ascii }
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

    /// `slug` byte by byte, for ASCII text: there the letters and digits are `A-Z`, `a-z`
    /// and `0-9`, and every byte is a character (`\r\n` aside, which is dropped either way).
    private static func asciiSlug(_ text: String) -> String? {
        text.withUTF8Bytes { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var slug: [UInt8] = []
            slug.reserveCapacity(bytes.count)
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): slug.append(byte + 32)
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"): slug.append(byte)
                case UInt8(ascii: " "): slug.append(UInt8(ascii: "-"))
                default: break
                }
            }
            return slug.isEmpty ? "section" : String(decoding: slug, as: UTF8.self)
        }
    }
}
