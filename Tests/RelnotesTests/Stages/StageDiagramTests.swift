import Foundation
import Testing

/// The stages are SwiftPM targets, so the compiler refuses a dependency that points up; these
/// tests keep the README's picture of them true and hold the rules the targets cannot say:
/// cmark behind one target, the disk behind a few.
@Suite struct StageDiagramTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Targets that may touch the disk: the file system itself, the two stages that read and
    /// write it, the commands that edit a project, the preview's watcher and server, the CLI.
    static let diskTargets: Set<String> = ["RelnotesFiles", "RelnotesLoading", "RelnotesWriting", "RelnotesWorkflow", "RelnotesPreview", "RelnotesCLI", "EmbedTheme"]

    @Test("the README's dependency diagram is the one Package.swift declares")
    func diagramMatchesPackage() throws {
        let readme = try String(contentsOf: Self.root.appending(path: "README.md"), encoding: .utf8)
        let manifest = try String(contentsOf: Self.root.appending(path: "Package.swift"), encoding: .utf8)
        let drawn = try #require(Self.diagram(in: readme))
        let declared = Self.targets(in: manifest)
        for name in Set(drawn.keys).union(declared.keys).sorted() {
            #expect(drawn[name] == declared[name], "\(name): README draws \(drawn[name]?.sorted() ?? []), Package.swift declares \(declared[name]?.sorted() ?? [])")
        }
    }

    @Test("only RelnotesMarkdown imports CCmark")
    func cmarkBehindOneTarget() throws {
        let importers = try Self.sources().filter { $0.text.contains("import CCmark") }.map(\.target)
        #expect(Set(importers) == ["RelnotesMarkdown"])
    }

    @Test("only the disk targets use file-system APIs")
    func diskBehindFewTargets() throws {
        let patterns = [#"FileManager"#, #"\bopen\([^)]*O_"#, #"\bfopen\("#, #"\bopendir\("#, #"\breaddir\("#,
                        #"Data\(contentsOf"#, #"String\(contentsOf"#, #"contentsOfFile"#, #"\.write\(to: [^&]"#]
        // Compiled once, not once per line of the sources.
        let regexes = try patterns.map { try Regex($0) }
        var found: [String] = []
        for file in try Self.sources() where !Self.diskTargets.contains(file.target) {
            for (number, line) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                // Trace reads the process's own memory figures, not a project file.
                guard !line.trimmingCharacters(in: .whitespaces).hasPrefix("//"), !line.contains("/proc/self/statm") else { continue }
                for regex in regexes where line.contains(regex) {
                    found.append("\(file.path):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    // MARK: - Reading

    /// The block after `<!-- stage-diagram -->` in the README: `Target → A B C`.
    static func diagram(in readme: String) -> [String: Set<String>]? {
        guard let start = readme.range(of: "<!-- stage-diagram -->") else { return nil }
        let rest = readme[start.upperBound...]
        guard let open = rest.range(of: "```\n"), let close = rest[open.upperBound...].range(of: "```") else { return nil }
        var targets: [String: Set<String>] = [:]
        for line in rest[open.upperBound..<close.lowerBound].split(separator: "\n") {
            let sides = line.split(separator: "→", maxSplits: 1)
            guard sides.count == 2 else { continue }
            let name = sides[0].trimmingCharacters(in: .whitespaces)
            targets[name] = Set(sides[1].split(separator: " ").map(String.init).filter { $0 != "(nothing)" })
        }
        return targets
    }

    /// Each target of Package.swift (tests and plugins apart) with the targets it depends on.
    static func targets(in manifest: String) -> [String: Set<String>] {
        var targets: [String: Set<String>] = [:]
        // One element of `targets:` each, up to the next element (a line `        .kind(`).
        for piece in manifest.split(separator: /\n        \./).dropFirst() where piece.hasPrefix("target(") || piece.hasPrefix("executableTarget(") {
            guard let name = piece.firstMatch(of: /name: "(\w+)"/)?.1, !name.hasSuffix("Tests") else { continue }
            var dependencies: Set<String> = []
            if let list = piece.firstMatch(of: /dependencies: \[([^\]]*)\]/)?.1 {
                let local = list.replacing(/\.product\([^)]*\)/, with: "")
                for match in local.matches(of: /"(\w+)"/) { dependencies.insert(String(match.1)) }
            }
            targets[String(name)] = dependencies
        }
        return targets.filter { $0.key != "EmbedTheme" }
    }

    static func sources() throws -> [(target: String, path: String, text: String)] {
        let folder = root.appending(path: "Sources")
        var files: [(String, String, String)] = []
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        for case let path as String in walker where path.hasSuffix(".swift") {
            let target = String(path.split(separator: "/")[0])
            files.append((target, "Sources/" + path, try String(contentsOf: folder.appending(path: path), encoding: .utf8)))
        }
        return files
    }
}
