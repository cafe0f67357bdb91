import Foundation
import RelnotesFiles
import RelnotesModel

/// Reads the project's `templates/` folder: the theme's files, whatever their text
/// holds. Rendering checks and parses them (`Theme.load`).
package enum ThemeLoader {
    package static func read(root: URL) -> (files: ThemeFiles, diagnostics: [Diagnostic]) {
        var files = ThemeFiles()
        var diagnostics: [Diagnostic] = []
        let folder = root.appending(path: "templates")
        let boundary = ProjectBoundary(root: root)
        if let refusal = boundary.refusal(atPath: folder.path, relative: "templates") { diagnostics.append(refusal) }
        var names: [String] = []
        if diagnostics.isEmpty {
            names = boundary.files(under: folder, relative: "templates", diagnostics: &diagnostics)
            diagnostics += TemplateFolder.skipped(under: folder, names: names)
        }
        for name in names {
            let url = folder.appending(path: name)
            if name.hasSuffix(".mustache") {
                do {
                    let file = try SourceFile.read(url, as: "templates/" + name)
                    files.templates[name] = (file.path, file.text)
                } catch {
                    diagnostics.append(error)
                }
            } else if name.hasPrefix("assets/") {
                if let data = try? Data(contentsOf: url) { files.assets[name] = data } else {
                    diagnostics.append(.error("unreadable-file", "cannot read this asset", at: SourceLocation(path: "templates/" + name)))
                }
            }
        }
        return (files, diagnostics)
    }
}
