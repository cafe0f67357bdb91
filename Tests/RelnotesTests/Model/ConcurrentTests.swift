import Synchronization
import Testing
@testable import RelnotesModel

/// `Concurrent`: parallel work whose results come back as if it had run in order.
@Suite("Concurrent work")
struct ConcurrentTests {
    @Test("map gives its results in input order, however the work was split")
    func mapKeepsOrder() {
        for count in [0, 1, 2, 63, 64, 65, 1000] {
            let values = Array(0..<count)
            #expect(Concurrent.map(values) { $0 * 3 } == values.map { $0 * 3 }, "\(count) elements")
            #expect(Concurrent.map(values, oneByOne: true) { $0 + 1 } == values.map { $0 + 1 }, "\(count) elements, one by one")
        }
    }

    @Test("work started aside runs while the caller works, even a parallel loop, and hands back its result")
    func startRunsAside() {
        let started = Mutex(false)
        let pending = Concurrent.start { () -> [Int] in
            started.withLock { $0 = true }
            return Concurrent.map(Array(0..<500)) { $0 * $0 }
        }
        let mine = Concurrent.map(Array(0..<500)) { $0 + 1 }
        let theirs = pending.wait()
        #expect(started.withLock { $0 })
        #expect(theirs == (0..<500).map { $0 * $0 })
        #expect(mine == Array(1...500))
        #expect(pending.wait() == theirs, "waiting again gives the same result")
    }
}
