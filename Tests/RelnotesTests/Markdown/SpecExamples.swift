import Foundation

/// Examples of the upstream specifications and test suites, read from
/// `Fixtures/spec/` (see the README there for source and licence).
struct SpecExample: Sendable, Decodable, CustomTestStringConvertible {
    var number: Int
    var section: String
    var markdown: String
    var html: String
    /// For the GFM files: which file of cmark-gfm the example is from.
    var file: String?

    var testDescription: String { "\(file.map { $0 + " " } ?? "")example \(number) (\(section))" }

    private enum CodingKeys: String, CodingKey { case number, example, section, markdown, html, file }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        number = try container.decodeIfPresent(Int.self, forKey: .number) ?? container.decode(Int.self, forKey: .example)
        section = try container.decode(String.self, forKey: .section)
        markdown = try container.decode(String.self, forKey: .markdown)
        html = try container.decode(String.self, forKey: .html)
        file = try container.decodeIfPresent(String.self, forKey: .file)
    }

    static func load(_ name: String) -> [SpecExample] {
        struct File: Decodable { var examples: [SpecExample] }
        guard let data = try? Data(contentsOf: Fixtures.url("spec/\(name)")),
              let file = try? JSONDecoder().decode(File.self, from: data) else { return [] }
        return file.examples
    }

    static let commonMark = load("commonmark-0.30-examples.json")
    static let gfmExtensions = load("gfm-extension-examples.json")
}

import Testing

/// Debian's `cmark-gfm` command (package `cmark-gfm`, installed by
/// `scripts/install-dependencies --tests`), the reference for GitHub's extensions.
enum CmarkGFMReference {
    static let extensions = ["-e", "table", "-e", "tasklist", "-e", "strikethrough", "-e", "autolink"]

    static func run(_ markdown: String, arguments: [String]) throws -> String {
        try Command.output(URL(fileURLWithPath: "/usr/bin/cmark-gfm"), arguments, input: markdown)
    }

    /// relnotes' HTML as GitHub would write it: `align` for relnotes' `style` on table
    /// cells (a documented difference), heading ids removed.
    static func normalized(_ html: String) -> String {
        CmarkReference.withoutHeadingIDs(html)
            .replacing(#/ style="text-align: (left|center|right)"/#) { match in " align=\"\(match.1)\"" }
    }
}
