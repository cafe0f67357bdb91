import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelnotesModel

/// The folder a build is written into before it replaces the output: files arrive from
/// any thread as they are rendered, each written at once with plain system calls.
///
/// An unchanged file is linked from the current site, not written anew: a rebuild then
/// creates (and the swap deletes) only what changed. No fsync per file: the folder is
/// swapped in only after every write succeeded.
public final class StagingFolder: Sendable {
    private let staging: String
    private let output: String
    private let outputURL: URL
    private let previous: Set<String>?
    private let state = Mutex(State())

    private struct State {
        var generated = Set<String>()
        var folders = Set<String>()
    }

    init(staging: URL, output: URL, previous: Set<String>?) {
        self.staging = staging.path
        self.output = output.path
        self.outputURL = output
        self.previous = previous
    }

    /// The paths written so far.
    var generated: Set<String> { state.withLock { $0.generated } }

    /// Writes one file of the site (its path relative to the output folder).
    public func add(_ file: OutputFile) throws(DiagnosticsError) {
        do {
            let target = staging + "/" + file.path
            try makeFolder(of: file.path)
            let old = output + "/" + file.path
            if previous?.contains(file.path) == true, Self.contents(of: old, equal: file.contents) {
                try link(old, to: target)
            } else {
                try Self.write(file.contents, to: target)
            }
            state.withLock { _ = $0.generated.insert(file.path) }
        } catch {
            throw Self.diagnostics(error, output: outputURL)
        }
    }

    private static func diagnostics(_ error: any Error, output: URL) -> DiagnosticsError {
        if let failure = error as? SiteWriter.Failure { return DiagnosticsError([.error("output", failure.message, at: nil)]) }
        return DiagnosticsError([.error("output", "cannot write \(output.path): \(error.localizedDescription)", at: nil)])
    }

    /// Writes one file of the site as `produce` hands over its bytes, piece by piece: a
    /// large file (`releases.json`) is never held whole. Such a file is always written.
    public func add(path: String, streaming produce: ((Data) throws(DiagnosticsError) -> Void) throws(DiagnosticsError) -> Void) throws(DiagnosticsError) {
        let target = staging + "/" + path
        let descriptor: Int32
        do {
            try makeFolder(of: path)
            descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else { throw SiteWriter.Failure("cannot write \(target)") }
        } catch {
            throw Self.diagnostics(error, output: outputURL)
        }
        defer { close(descriptor) }
        try produce { (data) throws(DiagnosticsError) in
            guard Self.write(data, to: descriptor) else { throw Self.diagnostics(SiteWriter.Failure("cannot write \(target)"), output: outputURL) }
        }
        state.withLock { _ = $0.generated.insert(path) }
    }

    /// Puts the file at `source` into the staging folder at `path` too.
    func link(_ source: String, as path: String) throws {
        try makeFolder(of: path)
        try link(source, to: staging + "/" + path)
    }

    /// An empty folder of the output, kept in the new site.
    func keepFolder(_ path: String) throws {
        try makeFolder(of: path + "/.")
    }

    // MARK: - System calls

    /// Creates the folders of `path` under the staging folder, each once.
    private func makeFolder(of path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        let folder = String(path[..<slash])
        // Under the lock: another thread must not write into a folder still being made.
        try state.withLock { state in
            guard !state.folders.contains(folder) else { return }
            try FileManager.default.createDirectory(atPath: staging + "/" + folder, withIntermediateDirectories: true)
            state.folders.insert(folder)
        }
    }

    /// A hard link (same bytes, no copy), or a copy where links are not possible. A
    /// symbolic link is linked as itself (Linux `link` does not follow it) or made again.
    private func link(_ source: String, to target: String) throws {
        if Glibc.link(source, target) != 0 {
            if OutputEntries.isLink(source) {
                try FileManager.default.createSymbolicLink(atPath: target, withDestinationPath: try FileManager.default.destinationOfSymbolicLink(atPath: source))
                return
            }
            try FileManager.default.copyItem(atPath: source, toPath: target)
        }
    }

    private static func write(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw SiteWriter.Failure("cannot write \(path)") }
        defer { close(descriptor) }
        guard write(data, to: descriptor) else { throw SiteWriter.Failure("cannot write \(path)") }
    }

    /// Writes all of `data` to an open file; false on any failure.
    private static func write(_ data: Data, to descriptor: Int32) -> Bool {
        data.withUnsafeBytes { buffer -> Bool in
            var done = 0
            while done < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + done, buffer.count - done)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                done += count
            }
            return true
        }
    }

    /// Whether the file at `path` holds exactly `data` (sizes first, so most changed files
    /// are told apart without reading them).
    private static func contents(of path: String, equal data: Data) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == data.count else { return false }
        return (try? Data(contentsOf: URL(fileURLWithPath: path))) == data
    }
}
