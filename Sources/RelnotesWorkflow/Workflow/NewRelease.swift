import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelnotesFiles
import RelnotesLoading
import RelnotesModel
import RelnotesWriting

/// `relnotes new release VERSION`: creates the release record and moves every entry of
/// `unreleased/` into the new folder.
///
/// It never loses an entry. It refuses when the version is invalid, exists already (build
/// metadata aside), is not greater than every released version, or — unless `force` —
/// is not the version `next-version` calls for. The folder appears with its whole record
/// (made under a dot-name and renamed into place). Entries move one by one
/// with `rename(2)`, which is atomic: if the move stops halfway, every entry is whole, in
/// one of the two folders, and running the command again is refused (the version exists)
/// while `mv content/releases/unreleased/*.md content/releases/VERSION/` finishes the job.
public struct NewRelease: Sendable {
    public var version: String
    /// `YYYY-MM-DD` written into the record, for the release manager to adjust.
    public var date: String
    /// Create it even though it is not the version `next-version` calls for.
    public var force = false
    /// Title, summary and release manager carried over from the previous candidate.
    var carried = ReleaseFields()

    /// Moves one file; `rename(2)` by default. Tests replace it to interrupt a move.
    var move: @Sendable (URL, URL) throws -> Void = NewRelease.rename

    public init(version: String, date: String, force: Bool = false) {
        self.version = version
        self.date = date
        self.force = force
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
        /// What the release manager should know: the version differs from `next-version`
        /// (with `--force`), what was carried over, what to do next.
        public var notes: [String] = []
    }

    /// Creates the release; with `dryRun`, only says what it would do.
    public func create(in project: Project, root: URL, dryRun: Bool = false) throws(DiagnosticsError) -> Result {
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
        var notes = try checkNextVersion(parsed, in: project)
        var release = self
        release.carried = carryOver(to: parsed, in: project, notes: &notes)
        notes.append(parsed.isPrerelease
            ? "\(version) is a release candidate (a draft): 'relnotes build --drafts' and 'relnotes preview' show it"
            : "\(version) is planned (a draft): when it ships, 'relnotes release \(version)' marks it released")
        let releases = root.appending(path: "content/releases")
        let folder = releases.appending(path: version)
        let unreleased = releases.appending(path: ProjectLoader.unreleasedFolder)
        let fileManager = FileManager.default
        let entries = FileSystem.children(of: unreleased).filter { !$0.isDirectory && $0.name.hasSuffix(".md") }
        if dryRun {
            return Result(record: "content/releases/\(version)/release.md", moved: entries.map { "content/releases/\(version)/\($0.name)" }, notes: notes)
        }
        // The folder is made with its record under a dot-name (which loading ignores) and
        // renamed into place: killed at any moment, there is no release folder without a
        // whole record.
        let staging = releases.appending(path: ".\(version).relnotes-new")
        try? fileManager.removeItem(at: staging)
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
            try AtomicFile.write(release.recordText, to: staging.appending(path: "release.md"))
            try NewRelease.rename(staging, folder)
        } catch {
            try? fileManager.removeItem(at: staging)
            throw NewEntry.failure("cannot create content/releases/\(version)/: \(error.localizedDescription)")
        }
        var moved: [String] = []
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
        return Result(record: "content/releases/\(version)/release.md", moved: moved, notes: notes)
    }

    /// Refuses, unless forced, a version other than the one `next-version` calls for
    /// (for a candidate: other than a candidate of it).
    private func checkNextVersion(_ parsed: SemanticVersion, in project: Project) throws(DiagnosticsError) -> [String] {
        guard let next = NextVersion.compute(for: project), let expected = try? SemanticVersion(parsing: next.version),
              parsed.core != expected else { return [] }
        let why = next.reasons.first.map { " (\($0.hasSuffix(":") ? String($0.dropLast()) : $0))" } ?? ""
        let message = "\(version) is not the version next-version calls for: \(expected)\(why)"
        guard force else {
            throw NewEntry.failure("\(message); the unreleased entries would move into \(version). Use 'relnotes new release \(expected)\(parsed.isPrerelease ? "-rc.N" : "")', or pass --force to create \(version) anyway")
        }
        return ["warning: " + message + "; created anyway (--force)"]
    }

    /// A candidate takes title, summary and release manager from the previous candidate
    /// of the same version.
    private func carryOver(to parsed: SemanticVersion, in project: Project, notes: inout [String]) -> ReleaseFields {
        guard parsed.isPrerelease, let previous = project.releases
            .filter({ $0.version.isPrerelease && $0.version.core == parsed.core && $0.version < parsed }).max(by: { $0.version < $1.version }) else {
            return ReleaseFields()
        }
        var carried = ReleaseFields()
        let trusted = previous.overrides.filter { $0.audience == project.config.defaultAudience }.map(\.fields)
        let fields = trusted.reduce(previous.fields) { $0.merging($1) }
        carried.title = previous.fields.title
        carried.summary = previous.fields.summary
        carried.releaseManager = fields.releaseManager
        let named = [carried.title.map { _ in "title" }, carried.summary.map { _ in "summary" }, carried.releaseManager.map { _ in "release manager" }].compactMap { $0 }
        if !named.isEmpty { notes.append("carried over from \(previous.version): \(named.joined(separator: ", ")); adjust them in the new record") }
        return carried
    }

    /// The new record: a candidate (a pre-release version) or a planned release, dated
    /// today, on the release branch of its final version (`release/v1.3.0`, or
    /// `hotfix/v1.2.1` for a patch), with the fields a release manager fills in.
    public var recordText: String {
        let parsed = try? SemanticVersion(parsing: version)
        let core = parsed?.core.text ?? version
        let branch = (parsed?.patch ?? 0) > 0 ? "hotfix/v\(core)" : "release/v\(core)"
        let line = { (key: String, value: String?, placeholder: String) in
            value.map { "\(key): \(YAMLText.quoted($0))" } ?? "# \(key): \(placeholder)"
        }
        return """
            ---
            version: \(YAMLText.quoted(version))
            status: \(parsed?.isPrerelease == true ? "candidate" : "planned")
            date: \(date)
            \(line("title", carried.title, "A short headline"))
            \(line("summary", carried.summary, "One sentence for listings and feeds."))
            audience: external
            internal:
              \(line("release_manager", carried.releaseManager, "Your Name"))
              branch: \(branch)
              sign_off: {engineering: pending, product: pending, qa: pending, security: pending}
            ---

            """
    }
}
