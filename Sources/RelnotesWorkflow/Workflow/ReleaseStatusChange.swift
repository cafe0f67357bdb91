import Foundation
import RelnotesChecks
import RelnotesLoading
import RelnotesModel
import RelnotesWriting

/// `relnotes release` and `relnotes withdraw`: a release record's status changed in place,
/// atomically (`AtomicFile`), after the edited record was read back (`RecordEdit`). They
/// refuse, and say why, whenever the change is not plainly what the release manager means.
public struct ReleaseStatusChange: Sendable {
    public enum Change: Sendable, Equatable {
        /// Planned or candidate → released, on `date`.
        case release(date: String)
        /// Released → withdrawn, the reason kept for trusted audiences only.
        case withdraw(reason: String)
    }

    public var version: String
    public var change: Change
    /// Release even though sign-offs are pending or the version is a pre-release.
    public var force = false

    public init(version: String, change: Change, force: Bool = false) {
        self.version = version
        self.change = change
        self.force = force
    }

    public struct Result: Sendable {
        /// The record's path, relative to the root.
        public var record: String
        /// What changed, one line each (`status: released`).
        public var changes: [String]
        /// What to do next (the hotfix to cut after a withdrawal).
        public var next: [String]
    }

    /// Changes the record at `root`; with `dryRun`, only says what would change.
    public func apply(in project: Project, root: URL, dryRun: Bool) throws(DiagnosticsError) -> Result {
        let release = try find(in: project)
        let path = release.body.path
        let text: String
        do {
            text = try SourceFile.read(root.appending(path: path), as: path).text
        } catch {
            throw DiagnosticsError([error])
        }
        var edit = try RecordEdit(text: text, path: path)
        var changes: [String] = []
        var next: [String] = []
        switch change {
        case .release(let date):
            try checkReleasable(release)
            guard CalendarDate(date) != nil else { throw NewEntry.failure("'\(date)' is not a date written YYYY-MM-DD") }
            edit.set("status", "released")
            edit.set("date", date)
            changes = ["status: released", "date: \(date)"]
            next = ReleaseCycleRules.carriedKnownIssues(into: release.version, in: project).map { entry, candidate in
                "warning: known issue '\(entry.fields.title ?? entry.id)' of \(candidate) stays in \(release.version)'s notes; if \(release.version) fixes it, add 'resolved_in: \(release.version)' to \(entry.body.path)"
            }
            _ = try edit.verified(folder: release.version.text, config: project.config) { $0.status == .released && $0.date == date }
        case .withdraw(let reason):
            try checkWithdrawable(release)
            let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty, !reason.contains("\n") else { throw NewEntry.failure("the reason must be one non-empty line") }
            let block = project.config.defaultAudience
            edit.set("status", "withdrawn")
            try edit.set("withdrawal_reason", YAMLText.quoted(reason), in: block)
            changes = ["status: withdrawn", "\(block): withdrawal_reason: \(YAMLText.quoted(reason))"]
            _ = try edit.verified(folder: release.version.text, config: project.config) { record in
                record.status == .withdrawn && record.overrides.contains { $0.audience == block && $0.fields.withdrawalReason == reason }
            }
            let hotfix = Self.hotfix(after: release.version, in: project)
            next = [
                "the hotfix to cut next: \(hotfix) (branch hotfix/v\(hotfix))",
                "  relnotes new entry --type fix --title \"…\" --audience external",
                "  relnotes new release \(hotfix)",
            ]
        }
        if !dryRun {
            do {
                try AtomicFile.write(edit.text, to: root.appending(path: path))
            } catch {
                throw NewEntry.failure("cannot write \(path): \(error.localizedDescription); it is unchanged")
            }
        }
        return Result(record: path, changes: changes, next: next)
    }

    /// The next patch version of the withdrawn release's line that does not exist yet.
    static func hotfix(after version: SemanticVersion, in project: Project) -> String {
        let line = project.releases.map(\.version).filter { $0.major == version.major && $0.minor == version.minor }
        let patch = (line.map(\.patch).max() ?? version.patch) + 1
        return "\(version.major).\(version.minor).\(patch)"
    }

    // MARK: - Refusals

    private func find(in project: Project) throws(DiagnosticsError) -> Release {
        let wanted = try? SemanticVersion(parsing: version)
        guard let release = project.releases.first(where: { $0.version.text == version || $0.version == wanted }) else {
            let known = project.releases.map(\.version.text).joined(separator: ", ")
            throw NewEntry.failure("there is no release '\(version)'; known: \(known.isEmpty ? "none" : known)")
        }
        return release
    }

    private func checkReleasable(_ release: Release) throws(DiagnosticsError) {
        switch release.status {
        case .released:
            throw NewEntry.failure("\(release.version) is released already (\(release.date ?? "no date")); nothing to do")
        case .withdrawn:
            throw NewEntry.failure("\(release.version) was withdrawn; release a hotfix instead (relnotes next-version)")
        case .planned, .candidate:
            break
        }
        guard !force else { return }
        if release.version.isPrerelease {
            throw NewEntry.failure("\(release.version) is a release candidate of \(release.version.core); release the final version ('relnotes new release \(release.version.core)', then 'relnotes release \(release.version.core)'), or pass --force to mark the candidate itself released")
        }
        let pending = release.pendingSignOffs
        if !pending.isEmpty {
            throw NewEntry.failure("\(release.version) has sign-offs pending: \(pending.joined(separator: ", ")); get them (set them to 'yes' in \(release.body.path)) or pass --force")
        }
    }

    private func checkWithdrawable(_ release: Release) throws(DiagnosticsError) {
        switch release.status {
        case .released:
            break
        case .withdrawn:
            throw NewEntry.failure("\(release.version) is withdrawn already")
        case .planned, .candidate:
            throw NewEntry.failure("\(release.version) was never released (status \(release.status.rawValue)); only a released version can be withdrawn")
        }
    }
}
