import Synchronization

/// Values a one-shot command leaves to the operating system instead of freeing them.
///
/// `relnotes build` exits as soon as the site is written. Freeing a long history's
/// project and views object by object before that takes a noticeable share of the build
/// (about 0.2 s of 4 on the benchmark's large corpus) and changes nothing the user sees,
/// so the command keeps them here until the process ends. Only commands that end after one
/// run use it, never the preview.
public enum ProcessLifetime {
    private static let kept = Mutex<[any Sendable]>([])

    /// Keeps `value` alive until the process exits.
    public static func keep(_ value: any Sendable) {
        kept.withLock { $0.append(value) }
    }
}
