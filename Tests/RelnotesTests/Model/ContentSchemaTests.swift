import Testing
@testable import RelnotesModel

/// `ContentSchema`: each front-matter field declared once, and what derives from it.
@Suite("Content schema")
struct ContentSchemaTests {
    @Test("each kind accepts its declared keys, and its audience blocks the per-audience ones")
    func keys() {
        #expect(ReleaseFields.keys == ["version", "status", "date", "title", "summary", "audience", "release_manager", "branch", "withdrawal_reason", "sign_off", "extra"])
        #expect(ReleaseFields.perAudienceKeys == ["title", "summary", "release_manager", "branch", "withdrawal_reason", "sign_off", "extra"])
        #expect(EntryFields.keys == ["type", "title", "audience", "tickets", "component", "breaking", "resolved_in", "extra"])
        #expect(EntryFields.perAudienceKeys == ["title", "tickets", "component", "extra"])
        #expect(PageFields.keys == ["title", "audience", "slug", "extra"])
        #expect(PageFields.perAudienceKeys == ["title", "extra"])
    }

    @Test("every stored field of a kind's fields is declared, once", arguments: [
        (Mirror(reflecting: ReleaseFields()).children.count, ReleaseFields.perAudienceKeys),
        (Mirror(reflecting: EntryFields()).children.count, EntryFields.perAudienceKeys),
        (Mirror(reflecting: PageFields()).children.count, PageFields.perAudienceKeys),
    ])
    func storedFieldsDeclared(properties: Int, declared: [String]) {
        #expect(properties == declared.count)
        #expect(Set(declared).count == declared.count)
    }

    @Test("a block's set fields replace the others; a team's own fields merge key by key")
    func merging() {
        let here = SourceLocation(path: "x.md")
        var base = ReleaseFields()
        base.title = "Base"
        base.branch = "release/v1"
        base.extra = CustomFields(fields: [.init(key: "owner", value: .text("Dana", at: here)), .init(key: "risk", value: .text("low", at: here))])
        var block = ReleaseFields()
        block.branch = "hotfix/v1"
        block.signOff = [SignOff(team: "qa", state: "yes")]
        block.extra = CustomFields(fields: [.init(key: "risk", value: .text("high", at: here))])
        let merged = base.merging(block)
        #expect(merged.title == "Base")
        #expect(merged.branch == "hotfix/v1")
        #expect(merged.signOff == [SignOff(team: "qa", state: "yes")])
        #expect(merged.extra?.fields.map(\.key) == ["owner", "risk"])
        #expect(merged.extra?["risk"] == .text("high", at: here))
    }

    @Test("the texts sensitive patterns search are the sensitive fields', where each key was written")
    func sensitiveTexts() {
        var keys = KeyLocations(file: SourceLocation(path: "e.md"))
        keys["title"] = SourceLocation(path: "e.md", line: 3, column: 8)
        keys["tickets"] = SourceLocation(path: "e.md", line: 4, column: 10)
        var fields = EntryFields()
        fields.title = "Fixed on db1.corp"
        fields.tickets = ["REL-1", "REL-2"]
        let texts = fields.sensitiveTexts(keys: keys).map { "\($0.0)@\($0.1)" }
        #expect(texts == ["Fixed on db1.corp@e.md:3:8", "REL-1@e.md:4:10", "REL-2@e.md:4:10"])
        #expect(ReleaseFields.schema.filter(\.sensitiveText).map(\.key) == ["title", "summary", "release_manager", "branch", "sign_off", "extra"])
    }
}
