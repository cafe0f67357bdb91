import Foundation

/// Debian's `cmark` command (package `cmark`, installed by `scripts/install-dependencies
/// --tests`): the reference that relnotes' HTML must equal on plain CommonMark.
enum CmarkReference {
    static let executable = URL(fileURLWithPath: "/usr/bin/cmark")

    /// cmark's HTML for `markdown`, in its default (safe) mode, as relnotes renders by default.
    static func html(_ markdown: String) throws -> String {
        try run(markdown, arguments: [])
    }

    /// cmark's CommonMark for `markdown` (`cmark -t commonmark`).
    static func commonMark(_ markdown: String) throws -> String {
        try run(markdown, arguments: ["-t", "commonmark"])
    }

    /// cmark's HTML with raw HTML kept (`--unsafe`): what a renderer that trusts its input makes of a file.
    static func unsafeHTML(_ markdown: String) throws -> String {
        try run(markdown, arguments: ["--unsafe"])
    }

    private static func run(_ markdown: String, arguments: [String]) throws -> String {
        try Command.output(executable, arguments, input: markdown)
    }

    /// HTML without the `id` attributes relnotes adds to `<h1>`…`<h6>`.
    static func withoutHeadingIDs(_ html: String) -> String {
        html.replacing(#/<(h[1-6]) id="[^"]*">/#) { match in "<\(match.1)>" }
    }
}
