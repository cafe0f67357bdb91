/// `require_entry:` in `relnotes.yml`.
public struct RequireEntryConfig: Sendable, Equatable {
    /// Paths, relative to the repository, that never need an entry (`docs/`, `*.md`).
    public var exempt: [String] = []
    /// Pull-request labels (in `--label-file`) that say a change needs no entry.
    public var skipLabels = ["no-changelog"]

    public init() {}
}
