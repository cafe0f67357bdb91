import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `relnotes new release VERSION`: creates the release record and moves every entry of
/// `unreleased/` into the new folder.
///
/// It never loses an entry. It refuses when the version is invalid, exists already (build
/// metadata aside) or is not greater than every released version. Entries move one by one
/// with `rename(2)`, which is atomic: if the move stops halfway, every entry is whole, in
/// one of the two folders, and running the command again is refused (the version exists)
/// while `mv content/releases/unreleased/*.md content/releases/VERSION/` finishes the job.
public struct NewRelease: Sendable {
    public var version: String
    /// `YYYY-MM-DD` written into the record, for the release manager to adjust.
    public var date: String

    /// Moves one file; `rename(2)` by default. Tests replace it to interrupt a move.
    var move: @Sendable (URL, URL) throws -> Void = NewRelease.rename

    public init(version: String, date: String) {
        self.version = version
        self.date = date
    }

    /// An atomic rename: the file is in one folder or the other, never in both or neither.
    static func rename(_ source: URL, _ target: URL) throws {
        guard Glibc.rename(source.path, target.path) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
    }

    public struct Result: Sendable {
        /// Path of the new release record, relative to the root.
        public var record: String
        /// Paths of the moved entries, relative to the root, in their new folder.
        public var moved: [String]
    }

    public func create(in project: Project, root: URL) throws(DiagnosticsError) -> Result {
        let parsed: SemanticVersion
        do {
            parsed = try SemanticVersion(parsing: version)
        } catch {
            throw NewEntry.failure("'\(version)' is not a SemVer 2.0.0 version: \(error.reason)")
        }
        if let existing = project.releases.first(where: { $0.version == parsed }) {
            throw NewEntry.failure("release \(existing.version) exists already (\(existing.body.path))")
        }
        if let newest = project.releases.filter({ $0.status == .released }).map(\.version).max(), parsed <= newest {
            throw NewEntry.failure("\(version) is not greater than the released version \(newest); versions only go up")
        }
        let releases = root.appending(path: "content/releases")
        let folder = releases.appending(path: version)
        let unreleased = releases.appending(path: ProjectLoader.unreleasedFolder)
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(at: folder, withIntermediateDirectories: false)
        } catch {
            throw NewEntry.failure("cannot create content/releases/\(version)/: \(error.localizedDescription)")
        }
        // The record first, written whole before it appears under its name.
        let record = folder.appending(path: "release.md")
        do {
            try Data(recordText.utf8).write(to: record, options: .atomic)
        } catch {
            try? fileManager.removeItem(at: folder)
            throw NewEntry.failure("cannot write \(version)/release.md: \(error.localizedDescription)")
        }
        var moved: [String] = []
        let entries = FileSystem.children(of: unreleased).filter { !$0.isDirectory && $0.name.hasSuffix(".md") }
        // Says, until every entry has moved, which were to move (`check` warns while it is there).
        let marker = folder.appending(path: InterruptedMove.markerName)
        if !entries.isEmpty {
            do {
                try Data(entries.map { $0.name + "\n" }.joined().utf8).write(to: marker, options: .atomic)
            } catch {
                throw NewEntry.failure("cannot write \(version)/\(InterruptedMove.markerName): \(error.localizedDescription)")
            }
        }
        defer { if moved.count == entries.count { try? fileManager.removeItem(at: marker) } }
        for entry in entries {
            do {
                try move(entry.url, folder.appending(path: entry.name))
            } catch {
                let left = entries.count - moved.count
                throw NewEntry.failure("moved \(moved.count) of \(entries.count) entries into content/releases/\(version)/, then could not move \(entry.name): \(error.localizedDescription); the \(left) others are still in content/releases/unreleased/, every file intact: move them by hand")
            }
            moved.append("content/releases/\(version)/\(entry.name)")
        }
        return Result(record: "content/releases/\(version)/release.md", moved: moved)
    }

    /// The new record: a candidate, dated today, with the fields a release manager fills in.
    public var recordText: String {
        """
        ---
        version: \(YAMLText.quoted(version))
        status: candidate
        date: \(date)
        # title: A short headline
        # summary: One sentence for listings and feeds.
        audience: external
        internal:
          # release_manager: Your Name
          branch: release/v\(version)
          sign_off: {engineering: pending, product: pending, qa: pending, security: pending}
        ---

        """
    }
}
