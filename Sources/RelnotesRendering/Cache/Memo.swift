import Synchronization
import RelnotesModel

/// A value made once, by whichever thread asks first; the others wait for it.
package final class Memo<Value: Sendable>: Sendable {
    private let state = Mutex<Result<Value, DiagnosticsError>?>(nil)

    package init() {}

    package func value(_ make: () -> Value) -> Value {
        state.withLock { state in
            if case .success(let value)? = state { return value }
            let value = make()
            state = .success(value)
            return value
        }
    }

    func value(_ make: () throws(DiagnosticsError) -> Value) throws(DiagnosticsError) -> Value {
        try state.withLock { state in
            if let state { return state }
            let made = Result { () throws(DiagnosticsError) in try make() }
            state = made
            return made
        }.get()
    }
}
