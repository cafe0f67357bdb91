/// The context of the announcement templates (`announcement.md`, `announcement.html`).
struct AnnouncementView: Sendable {
    var siteTitle: String
    /// The internal shape (features, fixes, known issues, impact, release management) for
    /// audiences that see the default audience; the customer shape otherwise.
    var isInternal: Bool
    var release: ReleaseSummary
    var meta: ReleaseMeta?
    /// Only the sections with something to say.
    var sections: [AnnouncementSection]
    var nothingToSay: String
}

/// One fixed section: the entries of its type, and the release body's section of that name.
struct AnnouncementSection: Sendable {
    var section: EntrySection
    var body: String?
}

/// The context of `feed.xml` (Atom 1.0).
struct FeedView: Sendable {
    var title: String
    var subtitle: String
    var id: String
    var selfURL: String
    var siteURL: String
    var updated: String
    var entries: [FeedEntry]
}

struct FeedEntry: Sendable {
    var title: String
    var id: String
    var url: String
    var updated: String
    /// HTML, escaped by the template.
    var summary: String?
    var content: String
    /// `content` escaped for the XML text it is written into, as `{{content}}` would escape
    /// it, but byte by byte: the feed's content is most of its size.
    var contentEscaped: String
    /// The release's own fields (`extra:`) as this audience sees them.
    var extra: CustomFields? = nil
}
