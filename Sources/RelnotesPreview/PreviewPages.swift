import Relnotes

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

    private static func warnings(_ snapshot: PreviewSnapshot) -> String {
        let warnings = snapshot.diagnostics.sortedForDisplay().filter { $0.severity == .warning }
        guard !warnings.isEmpty else { return "" }
        return "<h2>Warnings</h2>\n<ul>\n" + warnings.map { "<li><code>\(HTML.escape($0.description))</code></li>" }.joined(separator: "\n") + "\n</ul>"
    }

    private static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <title>\(HTML.escape(title))</title>
        <style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}code{font-size:.9em}.problems li{margin:.5rem 0;color:#b42318}</style>
        <script src="\(Site.liveReloadPath)" defer></script>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }
}
