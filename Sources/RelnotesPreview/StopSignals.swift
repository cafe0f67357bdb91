import Dispatch
import Glibc

/// SIGTERM and SIGINT as a request to stop: the task given is cancelled (the server stops
/// listening, ends its connections and returns), and if it has not ended `grace` later — a
/// build of a large project still running, say — the process exits with status 0 anyway.
public final class StopSignals {
    private let sources: [any DispatchSourceSignal]

    public init(cancelling task: Task<Void, any Error>, grace: Duration = .seconds(2), stopping: @escaping @Sendable () -> Void) {
        sources = [SIGTERM, SIGINT].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                stopping()
                task.cancel()
                DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(Int(grace / .nanoseconds(1)))) { exit(0) }
            }
            source.resume()
            return source
        }
    }

    deinit { sources.forEach { $0.cancel() } }
}
