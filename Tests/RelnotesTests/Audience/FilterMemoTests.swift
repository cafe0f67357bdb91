import Testing
@testable import RelnotesAudience
@testable import RelnotesModel

/// `AudienceFilter.site(for:includeDrafts:memo:)`: the preview filters the project again
/// after every save, taking over what it made of each release that did not change. Every
/// such site must be the one a filtering from scratch gives.
@Suite("Filtering again after an edit")
struct FilterMemoTests {
    /// Each audience's site of the project of `steps[0]`, then of each later step, filtered
    /// with one memo throughout, against a filtering of that step without one.
    static func expectSameAsFresh(_ steps: [[String: String]]) throws {
        let memo = FilterMemo()
        for (number, files) in steps.enumerated() {
            let project = try InlineProject.project(files)
            for audience in project.config.audiences {
                let fresh = AudienceFilter(project: project).site(for: audience, includeDrafts: true)
                let again = AudienceFilter(project: project).site(for: audience, includeDrafts: true, memo: memo)
                #expect(again == fresh, "step \(number), audience \(audience.name)")
            }
        }
    }

    @Test("an edited entry of a candidate reaches the final release that folds it in")
    func candidateEntryEdited() throws {
        var edited = ReleaseCandidateTests.files()
        edited["content/releases/1.2.0-rc.1/change.md"] = InlineProject.entry("Retitled in the candidate")
        try Self.expectSameAsFresh([ReleaseCandidateTests.files(), edited, edited])
        let project = try InlineProject.project(edited)
        let memo = FilterMemo()
        _ = AudienceFilter(project: try InlineProject.project(ReleaseCandidateTests.files())).site(for: project.config.audiences[0], includeDrafts: true, memo: memo)
        let final = try #require(AudienceFilter(project: project).site(for: project.config.audiences[0], includeDrafts: true, memo: memo).releases.first { $0.versionText == "1.2.0" })
        #expect(final.entries.compactMap(\.fields.title).contains("Retitled in the candidate"))
    }

    @Test("a candidate added, hidden or removed changes what its final release and later candidates show")
    func candidatesChange() throws {
        let base = ReleaseCandidateTests.files()
        var added = base
        added["content/releases/1.2.0-rc.3/release.md"] = "---\nversion: 1.2.0-rc.3\nstatus: candidate\naudience: external\n---\n"
        added["content/releases/1.2.0-rc.3/change.md"] = InlineProject.entry("Change of 1.2.0-rc.3")
        var hidden = added
        hidden["content/releases/1.2.0-rc.2/release.md"] = "---\nversion: 1.2.0-rc.2\nstatus: candidate\naudience: internal\n---\n"
        var removed = hidden
        removed["content/releases/1.2.0-rc.1/release.md"] = nil
        removed["content/releases/1.2.0-rc.1/change.md"] = nil
        try Self.expectSameAsFresh([base, added, hidden, removed, base])
    }

    @Test("an entry moved between releases, a release retitled and an audience changed show as a fresh filtering shows them")
    func releasesChange() throws {
        let base = AudienceFilterTests.untagged
        var moved = base
        moved["content/releases/1.0.0/public.md"] = moved.removeValue(forKey: "content/releases/1.1.0/public.md")
        var retitled = moved
        retitled["content/releases/1.1.0/release.md"] = InlineProject.release("1.1.0", "title: A new title")
        var retagged = retitled
        retagged["content/releases/1.1.0/untagged.md"] = InlineProject.entry("Now public")
        try Self.expectSameAsFresh([base, moved, retitled, retagged, base])
    }
}
