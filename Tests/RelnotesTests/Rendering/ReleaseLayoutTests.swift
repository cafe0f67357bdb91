@testable import RelnotesMarkdown
import Testing
@testable import RelnotesRendering

/// The entry section that continues the highlights' last `##` section is found by its
/// title, compared without case and without the whitespace at either end.
@Suite("Release layout")
struct ReleaseLayoutTests {
    static func section(_ title: String) -> EntrySection {
        EntrySection(type: "fix", title: title, anchor: "v1-fix", hasHeading: true, linkable: true, level: 2, componentLevel: 3, marks: "##", componentMarks: "###", groups: [], count: 0)
    }

    @Test("a heading continues the section of the same title, whatever its case and the whitespace around it", arguments: [
        "Fixes", "fixes", " Fixes", "Fixes\t", "\u{00A0}Fixes", "Fixes\u{3000}", "\u{2003}FIXES\u{00A0}",
    ])
    func continues(_ heading: String) {
        let layout = ReleaseLayout(highlights: [Heading(level: 2, text: heading, id: "fixes")], sections: [Self.section("Fixes"), Self.section("Features")], newSections: nil)
        #expect(layout.continuedSection?.title == "Fixes")
        #expect(layout.pageSections.map(\.title) == ["Features"])
    }

    @Test("a heading of another title, or with other characters at its ends, continues nothing", arguments: [
        "Fix", "Fixes.", "Fixes\u{00AD}", "Fixés", "-Fixes",
    ])
    func continuesNothing(_ heading: String) {
        let layout = ReleaseLayout(highlights: [Heading(level: 2, text: heading, id: "x")], sections: [Self.section("Fixes")], newSections: nil)
        #expect(layout.continuedSection == nil)
        #expect(layout.pageSections.map(\.title) == ["Fixes"])
    }
}
