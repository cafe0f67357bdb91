import Foundation
import RelnotesLoading
import RelnotesModel

/// `relnotes init [DIR]`: a new site project that passes `check`, builds, and shows in
/// `preview` as it is.
///
/// It writes a commented `relnotes.yml` holding every option at its default, one example
/// entry in `content/releases/unreleased/`, a release-process page and a `.gitignore` for
/// the output folders. It refuses a folder that is a project already (one holding
/// `relnotes.yml` or `content/`) and never overwrites a file: an existing `.gitignore` is
/// left alone and named in `Result.notWritten`.
public struct InitProject: Sendable {
    public init() {}

    public struct Result: Sendable {
        /// Paths written, relative to the project folder, in the order written.
        public var created: [String]
        /// Paths that existed already and were left as they were.
        public var notWritten: [String]
    }

    /// Creates the project in `root` (made if missing).
    public func create(at root: URL) throws(DiagnosticsError) -> Result {
        for marker in [ConfigLoader.fileName, "content"] where FileManager.default.fileExists(atPath: root.appending(path: marker).path) {
            throw DiagnosticsError([.error("exists", "\(marker) exists already: \(root.path) is a relnotes project; relnotes init never overwrites a file, and changed nothing", at: nil)])
        }
        let all = InitFiles.all
        let kept = NewFiles(all).existing(under: root)
        let files = NewFiles(all.filter { !kept.contains($0.path) })
        try files.write(under: root, what: "relnotes init")
        return Result(created: files.files.map(\.path), notWritten: kept)
    }

    /// What to do next, and the CI snippet, as `relnotes init` prints them.
    public static let nextSteps = """
        Next steps:
          relnotes check                 # validate the content
          relnotes preview               # every audience's notes, drafts included, at http://127.0.0.1:8000/
          relnotes new entry --type fix --title "What changed, for the reader" --audience external
          relnotes build                 # site/<audience>/ for publishing

        In CI, check the notes on every change, and require an entry in each pull request.
        GitHub Actions:

          - uses: actions/checkout@v4
            with: {fetch-depth: 0}       # the base branch, for --require-entry
          - run: relnotes check
          - run: relnotes check --require-entry --base origin/${{ github.base_ref }}
            if: github.event_name == 'pull_request'

        Any other CI: run `relnotes check` (exit status 1 on errors), and in merge requests
        `relnotes check --require-entry --base origin/main`. A change that needs no entry
        says so with a `Changelog: none` line in its commit message.

        """
}
