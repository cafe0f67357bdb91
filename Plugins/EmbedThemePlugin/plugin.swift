import Foundation
import PackagePlugin

/// Embeds the package's top-level `templates/` folder — the built-in theme — into the
/// `RelnotesRendering` library as string constants, so the `relnotes` binary carries its theme
/// and works from any folder without a resource bundle beside it.
@main
struct EmbedThemePlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let themeFolder = context.package.directoryURL.appending(path: "templates")
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltinTheme.swift")
        let files = themeFiles(in: themeFolder)
        return [
            .buildCommand(
                displayName: "Embedding the built-in theme (\(files.count) files)",
                executable: try context.tool(named: "EmbedTheme").url,
                arguments: [themeFolder.path(), output.path()],
                inputFiles: files,
                outputFiles: [output]
            )
        ]
    }

    private func themeFiles(in folder: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]
        ) else { return [] }
        return walker.compactMap { $0 as? URL }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .sorted { $0.path() < $1.path() }
    }
}
