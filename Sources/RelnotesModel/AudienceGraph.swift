/// Who sees what: audience A sees a piece of content when the content names A, or names an
/// audience that A `sees`, transitively (SPEC: Audiences). The rules built on it (labels,
/// blocks, links, trust) are `AudiencePolicy`'s.
public struct AudienceGraph: Sendable {
    /// The configured audiences in configuration order.
    public let names: [String]
    public let defaultAudience: String
    /// Each audience and the names it sees, in configuration order. Lists, not hashed sets:
    /// a project has a handful of audiences, asked about for every release, entry, block and
    /// container, and comparing a few short names costs less than hashing one.
    private let visible: [(viewer: String, sees: [String])]

    public init(_ config: SiteConfig) {
        names = config.audiences.map(\.name)
        defaultAudience = config.defaultAudience
        var visible: [(viewer: String, sees: [String])] = []
        let direct = Dictionary(config.audiences.map { ($0.name, $0.sees) }, uniquingKeysWith: { first, _ in first })
        for name in names where !visible.contains(where: { $0.viewer == name }) {
            var seen: Set<String> = [name]
            var pending = [name]
            while let next = pending.popLast() {
                for other in direct[next] ?? [] where seen.insert(other).inserted { pending.append(other) }
            }
            visible.append((name, seen.sorted()))
        }
        self.visible = visible
    }

    /// Whether `viewer` sees content tagged with the audience `name`.
    public func sees(_ viewer: String, _ name: String) -> Bool {
        for entry in visible where entry.viewer == viewer { return entry.sees.contains(name) }
        return false
    }

    /// Whether `viewer` sees content tagged with any of `tag`'s audiences.
    public func sees(_ viewer: String, _ tag: AudienceTag) -> Bool {
        tag.names.contains { sees(viewer, $0) }
    }

    /// Whether `viewer` sees content tagged with any of `names` (all of a nesting must be visible).
    public func sees(_ viewer: String, any names: [String]) -> Bool {
        names.contains { sees(viewer, $0) }
    }
}
