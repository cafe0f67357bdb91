import Foundation
import Relnotes
import RelnotesMarkdown
import RelnotesModel

/// `/_relnotes/compare/<version>?a=…&b=…`: one release as two audiences see it, side by side,
/// with what only one of them sees, and what they see differently, highlighted. A page of
/// the preview only: `relnotes build` never writes it.
enum ComparePage {
    static let path = "/_relnotes/compare/"

    /// The address of the comparison of `version` between audiences `a` and `b`.
    static func url(version: String, a: String, b: String) -> String {
        path + percentEncoded(version) + "?a=" + percentEncoded(a) + "&b=" + percentEncoded(b)
    }

    struct Side {
        var name: String
        var title: String
        /// `nil` when this audience has no such release.
        var blocks: [PageBlock]?
    }

    static func html(version: String, a: Side, b: Side, versions: [String], audiences: [(name: String, title: String)]) -> String {
        let comparison = BlockComparison(a: a.blocks ?? [], b: b.blocks ?? [])
        let rows = comparison.rows.map { row(row: $0, a: a, b: b) }
        return PreviewPages.page(title: "\(version): \(a.title) and \(b.title) · relnotes preview", stylesheet: "/\(a.name)/assets/style.css", style: style, body: """
            <div class="compare-head">
            <h1>Release \(HTML.escape(version)) for two audiences</h1>
            \(summary(comparison, a: a, b: b))
            \(picker(version: version, a: a.name, b: b.name, versions: versions, audiences: audiences))
            </div>
            <div class="compare" role="table" aria-label="\(HTML.escape(a.title)) and \(HTML.escape(b.title))">
            <div class="compare-row compare-titles" role="row">\(columnTitle(a, version: version))\(columnTitle(b, version: version))</div>
            \(rows.joined(separator: "\n"))
            </div>
            """)
    }

    // MARK: - Pieces

    private static func summary(_ comparison: BlockComparison, a: Side, b: Side) -> String {
        var parts: [String] = []
        for (side, status) in [(a, BlockComparison.Status.onlyA), (b, .onlyB)] {
            if side.blocks == nil { parts.append("\(HTML.escape(side.title)) has no such release") }
            let count = comparison.count(status)
            if count > 0 { parts.append("\(count) \(count == 1 ? "block" : "blocks") only \(HTML.escape(side.title)) \(count == 1 ? "shows" : "show")") }
        }
        let changed = comparison.count(.changed)
        if changed > 0 { parts.append("\(changed) shown differently") }
        if parts.isEmpty { parts.append("Both audiences see the same page") }
        return "<p class=\"compare-summary\">\(parts.joined(separator: " · ")).</p>"
    }

    private static func columnTitle(_ side: Side, version: String) -> String {
        let link = side.blocks == nil ? "" : " <a href=\"/\(HTML.escape(side.name))/releases/\(HTML.escape(percentEncoded(version)))/\">the page</a>"
        return "<div class=\"compare-cell\" role=\"columnheader\"><h2>\(HTML.escape(side.title)) <code>\(HTML.escape(side.name))</code>\(link)</h2></div>"
    }

    private static func row(row: BlockComparison.Row, a: Side, b: Side) -> String {
        "<div class=\"compare-row is-\(row.status.rawValue)\" role=\"row\">" + cell(row.a, row.status, only: row.status == .onlyA ? a.title : nil, audience: a.name)
            + cell(row.b, row.status, only: row.status == .onlyB ? b.title : nil, audience: b.name) + "</div>"
    }

    private static func cell(_ block: PageBlock?, _ status: BlockComparison.Status, only title: String?, audience: String) -> String {
        guard let block else { return "<div class=\"compare-cell is-absent\" role=\"cell\" aria-label=\"not shown\"></div>" }
        let label: String
        if let title { label = "<p class=\"compare-label\">Only \(HTML.escape(title))</p>\n" }
        else if status == .changed { label = "<p class=\"compare-label\">Shown differently</p>\n" }
        else { label = "" }
        let marked = status == .same ? "" : " is-marked"
        return "<div class=\"compare-cell\(marked) kind-\(block.kind.rawValue)\" role=\"cell\" data-audience=\"\(HTML.escape(audience))\">\n\(label)<div class=\"prose\">\n\(scoped(block.html, audience: audience))</div>\n</div>"
    }

    /// A block's HTML with its ids, and the links to them, prefixed by the audience
    /// (`external--v1-2-0-fix`): both columns show the same headings and entries, and ids
    /// must be unique on the page. The blocks are relnotes' own HTML, whose attribute values
    /// are escaped, so ` id="` and `href="#` occur in tags only.
    static func scoped(_ html: String, audience: String) -> String {
        let prefix = HTML.escape(audience) + "--"
        return html.replacingOccurrences(of: " id=\"", with: " id=\"" + prefix).replacingOccurrences(of: " href=\"#", with: " href=\"#" + prefix)
    }

    /// Every release a comparison can be asked for, newest first.
    static func versions(of site: Site) -> [String] {
        (site.project.unreleased.isEmpty ? [] : ["unreleased"]) + site.project.releases.map(\.version.text)
    }

    /// The form that asks for a comparison (works without JavaScript).
    static func picker(version: String, a: String, b: String, versions: [String], audiences: [(name: String, title: String)]) -> String {
        func options(_ values: [(String, String)], selected: String) -> String {
            values.map { "<option value=\"\(HTML.escape($0.0))\"\($0.0 == selected ? " selected" : "")>\(HTML.escape($0.1))</option>" }.joined()
        }
        let names = audiences.map { ($0.name, $0.title) }
        return """
            <form class="compare-picker" method="get" action="\(path)">
            <label>Release <select name="version">\(options(versions.map { ($0, $0) }, selected: version))</select></label>
            <label>Left <select name="a">\(options(names, selected: a))</select></label>
            <label>Right <select name="b">\(options(names, selected: b))</select></label>
            <button type="submit">Compare</button>
            </form>
            """
    }

    static func percentEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(.init(charactersIn: "/?&=#+"))) ?? text
    }

    private static let style = """
        body{max-width:none;margin:0;padding:0 1rem 2rem}
        .compare-head{max-width:80rem;margin:1rem auto}
        .compare-picker{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
        .compare{max-width:80rem;margin:0 auto;display:grid;grid-template-columns:1fr 1fr;gap:0 1.5rem}
        .compare-row{display:contents}
        .compare-cell{min-width:0;padding:.25rem .75rem;border-left:4px solid transparent}
        .compare-cell.is-marked{border-left-color:#d97706;background:rgba(217,119,6,.1)}
        .is-only-a .compare-cell.is-marked,.is-only-b .compare-cell.is-marked{border-left-color:#b42318;background:rgba(180,35,24,.1)}
        .compare-cell.is-absent{border-left:4px dashed rgba(127,127,127,.4)}
        .compare-label{margin:.25rem 0;font-size:.8rem;font-weight:700;text-transform:uppercase;letter-spacing:.04em}
        .compare-cell ul.entries{margin:0;padding-left:1.25rem}
        """
}
