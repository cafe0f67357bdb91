import Relnotes
import RelnotesMarkdown


/// The pages the preview server makes itself: the list of audiences, the problems of a
/// failed build, and "not found". Written here rather than in the theme, so they work
/// even when the theme is what is broken.
enum PreviewPages {
    static func home(_ snapshot: PreviewSnapshot) -> String {
        let items = snapshot.audiences.map { "<li><a href=\"/\(HTML.escape($0.name))/\">\(HTML.escape($0.title))</a> <code>\(HTML.escape($0.name))</code></li>" }
        return page(title: "relnotes preview", body: """
            <h1>relnotes preview</h1>
            <p>Every audience's site, drafts included, rebuilt when content, templates or relnotes.yml change.</p>
            <ul>
            \(items.joined(separator: "\n"))
            </ul>
            \(compare(snapshot))
            \(warnings(snapshot))
            """)
    }

    static func errors(_ snapshot: PreviewSnapshot) -> String {
        let errors = snapshot.diagnostics.sortedForDisplay().filter { $0.severity == .error }
        let items = errors.map { "<li><code>\(HTML.escape($0.description))</code></li>" }
        return page(title: "Errors · relnotes preview", body: """
            <h1>The last build failed</h1>
            <p>Fix the \(errors.count == 1 ? "problem" : "\(errors.count) problems") below; this page reloads by itself when the files change.</p>
            <ol class="problems">
            \(items.joined(separator: "\n"))
            </ol>
            """)
    }

    static func notFound(path: String, snapshot: PreviewSnapshot, reason: String) -> String {
        let audiences = snapshot.audiences.map { "<a href=\"/\(HTML.escape($0.name))/\">\(HTML.escape($0.title))</a>" }
        return page(title: "Not found · relnotes preview", body: """
            <h1>Not found</h1>
            <p><code>\(HTML.escape(path))</code>: \(HTML.escape(reason))</p>
            <p>Audiences: \(audiences.joined(separator: " · "))</p>
            """)
    }

    /// A page of another audience's site, asked for in this one (the audience switch on an
    /// internal-only page): says so, and links to this audience's index and the page where it is.
    static func notVisible(audience: (name: String, title: String), path: String, others: [(name: String, title: String)], compare: [String]?) -> String {
        let elsewhere = others.map { "<a href=\"/\(HTML.escape($0.name))\(HTML.escape(path))\">\(HTML.escape($0.title))</a>" }
        let comparisons = zip(others, compare ?? []).map { "<a href=\"\(HTML.escape($1))\">compare with \(HTML.escape($0.title))</a>" }
        return page(title: "Not shown to \(audience.title) · relnotes preview", body: """
            <h1>Not shown in \(HTML.escape(audience.title))</h1>
            <p class="not-visible"><code>\(HTML.escape(path))</code> is not part of the <code>\(HTML.escape(audience.name))</code> site: only \(elsewhere.joined(separator: " and ")) \(others.count == 1 ? "shows" : "show") it.</p>
            <p><a href="/\(HTML.escape(audience.name))/">Go to the \(HTML.escape(audience.title)) index</a>\(comparisons.isEmpty ? "" : " · " + comparisons.joined(separator: " · "))</p>
            """)
    }

    /// The compare view's form: one release for two audiences, side by side.
    private static func compare(_ snapshot: PreviewSnapshot) -> String {
        guard let site = snapshot.site, snapshot.audiences.count > 1, let version = ComparePage.versions(of: site).first else { return "" }
        return "<h2>Compare audiences</h2>\n<p>One release as two audiences see it, side by side, with what only one of them sees highlighted.</p>\n"
            + ComparePage.picker(version: version, a: snapshot.audiences[0].name, b: snapshot.audiences[1].name, versions: ComparePage.versions(of: site), audiences: snapshot.audiences)
    }

    private static func warnings(_ snapshot: PreviewSnapshot) -> String {
        let warnings = snapshot.diagnostics.sortedForDisplay().filter { $0.severity == .warning }
        guard !warnings.isEmpty else { return "" }
        return "<h2>Warnings</h2>\n<ul>\n" + warnings.map { "<li><code>\(HTML.escape($0.description))</code></li>" }.joined(separator: "\n") + "\n</ul>"
    }

    /// A page of the preview's own; `stylesheet`: a site's, for pages that show its content.
    static func page(title: String, stylesheet: String? = nil, style: String = "", body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <title>\(HTML.escape(title))</title>
        \(stylesheet.map { "<link rel=\"stylesheet\" href=\"\(HTML.escape($0))\">\n" } ?? "")<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}code{font-size:.9em}.problems li{margin:.5rem 0;color:#b42318}\(style)</style>
        <script src="\(Site.liveReloadPath)" defer></script>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }
}
