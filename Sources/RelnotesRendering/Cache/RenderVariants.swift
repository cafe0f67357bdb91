import RelnotesMarkdown
import RelnotesModel

/// Which renderings of a text can be shared between audiences.
///
/// A rendering depends on the audience through two things only: the audience containers
/// it sees (and, in HTML, the labels on what some audience it sees may not see), and
/// whether it gets tracker links. A text without containers therefore reads the same for
/// every audience, except that audiences in `tickets.link_for` get links — and only where
/// the text can hold a tracker key at all. Plain text (JSON, search) never has links.
struct RenderVariants: Sendable {
    enum Variant: Hashable, Sendable {
        /// The same for every audience.
        case shared
        /// With tracker links: the same for every audience that gets them.
        case linked
        /// Only for this audience (the text has audience containers).
        case audience(String)
        /// Inline Markdown as plain text, for every audience and format.
        case plainText
    }

    private let policy: AudiencePolicy
    private let keys: TrackerKeyHint

    init(config: SiteConfig, policy: AudiencePolicy) {
        self.policy = policy
        keys = TrackerKeyHint(pattern: config.tickets.pattern)
    }

    /// `mayHoldKey`: whether the text may hold a tracker key (`PreparedBodies` finds it
    /// once per text).
    func variant(of body: PreparedMarkdown, mayHoldKey: @autoclosure () -> Bool, for audience: String, as format: MarkupFormat) -> Variant {
        if body.hasContainers { return .audience(audience) }
        return variant(mayHoldKey: mayHoldKey(), for: audience, as: format)
    }

    /// Whether cmark could find a tracker key in `text` (`TrackerKeyHint`).
    func mayHoldKey(_ text: String) -> Bool { keys.mayHoldKey(text) }

    func variant(ofInline text: String, for audience: String, as format: MarkupFormat) -> Variant {
        variant(mayHoldKey: keys.mayHoldKey(text), for: audience, as: format)
    }

    /// A text without containers: the same for every audience, but for the links of those
    /// that get tracker links, where it may hold a key.
    private func variant(mayHoldKey: @autoclosure () -> Bool, for audience: String, as format: MarkupFormat) -> Variant {
        guard format != .text, policy.linksTickets(for: audience), mayHoldKey() else { return .shared }
        return .linked
    }
}
