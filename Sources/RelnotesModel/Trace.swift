import Foundation
import Synchronization

/// Where a run spends its time: with `RELNOTES_TRACE=1` in the environment, each stage of
/// the pipeline prints a line on standard error (seconds since start, resident memory),
/// and a build ends with the time spent in each template. Silent otherwise.
package enum Trace {
    static let enabled = ProcessInfo.processInfo.environment["RELNOTES_TRACE"] != nil
    private static let start = ContinuousClock.now
    private static let templates = Mutex<[String: Duration]>([:])

    /// One line: the stage just finished.
    package static func mark(_ stage: String) {
        guard enabled else { return }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        FileHandle.standardError.write(Data("[\(String(format: "%.3f", seconds)) s, \(residentMegabytes) MB] \(stage)\n".utf8))
    }

    /// Counts `duration` towards the time spent in `template` (summed over threads).
    package static func add(template: String, _ duration: Duration) {
        guard enabled else { return }
        templates.withLock { $0[template, default: .zero] += duration }
    }

    /// The time spent in each template, most first.
    package static func reportTemplates() {
        guard enabled else { return }
        for (name, duration) in templates.withLock({ $0 }).sorted(by: { $0.value > $1.value }) {
            mark("template \(name): \(duration)")
        }
    }

    private static var residentMegabytes: Int {
        let fields = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8))?.split(separator: " ") ?? []
        return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(getpagesize()) / 1_048_576 : 0
    }
}
