import Foundation
import RelnotesMarkdown

/// How a release's page is laid out around its highlights: which entry section continues
/// the highlights' last `##` section (so "Upgrade instructions" is not shown twice), and
/// the table of contents of a long page.
///
/// The changelog shows every section under its own heading (it shows no highlights); the
/// page, its notes as HTML and the feed show the highlights followed by `continuedSection`.
struct ReleaseLayout {
    /// A table of contents is shown from this many items on.
    static let tocThreshold = 3

    let pageSections: [EntrySection]
    let continuedSection: EntrySection?
    let toc: [TocItem]

    /// `highlights`: the headings of the release body as the audience sees it.
    init(highlights: [Heading], sections: [EntrySection], newSections: [EntrySection]?) {
        let bodyHeadings = highlights.filter { $0.level == 2 }
        // A candidate's page is two lists ("New since…", "Everything since…"): left as it is.
        if newSections == nil, let last = bodyHeadings.last,
           let index = sections.firstIndex(where: { Self.sameTitle($0.title, last.text) }) {
            let section = sections[index]
            continuedSection = EntrySection(
                type: section.type, title: section.title, anchor: last.id, hasHeading: false, linkable: true,
                level: section.level, componentLevel: section.componentLevel, marks: section.marks,
                componentMarks: section.componentMarks, groups: section.groups, count: section.count)
            var rest = sections
            rest.remove(at: index)
            pageSections = rest
        } else {
            continuedSection = nil
            pageSections = sections
        }
        var toc = bodyHeadings.map { TocItem(level: 2, text: $0.text, id: $0.id) }
        if let newSections {
            toc += newSections.map { TocItem(level: 3, text: $0.title, id: $0.anchor) }
        }
        toc += pageSections.map { TocItem(level: newSections == nil ? 2 : 3, text: $0.title, id: $0.anchor) }
        self.toc = toc
    }

    private static func sameTitle(_ a: String, _ b: String) -> Bool {
        trimmed(a).lowercased() == trimmed(b).lowercased()
    }

    /// `text` without the whitespace (`CharacterSet.whitespaces`) at its ends. The only ASCII
    /// characters of that set are the space and the tab, so a text that starts and ends with
    /// another ASCII character (almost every title) has none to trim and is not searched.
    private static func trimmed(_ text: String) -> String {
        if let first = text.utf8.first, let last = text.utf8.last, isASCIIOtherThanBlank(first), isASCIIOtherThanBlank(last) {
            return text
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    private static func isASCIIOtherThanBlank(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t")
    }
}
