import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Values a one-shot command leaves to the operating system instead of freeing them.
///
/// `relnotes build` exits as soon as the site is written. Freeing a long history's
/// project and views object by object before that takes a noticeable share of the build
/// (about 0.2 s of 4 on the benchmark's large corpus) and changes nothing the user sees,
/// so the command keeps them here until the process ends (`check` too keeps its loaded
/// site). Only commands that end after one run use it, never the preview.
public enum ProcessLifetime {
    private static let kept = Mutex<[any Sendable]>([])

    /// Lets the C heap grow in large steps: for a command that runs once and exits, set
    /// before the process starts its threads (a thread's heap is sized when it is made).
    ///
    /// glibc makes a thread's heap usable a page range at a time, one `mprotect` per
    /// growth: a build of the benchmark's large corpus made 42,000 of them, each taking the
    /// process's memory-map lock against the other thread's page faults (0.85 s of system
    /// time in 4). With a top pad of 64 MB a new heap is usable at once (about 40 calls,
    /// 0.6 s of system time); nothing more is resident, since untouched pages stay
    /// unbacked, but freed memory goes back to the system less eagerly, so the
    /// long-running preview undoes it (`growHeapsAsNeeded`).
    public static func growHeapsInLargeSteps() {
        setTopPad(64 << 20)
    }

    /// glibc's default top pad (128 KiB) again, for a command that runs for long.
    public static func growHeapsAsNeeded() {
        setTopPad(128 << 10)
    }

    private static func setTopPad(_ bytes: Int32) {
        #if canImport(Glibc)
        // `mallopt` and `M_TOP_PAD` come from <malloc.h>, which the Glibc module leaves out.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let topPad: Int32 = -2
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: Mallopt.self)(topPad, bytes)
        #endif
    }

    /// Keeps `value` alive until the process exits.
    public static func keep(_ value: any Sendable) {
        kept.withLock { $0.append(value) }
    }
}
