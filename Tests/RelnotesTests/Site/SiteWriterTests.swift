import Foundation
import Testing
@testable import RelnotesModel
@testable import RelnotesWriting

/// `SiteWriter`: all or nothing, and only what relnotes generated is ever replaced.
@Suite("Writing a site")
struct SiteWriterTests {
    static func files(_ paths: [String], text: String = "new") -> [OutputFile] {
        paths.map { OutputFile(path: $0, text: text) }
    }

    static func withOutput(_ body: (URL) throws -> Void) throws {
        let folder = try TemporaryFolder.make()
        defer { TemporaryFolder.remove(folder) }
        try body(folder.appending(path: "site"))
    }

    @Test("a first build writes the files and a manifest of them")
    func firstBuild() throws {
        try Self.withOutput { output in
            try SiteWriter(output: output).write(Self.files(["external/index.html", "internal/index.html"]), rebuilt: ["external", "internal"])
            let tree = try fileTree(output)
            #expect(tree.keys.sorted() == [".relnotes-manifest", "external/index.html", "internal/index.html"])
            #expect(tree[".relnotes-manifest"] == Data("external/index.html\ninternal/index.html\n".utf8))
        }
    }

    @Test("files generated before and not generated now are removed; foreign files stay")
    func rebuild() throws {
        try Self.withOutput { output in
            let writer = SiteWriter(output: output)
            try writer.write(Self.files(["external/index.html", "external/old.html"]), rebuilt: ["external"])
            try Data("mine".utf8).write(to: output.appending(path: "external/CNAME"))
            try writer.write(Self.files(["external/index.html"], text: "newer"), rebuilt: ["external"])
            let tree = try fileTree(output)
            #expect(tree.keys.sorted() == [".relnotes-manifest", "external/CNAME", "external/index.html"])
            #expect(tree["external/index.html"] == Data("newer".utf8))
            #expect(tree["external/CNAME"] == Data("mine".utf8))
        }
    }

    @Test("the generated files of audiences not rebuilt are kept, and stay relnotes' own")
    func otherAudienceKept() throws {
        try Self.withOutput { output in
            let writer = SiteWriter(output: output)
            try writer.write(Self.files(["external/index.html", "internal/index.html"], text: "first"), rebuilt: ["external", "internal"])
            try writer.write(Self.files(["external/index.html"], text: "second"), rebuilt: ["external"])
            let tree = try fileTree(output)
            #expect(tree["internal/index.html"] == Data("first".utf8))
            #expect(tree[".relnotes-manifest"] == Data("external/index.html\ninternal/index.html\n".utf8))
        }
    }

    @Test("the folder of an audience no longer configured is removed with its generated files")
    func removedAudience() throws {
        try Self.withOutput { output in
            let writer = SiteWriter(output: output)
            try writer.write(Self.files(["external/index.html", "internal/index.html"]), rebuilt: ["external", "internal"])
            try Data("mine".utf8).write(to: output.appending(path: "internal/notes.txt"))
            try writer.write(Self.files(["external/index.html", "staff/index.html"]), rebuilt: ["external", "staff"], configured: ["external", "staff"])
            #expect(try fileTree(output).keys.sorted() == [".relnotes-manifest", "external/index.html", "internal/notes.txt", "staff/index.html"])
        }
    }

    @Test("a non-empty folder without a manifest is refused and left untouched")
    func foreignFolder() throws {
        try Self.withOutput { output in
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            try Data("mine".utf8).write(to: output.appending(path: "index.html"))
            #expect(throws: DiagnosticsError.self) {
                try SiteWriter(output: output).write(Self.files(["external/index.html"]), rebuilt: ["external"])
            }
            #expect(try fileTree(output) == ["index.html": Data("mine".utf8)])
            #expect(try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path) == ["site"])
        }
    }
}
