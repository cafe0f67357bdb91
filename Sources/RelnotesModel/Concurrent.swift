import Dispatch
import Foundation
import Synchronization

/// Parallel work over independent values, results in input order.
package enum Concurrent {
    /// Many small elements are handed out in runs, a few large ones one by one: either way
    /// every core stays busy without paying for a hand-over per element.
    /// `oneByOne`: every element is handed out alone, in order (large and uneven work, such
    /// as pages, the largest first).
    package static func map<Element: Sendable, Result: Sendable>(_ elements: [Element], oneByOne: Bool = false, _ transform: @Sendable (Element) -> Result) -> [Result] {
        guard elements.count > 1 else { return elements.map(transform) }
        let runs = oneByOne ? elements.count : min(elements.count, max(64, ProcessInfo.processInfo.activeProcessorCount * 16))
        let results = Mutex([[Result]](repeating: [], count: runs))
        DispatchQueue.concurrentPerform(iterations: runs) { run in
            let range = (elements.count * run / runs)..<(elements.count * (run + 1) / runs)
            let mapped = elements[range].map(transform)
            results.withLock { $0[run] = mapped }
        }
        return results.withLock { $0.flatMap { $0 } }
    }

    /// `map` for a transform that can fail: the first failure in input order is thrown.
    package static func map<Element: Sendable, Value: Sendable>(_ elements: [Element], oneByOne: Bool = false, _ transform: @Sendable (Element) throws(DiagnosticsError) -> Value) throws(DiagnosticsError) -> [Value] {
        let results = map(elements, oneByOne: oneByOne) { element in Swift.Result { () throws(DiagnosticsError) in try transform(element) } }
        return try results.map { (result) throws(DiagnosticsError) in try result.get() }
    }

    /// Starts `work` on a thread of its own and returns what waits for its result: a stage
    /// that does not depend on the one the caller runs meanwhile. (A parallel loop nested in
    /// `map` would run serially; this one does not nest.)
    package static func start<Value: Sendable>(_ work: @escaping @Sendable () -> Value) -> Pending<Value> {
        let pending = Pending<Value>()
        DispatchQueue.global().async(group: pending.group) { pending.value.withLock { $0 = work() } }
        return pending
    }

    /// The result of `start`'s work, once it is done.
    package final class Pending<Value: Sendable>: Sendable {
        fileprivate let group = DispatchGroup()
        fileprivate let value = Mutex<Value?>(nil)

        /// Waits for the work to finish and returns its result.
        package func wait() -> Value {
            group.wait()
            return value.withLock { $0! }
        }
    }
}
