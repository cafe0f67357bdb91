// Writes a Swift file holding every file of a theme folder as a string constant.
// Usage: EmbedTheme THEME_FOLDER OUTPUT.swift
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: EmbedTheme THEME_FOLDER OUTPUT.swift\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: arguments[1], isDirectory: true).standardizedFileURL
let output = URL(fileURLWithPath: arguments[2])

var files: [(name: String, text: String)] = []
if let walker = FileManager.default.enumerator(
    at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]
) {
    for case let url as URL in walker {
        guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
        let name = String(url.standardizedFileURL.path.dropFirst(folder.path.count + 1))
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            FileHandle.standardError.write(Data("error: \(url.path) is not UTF-8 text\n".utf8))
            exit(1)
        }
        files.append((name, text))
    }
}
files.sort { $0.name < $1.name }

/// A raw string literal that holds `text` exactly, whatever quotes and hashes it contains.
func literal(_ text: String) -> String {
    var hashes = "#"
    while text.contains("\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
    return "\(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)"
}

var source = """
// Generated at build time by the EmbedTheme plugin from the package's templates/ folder.
// Edit the files in templates/, not this file.

enum BuiltinTheme {
    /// Every file of the built-in theme, keyed by its path inside `templates/`.
    static let files: [String: String] = [

"""
for file in files {
    source += "        \(literal(file.name)): \(literal(file.text)),\n"
}
if files.isEmpty { source += "        :\n" }
source += "    ]\n}\n"

do {
    try source.write(to: output, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("error: cannot write \(output.path): \(error)\n".utf8))
    exit(1)
}
