/// The block an admonition becomes: MkDocs' HTML (`<div class="admonition warning">`, or
/// `<details>` when collapsible), or a GitHub alert (`> [!WARNING]`) in Markdown output.
enum AdmonitionBlock {
    static func make(_ admonition: Admonition, body: String, format: MarkupFormat) -> CmarkNode {
        switch format {
        case .html: return .custom(.customBlock, onEnter: html(admonition, body: body))
        case .markdown: return .custom(.customBlock, onEnter: markdown(admonition, body: body))
        case .text: return .custom(.customBlock, onEnter: (admonition.displayTitle.map { $0 + "\n\n" } ?? "") + body)
        }
    }

    static func html(_ admonition: Admonition, body: String) -> String {
        let classes = ([admonition.kind] + admonition.classes).map(HTML.escape).joined(separator: " ")
        let title = admonition.displayTitle.map(HTML.escape)
        switch admonition.style {
        case .box:
            let heading = title.map { "<p class=\"admonition-title\">\($0)</p>\n" } ?? ""
            return "<div class=\"admonition \(classes)\">\n\(heading)\(body)</div>\n"
        case .collapsed, .expanded:
            let open = admonition.style == .expanded ? " open" : ""
            return "<details class=\"admonition \(classes)\"\(open)>\n<summary>\(title ?? HTML.escape(admonition.kind))</summary>\n\(body)</details>\n"
        }
    }

    static func markdown(_ admonition: Admonition, body: String) -> String {
        var lines = ["[!\(admonition.alert)]"]
        if let title = admonition.displayTitle { lines.append("**\(MarkdownText.escape(title))**") }
        let bodyLines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var trimmed = bodyLines[...]
        while trimmed.last?.isEmpty == true { trimmed.removeLast() }
        if !trimmed.isEmpty { lines.append("") }
        lines += trimmed
        return lines.map { $0.isEmpty ? ">" : "> \($0)" }.joined(separator: "\n")
    }
}
