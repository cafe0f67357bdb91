import Testing
@testable import RelnotesModel

@Suite("SemVer 2.0.0 versions")
struct SemanticVersionTests {
    @Test("versions order by SemVer precedence, as semver.org lists them")
    func precedence() throws {
        let ordered = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
                       "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "1.10.0", "2.0.0"]
        let versions = try ordered.map { try SemanticVersion(parsing: $0) }
        #expect(versions.shuffled().sorted().map(\.text) == ordered)
    }

    @Test("build metadata does not make two versions different")
    func buildMetadata() throws {
        #expect(try SemanticVersion(parsing: "1.2.0+build.5") == SemanticVersion(parsing: "1.2.0"))
    }

    @Test("invalid versions are refused with the reason", arguments: [
        ("1.10", "it needs three numbers, MAJOR.MINOR.PATCH (write 1.10.0, not 1.10)"),
        ("01.2.3", "the major version '01' has a leading zero"),
        ("1.2.3-", "the pre-release part has an empty identifier"),
        ("1.2.3-rc..1", "the pre-release part has an empty identifier"),
        ("1.2.3-01", "the numeric pre-release identifier '01' has a leading zero"),
        ("1.2.3-rc_1", "the pre-release identifier 'rc_1' may hold only letters, digits and '-'"),
        ("v1.2.3", "the major version 'v1' is not a number"),
        ("1.2.99999999999999999999", "the patch version '99999999999999999999' is too large"),
        ("1.02.3", "the minor version '02' has a leading zero"),
        ("1.2.03", "the patch version '03' has a leading zero"),
        ("0.0.00", "the patch version '00' has a leading zero"),
        ("1.2.", "the patch version '' is not a number"),
        ("1..3", "the minor version '' is not a number"),
        ("1.2.3.4", "it needs three numbers, MAJOR.MINOR.PATCH (write 1.10.0, not 1.10)"),
        ("1.2.9223372036854775808", "the patch version '9223372036854775808' is too large"),
    ])
    func invalid(text: String, reason: String) {
        #expect(throws: SemanticVersionError.self) { try SemanticVersion(parsing: text) }
        do {
            _ = try SemanticVersion(parsing: text)
        } catch {
            #expect(error.reason == reason)
        }
    }

    /// The quick check of a plain `MAJOR.MINOR.PATCH` accepts what the grammar accepts.
    @Test("plain versions are accepted with their numbers", arguments: ["0.0.0", "0.10.0", "1.2.3", "10.20.30", "1.2.999999999999999999"])
    func plain(text: String) throws {
        let version = try SemanticVersion(parsing: text)
        #expect("\(version.major).\(version.minor).\(version.patch)" == text)
    }

    @Test("a candidate belongs to the line and core of its final version")
    func candidateCore() throws {
        let candidate = try SemanticVersion(parsing: "1.2.0-rc.1")
        #expect(candidate.isPrerelease)
        #expect(candidate.core.text == "1.2.0")
        #expect(candidate.line == "1.2.x")
    }

    @Test("the core of a version is MAJOR.MINOR.PATCH, as if written so", arguments: [
        ("1.2.0", "1.2.0"), ("1.2.0-rc.1", "1.2.0"), ("1.2.0-rc.1+build.5", "1.2.0"), ("1.2.0+build.5", "1.2.0"), ("0.10.3-alpha", "0.10.3"),
    ])
    func core(text: String, core: String) throws {
        let found = try SemanticVersion(parsing: text).core
        let written = try SemanticVersion(parsing: core)
        #expect(found.text == core)
        #expect(found == written && found.value.buildMetadataIdentifiers.isEmpty && !found.isPrerelease)
    }
}
