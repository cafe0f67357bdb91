import Foundation

/// A one-line status on a terminal's standard error, rewritten in place; silent when
/// standard error is not a terminal (CI logs, pipes, tests).
struct Progress {
    let enabled: Bool

    func show(_ message: String) {
        guard enabled else { return }
        Standard.error.write("\r\u{1B}[2K" + message + "…")
    }

    func clear() {
        guard enabled else { return }
        Standard.error.write("\r\u{1B}[2K")
    }
}
