import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RelnotesModel

/// `relnotes check --require-entry`: a change that touches files outside `content/` must add
/// or change a changelog entry, unless its paths never need one (`require_entry.exempt`), a
/// commit says `Changelog: none`, or the pull request carries a skip label.
///
/// The change is what differs between the merge base of `base` and `HEAD` and the working
/// tree, new untracked files included, as the real `git` reports it.
public struct EntryRequirement: Sendable {
    /// The site project's folder, anywhere inside a git repository.
    public var root: URL
    /// The branch or commit the change is measured from; `nil`: `origin/main`, else `main`.
    public var base: String?
    public var settings: RequireEntryConfig
    /// A file holding the pull request's labels, one a line (written by CI).
    public var labelFile: URL?

    public init(root: URL, base: String? = nil, settings: RequireEntryConfig = RequireEntryConfig(), labelFile: URL? = nil) {
        self.root = root
        self.base = base
        self.settings = settings
        self.labelFile = labelFile
    }

    /// What was found: whether the requirement holds, and why, in one sentence.
    public struct Outcome: Sendable, Equatable {
        public var satisfied: Bool
        public var reason: String
    }

    public static let trailer = "Changelog"

    public func evaluate() throws(DiagnosticsError) -> Outcome {
        let top: URL
        do {
            let path = try Git(folder: root).run(["rev-parse", "--show-toplevel"]).trimmingCharacters(in: .newlines)
            top = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        } catch {
            throw Self.failure("--require-entry needs a git repository: \(error.message)")
        }
        let git = Git(folder: top)
        let project = root.resolvingSymlinksInPath().path
        let prefix = project == top.path ? "" : String(project.dropFirst(top.path.count + 1)) + "/"
        let (reference, mergeBase) = try findBase(git)
        let changed: [String]
        do {
            changed = Git.fields(try git.run(["diff", "--name-only", "-z", "--no-renames", "--diff-filter=d", mergeBase]))
                + Git.fields(try git.run(["ls-files", "--others", "--exclude-standard", "-z"]))
        } catch {
            throw Self.failure("cannot list the changed files: \(error.message)")
        }
        let content = prefix + "content/"
        let entries = changed.filter { isEntry($0, releases: content + "releases/") }
        let needing = changed.filter { !$0.hasPrefix(content) && !isExempt($0) }
        let since = "since \(reference) (\(mergeBase.prefix(10)))"
        if needing.isEmpty {
            return Outcome(satisfied: true, reason: "no file outside \(content) that needs an entry changed \(since)")
        }
        if !entries.isEmpty {
            return Outcome(satisfied: true, reason: "\(entries.count) \(entries.count == 1 ? "entry" : "entries") added or changed \(since): \(entries.prefix(3).joined(separator: ", "))\(entries.count > 3 ? ", …" : "")")
        }
        if try optedOutByCommit(git, mergeBase: mergeBase) {
            return Outcome(satisfied: true, reason: "no entry needed: a commit \(since) says '\(Self.trailer): none'")
        }
        if let label = optedOutByLabel() {
            return Outcome(satisfied: true, reason: "no entry needed: the pull request has the label '\(label)'")
        }
        let shown = needing.prefix(5).joined(separator: ", ") + (needing.count > 5 ? ", …" : "")
        return Outcome(satisfied: false, reason: "this change touches \(needing.count) \(needing.count == 1 ? "file" : "files") outside \(content) (\(shown)) \(since) but adds or changes no entry; add one with 'relnotes new entry --type TYPE --title \"…\"', or, if it needs none, write '\(Self.trailer): none' as the last line of a commit message")
    }

    // MARK: - Parts

    /// The reference the change is measured from, and the merge base of it and `HEAD`.
    private func findBase(_ git: Git) throws(DiagnosticsError) -> (String, String) {
        let candidates = base.map { [$0] } ?? ["origin/main", "main"]
        guard let reference = candidates.first(where: { git.succeeds(["rev-parse", "--verify", "--quiet", "\($0)^{commit}"]) }) else {
            let hint = base == nil ? "neither origin/main nor main exists; pass --base REF" : "'\(base!)' is not a branch or commit of this repository"
            throw Self.failure("cannot find the base of the change: \(hint) (in CI, fetch the base branch too, e.g. actions/checkout with fetch-depth: 0)")
        }
        do {
            return (reference, try git.run(["merge-base", reference, "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines))
        } catch {
            throw Self.failure("cannot find the merge base of \(reference) and HEAD: \(error.message) (in a shallow clone, fetch more history, e.g. fetch-depth: 0)")
        }
    }

    /// A Markdown file directly in a release folder, other than its record.
    private func isEntry(_ path: String, releases: String) -> Bool {
        guard path.hasPrefix(releases) else { return false }
        let parts = path.dropFirst(releases.count).split(separator: "/")
        guard parts.count == 2, let name = parts.last else { return false }
        return name.hasSuffix(".md") && name != "release.md" && !name.hasPrefix(".") && !parts[0].hasPrefix(".")
    }

    /// Whether `path` (relative to the repository) matches an exempt pattern: `docs/` a
    /// folder, `README.md` a file or folder, `*.txt` or `tests/*` a glob whose `*` also
    /// matches `/`.
    func isExempt(_ path: String) -> Bool {
        settings.exempt.contains { pattern in
            if pattern.hasSuffix("/") { return path.hasPrefix(pattern) }
            if pattern.contains(where: { "*?[".contains($0) }) { return fnmatch(pattern, path, 0) == 0 }
            return path == pattern || path.hasPrefix(pattern + "/")
        }
    }

    private func optedOutByCommit(_ git: Git, mergeBase: String) throws(DiagnosticsError) -> Bool {
        let values: String
        do {
            values = try git.run(["log", "--format=%(trailers:key=\(Self.trailer),valueonly,separator=%x00)%x00", "\(mergeBase)..HEAD"])
        } catch {
            throw Self.failure("cannot read the commit messages: \(error.message)")
        }
        return Git.fields(values).contains { $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() == "none" }
    }

    private func optedOutByLabel() -> String? {
        guard let labelFile, let text = try? String(contentsOf: labelFile, encoding: .utf8) else { return nil }
        let skip = Set(settings.skipLabels.map { $0.lowercased() })
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.first { skip.contains($0.lowercased()) }
    }

    static func failure(_ message: String) -> DiagnosticsError {
        DiagnosticsError([.error("require-entry", message, at: nil)])
    }
}
