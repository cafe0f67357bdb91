import Foundation
import Testing
@testable import RelnotesPreview
@testable import RelnotesRendering

/// Templates that would render for ever (a partial including itself, two including each
/// other, a layout inheriting from itself) or nest too deeply: errors at the include, never
/// a crash, and never a site half written.
@Suite("Templates: recursion and depth")
struct TemplateRecursionTests {
    static func problems(_ templates: [String: String]) throws -> [String] {
        try InlineProject.site([
            "content/releases/1.0.0/release.md": InlineProject.release(),
            "content/releases/1.0.0/fix.md": InlineProject.entry(),
        ].merging(templates) { _, new in new }).problems
    }

    @Test("a partial that includes itself is an error at the include")
    func selfInclude() throws {
        #expect(try Self.problems(["templates/partials/entry.mustache": "<li>\n  {{> partials/entry}}\n</li>\n"]) == [
            "templates/partials/entry.mustache:2:3: error: 'partials/entry' includes itself: rendering it would never end",
        ])
    }

    @Test("partials that include each other are an error at each include, naming the chain")
    func mutualRecursion() throws {
        #expect(try Self.problems([
            "templates/partials/entry.mustache": "{{#title}}{{> partials/a}}{{/title}}\n",
            "templates/partials/a.mustache": "{{> partials/entry}}\n",
        ]) == [
            "templates/partials/a.mustache:1:1: error: 'partials/a' includes itself through 'partials/entry' (partials/a → partials/entry → partials/a): rendering it would never end",
            "templates/partials/entry.mustache:1:11: error: 'partials/entry' includes itself through 'partials/a' (partials/entry → partials/a → partials/entry): rendering it would never end",
        ])
    }

    @Test("a cycle through a built-in template is reported in the project's own template")
    func cycleThroughBuiltin() throws {
        #expect(try Self.problems(["templates/partials/entry.mustache": "{{#tickets}}{{> partials/section}}{{/tickets}}\n"]) == [
            "templates/partials/entry.mustache:1:13: error: 'partials/entry' includes itself through 'partials/section' (partials/entry → partials/section → partials/entry): rendering it would never end",
        ])
    }

    @Test("a layout that inherits from itself is an error at the inheriting tag")
    func layoutInheritsItself() throws {
        #expect(try Self.problems(["templates/layout.mustache": "<html>\n{{<layout}}{{$content}}x{{/content}}{{/layout}}\n</html>\n"]) == [
            "templates/layout.mustache:2:1: error: 'layout' inherits from itself: rendering it would never end",
        ])
    }

    @Test("recursion hidden behind other delimiters is found all the same")
    func otherDelimiters() throws {
        #expect(try Self.problems(["templates/partials/entry.mustache": "{{=<% %>=}}\n<li><%> partials/entry%></li>\n"]) == [
            "templates/partials/entry.mustache:2:5: error: 'partials/entry' includes itself: rendering it would never end",
        ])
    }

    @Test("sections nested too deeply in one template are refused before they are parsed")
    func deepSections() throws {
        let deep = String(repeating: "{{#title}}", count: 5000) + String(repeating: "{{/title}}", count: 5000)
        let column = TemplateTree.nestingLimit * 10 + 1
        #expect(try Self.problems(["templates/partials/entry.mustache": deep]) == [
            "templates/partials/entry.mustache:1:\(column): error: sections nest more than 100 levels deep here; at most 100 levels of sections and includes are rendered",
        ])
    }

    @Test("a chain of includes nested too deeply is an error in the project's template it runs through")
    func deepIncludes() throws {
        var templates = ["templates/partials/entry.mustache": "<li>{{#title}}{{> partials/p1}}{{/title}}</li>\n"]
        for level in 1..<60 { templates["templates/partials/p\(level).mustache"] = "{{#titleText}}{{> partials/p\(level + 1)}}{{/titleText}}" }
        templates["templates/partials/p60.mustache"] = "{{title}}"
        #expect(try Self.problems(templates) == [
            "templates/partials/p9.mustache:1:15: error: templates nest 102 levels deep through this include of 'partials/p10'; at most 100 levels of sections and includes are rendered",
        ])
    }

    @Test("the blocks given to a layout count as nested as deep as the layout expands them")
    func deepBlocks() throws {
        #expect(try Self.problems([
            "templates/layout.mustache": String(repeating: "{{#site}}", count: 60) + "{{$content}}{{/content}}" + String(repeating: "{{/site}}", count: 60) + "\n",
            "templates/page.mustache": "{{<layout}}{{$content}}" + String(repeating: "{{#site}}", count: 60) + "{{title}}" + String(repeating: "{{/site}}", count: 60) + "{{/content}}{{/layout}}\n",
        ]) == [
            "templates/page.mustache:1:366: error: templates nest 101 levels deep here, in a block that 'layout' expands; at most 100 levels of sections and includes are rendered",
        ])
    }

    @Test("templates nested exactly as deep as the bound render, on the build's threads and in a task")
    func deepButAllowed() async throws {
        var templates = ["templates/partials/entry.mustache": "<li>{{#title}}{{> partials/p1}}{{/title}}</li>\n"]
        for level in 1..<36 { templates["templates/partials/p\(level).mustache"] = "{{#titleText}}{{> partials/p\(level + 1)}}{{/titleText}}" }
        templates["templates/partials/p36.mustache"] = String(repeating: "{{#title}}", count: 16) + "[{{titleText}}]" + String(repeating: "{{/title}}", count: 16)
        let (site, problems) = try InlineProject.site([
            "content/releases/1.0.0/release.md": InlineProject.release(),
            "content/releases/1.0.0/fix.md": InlineProject.entry(),
        ].merging(templates) { _, new in new })
        #expect(problems == [])
        let built = try #require(site)
        let files = try built.build(drafts: false)
        let page = try #require(files.first { $0.path == "external/releases/1.0.0/index.html" })
        #expect(String(decoding: page.contents, as: UTF8.self).contains("[A fix]"))
        let inTask = try await Task.detached { try built.build(drafts: false).count }.value
        #expect(inTask == files.count)
    }

    @Test("build refuses a recursive template with exit status 1 and leaves the previous site as it was")
    func buildKeepsPreviousSite() throws {
        let root = try ThemeTests.project()
        defer { TemporaryFolder.remove(root) }
        #expect(try Relnotes.run(["build", "--root", root.path]).status == 0)
        let before = try Self.snapshot(root.appending(path: "site"))
        try Data("{{> partials/entry}}\n".utf8).write(to: root.appending(path: "templates/partials/entry.mustache").creatingFolder())
        let result = try Relnotes.run(["build", "--root", root.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("templates/partials/entry.mustache:1:1: error: 'partials/entry' includes itself: rendering it would never end"))
        #expect(try Self.snapshot(root.appending(path: "site")) == before)
        let check = try Relnotes.run(["check", "--root", root.path])
        #expect(check.status == 1)
        #expect(check.stderr.contains("templates/partials/entry.mustache:1:1: error:"))
    }

    @Test("a recursive template saved while the preview runs shows in the page; fixing it recovers")
    func previewShowsRecursion() throws {
        let root = try Fixtures.copy("projects/cycle")
        defer { TemporaryFolder.remove(root.deletingLastPathComponent()) }
        let first = PreviewSnapshot.build(root: root, after: .empty)
        #expect(!first.failed)
        let partial = try root.appending(path: "templates/partials/entry.mustache").creatingFolder()
        try Data("{{> partials/entry}}\n".utf8).write(to: partial)
        let broken = PreviewSnapshot.build(root: root, after: first, changed: ["templates/partials/entry.mustache"])
        #expect(broken.failed)
        let page = String(decoding: PreviewResponder.respond(to: "/internal/releases/1.1.0/", with: broken).body, as: UTF8.self)
        #expect(page.contains("The last build failed"))
        #expect(page.contains("templates/partials/entry.mustache:1:1: error: &#39;partials/entry&#39; includes itself: rendering it would never end"))
        try FileManager.default.removeItem(at: partial)
        let fixed = PreviewSnapshot.build(root: root, after: broken, changed: ["templates/partials/entry.mustache"])
        #expect(!fixed.failed)
        #expect(String(decoding: PreviewResponder.respond(to: "/internal/releases/1.1.0/", with: fixed).body, as: UTF8.self).contains("Parquet arrives."))
    }

    /// Every file under `folder` with its bytes.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            files[url.path.replacingOccurrences(of: folder.path, with: "")] = try Data(contentsOf: url)
        }
        return files
    }
}

extension URL {
    /// The URL, after making the folder it is in.
    func creatingFolder() throws -> URL {
        try FileManager.default.createDirectory(at: deletingLastPathComponent(), withIntermediateDirectories: true)
        return self
    }
}
