import Testing

/// Problems in `relnotes.yml`, reported at the place they are written.
@Suite("Configuration diagnostics")
struct ConfigDiagnosticsTests {
    /// The diagnostics of a project whose only file is `relnotes.yml` holding `yaml`.
    static func problems(_ yaml: String) throws -> [String] {
        try InlineProject.problems(["relnotes.yml": yaml, "content/pages/.keep": ""])
    }

    @Test("an unknown audience in 'sees' is reported at the name")
    func unknownSees() throws {
        let problems = try Self.problems("""
            audiences:
              external: {title: Customers}
              internal: {title: Staff, sees: [externl]}
            """)
        #expect(problems == ["relnotes.yml:3:35: error: unknown audience 'externl' — did you mean 'external'?"])
    }

    @Test("an unknown default audience is reported at its value")
    func unknownDefault() throws {
        let problems = try Self.problems("default_audience: internl\n")
        #expect(problems == ["relnotes.yml:1:19: error: unknown audience 'internl' — did you mean 'internal'?"])
    }

    @Test("a configuration without the default audience 'internal' must name another")
    func defaultAudienceMissing() throws {
        let problems = try Self.problems("audiences:\n  public: {}\n  staff: {sees: [public]}\n")
        #expect(problems == ["relnotes.yml:1:1: error: the default audience 'internal' is not configured; set 'default_audience' to one of 'public', 'staff'"])
    }

    @Test("an unknown audience in tickets.link_for is reported at the name")
    func unknownLinkFor() throws {
        let problems = try Self.problems("""
            tickets:
              url: https://tracker.example/{key}
              link_for: [internal, staff]
            """)
        #expect(problems == ["relnotes.yml:3:24: error: unknown audience 'staff'"])
    }

    @Test("an unknown audience of a type is reported at the name")
    func unknownTypeAudience() throws {
        let problems = try Self.problems("types:\n  fix: Bug fixes\n  impact: {title: Impact, audience: ops}\n")
        #expect(problems == ["relnotes.yml:3:37: error: unknown audience 'ops'"])
    }

    @Test("unknown keys of relnotes.yml have hints", arguments: [
        ("default_audiences: internal\n", "1:1: error: unknown key 'default_audiences' in relnotes.yml — did you mean 'default_audience'?"),
        ("tickets: {url: 'https://t.example/{key}', linkfor: [internal]}\n", "1:43: error: unknown key 'linkfor' in 'tickets' — did you mean 'link_for'?"),
        ("prereleases: folded\n", "1:14: error: 'prereleases' must be one of 'fold', 'separate', not 'folded' — did you mean 'fold'?"),
    ])
    func unknownConfigKeys(yaml: String, expected: String) throws {
        #expect(try Self.problems(yaml) == ["relnotes.yml:\(expected)"])
    }

    @Test("an audience name that is a front-matter key is refused")
    func reservedAudienceName() throws {
        let problems = try Self.problems("audiences:\n  external: {}\n  title: {}\ndefault_audience: external\n")
        #expect(problems == ["relnotes.yml:3:3: error: audience name 'title' is taken by a front-matter key; choose another name"])
    }

    @Test("invalid YAML in relnotes.yml is reported at its position")
    func invalidYAML() throws {
        let problems = try Self.problems("title: Notes\naudiences: [external\n")
        #expect(problems == ["relnotes.yml:3:1: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence that starts on line 2, column 12"])
    }
}
