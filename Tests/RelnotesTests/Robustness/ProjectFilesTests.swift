import Foundation
import Testing
@testable import RelnotesModel

/// What relnotes reads of a project (SPEC: Files it reads): regular files inside the root;
/// links out of it, FIFOs and everything skipped are named in a warning.
@Suite("Project files: links, FIFOs and skipped files")
struct ProjectFilesTests {
    static let outside = "/tmp/relnotes-tests-outside-secret.md"

    /// The basic fixture with `prepare` applied; `check`'s diagnostics, as printed.
    static func check(_ prepare: (URL) throws -> Void) throws -> (status: Int32, lines: [String], project: FixtureProject) {
        let project = try FixtureProject("basic")
        try prepare(project.root)
        let result = try project.run(["check"])
        return (result.status, result.stderr.split(separator: "\n").map(String.init), project)
    }

    static func link(_ path: String, to target: String, in root: URL) throws {
        let url = root.appending(path: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    @Test("links out of the project are skipped with a warning naming link and target, everywhere")
    func linksOut() throws {
        try Data("---\ntitle: Secret page\naudience: external\n---\nCANARY-OUTSIDE\n".utf8).write(to: URL(fileURLWithPath: Self.outside))
        let (status, lines, project) = try Self.check { root in
            try Self.link("content/pages/secret.md", to: Self.outside, in: root)
            try Self.link("content/releases/1.1.0/secret.md", to: Self.outside, in: root)
            try Self.link("content/releases/9.9.9", to: "/etc", in: root)
            try Self.link("templates/assets/passwd.txt", to: "/etc/passwd", in: root)
            try Self.link("templates/assets/etcdir", to: "/etc", in: root)
            try Self.link("templates/assets/loop", to: "..", in: root)
        }
        defer { project.remove() }
        #expect(status == 0)
        #expect(lines == [
            "content/pages/secret.md:1:1: warning: 'content/pages/secret.md' is a symbolic link to '\(Self.outside)', outside the project; it is skipped",
            "content/releases/1.1.0/secret.md:1:1: warning: 'content/releases/1.1.0/secret.md' is a symbolic link to '\(Self.outside)', outside the project; it is skipped",
            "content/releases/9.9.9:1:1: warning: 'content/releases/9.9.9' is a symbolic link to '/etc', outside the project; it is skipped",
            "templates/assets/etcdir:1:1: warning: 'templates/assets/etcdir' is a symbolic link to '/etc', outside the project; it is skipped",
            "templates/assets/passwd.txt:1:1: warning: 'templates/assets/passwd.txt' is a symbolic link to '/etc/passwd', outside the project; it is skipped",
            "0 errors, 5 warnings",
        ])
        #expect(try project.run(["build"]).status == 0)
        for (path, data) in try fileTree(project.site) {
            #expect(!String(decoding: data, as: UTF8.self).contains("CANARY-OUTSIDE"), "\(path)")
            #expect(!path.contains("passwd") && !path.contains("etcdir") && !path.contains("loop"), "\(path)")
        }
    }

    @Test("links inside the project are followed, once")
    func linksInside() throws {
        let (status, lines, project) = try Self.check { root in
            try FileManager.default.createDirectory(at: root.appending(path: "shared"), withIntermediateDirectories: true)
            try Data("---\ntype: fix\ntitle: Shared fix\naudience: external\n---\n".utf8).write(to: root.appending(path: "shared/fix.md"))
            try Self.link("content/releases/1.1.0/shared-fix.md", to: "../../../shared/fix.md", in: root)
            try Self.link("templates/assets/again", to: "../assets", in: root)
        }
        defer { project.remove() }
        #expect(status == 0)
        #expect(lines == ["0 errors, 0 warnings"])
        #expect(try project.run(["build"]).status == 0)
        #expect(try project.read("site/external/releases/1.1.0/index.html").contains("Shared fix"))
    }

    @Test("a FIFO is skipped with a warning and never opened; as relnotes.yml it is an error")
    func fifo() throws {
        let (status, lines, project) = try Self.check { root in
            #expect(mkfifo(root.appending(path: "content/releases/1.1.0/pipe.md").path, 0o644) == 0)
            #expect(mkfifo(root.appending(path: "content/pages/pipe.md").path, 0o644) == 0)
        }
        defer { project.remove() }
        #expect(status == 0)
        #expect(lines == [
            "content/pages/pipe.md:1:1: warning: 'content/pages/pipe.md' is a FIFO (named pipe), not a regular file; it is skipped",
            "content/releases/1.1.0/pipe.md:1:1: warning: 'content/releases/1.1.0/pipe.md' is a FIFO (named pipe), not a regular file; it is skipped",
            "0 errors, 2 warnings",
        ])
        try FileManager.default.removeItem(at: project.root.appending(path: "relnotes.yml"))
        #expect(mkfifo(project.root.appending(path: "relnotes.yml").path, 0o644) == 0)
        let result = try project.run(["check"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("relnotes.yml:1:1: error: this is a FIFO (named pipe), not a regular file; relnotes reads regular files only\n"))
    }

    @Test("every file and folder relnotes skips is named in a warning")
    func skipped() throws {
        let (status, lines, project) = try Self.check { root in
            let write = { (path: String) in
                let url = root.appending(path: path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data("---\ntype: fix\ntitle: Lost\n---\n".utf8).write(to: url)
            }
            try write("content/releases/lost.md")
            try write("content/releases/2.0.0")
            try write("content/releases/1.1.0/sub/lost.md")
            try FileManager.default.createDirectory(at: root.appending(path: "content/releases/1.1.0/folder.md"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: root.appending(path: "templates/page.mustache"), withIntermediateDirectories: true)
            try write("templates/notes.txt")
        }
        defer { project.remove() }
        #expect(status == 0)
        #expect(lines == [
            "content/releases/1.1.0/folder.md:1:1: warning: 'folder.md' is a folder, not an entry file; it is ignored",
            "content/releases/1.1.0/sub:1:1: warning: entries are read from the release folder itself, not from subfolders; the folder 'sub' is ignored",
            "content/releases/2.0.0:1:1: warning: '2.0.0' is ignored: content/releases/ holds folders only; a release is a folder named after its version, holding release.md",
            "content/releases/lost.md:1:1: warning: 'lost.md' is ignored: content/releases/ holds folders only; entries go in a release folder or in unreleased/",
            "templates/notes.txt:1:1: warning: 'notes.txt' is ignored: templates end in .mustache, and other files of the theme go under templates/assets/",
            "templates/page.mustache:1:1: warning: 'page.mustache' is a folder, not a template file; it is ignored",
            "0 errors, 6 warnings",
        ])
    }

    @Test("content/releases and content/pages as files are named in a warning", arguments: ["releases", "pages"])
    func folderAsFile(name: String) throws {
        let (_, lines, project) = try Self.check { root in
            try FileManager.default.removeItem(at: root.appending(path: "content/\(name)"))
            try Data("x".utf8).write(to: root.appending(path: "content/\(name)"))
        }
        defer { project.remove() }
        #expect(lines.first == "content/\(name):1:1: warning: 'content/\(name)' is a file, so it is ignored; it must be a folder")
    }
}

extension ProjectFilesTests {
    @Test("relnotes.yml linked out of the project is an error: a configuration is never skipped")
    func configLinkedOut() throws {
        let (status, lines, project) = try Self.check { root in
            try FileManager.default.removeItem(at: root.appending(path: "relnotes.yml"))
            try Self.link("relnotes.yml", to: "/etc/hostname", in: root)
        }
        defer { project.remove() }
        #expect(status == 1)
        #expect(lines.first == "relnotes.yml:1:1: error: 'relnotes.yml' is a symbolic link to '/etc/hostname', outside the project; relnotes does not read a configuration from outside the project")
    }
}
