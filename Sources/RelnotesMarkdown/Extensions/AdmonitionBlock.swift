/// The block an admonition becomes: MkDocs' HTML (`<div class="admonition warning">`, or
/// `<details>` when collapsible), or a GitHub alert (`> [!WARNING]`) in Markdown output.
enum AdmonitionBlock {
    /// `topLevel`: the admonition stands at the top level of the body, the only place
    /// GitHub renders an alert; elsewhere Markdown output writes a block quote with the
    /// title in bold.
    static func make(_ admonition: Admonition, body: String, format: MarkupFormat, topLevel: Bool) -> CmarkNode {
        switch format {
        case .html: return .custom(.customBlock, onEnter: html(admonition, body: body))
        case .markdown:
            let text = markdown(admonition, body: body, alert: topLevel)
            return topLevel ? .custom(.customBlock, onEnter: text) : .literalMarkdown(text)
        case .text: return .custom(.customBlock, onEnter: (admonition.displayTitle.map { $0 + "\n\n" } ?? "") + body)
        }
    }

    static func html(_ admonition: Admonition, body: String) -> String {
        let classes = (["admonition"] + ([admonition.kind] + admonition.classes).filter { !$0.isEmpty }).map(HTML.escape).joined(separator: " ")
        let title = admonition.displayTitle.map(HTML.escape)
        switch admonition.style {
        case .box:
            let heading = title.map { "<p class=\"admonition-title\">\($0)</p>\n" } ?? ""
            return "<div class=\"\(classes)\">\n\(heading)\(body)</div>\n"
        case .collapsed, .expanded:
            let open = admonition.style == .expanded ? " open" : ""
            return "<details class=\"\(classes)\"\(open)>\n<summary>\(title ?? "")</summary>\n\(body)</details>\n"
        }
    }

    static func markdown(_ admonition: Admonition, body: String, alert: Bool) -> String {
        var lines = alert ? ["[!\(admonition.alert)]"] : []
        if let title = admonition.displayTitle { lines.append("**\(MarkdownText.escape(title))**") }
        let bodyLines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var trimmed = bodyLines[...]
        while trimmed.last?.isEmpty == true { trimmed.removeLast() }
        if !trimmed.isEmpty { lines.append("") }
        lines += trimmed
        return lines.map { $0.isEmpty ? ">" : "> \($0)" }.joined(separator: "\n")
    }
}
