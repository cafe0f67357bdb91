import Foundation
import RelnotesFiles
import RelnotesModel

/// What a project's `templates/` folder holds that relnotes does not use, said aloud:
/// a template path that is a folder, a file that is neither a template nor an asset.
enum TemplateFolder {
    static func skipped(under folder: URL, names: [String]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for name in names where !name.hasSuffix(".mustache") && !name.hasPrefix("assets/") {
            diagnostics.append(.warning("ignored-file", "'\(name)' is ignored: templates end in .mustache, and other files of the theme go under templates/assets/", at: SourceLocation(path: "templates/" + name)))
        }
        // A folder named like a template (empty or not) is never the template.
        var pending = [""]
        while let inner = pending.popLast() {
            let path = inner.isEmpty ? folder.path : folder.path + "/" + inner
            for child in FileSystem.children(ofPath: path) where child.isDirectory && !child.needsCheck {
                let relative = inner.isEmpty ? child.name : inner + "/" + child.name
                if child.name.hasSuffix(".mustache") {
                    diagnostics.append(.warning("ignored-file", "'\(relative)' is a folder, not a template file; it is ignored", at: SourceLocation(path: "templates/" + relative)))
                }
                pending.append(relative)
            }
        }
        return diagnostics
    }
}
