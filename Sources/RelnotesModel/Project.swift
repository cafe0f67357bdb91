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
        self.releases = releases.sorted { $0.version > $1.version }
        self.unreleased = unreleased
        self.pages = pages.sorted { $0.slug < $1.slug }
    }
}
