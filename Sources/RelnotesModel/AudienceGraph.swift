/// Who sees what: audience A sees a piece of content when the content names A, or names an
/// audience that A `sees`, transitively (SPEC: Audiences).
public struct AudienceGraph: Sendable {
    /// The configured audiences in configuration order.
    public let names: [String]
    public let defaultAudience: String
    private let visible: [String: Set<String>]

    public init(_ config: SiteConfig) {
        names = config.audiences.map(\.name)
        defaultAudience = config.defaultAudience
        var visible: [String: Set<String>] = [:]
        let direct = Dictionary(config.audiences.map { ($0.name, $0.sees) }, uniquingKeysWith: { first, _ in first })
        for name in names {
            var seen: Set<String> = [name]
            var pending = [name]
            while let next = pending.popLast() {
                for other in direct[next] ?? [] where seen.insert(other).inserted { pending.append(other) }
            }
            visible[name] = seen
        }
        self.visible = visible
    }

    /// Whether `viewer` sees content tagged with the audience `name`.
    public func sees(_ viewer: String, _ name: String) -> Bool {
        visible[viewer]?.contains(name) ?? false
    }

    /// Whether `viewer` sees content tagged with any of `tag`'s audiences.
    public func sees(_ viewer: String, _ tag: AudienceTag) -> Bool {
        tag.names.contains { sees(viewer, $0) }
    }

    /// Whether `viewer` sees content tagged with any of `names` (all of a nesting must be visible).
    public func sees(_ viewer: String, any names: [String]) -> Bool {
        names.contains { sees(viewer, $0) }
    }

    /// Whether content tagged `names` that `viewer` sees is hidden from some other audience
    /// `viewer` sees: such material is labelled in `viewer`'s site ("Only for internal").
    public func isRestricted(_ names: [String], for viewer: String) -> Bool {
        self.names.contains { other in other != viewer && sees(viewer, other) && !sees(other, any: names) }
    }

    /// Trusted audiences see the default audience, where untagged content goes; sensitive
    /// patterns are checked in everything the others see.
    public func isTrusted(_ viewer: String) -> Bool {
        sees(viewer, defaultAudience)
    }

    /// Values written per audience, applied from the least to the most specific: blocks of
    /// other audiences that `viewer` sees first, `viewer`'s own block last.
    /// Inlinable: it is called for every field block of every entry, for every audience, and
    /// unspecialised across the target boundary it was a third of a preview rebuild.
    @inlinable
    package func applicable<Fields>(_ overrides: [AudienceOverride<Fields>], for viewer: String) -> [Fields] {
        guard !overrides.isEmpty else { return [] }
        let seen = overrides.filter { sees(viewer, $0.audience) }
        return seen.filter { $0.audience != viewer }.map(\.fields) + seen.filter { $0.audience == viewer }.map(\.fields)
    }
}
