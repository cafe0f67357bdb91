import Foundation

/// A site project, loaded and checked: the pipeline's entry point.
///
/// ```swift
/// let (site, diagnostics) = Site.load(root: projectFolder)   // load → parse → check
/// let files = try site!.build(drafts: false)                 // filter → render, per audience
/// try SiteWriter(output: projectFolder.appending(path: "site")).write(files)
/// ```
public struct Site: Sendable {
    public let root: URL
    public let project: Project
    let theme: Theme
    let bodies: BodyRenderer

    /// Loads and checks everything: configuration, content, Markdown structure, release
    /// rules, sensitive patterns, templates. `site` is `nil` when there are errors.
    ///
    /// Files that could not be read leave the rest checked all the same: one run reports
    /// every problem of the project, not only those of the first stage that found one.
    public static func load(root: URL) -> (site: Site?, diagnostics: [Diagnostic]) {
        Trace.mark("load start")
        let (project, loadProblems) = ProjectLoader.read(root: root)
        Trace.mark("project read")
        guard let project else { return (nil, loadProblems) }
        let bodies = BodyRenderer(project: project)
        Trace.mark("bodies prepared")
        let (theme, themeProblems) = Theme.load(root: root)
        var diagnostics = loadProblems + bodies.diagnostics + themeProblems + ReleaseRules.check(project)
        if !bodies.diagnostics.containsErrors {
            diagnostics += SensitivePatterns(project: project, bodies: bodies).check()
        }
        Trace.mark("checked")
        guard let theme, !diagnostics.containsErrors else { return (nil, diagnostics) }
        return (Site(root: root, project: project, theme: theme, bodies: bodies), diagnostics)
    }

    /// What a build will leave out and why (a feed without `base_url`): not a content
    /// problem, so `check` does not report it; `build` does.
    public var buildWarnings: [Diagnostic] { FeedBuilder.warnings(project.config) }

    /// Where the preview server serves its live-reload script.
    public static let liveReloadPath = "/_relnotes/live-reload.js"

    /// The configured audiences, in configuration order.
    public var audiences: [AudienceDefinition] { project.config.audiences }

    /// Renders the sites of `audiences` (all when `nil`) into files under `<audience>/`.
    ///
    /// With `preview`, every page carries the preview banner and its live-reload script
    /// (`relnotes preview`); such files are for the preview server, never for `site/`.
    public func build(audiences names: [String]? = nil, drafts: Bool, preview: Bool = false) throws(DiagnosticsError) -> [OutputFile] {
        let filter = AudienceFilter(project: project)
        let selected = audiences.filter { names?.contains($0.name) ?? true }
        // One audience after the other, each rendered on every core: GCD runs a parallel loop
        // nested in another one serially, so the parallelism is inside an audience.
        let results = selected.map { audience -> Result<[OutputFile], DiagnosticsError> in
            let site = filter.site(for: audience, includeDrafts: drafts)
            return Result { () throws(DiagnosticsError) in
                try AudienceRenderer(site: site, config: project.config, theme: theme, bodies: bodies,
                                     previewAudiences: preview ? audiences : nil).render()
            }
        }
        Trace.dump()
        var files: [OutputFile] = []
        for result in results { files += try result.get() }
        return files
    }
}
