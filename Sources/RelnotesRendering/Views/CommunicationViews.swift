import RelnotesModel

/// The context of the announcement templates (`announcement.md`, `announcement.html`,
/// `announcement.txt`).
struct AnnouncementView: Sendable {
    /// Plain text: the `Subject:` line, and the HTML document's `<title>`.
    var subject: String
    /// `product` of `relnotes.yml` (default: the site title).
    var product: String
    /// The internal shape (features, fixes, known issues, impact, release management) for
    /// audiences that see the default audience; the customer shape otherwise.
    var isInternal: Bool
    var release: ReleaseSummary
    /// One sentence on the release's state ("Released on March 10, 2026.").
    var status: String?
    /// The published page of the release, for released versions when `base_url` is set.
    var link: AnnouncementLink?
    var meta: ReleaseMeta?
    /// Why the release was withdrawn: internal shape only.
    var withdrawalReason: String?
    /// The release body outside the shape's sections: text, then its other `##` sections.
    var introduction: [AnnouncementPart]
    /// Only the sections with something to say, "Other changes" last.
    var sections: [AnnouncementSection]
    var nothingToSay: String
}

/// A part of the release body: the text before its first `##` heading, or one section.
struct AnnouncementPart: Sendable {
    var heading: String?
    /// `-` as long as the heading, for the plain-text form.
    var underline: String?
    var text: String
}

/// One section of the shape: the body's section of that name, then the entries.
struct AnnouncementSection: Sendable {
    var title: String
    var body: String?
    var items: [AnnouncementItem]
    var hasItems: Bool
}

/// One entry in an announcement, without per-audience labels: the whole message is for
/// one audience.
struct AnnouncementItem: Sendable {
    var entry: EntryView
    /// The type's title, for types listed with others (`Security`).
    var label: String?
    /// The entry's body, indented to continue its list item in Markdown and text.
    var body: String?
    /// Whether a component or tickets follow the title.
    var hasDetails: Bool
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
