/// One piece of a release page as an audience sees it: what the preview's compare view
/// lines up between two audiences.
public struct PageBlock: Sendable, Hashable {
    public enum Kind: String, Sendable {
        /// Version, title, badges, date, summary.
        case header
        /// Release manager, branch, sign-offs.
        case meta
        /// A top-level block of the release record's body.
        case body
        /// A section or component heading of the entries.
        case heading
        /// An entry's title, badges and tickets.
        case entry
        /// A top-level block of an entry's body.
        case entryBody
        /// The links to the previous and next release of the line.
        case neighbours
    }

    public var kind: Kind
    /// What the same block is known by in another audience's page: the entry's id, the
    /// section's type; for a body block, its text (and its entry's id).
    public var key: String
    /// The block's HTML, as the page shows it.
    public var html: String

    package init(kind: Kind, key: String, html: String) {
        self.kind = kind
        self.key = key
        self.html = html
    }
}
