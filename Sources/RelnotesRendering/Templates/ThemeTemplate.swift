import RelnotesModel

/// One template of a theme as the checks see it: its name (`partials/entry`), the file it
/// came from (`templates/partials/entry.mustache`, or the built-in theme's), and its tags.
struct ThemeTemplate: Sendable {
    var name: String
    var path: String
    var tree: TemplateTree

    /// A template of the project's own `templates/` folder, not of the built-in theme.
    var isOverride: Bool { !path.hasPrefix(Theme.builtinPrefix) }

    func location(of tag: TemplateTree.Tag) -> SourceLocation {
        SourceLocation(path: path, line: tag.line, column: tag.column)
    }
}

extension Array where Element == TemplateTree.Tag {
    /// Calls `visit` with every tag, inside sections too, and how deeply it is nested.
    func forEachTag(level: Int = 0, _ visit: (TemplateTree.Tag, Int) -> Void) {
        for tag in self {
            visit(tag, level)
            tag.children.forEachTag(level: level + 1, visit)
        }
    }
}
