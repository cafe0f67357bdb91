/// Where request heads end in the bytes a connection receives, and whether one is too long:
/// the count that lets the preview answer 414 and 431 itself, in front of NIO's decoder
/// (which has one limit for both and answers it with a parse error).
///
/// Each byte is looked at once and nothing is kept but counts, however the head arrives (in
/// one piece or a byte at a time): so a long URL or header costs its length, never its
/// square, and a head is refused as soon as it is too long, without waiting for its end.
struct HTTPHeadScanner {
    let limits: HTTPLimits
    private var part = Part.start
    /// Bytes of the line being read (its CR included), and the byte before this one.
    private var line = 0
    private var previous: UInt8 = 0
    /// Bytes after the request line's LF, and the header fields ended so far.
    private var fieldBytes = 0
    private var fields = 0
    /// The last eight bytes of the request line (CRs left out), first in the highest byte.
    private var lastBytes: UInt64 = 0

    /// Whether the last request line ended in `HTTP/1.x`: NIO's decoder fails a bare LF after
    /// the version (which RFC 9112 lets a server accept) as it fails `HTTP/2.0`, and only the
    /// second is answered 505.
    private(set) var requestLineIsHTTP1 = true

    private enum Part {
        /// Before the request line: the empty lines RFC 9112 lets precede it are skipped.
        case start
        case requestLine
        case fields
    }

    enum Result: Equatable {
        /// Every byte was looked at; the head (if one began) goes on in the next bytes.
        case needsMore
        /// A head ends just before this index; scanning goes on from there.
        case head(end: Int)
        /// The head is too long: 414 (request line) or 431 (header fields).
        case refused(status: Int)
    }

    init(limits: HTTPLimits) { self.limits = limits }

    /// Looks at `bytes[start...]` up to the end of the next head.
    mutating func scan(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Result {
        let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch part {
            case .start:
                guard byte != lf && byte != cr else { continue }
                part = .requestLine
                line = 1
                lastBytes = UInt64(byte)
            case .requestLine:
                if byte == lf {
                    part = .fields
                    (line, fieldBytes, fields) = (0, 0, 0)
                    requestLineIsHTTP1 = lastBytes >> 8 == Self.http1
                } else {
                    if byte != cr { lastBytes = lastBytes << 8 | UInt64(byte) }
                    line += 1
                    if line > limits.requestLine + 1 { return .refused(status: 414) }
                }
            case .fields:
                fieldBytes += 1
                if fieldBytes > limits.headerBytes + 2 { return .refused(status: 431) }
                if byte == lf {
                    if line == 0 || (line == 1 && previous == cr) {
                        part = .start
                        return .head(end: index)
                    }
                    fields += 1
                    if fields > limits.headerCount { return .refused(status: 431) }
                    line = 0
                } else {
                    line += 1
                }
            }
            previous = byte
        }
        return .needsMore
    }

    /// `HTTP/1.` as the seven high bytes of `lastBytes`.
    private static let http1 = "HTTP/1.".utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
}
