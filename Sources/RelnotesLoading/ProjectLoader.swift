import Foundation
import RelnotesFiles
import RelnotesModel

/// The first stage: reads `relnotes.yml` and everything under `content/` into a `Project`.
///
/// Every file is read even after a problem, so that one run reports all of them. Names
/// starting with a dot (editor droppings) are ignored everywhere under `content/`.
public enum ProjectLoader {
    public static let unreleasedFolder = "unreleased"

    /// `relnotes.yml` alone, for commands that need no content.
    public static func loadConfig(root: URL) -> (config: SiteConfig, diagnostics: [Diagnostic]) {
        StagingLock.sweep(root: root)
        return ConfigLoader.load(root: root)
    }

    /// The project, or `nil` when a problem leaves it unusable; the diagnostics either way.
    public static func load(root: URL) -> (project: Project?, diagnostics: [Diagnostic]) {
        let (project, diagnostics) = read(root: root)
        return (diagnostics.containsErrors ? nil : project, diagnostics)
    }

    /// Everything that could be read, even when some files could not, so that the checks
    /// after loading can report the problems of the rest too (`check` reports every problem).
    /// `nil` only when there is no usable configuration or no content folder.
    ///
    /// With `focus` (a version as written, or `unreleased`), only the entries that one
    /// release's notes can show are read: those of its folder, of the candidates of the same
    /// version, and of `unreleased/`; every release record is read all the same (the version
    /// list, the latest release). That is what `notes` and `announce` need of a long history.
    ///
    /// With `cache`, files that have not changed since an earlier load with the same cache
    /// are not read again (`LoadCache`).
    package static func read(root: URL, focus: String? = nil, cache: LoadCache? = nil) -> (project: Project?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        // Every command starts here or in `loadConfig`: what an interrupted build left goes.
        StagingLock.sweep(root: root)
        let (config, configProblems) = ConfigLoader.load(root: root)
        diagnostics += configProblems
        guard !configProblems.containsErrors else { return (nil, diagnostics) }

        let boundary = ProjectBoundary(root: root)
        let content = root.appending(path: "content")
        if let refusal = boundary.refusal(atPath: content.path, relative: "content") {
            diagnostics.append(refusal)
        }
        guard FileSystem.isDirectory(content), !diagnostics.contains(where: { $0.location?.path == "content" }) else {
            diagnostics.append(.error("missing-content", "there is no content/ folder in \(root.path); run relnotes in a site project or pass --root", at: nil))
            return (nil, diagnostics)
        }
        var releases: [Release] = []
        var unreleased: [Entry] = []
        // Release folders are independent: read them side by side.
        let listed = boundary.listing(content, "releases", diagnostics: &diagnostics)
        diagnostics += misplaced(listed, in: "content/releases")
        let folders = listed.filter(\.isDirectory)
        let loaded = Concurrent.map(folders) { folder -> FolderContent in
            // A folder nothing changed in since the last load is taken whole (the preview).
            let relative = "content/releases/\(folder.name)"
            if focus == nil, let cache, case .folder(let release, let entries, let problems)? = cache.unchanged("folder|" + relative, relative: relative) {
                return FolderContent(release: release, unreleased: entries, diagnostics: problems)
            }
            let content = Self.folderContent(folder, config: config, focus: focus, cache: cache, boundary: boundary)
            if focus == nil { cache?.keep("folder|" + relative, .folder(content.release, content.unreleased, content.diagnostics)) }
            return content
        }
        for folder in loaded {
            if let release = folder.release { releases.append(release) }
            if let entries = folder.unreleased { unreleased = entries }
            diagnostics += folder.diagnostics
        }
        diagnostics += duplicateVersions(releases)

        var pages: [Page] = []
        guard focus == nil else {
            return (Project(config: config, releases: releases, unreleased: unreleased, pages: []), diagnostics)
        }
        let pageFiles = boundary.listing(content, "pages", diagnostics: &diagnostics)
        diagnostics += ignoredFiles(pageFiles, as: "content/pages")
        for file in pageFiles where !file.isDirectory && file.name.hasSuffix(".md") {
            let path = "content/pages/\(file.name)"
            let loaded = Self.loaded(path, file: file.path, relative: path, cache: cache) {
                do throws(Diagnostic) {
                    let (page, problems) = PageLoader.load(try SourceFile.read(atPath: file.path, as: path), fileName: String(file.name.dropLast(3)), config: config)
                    return .page(page, problems)
                } catch {
                    return .page(nil, [error])
                }
            }
            if case .page(let page, let problems) = loaded {
                if let page { pages.append(page) }
                diagnostics += problems
            }
        }
        diagnostics += duplicateSlugs(pages)

        return (Project(config: config, releases: releases, unreleased: unreleased, pages: pages), diagnostics)
    }

    // MARK: - Folders

    /// What one folder of `content/releases/` holds.
    private struct FolderContent: Sendable {
        var release: Release?
        var unreleased: [Entry]?
        var diagnostics: [Diagnostic]
    }

    private static func folderContent(_ folder: FileSystem.Child, config: SiteConfig, focus: String?, cache: LoadCache?, boundary: ProjectBoundary) -> FolderContent {
        if folder.name == unreleasedFolder {
            let (entries, problems) = loadEntries(in: folder, version: nil, isUnreleased: true, config: config, cache: cache, boundary: boundary)
            return FolderContent(release: nil, unreleased: entries, diagnostics: problems)
        }
        let (release, problems) = loadRelease(in: folder, config: config, withEntries: focus.map { Self.folder(folder.name, isNeededFor: $0) } ?? true, cache: cache, boundary: boundary)
        return FolderContent(release: release, unreleased: nil, diagnostics: problems)
    }

    /// Whether the release folder `name` holds entries the notes of `focus` can show: the
    /// folder of that version, or of a candidate of the same final version. A folder whose
    /// name is no version is read anyway (its record says what is wrong with it).
    private static func folder(_ name: String, isNeededFor focus: String) -> Bool {
        guard name != focus, focus != unreleasedFolder else { return name == focus }
        guard let version = try? SemanticVersion(parsing: name) else { return true }
        guard let wanted = try? SemanticVersion(parsing: focus) else { return false }
        return version == wanted || version.isPrerelease && version.core == wanted.core
    }

    private static func loadRelease(in folder: FileSystem.Child, config: SiteConfig, withEntries: Bool = true, cache: LoadCache?, boundary: ProjectBoundary) -> (Release?, [Diagnostic]) {
        let path = "content/releases/\(folder.name)/release.md"
        let recordPath = folder.path + "/release.md"
        if let refusal = boundary.refusal(atPath: recordPath, relative: path) { return (nil, [refusal]) }
        guard FileSystem.isFile(atPath: recordPath) else {
            return (nil, [.error("missing-release-record", "the release folder '\(folder.name)' has no release.md; add one or move its entries to unreleased/", at: SourceLocation(path: "content/releases/\(folder.name)"))])
        }
        let loaded = Self.loaded(path, file: recordPath, relative: path, cache: cache) {
            do throws(Diagnostic) {
                let (release, problems) = ReleaseLoader.load(try SourceFile.read(atPath: recordPath, as: path), folder: folder.name, config: config)
                return .release(release, problems)
            } catch {
                return .release(nil, [error])
            }
        }
        guard case .release(var release, var diagnostics) = loaded else { return (nil, []) }
        if let interrupted = InterruptedMove.warning(folder: folder.path, name: folder.name) { diagnostics.append(interrupted) }
        guard withEntries else { return (release, diagnostics) }
        let (entries, problems) = loadEntries(in: folder, version: release?.version, isUnreleased: false, config: config, cache: cache, boundary: boundary)
        release?.entries = entries
        diagnostics += problems
        return (release, diagnostics)
    }

    /// The entries of a release folder (`version` is `nil` when its record could not be read)
    /// or of `unreleased/`, the one folder where a release record is misplaced.
    private static func loadEntries(in folder: FileSystem.Child, version: SemanticVersion?, isUnreleased: Bool, config: SiteConfig, cache: LoadCache?, boundary: ProjectBoundary) -> ([Entry], [Diagnostic]) {
        var entries: [Entry] = []
        var diagnostics: [Diagnostic] = []
        let children = boundary.admitted(FileSystem.children(ofPath: folder.path), in: "content/releases/\(folder.name)", diagnostics: &diagnostics)
        diagnostics += ignoredFiles(children, as: "content/releases/\(folder.name)")
        for file in children where !file.isDirectory && file.name.hasSuffix(".md") {
            let path = "content/releases/\(folder.name)/\(file.name)"
            if file.name == "release.md" {
                if isUnreleased {
                    diagnostics.append(.error("misplaced-release-record", "unreleased/ holds entries only; a release.md belongs in a version folder (see 'relnotes new release')", at: SourceLocation(path: path)))
                }
                continue
            }
            // The entry records the version of its folder: read again when that changes.
            let loaded = Self.loaded("\(path)|\(version?.text ?? "")", file: file.path, relative: path, cache: cache) {
                do throws(Diagnostic) {
                    let id = "\(folder.name)/\(file.name.dropLast(3))"
                    let (entry, problems) = EntryLoader.load(try SourceFile.read(atPath: file.path, as: path), id: id, folder: version, config: config)
                    return .entry(entry, problems)
                } catch {
                    return .entry(nil, [error])
                }
            }
            if case .entry(let entry, let problems) = loaded {
                if let entry { entries.append(entry) }
                diagnostics += problems
            }
        }
        return (entries, diagnostics)
    }

    /// What reading `file` gives, from `cache` when it has not changed since.
    private static func loaded(_ key: String, file: String, relative: String, cache: LoadCache?, _ load: () -> LoadCache.Loaded) -> LoadCache.Loaded {
        guard let cache else { return load() }
        return cache.loaded(key, path: file, relative: relative, load)
    }

    /// Markdown that relnotes would pass over without a word (`.markdown`, `.mdx`, a page
    /// in a subfolder) is probably meant as content: say so, rather than let an entry
    /// quietly drop out of the notes. Other files (images…) may sit beside content.
    private static func ignoredFiles(_ children: [FileSystem.Child], as path: String) -> [Diagnostic] {
        let markdownLike = [".markdown", ".mdown", ".mkd", ".mdx", ".MD"]
        return children.compactMap { child in
            if child.isDirectory && path == "content/pages" {
                return .warning("ignored-file", "pages are read from content/pages/ only; the folder '\(child.name)' is ignored", at: SourceLocation(path: "\(path)/\(child.name)"))
            }
            if child.isDirectory {
                let message = child.name.hasSuffix(".md")
                    ? "'\(child.name)' is a folder, not an entry file; it is ignored"
                    : "entries are read from the release folder itself, not from subfolders; the folder '\(child.name)' is ignored"
                return .warning("ignored-file", message, at: SourceLocation(path: "\(path)/\(child.name)"))
            }
            guard !child.isDirectory, markdownLike.contains(where: { child.name.hasSuffix($0) }) else { return nil }
            return .warning("ignored-file", "'\(child.name)' is ignored: content files end in .md", at: SourceLocation(path: "\(path)/\(child.name)"))
        }
    }

    /// Files directly in `content/releases/`, where only folders are read.
    private static func misplaced(_ children: [FileSystem.Child], in path: String) -> [Diagnostic] {
        children.filter { !$0.isDirectory }.map { child in
            let hint = (try? SemanticVersion(parsing: child.name)) != nil
                ? "a release is a folder named after its version, holding release.md"
                : "entries go in a release folder or in unreleased/"
            return .warning("ignored-file", "'\(child.name)' is ignored: content/releases/ holds folders only; \(hint)", at: SourceLocation(path: "\(path)/\(child.name)"))
        }
    }

    // MARK: - Uniqueness

    private static func duplicateVersions(_ releases: [Release]) -> [Diagnostic] {
        // Indices are sorted and kept, not the releases: a release is a large value.
        var first: [SemanticVersion: Int] = [:]
        var diagnostics: [Diagnostic] = []
        for index in releases.indices.sorted(by: { releases[$0].version.text < releases[$1].version.text }) {
            let version = releases[index].version
            if let earlier = first[version] {
                diagnostics.append(.error(
                    "duplicate-version",
                    "version '\(version)' is the same release as '\(releases[earlier].version)' (\(releases[earlier].body.path)); build metadata does not make versions different",
                    at: releases[index].keys["version"]))
            } else {
                first[version] = index
            }
        }
        return diagnostics
    }

    private static func duplicateSlugs(_ pages: [Page]) -> [Diagnostic] {
        var first: [String: Page] = [:]
        var diagnostics: [Diagnostic] = []
        for page in pages.sorted(by: { $0.body.path < $1.body.path }) {
            if let earlier = first[page.slug] {
                diagnostics.append(.error("duplicate-slug", "page slug '\(page.slug)' is already used by \(earlier.body.path)", at: page.keys["slug"]))
            } else {
                first[page.slug] = page
            }
        }
        return diagnostics
    }
}
