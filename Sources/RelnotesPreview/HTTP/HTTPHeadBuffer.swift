/// The bytes a connection has received and not yet used, and where the next request head
/// ends in them.
///
/// Each byte is looked at once, however the head arrives (in one piece or a byte at a time),
/// and no more than `requestLine + headerBytes` bytes are held for a head: so a long URL or
/// header costs its length, never its square, and a refused head is refused as soon as it is
/// too long, without waiting for its end.
struct HTTPHeadBuffer {
    private(set) var bytes: [UInt8] = []
    let limits: HTTPLimits
    /// Bytes before this index were looked at already.
    private var scanned = 0
    /// Where the request line starts (after the empty lines RFC 9112 lets precede it) and ends (its LF).
    private var lineStart = 0
    private var lineEnd: Int?

    init(limits: HTTPLimits) { self.limits = limits }

    /// Whether nothing of a next request has arrived.
    var isEmpty: Bool { bytes.isEmpty }

    mutating func append(_ chunk: [UInt8]) { bytes += chunk }

    /// The next complete head, taken out of the buffer (what follows it stays, for the next
    /// request); `nil` while more bytes are needed.
    mutating func takeHead() throws(HTTPRequestError) -> ArraySlice<UInt8>? {
        let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        while scanned < bytes.count {
            let index = scanned
            let byte = bytes[index]
            scanned += 1
            guard let lineEnd else {
                if byte == lf || byte == cr, index == lineStart {
                    lineStart = index + 1
                } else if byte == lf {
                    guard index - lineStart <= limits.requestLine + 1 else { throw .uriTooLong }
                    self.lineEnd = index
                }
                continue
            }
            guard byte == lf else { continue }
            let ends = bytes[index - 1] == lf || (bytes[index - 1] == cr && bytes[index - 2] == lf)
            guard ends else { continue }
            guard index - lineEnd <= limits.headerBytes + 2 else { throw .headersTooLarge }
            let head = bytes[lineStart...index]
            bytes.removeFirst(index + 1)
            scanned = 0
            lineStart = 0
            self.lineEnd = nil
            return head
        }
        if let lineEnd {
            if bytes.count - lineEnd > limits.headerBytes + 2 { throw .headersTooLarge }
        } else if bytes.count - lineStart > limits.requestLine + 1 {
            throw .uriTooLong
        }
        return nil
    }
}
