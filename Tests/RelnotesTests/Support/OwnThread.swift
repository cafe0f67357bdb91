import Foundation
import Testing

/// A task executor on one thread of its own: a serial Dispatch queue, which gets a thread
/// whenever it has work, beside the cooperative pool's one thread per core.
final class OwnThread: TaskExecutor, @unchecked Sendable {
    private let queue = DispatchQueue(label: "relnotes-tests-own-thread")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

/// Runs each test of a suite on a thread of its own (`OwnThread`) instead of Swift's
/// cooperative pool, which has one thread per core (two here). For tests that mostly wait —
/// on a browser, a server, a checker in Java, a process killed after a delay, a timeout:
/// on the pool, each such wait holds one of its two threads while the CPU idles, and every
/// test behind it waits too; and a timed test whose next step waits for a pool thread
/// behind a long build sees its timeouts stretched.
struct OnOwnThread: SuiteTrait, TestTrait, TestScoping {
    var isRecursive: Bool { true }

    /// Each test case gets the thread, not the suite around it.
    func scopeProvider(for test: Test, testCase: Test.Case?) -> OnOwnThread? {
        testCase == nil ? nil : self
    }

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        try await withTaskExecutorPreference(OwnThread()) { try await function() }
    }
}

extension Trait where Self == OnOwnThread {
    /// Each test on a thread of its own, off the cooperative pool (`OnOwnThread`).
    static var onOwnThread: Self { OnOwnThread() }
}
