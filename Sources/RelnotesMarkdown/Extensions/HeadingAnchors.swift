/// Heading ids: a slug of the heading's text, unique in the page (`-2`, `-3` on repeats).
enum HeadingAnchors {
    /// Gives a heading an `id` in HTML output; everything else of it is written as cmark
    /// writes a heading, `<hN>` and `</hN>` around its text on a line of their own.
    ///
    /// The heading becomes a custom inline holding its text, with the tags as what it writes
    /// on entering and on leaving, inside an empty custom block: cmark writes a custom block
    /// on lines of its own (it ends the line before and after it, as it does around a
    /// heading) and the text in the rendering of the whole tree, with no rendering of its own.
    static func addID(_ id: String, to heading: CmarkNode) {
        let level = String(heading.headingLevel)
        var open = "<h" + level + " id=\""
        open += HTML.escape(id)
        open += "\">"
        let tags = CmarkNode.custom(.customInline, onEnter: open, onExit: "</h" + level + ">")
        heading.moveChildren(to: tags)
        let line = CmarkNode.custom(.customBlock, onEnter: "")
        line.appendChild(tags)
        heading.replace(with: line)
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
