import Testing
@testable import RelnotesModel

@Suite("Who sees what")
struct AudienceGraphTests {
    /// public ← partner ← staff, and an unrelated audit audience.
    static let config: SiteConfig = {
        var config = SiteConfig()
        config.audiences = [
            AudienceDefinition(name: "public", title: "Public"),
            AudienceDefinition(name: "partner", title: "Partners", sees: ["public"]),
            AudienceDefinition(name: "staff", title: "Staff", sees: ["partner"]),
            AudienceDefinition(name: "audit", title: "Audit"),
        ]
        config.defaultAudience = "staff"
        return config
    }()

    @Test("an audience sees its own content and, transitively, what the audiences it sees see", arguments: [
        ("staff", ["public", "partner", "staff"]),
        ("partner", ["public", "partner"]),
        ("public", ["public"]),
        ("audit", ["audit"]),
    ])
    func transitive(viewer: String, visible: [String]) {
        let graph = AudienceGraph(Self.config)
        #expect(graph.names.filter { graph.sees(viewer, $0) } == Self.config.audiences.map(\.name).filter(visible.contains))
    }

    @Test("a piece tagged with several audiences is seen by anyone who sees one of them")
    func tagWithSeveral() {
        let graph = AudienceGraph(Self.config)
        let tag = AudienceTag(["partner", "audit"])
        #expect(graph.names.filter { graph.sees($0, tag) } == ["partner", "staff", "audit"])
    }

    @Test("a tag left empty by a misspelt audience is seen by no one")
    func emptyTag() {
        let graph = AudienceGraph(Self.config)
        #expect(!graph.names.contains { graph.sees($0, AudienceTag([])) })
    }

    @Test("cycles in 'sees' end: two audiences that see each other see the same")
    func cycle() {
        var config = SiteConfig()
        config.audiences = [
            AudienceDefinition(name: "external", title: "A", sees: ["internal"]),
            AudienceDefinition(name: "internal", title: "B", sees: ["external"]),
        ]
        let graph = AudienceGraph(config)
        #expect(graph.sees("external", "internal") && graph.sees("internal", "external"))
    }

    @Test("only audiences that see the default audience are trusted")
    func trusted() {
        let policy = AudiencePolicy(Self.config)
        #expect(policy.names.filter(policy.isTrusted) == ["staff"])
    }

    @Test("an audience's own block is applied after the blocks of audiences it sees")
    func blockOrder() {
        let policy = AudiencePolicy(Self.config)
        let location = SourceLocation(path: "x.md")
        let overrides = [
            AudienceOverride(audience: "staff", fields: "staff", location: location),
            AudienceOverride(audience: "partner", fields: "partner", location: location),
            AudienceOverride(audience: "audit", fields: "audit", location: location),
        ]
        #expect(policy.applicable(overrides, for: "staff") == ["partner", "staff"])
        #expect(policy.applicable(overrides, for: "partner") == ["partner"])
        #expect(policy.applicable(overrides, for: "public").isEmpty)
    }

    @Test("a piece is labelled with its audiences where an audience the viewer sees may not see it")
    func restrictionLabels() {
        let policy = AudiencePolicy(Self.config)
        #expect(policy.restriction(of: ["staff"], for: "staff") == ["staff"])
        #expect(policy.restriction(of: ["partner"], for: "staff") == ["partner"])
        #expect(policy.restriction(of: ["public"], for: "staff") == nil)
        #expect(policy.restriction(of: ["staff"], for: "public") == nil)
    }

    @Test("tracker keys become links for the audiences of link_for, and only with a url")
    func trackerLinks() {
        var config = Self.config
        config.tickets.linkFor = ["staff"]
        #expect(!AudiencePolicy(config).linksTickets(for: "staff"))
        config.tickets.url = "https://tracker.example/{key}"
        let policy = AudiencePolicy(config)
        #expect(policy.linksTickets(for: "staff") && !policy.linksTickets(for: "public"))
    }
}
