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
}
