import Foundation
import Synchronization
enum Trace {
    static let totals = Mutex<[String: Duration]>([:])
    static func add(_ name: String, _ d: Duration) { guard enabled else { return }; totals.withLock { $0[name, default: .zero] += d } }
    static func dump() { guard enabled else { return }; for (k, v) in totals.withLock({ $0 }).sorted(by: { $0.value > $1.value }) { mark("\(k): \(v)") } }

    static let enabled = ProcessInfo.processInfo.environment["RELNOTES_TRACE"] != nil
    static let start = Date()
    static func mark(_ what: String) {
        guard enabled else { return }
        let statm = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8))?.split(separator: " ") ?? []
        let rss = statm.count > 1 ? (Int(statm[1]) ?? 0) * 4096 / 1_048_576 : 0
        FileHandle.standardError.write("[\(String(format: "%.3f", Date().timeIntervalSince(start)))] [\(rss) MB] \(what)\n".data(using: .utf8)!)
    }
}
