import Foundation
import Testing

/// The test cases of Python-Markdown's admonition extension and pymdown's details
/// extension, rendered by relnotes and compared with their expected HTML structurally.
@Suite("Markdown: admonitions and details against Python-Markdown and pymdown")
struct AdmonitionSpecTests {
    struct Case: Sendable, Decodable, CustomTestStringConvertible {
        var project: String
        var name: String
        var markdown: String
        var html: String
        var extensions: [String]

        var testDescription: String { "\(project) \(name)" }
        /// relnotes has no definition lists.
        var usesDefinitionLists: Bool { html.contains("<dl>") }
    }

    static let cases: [Case] = {
        struct File: Decodable { var cases: [Case] }
        guard let data = try? Data(contentsOf: Fixtures.url("spec/admonition-details-cases.json")) else { return [] }
        return (try? JSONDecoder().decode(File.self, from: data).cases) ?? []
    }()

    @Test("the two test suites hold 22 cases, two of them with definition lists")
    func count() {
        #expect(Self.cases.count == 22)
        #expect(Self.cases.filter(\.usesDefinitionLists).count == 2)
    }

    @Test("relnotes renders each case with the structure its suite expects", arguments: cases.filter { !$0.usesDefinitionLists })
    func structure(_ testCase: Case) {
        let rendered = InProcessRender.render(testCase.markdown)
        #expect(HTMLStructure(testCase.html).tokens.count > 3)
        #expect(HTMLStructure(rendered) == HTMLStructure(testCase.html), "relnotes:\n\(rendered)")
    }

    @Test("the structural comparison sees tags, attributes and words, not the spacing between tags")
    func comparison() {
        #expect(HTMLStructure("<details class=\"admonition note\" open>\n<summary>A  b</summary></details>") == HTMLStructure("<details open=\"open\" class=\"note\"><summary>A b</summary>\n</details>"))
        #expect(HTMLStructure("<p>a</p>") != HTMLStructure("<p>b</p>"))
        #expect(HTMLStructure("<ul><li>a</li></ul>") != HTMLStructure("<ul><li><p>a</p></li></ul>"))
        #expect(HTMLStructure("<div class=\"admonition note\">") != HTMLStructure("<div class=\"note\">"))
    }
}

/// HTML as a sequence of tags and words, for comparing structure: attributes sorted,
/// boolean attributes without values (`open` = `open="open"`), `admonition` dropped from
/// the classes of `details` (relnotes adds it for MkDocs themes), whitespace between tags
/// ignored and runs of whitespace in text made one space.
struct HTMLStructure: Equatable, CustomStringConvertible {
    var tokens: [String]

    init(_ html: String) {
        tokens = []
        var rest = Substring(html)
        while !rest.isEmpty {
            if rest.first == "<", let end = rest.firstIndex(of: ">") {
                tokens.append(Self.tag(rest[rest.index(after: rest.startIndex)..<end]))
                rest = rest[rest.index(after: end)...]
            } else {
                let end = rest.firstIndex(of: "<") ?? rest.endIndex
                let words = rest[..<end].split(whereSeparator: \.isWhitespace).joined(separator: " ")
                if !words.isEmpty { tokens.append(words) }
                rest = rest[end...]
            }
        }
    }

    private static func tag(_ text: Substring) -> String {
        var body = text
        if body.last == "/" { body = body.dropLast() }
        let parts = body.split(separator: " ", maxSplits: 1)
        guard let name = parts.first else { return "<>" }
        var attributes: [String] = []
        var rest = parts.count > 1 ? parts[1] : ""
        while let nameEnd = rest.firstIndex(where: { $0 == "=" || $0 == " " }) ?? (rest.isEmpty ? nil : rest.endIndex) {
            let attribute = rest[..<nameEnd].trimmingCharacters(in: .whitespaces)
            rest = rest[nameEnd...]
            var value: String?
            if rest.first == "=" {
                rest = rest.dropFirst()
                if rest.first == "\"", let close = rest.dropFirst().firstIndex(of: "\"") {
                    value = String(rest[rest.index(after: rest.startIndex)..<close])
                    rest = rest[rest.index(after: close)...]
                }
            }
            rest = rest.drop { $0 == " " }
            guard !attribute.isEmpty else { continue }
            if attribute == "class", var classes = value?.split(separator: " ").map(String.init) {
                if name == "details" { classes.removeAll { $0 == "admonition" } }
                if classes.isEmpty { continue }
                value = classes.joined(separator: " ")
            }
            if attribute == "open" { value = nil }
            attributes.append(value.map { "\(attribute)=\"\($0)\"" } ?? attribute)
        }
        return "<" + ([String(name)] + attributes.sorted()).joined(separator: " ") + ">"
    }

    var description: String { tokens.joined(separator: "\n") }
}
