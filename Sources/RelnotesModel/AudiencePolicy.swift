/// Every rule of who sees what, in one value (SPEC: Audiences; Markdown: audience
/// containers, tracker links): the filter, the Markdown renderer, the views and the checks
/// ask it, and none of them decides on its own.
///
/// It answers for one viewing audience at a time: whether a piece tagged with some
/// audiences is visible (a release, an entry, a page, a front-matter block, a body
/// container), which per-audience blocks apply and in what order, how visible material is
/// labelled when some audience the viewer sees may not see it, whether tracker keys become
/// links, and whether the audience is trusted.
public struct AudiencePolicy: Sendable {
    /// The configured audiences and what each sees, transitively.
    public let graph: AudienceGraph
    /// The audiences whose tracker keys become links: `tickets.link_for`, none without `tickets.url`.
    private let linked: Set<String>

    public init(_ config: SiteConfig) {
        graph = AudienceGraph(config)
        linked = config.tickets.url == nil ? [] : Set(config.tickets.linkFor)
    }

    /// The configured audiences in configuration order.
    public var names: [String] { graph.names }

    // MARK: - Visibility

    /// Whether `viewer` sees a piece tagged `tag`.
    public func sees(_ viewer: String, _ tag: AudienceTag) -> Bool {
        graph.sees(viewer, tag)
    }

    /// Whether `viewer` sees a piece tagged with any of `names` (a body container).
    public func sees(_ viewer: String, any names: [String]) -> Bool {
        graph.sees(viewer, any: names)
    }

    /// Values written per audience (front-matter blocks) that `viewer` receives, from the
    /// least to the most specific: blocks of other audiences that `viewer` sees first,
    /// `viewer`'s own block last.
    /// Inlinable, as `resolve`: called for every field block of every entry, for every
    /// audience, and unspecialised across the target boundary it was a third of a preview
    /// rebuild of the large benchmark corpus.
    @inlinable
    package func applicable<Fields>(_ overrides: [AudienceOverride<Fields>], for viewer: String) -> [Fields] {
        guard !overrides.isEmpty else { return [] }
        let seen = overrides.filter { graph.sees(viewer, $0.audience) }
        return seen.filter { $0.audience != viewer }.map(\.fields) + seen.filter { $0.audience == viewer }.map(\.fields)
    }

    /// `fields` with every block `viewer` receives applied, in order.
    @inlinable
    package func resolve<Fields: Mergeable>(_ fields: Fields, _ overrides: [AudienceOverride<Fields>], for viewer: String) -> Fields {
        applicable(overrides, for: viewer).reduce(fields) { $0.merging($1) }
    }

    /// A release's fields as `viewer` receives them. A withdrawal reason reaches trusted
    /// audiences only, wherever it was written: only the internal announcement says it.
    package func releaseFields(of release: Release, for viewer: String) -> ReleaseFields {
        var fields = resolve(release.fields, release.overrides, for: viewer)
        if !isTrusted(viewer) { fields.withdrawalReason = nil }
        return fields
    }

    // MARK: - Labels, links, trust

    /// The label of a piece tagged `names` in `viewer`'s site: its audiences, when `viewer`
    /// sees it and some other audience that `viewer` sees does not ("Only for internal" in
    /// the internal view); `nil` otherwise.
    public func restriction(of names: [String], for viewer: String) -> [String]? {
        guard graph.sees(viewer, any: names) else { return nil }
        let restricted = graph.names.contains { other in other != viewer && graph.sees(viewer, other) && !graph.sees(other, any: names) }
        return restricted ? names : nil
    }

    /// Whether `viewer`'s tracker keys become links: it is in `tickets.link_for` and
    /// `tickets.url` is set; other audiences see the key as plain text.
    public func linksTickets(for viewer: String) -> Bool {
        linked.contains(viewer)
    }

    /// Trusted audiences see the default audience, where untagged content goes: they get
    /// the internal announcement shape and private sites by default; sensitive patterns
    /// are checked in everything the others see.
    public func isTrusted(_ viewer: String) -> Bool {
        graph.sees(viewer, graph.defaultAudience)
    }
}

/// Field groups that per-audience blocks can override. Usable from inlinable code
/// (`AudiencePolicy.resolve`), which is specialised where the filter calls it.
@usableFromInline
package protocol Mergeable: Sendable, Hashable {
    func merging(_ other: Self) -> Self
}

extension ReleaseFields: Mergeable {}
extension EntryFields: Mergeable {}
extension PageFields: Mergeable {}
