/// A release in listings (index, feed) and as the head of its own page.
struct ReleaseSummary: Sendable {
    var version: String
    /// Path from the audience root: `releases/1.2.0/`.
    var path: String
    /// Inline HTML (or Markdown, in Markdown outputs): the title, or the version when untitled.
    var title: String
    var titleText: String
    var hasTitle: Bool
    var summary: String?
    var date: String?
    var dateLong: String?
    var status: String
    var line: String
    var isLatest: Bool
    var isDraft: Bool
    var isWithdrawn: Bool
    var isCandidate: Bool
    var isUnreleased: Bool
    /// Audiences the release is limited to, when this audience sees audiences that may not see it.
    var restrictedTo: String?
    /// Whether any badge (latest, draft, candidate, withdrawn, restricted) applies.
    var hasBadges: Bool
}

/// One release line (`1.2.x`) of the index.
struct LineGroup: Sendable {
    var line: String
    var releases: [ReleaseSummary]
}

/// A release in full: its page, its Markdown notes, a changelog section.
struct ReleaseDetail: Sendable {
    var head: ReleaseSummary
    /// The release record's body, rendered for the audience.
    var highlights: String?
    /// Entries grouped by type, in configured order.
    var sections: [EntrySection]
    /// For candidates after the first: what is new since `previousCandidate`.
    var newSections: [EntrySection]?
    var hasNewSections: Bool
    var previousCandidate: String?
    /// Release manager, branch, sign-offs: only where this audience was given them.
    var meta: ReleaseMeta?
}

struct ReleaseMeta: Sendable {
    var releaseManager: String?
    var branch: String?
    var signOff: [SignOffView]?
    var hasSignOff: Bool
}

struct SignOffView: Sendable {
    var team: String
    var state: String
    var done: Bool
}

/// The entries of one type.
struct EntrySection: Sendable {
    var type: String
    var title: String
    /// Heading levels: sections nested under "New since…" sit one level deeper.
    var level: Int
    var componentLevel: Int
    /// `##` or `###`, and the component's, for Markdown templates.
    var marks: String
    var componentMarks: String
    var groups: [ComponentGroup]
    var count: Int
}

/// Entries of one component inside a section (`component` is nil for the ungrouped ones).
struct ComponentGroup: Sendable {
    var component: String?
    var entries: [EntryView]
}

struct EntryView: Sendable {
    /// The entry's stable id (`1.2.0/REL-117`).
    var id: String
    /// Unique in its page: `entry-REL-117`.
    var anchor: String
    var title: String
    var titleText: String
    var body: String?
    var tickets: [TicketView]
    var hasTickets: Bool
    var component: String?
    var breaking: Bool
    var restrictedTo: String?
    /// The candidate the entry first appeared in, when folded into a later release.
    var fromVersion: String?
}

struct TicketView: Sendable {
    var key: String
    /// Only for audiences in `tickets.link_for`.
    var url: String?
}
