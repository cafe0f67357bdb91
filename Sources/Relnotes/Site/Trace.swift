import Foundation
enum Trace {
    static let enabled = ProcessInfo.processInfo.environment["RELNOTES_TRACE"] != nil
    static let start = Date()
    static func mark(_ what: String) {
        guard enabled else { return }
        FileHandle.standardError.write("[\(String(format: "%.3f", Date().timeIntervalSince(start)))] \(what)\n".data(using: .utf8)!)
    }
}
