import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Puts a freshly built folder in place of the old one.
enum AtomicSwap {
    /// Exchanges `new` and `old` (both existing folders) in one step where the system can
    /// (Linux `renameat2` with `RENAME_EXCHANGE`): there is no moment without a site.
    /// Elsewhere it falls back to two renames. Afterwards `new` holds the old folder.
    static func exchange(_ new: URL, _ old: URL) throws {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") {
            let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
            let exchange: UInt32 = 1 << 1  // RENAME_EXCHANGE
            if renameat2(AT_FDCWD, new.path, AT_FDCWD, old.path, exchange) == 0 { return }
        }
        #endif
        let parked = old.deletingLastPathComponent().appending(path: "." + old.lastPathComponent + ".relnotes-old")
        try? FileManager.default.removeItem(at: parked)
        try FileManager.default.moveItem(at: old, to: parked)
        do {
            try FileManager.default.moveItem(at: new, to: old)
        } catch {
            try? FileManager.default.moveItem(at: parked, to: old)
            throw error
        }
        try FileManager.default.moveItem(at: parked, to: new)
    }
}
