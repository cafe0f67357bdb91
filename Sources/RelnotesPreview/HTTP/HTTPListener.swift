import FlyingSocks
import Foundation
import Glibc

/// The listening socket of the preview, bound before anything is built, so that a port in use
/// is said at once.
public struct HTTPListener: Sendable {
    let socket: Socket
    /// The address it listens on, with the port the system chose when asked for port 0.
    public let url: URL

    /// Why the preview cannot listen.
    public struct Failure: Error, CustomStringConvertible, Equatable {
        public var description: String
    }

    public init(host: String, port: UInt16) throws(Failure) {
        let address: any SocketAddress
        do {
            if host == "localhost" { address = try sockaddr_in.inet(ip4: "127.0.0.1", port: port) }
            else if host.contains(":") { address = try sockaddr_in6.inet6(ip6: host, port: port) }
            else { address = try sockaddr_in.inet(ip4: host, port: port) }
        } catch {
            throw Failure(description: "'\(host)' is not an IP address to listen on; pass --host 127.0.0.1 or another address of this machine")
        }
        do {
            socket = try Socket(domain: Int32(type(of: address).family))
            try socket.setValue(true, for: .localAddressReuse)
        } catch {
            throw Failure(description: "cannot open a socket: \(error.localizedDescription)")
        }
        do {
            try socket.bind(to: address)
            try socket.listen()
        } catch {
            try? socket.close()
            if case let SocketError.failed(_, code, _) = error, code == EADDRINUSE {
                throw Failure(description: "port \(port) is in use; pass --port")
            }
            if case let SocketError.failed(_, code, message) = error {
                throw Failure(description: code == EADDRNOTAVAIL ? "\(host) is not an address of this machine; pass --host" : "cannot listen on \(host):\(port): \(message)")
            }
            throw Failure(description: "cannot listen on \(host):\(port): \(error.localizedDescription)")
        }
        url = (try? socket.sockname()).map(Self.url(of:)) ?? URL(string: "http://\(host):\(port)/")!
    }

    /// Stops listening; `serve` closes it itself when it ends.
    public func close() { try? socket.close() }

    static func url(of address: Socket.Address) -> URL {
        switch address {
        case let .ip4(host, port): return URL(string: "http://\(host):\(port)/")!
        case let .ip6(host, port): return URL(string: "http://[\(host)]:\(port)/")!
        case let .unix(path): return URL(fileURLWithPath: path)
        }
    }
}
