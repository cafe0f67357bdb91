import Foundation

/// A request as the preview answers it: its method and its decoded path and query (NIO's
/// decoder and Hummingbird have read the head; the answer depends on nothing else).
struct HTTPRequestHead: Sendable, Equatable {
    var method: String
    /// The decoded path, starting with `/`.
    var path: String
    /// The decoded query parameters; the first of a repeated name wins.
    var query: [String: String]
}

extension HTTPRequestHead {
    /// The request for `method` and an origin-form target (`/a%20b?x=1`); `nil` when the target
    /// is not a path or its percent-encoding is malformed (answered 400).
    init?(method: String, target: String) {
        guard target.hasPrefix("/") else { return nil }
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        guard let path = parts[0].removingPercentEncoding else { return nil }
        var query: [String: String] = [:]
        for pair in parts.dropFirst().first?.split(separator: "&") ?? [] {
            let nameValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decoded = nameValue.map { $0.replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
            guard let name = decoded[0], let value = decoded.count > 1 ? decoded[1] : "" else { return nil }
            if query[name] == nil { query[name] = value }
        }
        self.init(method: method, path: path, query: query)
    }
}
