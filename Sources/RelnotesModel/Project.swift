/// A loaded site project: configuration and all content, before any audience filtering.
public struct Project: Sendable {
    public var config: SiteConfig
    /// Every release, newest first by SemVer precedence.
    public var releases: [Release]
    /// Entries of `content/releases/unreleased/`, not yet assigned to a version.
    public var unreleased: [Entry]
    /// Pages in slug order.
    public var pages: [Page]

    public init(config: SiteConfig, releases: [Release], unreleased: [Entry], pages: [Page]) {
        self.config = config
        // Indices are sorted, not the releases: a release is a large value, and the sort
        // would copy it at every step. The same comparisons give the same order.
        let versions = releases.map { $0.version }
        self.releases = versions.indices.sorted { versions[$0] > versions[$1] }.map { releases[$0] }
        self.unreleased = unreleased
        self.pages = pages.sorted { $0.slug < $1.slug }
    }
}
