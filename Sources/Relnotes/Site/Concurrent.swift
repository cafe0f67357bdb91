import Dispatch
import Synchronization

/// Parallel work over independent values, results in input order.
enum Concurrent {
    static func map<Element: Sendable, Result: Sendable>(_ elements: [Element], _ transform: @Sendable (Element) -> Result) -> [Result] {
        guard elements.count > 1 else { return elements.map(transform) }
        let results = Mutex([Result?](repeating: nil, count: elements.count))
        DispatchQueue.concurrentPerform(iterations: elements.count) { index in
            let result = transform(elements[index])
            results.withLock { $0[index] = result }
        }
        return results.withLock { $0.map { $0! } }
    }

    /// `map` for a transform that can fail: the first failure in input order is thrown.
    static func map<Element: Sendable, Value: Sendable>(_ elements: [Element], _ transform: @Sendable (Element) throws(DiagnosticsError) -> Value) throws(DiagnosticsError) -> [Value] {
        let results = map(elements) { element in Swift.Result { () throws(DiagnosticsError) in try transform(element) } }
        return try results.map { (result) throws(DiagnosticsError) in try result.get() }
    }
}
