import Synchronization
import RelnotesModel

/// What the last filtering for each audience made of each release, for the next filtering
/// of the same project after an edit (the preview): a release equal to the one filtered
/// then, with equal candidates, is taken over as it was made instead of being cut again.
///
/// A release's share is a function of the release, the candidates of its final version,
/// the audience and the configuration alone (`AudienceFilter.visible`), so taking it over
/// gives the same value. The configuration is not compared: one memo serves loads of one
/// `relnotes.yml` only (`Site.load(reusing:)` starts a new one when it changes).
///
/// Unchanged releases compare in constant time: the load hands them over with the same
/// storage (`LoadCache`), which `==` on arrays and strings checks first.
public final class FilterMemo: Sendable {
    struct Kept: Sendable {
        let source: Release
        let candidates: [Release]
        let visible: VisibleRelease
    }

    /// By audience name, then by version: the releases of that audience's last filtering.
    private let kept = Mutex<[String: [SemanticVersion: Kept]]>([:])

    public init() {}

    func releases(seenBy viewer: String) -> [SemanticVersion: Kept] {
        kept.withLock { $0[viewer] ?? [:] }
    }

    /// Replaces what is kept for `viewer`: releases gone since are let go.
    func keep(_ releases: [SemanticVersion: Kept], seenBy viewer: String) {
        kept.withLock { $0[viewer] = releases }
    }
}
