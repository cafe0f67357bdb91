import Foundation
import Glibc
import NIOCore

/// Where the preview listens, and why it cannot: the address is checked before anything is
/// bound, and a failure to bind (a port in use) is said at once, before anything is built.
public struct HTTPListener: Sendable {
    /// The address as given (`--host`): an IP address, or `localhost` for 127.0.0.1.
    public let host: String
    /// The port as given (`--port`); 0 lets the system choose one.
    public let port: UInt16
    let address: SocketAddress

    /// Why the preview cannot listen.
    public struct Failure: Error, CustomStringConvertible, Equatable {
        public var description: String
    }

    /// Checks that `host` is an IP address to listen on; nothing is bound yet.
    public init(host: String, port: UInt16) throws(Failure) {
        self.host = host
        self.port = port
        do {
            address = try SocketAddress(ipAddress: host == "localhost" ? "127.0.0.1" : host, port: Int(port))
        } catch {
            throw Failure(description: "'\(host)' is not an IP address to listen on; pass --host 127.0.0.1 or another address of this machine")
        }
    }

    /// What binding failed with, said for the command line.
    func failure(_ error: any Error) -> Failure {
        switch (error as? IOError)?.errnoCode {
        case EADDRINUSE: return Failure(description: "port \(port) is in use; pass --port")
        case EADDRNOTAVAIL: return Failure(description: "\(host) is not an address of this machine; pass --host")
        case .some(let code): return Failure(description: "cannot listen on \(host):\(port): \(String(cString: strerror(code)))")
        case nil: return Failure(description: "cannot listen on \(host):\(port): \(error)")
        }
    }

    /// The address a listening channel got, with the port the system chose when asked for port 0.
    static func url(of address: SocketAddress?) -> URL? {
        guard let address, let ip = address.ipAddress, let port = address.port else { return nil }
        return URL(string: address.protocol == .inet6 ? "http://[\(ip)]:\(port)/" : "http://\(ip):\(port)/")
    }
}
