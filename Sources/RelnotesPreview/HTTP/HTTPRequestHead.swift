import Foundation

/// A request head as the preview reads it: method, decoded path and query, and what decides
/// how the connection goes on. Bodies are never read: a request that has one is answered and
/// its connection closed.
struct HTTPRequestHead: Sendable, Equatable {
    var method: String
    /// The decoded path, starting with `/`.
    var path: String
    /// The decoded query parameters; the first of a repeated name wins.
    var query: [String: String]
    /// HTTP/1.1 keeps the connection unless told `close`; HTTP/1.0 closes unless told `keep-alive`.
    var keepAlive: Bool
    /// Whether a body follows (`Content-Length` above 0, or `Transfer-Encoding`).
    var hasBody: Bool
    var minorVersion: Int
}

/// Why a request head is refused, as the status it is answered with.
enum HTTPRequestError: Error, Equatable {
    case badRequest(String)
    case uriTooLong
    case headersTooLarge
    case versionNotSupported

    var status: Int {
        switch self {
        case .badRequest: return 400
        case .uriTooLong: return 414
        case .headersTooLarge: return 431
        case .versionNotSupported: return 505
        }
    }
}

extension HTTPRequestHead {
    /// Parses a complete head (request line and header fields, up to the empty line), one
    /// pass over its bytes. `limits` bounds the number of fields.
    static func parse(_ head: ArraySlice<UInt8>, limits: HTTPLimits) throws(HTTPRequestError) -> HTTPRequestHead {
        var lines = head.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            line.last == UInt8(ascii: "\r") ? line.dropLast() : line
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let first = lines.first else { throw .badRequest("no request line") }
        let (method, target, minor) = try requestLine(first)
        guard lines.count - 1 <= limits.headerCount else { throw .headersTooLarge }
        var connection: [String] = []
        var lengths: Set<Int> = []
        var chunked = false
        for line in lines.dropFirst() {
            let (name, value) = try field(line)
            switch name {
            case "connection": connection += value.lowercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            case "content-length":
                guard let length = Int(value), length >= 0, value.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { throw .badRequest("bad Content-Length") }
                lengths.insert(length)
            case "transfer-encoding": chunked = true
            default: break
            }
        }
        guard lengths.count <= 1 else { throw .badRequest("conflicting Content-Length") }
        let (path, query) = try decode(target: target)
        return HTTPRequestHead(
            method: method, path: path, query: query,
            keepAlive: minor == 0 ? connection.contains("keep-alive") : !connection.contains("close"),
            hasBody: chunked || (lengths.first ?? 0) > 0,
            minorVersion: minor)
    }
}

// MARK: - Pieces

private extension HTTPRequestHead {
    static func requestLine(_ line: ArraySlice<UInt8>) throws(HTTPRequestError) -> (method: String, target: String, minor: Int) {
        let parts = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(isToken), !parts[1].isEmpty else {
            throw .badRequest("malformed request line")
        }
        let version = Array(parts[2])
        guard version.count == 8, version.starts(with: Array("HTTP/".utf8)), version[6] == UInt8(ascii: "."),
              (48...57).contains(version[5]), (48...57).contains(version[7]) else {
            throw .badRequest("malformed HTTP version")
        }
        guard version[5] == UInt8(ascii: "1") else { throw .versionNotSupported }
        guard parts[1].allSatisfy({ $0 > 32 && $0 < 127 }) else { throw .badRequest("malformed request target") }
        return (String(decoding: parts[0], as: UTF8.self), String(decoding: parts[1], as: UTF8.self), Int(version[7] - 48))
    }

    static func field(_ line: ArraySlice<UInt8>) throws(HTTPRequestError) -> (name: String, value: String) {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { throw .badRequest("header field without a colon") }
        let name = line[line.startIndex..<colon]
        guard !name.isEmpty, name.allSatisfy(isToken) else { throw .badRequest("malformed header field name") }
        let value = line[line.index(after: colon)...]
        guard value.allSatisfy({ $0 == 9 || ($0 >= 32 && $0 != 127) }) else { throw .badRequest("control character in a header field") }
        return (String(decoding: name, as: UTF8.self).lowercased(), String(decoding: value, as: UTF8.self).trimmingCharacters(in: .whitespaces))
    }

    /// The path and query of an origin-form (`/a?b`) or absolute-form (`http://host/a?b`) target.
    static func decode(target: String) throws(HTTPRequestError) -> (path: String, query: [String: String]) {
        var target = target
        if let scheme = target.range(of: "://"), target.hasPrefix("http") {
            let rest = target[scheme.upperBound...]
            target = rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? "/"
        }
        guard target.hasPrefix("/") else { throw .badRequest("the request target is not a path") }
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        guard let path = parts[0].removingPercentEncoding else { throw .badRequest("malformed percent-encoding") }
        var query: [String: String] = [:]
        for pair in parts.dropFirst().first?.split(separator: "&") ?? [] {
            let nameValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decoded = nameValue.map { $0.replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
            guard let name = decoded[0] else { throw .badRequest("malformed percent-encoding") }
            guard let value = decoded.count > 1 ? decoded[1] : "" else { throw .badRequest("malformed percent-encoding") }
            if query[name] == nil { query[name] = value }
        }
        return (path, query)
    }

    static func isToken(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return true
        default: return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }
}
