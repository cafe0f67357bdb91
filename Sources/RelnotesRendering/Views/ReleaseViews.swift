import RelnotesMarkdown
import RelnotesModel

/// View types are final classes with constant fields: swift-mustache copies the context
/// it looks a name up in for every lookup, and a class is copied by one retain.

/// A release in listings (index, feed) and as the head of its own page.
final class ReleaseSummary: Sendable {
    let version: String
    /// Path from the audience root: `releases/1.2.0/`.
    let path: String
    /// Inline HTML (or Markdown, in Markdown outputs): the title, or the version when untitled.
    let title: String
    let titleText: String
    let hasTitle: Bool
    let summary: String?
    let date: String?
    let dateLong: String?
    let status: String
    let line: String
    let isLatest: Bool
    let isDraft: Bool
    let isWithdrawn: Bool
    let isCandidate: Bool
    let isUnreleased: Bool
    /// Audiences the release is limited to, when this audience sees audiences that may not see it.
    let restrictedTo: String?
    /// For a candidate of a final version this audience sees released: that version. Such a
    /// candidate is shown as superseded, not as a draft (`isDraft` is false).
    let supersededBy: String?
    /// Whether any badge (latest, draft, candidate, withdrawn, restricted) applies.
    let hasBadges: Bool
    /// The release's own fields (`extra:`) as this audience sees them.
    let extra: CustomFields?
    /// The schema's fields no release view shows (`SchemaFieldValues`).
    let schemaValues: SchemaFieldValues

    init(version: String, path: String, title: String, titleText: String, hasTitle: Bool, summary: String?, date: String?, dateLong: String?, status: String, line: String, isLatest: Bool, isDraft: Bool, isWithdrawn: Bool, isCandidate: Bool, isUnreleased: Bool, restrictedTo: String?, supersededBy: String? = nil, hasBadges: Bool, extra: CustomFields? = nil, schemaValues: SchemaFieldValues = .none) {
        self.version = version
        self.path = path
        self.title = title
        self.titleText = titleText
        self.hasTitle = hasTitle
        self.summary = summary
        self.date = date
        self.dateLong = dateLong
        self.status = status
        self.line = line
        self.isLatest = isLatest
        self.isDraft = isDraft
        self.isWithdrawn = isWithdrawn
        self.isCandidate = isCandidate
        self.isUnreleased = isUnreleased
        self.restrictedTo = restrictedTo
        self.supersededBy = supersededBy
        self.hasBadges = hasBadges
        self.extra = extra
        self.schemaValues = schemaValues
    }
}

/// One release line (`1.2.x`) of the index.
final class LineGroup: Sendable {
    let line: String
    let releases: [ReleaseSummary]

    init(line: String, releases: [ReleaseSummary]) {
        self.line = line
        self.releases = releases
    }
}

/// A release in full: its page, its Markdown notes, a changelog section.
final class ReleaseDetail: Sendable {
    let head: ReleaseSummary
    /// The release record's body, rendered for the audience.
    let highlights: String?
    /// Entries grouped by type, in configured order.
    let sections: [EntrySection]
    /// What the release's page shows after the highlights (`ReleaseLayout`): `sections`
    /// without `continuedSection`, the section the highlights' last `##` heading already names.
    let pageSections: [EntrySection]
    let continuedSection: EntrySection?
    /// The page's table of contents: the highlights' `##` headings and the sections.
    let toc: [TocItem]
    let hasToc: Bool
    /// `has-type-fix has-component-exports…`: what the changelog's filters keep it by.
    let filterClasses: String
    /// For candidates after the first: what is new since `previousCandidate`.
    let newSections: [EntrySection]?
    let hasNewSections: Bool
    let previousCandidate: String?
    /// Release manager, branch, sign-offs: only where this audience was given them.
    let meta: ReleaseMeta?

    init(head: ReleaseSummary, highlights: String?, sections: [EntrySection], pageSections: [EntrySection]? = nil, continuedSection: EntrySection? = nil, toc: [TocItem] = [], hasToc: Bool = false, newSections: [EntrySection]?, hasNewSections: Bool, previousCandidate: String?, meta: ReleaseMeta?) {
        self.head = head
        self.highlights = highlights
        self.sections = sections
        self.pageSections = pageSections ?? sections
        self.continuedSection = continuedSection
        self.toc = toc
        self.hasToc = hasToc
        let all = sections + (newSections ?? [])
        filterClasses = (Set(all.map { "has-type-" + $0.type }).sorted() + Set(all.flatMap { $0.groups.map { "has-component-" + $0.componentSlug } }).sorted()).joined(separator: " ")
        self.newSections = newSections
        self.hasNewSections = hasNewSections
        self.previousCandidate = previousCandidate
        self.meta = meta
    }
}

final class ReleaseMeta: Sendable {
    let releaseManager: String?
    let branch: String?
    let signOff: [SignOffView]?
    let hasSignOff: Bool

    init(releaseManager: String?, branch: String?, signOff: [SignOffView]?, hasSignOff: Bool) {
        self.releaseManager = releaseManager
        self.branch = branch
        self.signOff = signOff
        self.hasSignOff = hasSignOff
    }
}

final class SignOffView: Sendable {
    let team: String
    let state: String
    let done: Bool

    init(team: String, state: String, done: Bool) {
        self.team = team
        self.state = state
        self.done = done
    }
}

/// The entries of one type.
final class EntrySection: Sendable {
    let type: String
    let title: String
    /// The `id` of its heading, unique in any page (`v1-2-0-fix`).
    let anchor: String
    /// False for a section that continues the highlights under their own heading.
    let hasHeading: Bool
    /// A section of the site's pages (`ViewBuilder.sections(…linkable:)`).
    let linkable: Bool
    /// `has-component-exports…`: what the changelog's component filters keep it by.
    let componentClasses: String
    /// Heading levels: sections nested under "New since…" sit one level deeper.
    let level: Int
    let componentLevel: Int
    /// `##` or `###`, and the component's, for Markdown templates.
    let marks: String
    let componentMarks: String
    let groups: [ComponentGroup]
    let count: Int
    /// The section as `partials/section` renders it, once that is known to read nothing
    /// around the section (`ReusedPartials`): the release page, the changelog and the feed
    /// then show it without rendering it again.
    let relnotesReusedSection = ReusedRendering()

    init(type: String, title: String, anchor: String, hasHeading: Bool, linkable: Bool, level: Int, componentLevel: Int, marks: String, componentMarks: String, groups: [ComponentGroup], count: Int) {
        self.type = type
        self.title = title
        self.anchor = anchor
        self.hasHeading = hasHeading
        self.linkable = linkable
        componentClasses = groups.map { "has-component-" + $0.componentSlug }.joined(separator: " ")
        self.level = level
        self.componentLevel = componentLevel
        self.marks = marks
        self.componentMarks = componentMarks
        self.groups = groups
        self.count = count
    }
}

/// Entries of one component inside a section (`component` is nil for the ungrouped ones).
final class ComponentGroup: Sendable {
    let component: String?
    /// The component as a CSS class name part (`exports`), `none` for the ungrouped ones:
    /// what the component filter hides by.
    let componentSlug: String
    let entries: [EntryView]

    init(component: String?, entries: [EntryView]) {
        self.component = component
        componentSlug = component.map(ComponentGroup.slug) ?? "none"
        self.entries = entries
    }
}

final class EntryView: Sendable {
    /// The entry's stable id (`1.2.0/REL-117`).
    let id: String
    /// Unique in its page: `entry-REL-117`.
    let anchor: String
    let title: String
    let titleText: String
    let body: String?
    let tickets: [TicketView]
    let hasTickets: Bool
    let component: String?
    let breaking: Bool
    let restrictedTo: String?
    /// The candidate the entry first appeared in, when folded into a later release.
    let fromVersion: String?
    /// The entry's own fields (`extra:`) as this audience sees them.
    let extra: CustomFields?
    /// The schema's text fields no property above shows (`SchemaFieldValues`).
    let schemaValues: SchemaFieldValues

    init(id: String, anchor: String, title: String, titleText: String, body: String?, tickets: [TicketView], hasTickets: Bool, component: String?, breaking: Bool, restrictedTo: String?, fromVersion: String?, extra: CustomFields? = nil, schemaValues: SchemaFieldValues = .none) {
        self.id = id
        self.anchor = anchor
        self.title = title
        self.titleText = titleText
        self.body = body
        self.tickets = tickets
        self.hasTickets = hasTickets
        self.component = component
        self.breaking = breaking
        self.restrictedTo = restrictedTo
        self.fromVersion = fromVersion
        self.extra = extra
        self.schemaValues = schemaValues
    }
}

final class TicketView: Sendable {
    let key: String
    /// Only for audiences in `tickets.link_for`.
    let url: String?

    init(key: String, url: String?) {
        self.key = key
        self.url = url
    }
}

extension ComponentGroup {
    /// `component-<slug>` names a component's entries in CSS: its heading slug (`unnamed`
    /// when nothing of the name is left; never `none`, the ungrouped entries' class).
    static func slug(_ component: String) -> String {
        let slug = HeadingSlugs.slug(component)
        return slug.isEmpty ? "unnamed" : slug == "none" ? "none-component" : slug
    }
}
