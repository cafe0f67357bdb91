import Foundation
import Testing
@testable import Relnotes
@testable import RelnotesAudience
@testable import RelnotesModel
@testable import RelnotesRendering

/// Template contexts answer lookups from key-path tables (faster than `Mirror`); a property
/// missing from its table would silently render as nothing. This walks real view values and
/// compares every table with the properties `Mirror` sees.
@Suite("Template contexts")
struct TemplateContextTests {
    @Test("every template context lists each of its stored properties, and nothing else")
    func tablesAreComplete() throws {
        let root = try Fixtures.copy("projects/cycle")
        defer { TemporaryFolder.remove(root.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: root.appending(path: "content/pages"), withIntermediateDirectories: true)
        try Data("---\ntitle: Help\naudience: external\n---\n## One\n\n## Two\n".utf8)
            .write(to: root.appending(path: "content/pages/help.md"))
        let site = try #require(Site.load(root: root).site)
        let audience = try #require(site.project.config.audience(named: "internal"))
        let visible = AudienceFilter(project: site.project).site(for: audience, includeDrafts: true)
        let views = ViewBuilder(site: visible, config: site.project.config, bodies: site.bodies, format: .html)

        var roots: [Any] = []
        let details = try visible.releases.map { (release) throws(DiagnosticsError) in try views.detail(of: release) }
        let info = SiteInfo(title: "T", audience: "internal", audienceTitle: "I", root: "", home: "./",
                            nav: [NavLink(title: "N", path: "", url: "./", current: true)], drafts: true, hasFeed: true)
        roots.append(IndexPage(site: info, lines: views.lines(details.map(\.head)), latest: details.first?.head))
        roots.append(ChangelogPage(site: info, releases: details, pagination: Pagination(page: 1, pages: 2, previous: nil, next: "x")))
        roots.append(try views.page(try #require(visible.pages.first), site: info))
        var changelog = ChangelogConfig()
        (changelog.compareURL, changelog.tagURL, changelog.unreleasedURL) = ("c/{version}", "t/{version}", "u/{latest}")
        roots.append(KeepAChangelogBuilder(config: changelog).build(details))
        let final = try #require(visible.releases.first { $0.release?.version.text == "1.1.0" })
        roots.append(try AnnouncementBuilder(views: views, isInternal: true).build(final))
        roots.append(try #require(FeedBuilder(config: site.project.config, audience: audience, theme: site.theme).build(Array(zip(visible.releases, details)))))
        roots.append(ReleasePage(site: info, release: try #require(details.first { $0.hasNewSections })))

        var checked = Set<String>()
        var pending = roots
        while let value = pending.popLast() {
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle != .optional, let context = value as? any TemplateContext {
                // `schemaValues` carries the schema's fields no property shows (SchemaFieldValues).
                let labels = Set(mirror.children.compactMap(\.label)).subtracting(["schemaValues"])
                let schemaNames: Set<String> = switch value {
                case is EntryView: Set(EntryView.schemaFields.map(\.name))
                case is ReleaseSummary: Set(ReleaseSummary.schemaFields.map(\.name))
                case is ContentPage: Set(ContentPage.schemaFields.map(\.name))
                default: []
                }
                #expect(Set(type(of: context).fieldNames).subtracting(schemaNames) == labels, "\(type(of: value))")
                checked.insert(String(describing: type(of: value)))
            }
            pending += mirror.children.map(\.value)
        }
        let expected = ["SiteInfo", "NavLink", "IndexPage", "LineGroup", "ReleaseSummary", "ReleasePage", "ReleaseDetail",
                        "ReleaseMeta", "SignOffView", "EntrySection", "ComponentGroup", "EntryView", "TicketView",
                        "ChangelogPage", "Pagination", "ContentPage", "TocItem", "AnnouncementView", "AnnouncementSection", "AnnouncementItem", "AnnouncementPart",
                        "KeepAChangelogView", "KeepAChangelogRelease", "KeepAChangelogSection", "ChangelogLink",
                        "FeedView", "FeedEntry"]
        #expect(checked.isSuperset(of: expected), "not reached: \(Set(expected).subtracting(checked).sorted())")
    }

    @Test("an absent value renders empty and is not looked up in the enclosing context")
    func absentValues() throws {
        let entry = EntryView(id: "1/x", anchor: "x", title: "T", titleText: "T", body: nil, tickets: [], hasTickets: false,
                              component: nil, breaking: false, restrictedTo: nil, fromVersion: nil)
        #expect(entry.child(named: "body") is NSNull)
        #expect(entry.child(named: "site") == nil, "names that are not fields are looked up further out")
    }
}

private extension TemplateContext {
    static var fieldNames: [String] { Array(templateFields.keys) }
}
