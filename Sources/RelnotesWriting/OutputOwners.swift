import Foundation

/// Which audience's site each folder of an output holds (`.relnotes-audiences`: one
/// `folder<TAB>audience` line each, `""` for the output folder itself), so that a build
/// never replaces one audience's site with another's, and never puts an audience's folder
/// inside the site of an audience built at the root of the output (`path: ""`): either
/// would publish one audience's material as another's.
struct OutputOwners {
    /// Audience by folder.
    var folders: [String: String]

    /// The owners an earlier build wrote; for an output written before they were recorded,
    /// each top-level folder of the manifest belongs to the audience of its name.
    static func read(_ output: URL, manifest: Set<String>?) -> OutputOwners {
        guard let manifest else { return OutputOwners(folders: [:]) }
        if let data = try? Data(contentsOf: output.appending(path: SiteWriter.ownersName)) {
            var folders: [String: String] = [:]
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
                let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
                if parts.count == 2 { folders[String(parts[0])] = String(parts[1]) }
            }
            return OutputOwners(folders: folders)
        }
        let top = Set(manifest.compactMap { path in path.firstIndex(of: "/").map { String(path[..<$0]) } })
        return OutputOwners(folders: Dictionary(uniqueKeysWithValues: top.map { ($0, $0) }))
    }

    /// Refuses to build `rebuilding` (audience by folder) over what this output holds.
    func check(rebuilding: [String: String], in output: URL) throws(SiteWriter.Failure) {
        for (folder, audience) in rebuilding.sorted(by: { $0.key < $1.key }) {
            let place = folder.isEmpty ? output.path : output.path + "/" + folder
            if let owner = folders[folder], owner != audience {
                throw SiteWriter.Failure("\(place) holds the site of audience '\(owner)'; building '\(audience)' there would replace it; choose another --out")
            }
            if !folder.isEmpty, let root = folders[""], rebuilding[""] == nil {
                throw SiteWriter.Failure("\(output.path) holds the site of audience '\(root)' at its root (path: \"\"); build '\(audience)' into another folder with --out")
            }
        }
    }

    /// The owners after a build of `rebuilt`, keeping those of folders still generated.
    func updated(_ rebuilt: [String: String], keeping generated: Set<String>) -> OutputOwners {
        var folders = self.folders.filter { folder, _ in
            rebuilt[""] == nil && generated.contains { $0.hasPrefix(folder + "/") }
        }
        for (folder, audience) in rebuilt { folders[folder] = audience }
        return OutputOwners(folders: folders)
    }

    func write(to url: URL) throws {
        let text = folders.sorted { $0.key < $1.key }.map { "\($0.key)\t\($0.value)\n" }.joined()
        try Data(text.utf8).write(to: url)
    }
}
