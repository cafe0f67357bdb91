import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelnotesFiles
import RelnotesModel

/// The last stage: writes a built site into the output folder, all or nothing.
///
/// Files are written into a new folder beside the output, which replaces the output only
/// once everything is written; a failure leaves the previous site exactly as it was. A
/// manifest (`.relnotes-manifest`) lists what relnotes generated: files it did not generate
/// are carried over untouched, and a folder without a manifest is never replaced.
public struct SiteWriter: Sendable {
    public static let manifestName = ".relnotes-manifest"
    /// Which audience each folder of the output holds (`OutputOwners`).
    public static let ownersName = ".relnotes-audiences"

    public let output: URL

    /// The folder as given; `output` is where it leads.
    private let given: URL

    /// A symbolic link as `output` (a docroot that links to the site) is written through:
    /// the new site is made beside the link's target and swapped in there, and the link
    /// stays as it was, pointing at the new site.
    public init(output: URL) {
        given = output.standardizedFileURL
        self.output = ProjectBoundary.realPath(given.path).map { URL(fileURLWithPath: $0) } ?? given
    }

    /// Writes `files`, which replace the generated files of the folders `rebuilt` (audiences'
    /// folders: `audiences.<name>.path`, `""` for an audience at the root of the output);
    /// the generated files of other audiences from an earlier build are kept, unless
    /// `configured` (the audiences of the configuration) is given and does not name them:
    /// the folder of an audience removed from `relnotes.yml` goes with its last build.
    public func write(_ files: [OutputFile], rebuilt: [String], configured: [String]? = nil) throws(DiagnosticsError) {
        try write(rebuilt: rebuilt, configured: configured) { (staging) throws(DiagnosticsError) in
            for file in files { try staging.add(file) }
        }
    }

    /// Writes the files that `produce` hands to the staging folder as they are made (from
    /// any thread), so that a large site never has to be held in memory whole; then as
    /// `write(_:rebuilt:configured:)`. Returns how many files were written.
    @discardableResult
    ///
    /// `owners`: the audience each folder of `rebuilt` is built for; a folder that holds
    /// another audience's site from an earlier build is never replaced by it.
    public func write(rebuilt: [String], configured: [String]? = nil, owners: [String: String]? = nil, _ produce: (StagingFolder) throws(DiagnosticsError) -> Void) throws(DiagnosticsError) -> Int {
        let fileManager = FileManager.default
        let staging = output.deletingLastPathComponent().appending(path: "." + output.lastPathComponent + ".relnotes-new")
        do {
            if OutputEntries.isLink(given.path), ProjectBoundary.realPath(given.path) == nil {
                throw Failure("\(given.path) is a symbolic link to a folder that does not exist; create that folder or choose another --out")
            }
            let previous = try previousManifest()
            let previousOwners = OutputOwners.read(output, manifest: previous)
            try previousOwners.check(rebuilding: owners ?? Dictionary(uniqueKeysWithValues: rebuilt.map { ($0, $0) }), in: output)
            if FileSystem.isDirectory(staging), StagingLock(staging.path) == nil {
                throw Failure("another relnotes build is writing \(output.path) (into \(staging.lastPathComponent)/); wait for it to finish")
            }
            try? fileManager.removeItem(at: staging)
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            guard let lock = StagingLock(staging.path) else { throw Failure("another relnotes build is writing \(output.path); wait for it to finish") }
            defer { withExtendedLifetime(lock) {} }
            let folder = StagingFolder(staging: staging, output: output, previous: previous)
            do {
                try produce(folder)
            } catch {
                try? fileManager.removeItem(at: staging)
                throw error
            }
            var generated = folder.generated
            let written = generated.count
            if let previous {
                let removed = configured.map { configured in previous.audienceFolders.filter { !configured.contains($0) } } ?? []
                let replaced = rebuilt + removed
                for (path, kind) in OutputEntries.under(output) where path != Self.manifestName && path != Self.ownersName {
                    if kind == .emptyFolder {
                        try folder.keepFolder(path)
                        continue
                    }
                    let wasGenerated = previous.contains(path)
                    if wasGenerated && replaced.contains(where: { $0.isEmpty || path.hasPrefix($0 + "/") }) { continue }
                    if generated.contains(path) {
                        if wasGenerated { continue }
                        throw Failure("'\(path)' in \(output.lastPathComponent)/ was not made by relnotes and would be overwritten; move it away")
                    }
                    try folder.link(output.appending(path: path).path, as: path)
                    if wasGenerated { generated.insert(path) }
                }
            }
            let manifest = generated.sorted().joined(separator: "\n") + "\n"
            try Data(manifest.utf8).write(to: staging.appending(path: Self.manifestName))
            if let owners {
                try previousOwners.updated(owners, keeping: generated).write(to: staging.appending(path: Self.ownersName))
            }
            if previous != nil {
                try AtomicSwap.exchange(staging, output)
                try fileManager.removeItem(at: staging)
            } else {
                try? fileManager.removeItem(at: output)  // an empty folder
                try fileManager.moveItem(at: staging, to: output)
            }
            return written
        } catch let failure as Failure {
            try? fileManager.removeItem(at: staging)
            throw DiagnosticsError([.error("output", failure.message, at: nil)])
        } catch let error as DiagnosticsError {
            throw error
        } catch {
            try? fileManager.removeItem(at: staging)
            throw DiagnosticsError([.error("output", "cannot write \(output.path): \(error.localizedDescription)", at: nil)])
        }
    }

    /// The generated paths of the current output, `nil` when there is no output yet.
    /// A non-empty folder without a manifest was not made by relnotes: refuse it.
    private func previousManifest() throws -> Set<String>? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return nil }
        guard isDirectory.boolValue else { throw Failure("\(output.path) exists and is not a folder") }
        let manifest = output.appending(path: Self.manifestName)
        guard let data = try? Data(contentsOf: manifest) else {
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
            if contents.isEmpty { return nil }
            throw Failure("refusing to replace \(output.path): it was not made by relnotes (it has no \(Self.manifestName)); remove it or choose another --out")
        }
        return Set(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
    }

    struct Failure: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }
}

private extension Set where Element == String {
    /// The top-level folders of generated paths: the audiences of that build.
    var audienceFolders: [String] {
        Set(compactMap { path in path.firstIndex(of: "/").map { String(path[..<$0]) } }).sorted()
    }
}
