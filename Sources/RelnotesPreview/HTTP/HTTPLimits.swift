import Glibc

/// What one client may cost the preview server: the size of a request head, how long it may
/// take to send it or to read the answer, and how many connections are kept at once.
///
/// The bounds are what keep one client (or a thousand idle ones) from freezing the preview
/// for everyone else: a request head is counted byte by byte as it arrives and refused as
/// soon as it is too long, a connection that stalls is closed at its deadline, and past
/// `connections` the longest-idle connection makes room for the new one (`HTTPConnectionGuard`).
public struct HTTPLimits: Sendable, Equatable {
    /// The longest request line (method, target, version) answered; longer is 414.
    public var requestLine = 8 * 1024
    /// The most bytes of header fields after the request line; more is 431.
    public var headerBytes = 16 * 1024
    /// The most header fields; more is 431.
    public var headerCount = 100
    /// How long a connection may wait between requests (and before its first byte).
    public var idle: Duration = .seconds(5)
    /// How long a client may take from the first byte of a request head to its end.
    public var headerRead: Duration = .seconds(10)
    /// How long a client may take to read one answer.
    public var write: Duration = .seconds(10)
    /// How long the rest of a refused request is read and thrown away before closing, so
    /// that the client sees the error status rather than a reset connection.
    public var drain: Duration = .seconds(2)
    /// The most connections kept open at once.
    public var connections: Int

    /// The defaults, with a connection bound of half the file descriptors the process may open
    /// (between 16 and 1,024), so that the server never runs out of them itself.
    public init() {
        var limit = rlimit()
        let available = getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 ? Int(clamping: limit.rlim_cur) : 1024
        connections = min(1024, max(16, available / 2))
    }
}
