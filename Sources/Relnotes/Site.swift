import Foundation
import Synchronization
import RelnotesAudience
import RelnotesChecks
import RelnotesLoading
import RelnotesModel
import RelnotesRendering
import RelnotesWriting

/// A site project, loaded and checked: the pipeline's entry point.
///
/// ```swift
/// let (site, diagnostics) = Site.load(root: projectFolder)   // load → parse → check
/// let files = try site!.build(drafts: false)                 // filter → render, in memory
/// try site!.write(drafts: false, to: projectFolder.appending(path: "site"))   // … → write
/// ```
public struct Site: Sendable {
    public let root: URL
    public let project: Project
    let theme: Theme
    let bodies: BodyRenderer
    /// What the load read, for the next load to read on from; `nil` for a load not meant
    /// to be read on from (`reusable`).
    let loadCache: LoadCache?
    /// What filtering made of each release for each audience, for the next load's sites to
    /// take over (`FilterMemo`); kept along with `loadCache`.
    let filterMemo: FilterMemo?

    /// Loads and checks everything: configuration, content, Markdown structure, release
    /// rules, sensitive patterns, templates. `site` is `nil` when there are errors.
    ///
    /// Files that could not be read leave the rest checked all the same: one run reports
    /// every problem of the project, not only those of the first stage that found one.
    ///
    /// With `focus` (a version, or `unreleased`), only what that one release's notes and
    /// announcement can show is loaded and checked, with every release record
    /// (`ProjectLoader.read(root:focus:)`): `notes` and `announce` on a long history.
    ///
    /// With `previous` (an earlier load of the same project), files unchanged since are
    /// not read again, bodies unchanged are not prepared or rendered again and releases
    /// unchanged are not filtered again (`FilterMemo`), as long as `relnotes.yml` is
    /// unchanged too: the preview after a save.
    ///
    /// `changed`: the paths (relative to `root`; a folder stands for all in it) that changed
    /// since `previous` was loaded, as a watcher reported them: other files are not even
    /// looked at. `nil` looks at every file.
    ///
    /// `reusable`: the site keeps what was read for a later load to read on from (the
    /// preview); a command that loads once (`build`, `check`) skips that bookkeeping, a
    /// `stat` and a record per file.
    public static func load(root: URL, focus: String? = nil, reusing previous: Site? = nil, changed: Set<String>? = nil, reusable: Bool = false) -> (site: Site?, diagnostics: [Diagnostic]) {
        Trace.mark("loading")
        var cache: LoadCache?
        var filterMemo: FilterMemo?
        var reused: Site?
        if reusable || previous != nil {
            let configuration = LoadCache.configurationText(root: root)
            reused = previous.flatMap { $0.root == root && $0.loadCache?.configuration == configuration ? $0 : nil }
            cache = reused?.loadCache ?? LoadCache(configuration: configuration)
            cache?.trust(changed: reused == nil ? nil : changed)
            filterMemo = reused?.filterMemo ?? FilterMemo()
        }
        // The templates do not depend on the content: read and parsed while it loads.
        let themeLoad = Concurrent.start { () -> (theme: Theme?, diagnostics: [Diagnostic]) in
            let (themeFiles, themeFileProblems) = ThemeLoader.read(root: root)
            return Theme.load(themeFiles, diagnostics: themeFileProblems)
        }
        let (project, loadProblems) = ProjectLoader.read(root: root, focus: focus, cache: cache)
        Trace.mark("project read")
        guard let project else {
            _ = themeLoad.wait()
            return (nil, loadProblems)
        }
        let bodies = BodyRenderer(project: project, reusing: reused?.bodies)
        Trace.mark("bodies prepared")
        let (theme, themeProblems) = themeLoad.wait()
        var diagnostics = loadProblems + bodies.diagnostics + themeProblems + ReleaseRules.check(project) + ReleaseCycleRules.check(project)
        if !bodies.diagnostics.containsErrors {
            diagnostics += SensitivePatterns(project: project, policy: bodies.markdown.policy, prepared: { bodies.prepared[$0] }).check()
        }
        diagnostics += TicketPatternBudget.check(project)
        Trace.mark("checked")
        guard let theme, !diagnostics.containsErrors else { return (nil, diagnostics) }
        return (Site(root: root, project: project, theme: theme, bodies: bodies, loadCache: cache, filterMemo: filterMemo), diagnostics)
    }

    /// What a build will leave out and why (a feed without `base_url`): not a content
    /// problem, so `check` does not report it; `build` does.
    public var buildWarnings: [Diagnostic] { FeedBuilder.warnings(project.config) }

    /// Where the preview server serves its live-reload script.
    public static let liveReloadPath = AudienceRenderer.liveReloadPath

    /// The configured audiences, in configuration order.
    public var audiences: [AudienceDefinition] { project.config.audiences }

    /// Renders the sites of `audiences` (all when `nil`) into files under `<audience>/`.
    ///
    /// With `preview`, every page carries the preview banner and its live-reload script
    /// (`relnotes preview`); such files are for the preview server, never for `site/`.
    public func build(audiences names: [String]? = nil, drafts: Bool, preview: Bool = false) throws(DiagnosticsError) -> [OutputFile] {
        var files: [OutputFile] = []
        for audience in selected(names) {
            let rendered = Mutex<[(Int, OutputFile)]>([])
            try renderer(for: audience, drafts: drafts, preview: preview).renderAll { index, file in rendered.withLock { $0.append((index, file)) } }
            // In the order the files are listed, whichever thread finished first.
            files += rendered.withLock { $0 }.sorted { $0.0 < $1.0 }.map(\.1)
        }
        return files
    }

    /// Renders as `build(audiences:drafts:preview:)`, handing each file to `emit` as soon
    /// as it is made, from any thread: `relnotes build` writes it at once, so the site is
    /// never held in memory whole.
    public func build(audiences names: [String]? = nil, drafts: Bool, preview: Bool = false, emit: @Sendable (OutputFile) throws(DiagnosticsError) -> Void) throws(DiagnosticsError) {
        try build(audiences: names, drafts: drafts, preview: preview, emit: emit, stream: nil)
    }

    /// Renders into `staging` (`SiteWriter.write(rebuilt:configured:_:)`), each file as
    /// soon as it is made, the largest (`releases.json`) piece by piece as it is made.
    ///
    /// `exiting`: for a command that exits right after, the last audience's views are left
    /// to the operating system (`ProcessLifetime`); the others are freed as each audience
    /// is done, which keeps the peak memory that of one audience.
    public func build(audiences names: [String]? = nil, drafts: Bool, into staging: StagingFolder, exiting: Bool = false) throws(DiagnosticsError) {
        try build(audiences: names, drafts: drafts, preview: false, emit: { file throws(DiagnosticsError) in try staging.add(file) }, stream: { path, produce throws(DiagnosticsError) in
            try staging.add(path: path, streaming: produce)
        }, keepingLast: exiting)
    }

    private func build(audiences names: [String]?, drafts: Bool, preview: Bool, emit: @Sendable (OutputFile) throws(DiagnosticsError) -> Void, stream: StreamWriter?, keepingLast: Bool = false) throws(DiagnosticsError) {
        let selected = selected(names)
        // What each audience sees is picked out side by side, before any is rendered: a
        // serial step less between two audiences.
        let sites = Concurrent.map(selected) { audience in AudienceFilter(project: project).site(for: audience, includeDrafts: drafts, memo: filterMemo) }
        let freeing = DispatchGroup()
        defer { freeing.wait() }
        for (number, audience) in selected.enumerated() {
            // One audience after the other, each rendered on every core: GCD runs a
            // parallel loop nested in another one serially.
            let renderer = renderer(for: sites[number], preview: preview)
            try renderer.renderAll(emit: { _, file throws(DiagnosticsError) in try emit(file) }, stream: stream)
            Trace.mark("rendered \(audience.name)")
            if keepingLast && number == selected.count - 1 {
                ProcessLifetime.keep(renderer)
            } else if number < selected.count - 1 {
                // Freed on another thread while the next audience renders, not before it.
                Self.free(renderer, in: freeing)
            }
        }
        Trace.reportTemplates()
    }

    /// Frees `renderer` on another thread, in `group`: the caller's reference ends as it
    /// returns, before a thread has even been woken for the closure, whose reference is then
    /// the last one.
    private static func free(_ renderer: AudienceRenderer, in group: DispatchGroup) {
        DispatchQueue.global().async(group: group) { withExtendedLifetime(renderer) {} }
    }

    func selected(_ names: [String]?) -> [AudienceDefinition] {
        audiences.filter { names?.contains($0.name) ?? true }
    }

    func renderer(for audience: AudienceDefinition, drafts: Bool, preview: Bool) -> AudienceRenderer {
        renderer(for: AudienceFilter(project: project).site(for: audience, includeDrafts: drafts, memo: filterMemo), preview: preview)
    }

    /// The renderer of one audience's share of the project (`AudienceFilter`).
    func renderer(for site: AudienceSite, preview: Bool) -> AudienceRenderer {
        AudienceRenderer(site: site, config: project.config, theme: theme, bodies: bodies, previewAudiences: preview ? audiences : nil)
    }
}
