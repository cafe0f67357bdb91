import Foundation
import Mustache
import RelnotesModel

/// The templates and assets a site is rendered with: the built-in theme (the repository's
/// `templates/` folder, embedded at build time), with any file of the project's own
/// `templates/` folder replacing the built-in file of the same name.
///
/// Templates are Mustache (`*.mustache`, named by their path without the extension, so
/// `partials/entry.mustache` is the partial `partials/entry`). Values are HTML-escaped,
/// except in templates whose name ends in `.md` (Markdown), where nothing is escaped.
/// Every other file under `assets/` is copied to each audience's `assets/` folder.
package struct Theme: Sendable {
    let library: MustacheLibrary
    /// `library` with the sections of a release rendered once for all its pages, where the
    /// templates allow it (`ReusedPartials`); `nil` where they do not.
    let pageLibrary: MustacheLibrary?
    /// Asset files by path under `assets/`, as bytes.
    let assets: [String: Data]

    static let builtinPrefix = "<built-in theme>/"

    /// The templates each build needs; a theme without one of them is an error.
    static let requiredTemplates = TemplateRoots.all.filter(\.required).map(\.name)

    /// The built-in theme with the project's `files` (`ThemeLoader.read`) laid over it;
    /// `diagnostics` are the problems met reading them, returned with the theme's own.
    /// The same files give the same theme, made once (`ThemeCache`).
    package static func load(_ files: ThemeFiles, diagnostics read: [Diagnostic]) -> (theme: Theme?, diagnostics: [Diagnostic]) {
        ThemeCache.theme(for: ThemeCache.Key(files, read: read)) { make(files, diagnostics: read) }
    }

    /// The built-in theme passes every check and allows section reuse (`ThemeCheckTests`
    /// holds it to that), so a theme whose templates are all the built-in ones as they are is
    /// not checked again: unless `checkingBuiltin`, the theme's templates are read for
    /// `check` only when the project changes one of them.
    static func make(_ files: ThemeFiles, diagnostics read: [Diagnostic], checkingBuiltin: Bool = false) -> (theme: Theme?, diagnostics: [Diagnostic]) {
        let builtinTemplates = !checkingBuiltin && files.templates.allSatisfy { BuiltinTheme.files[$0.key] == $0.value.text }
        var sources: [String: (path: String, text: String)] = [:]
        for (name, text) in BuiltinTheme.files { sources[name] = (builtinPrefix + name, text) }
        var diagnostics = read
        var assets: [String: Data] = [:]
        for (name, text) in BuiltinTheme.files where name.hasPrefix("assets/") { assets[name] = Data(text.utf8) }
        for (name, source) in files.templates { sources[name] = source }
        for (name, data) in files.assets { assets[name] = data }

        var library = MustacheLibrary()
        var checked: [String: ThemeTemplate] = [:]
        for (file, source) in sources.sorted(by: { $0.key < $1.key }) where file.hasSuffix(".mustache") {
            let name = String(file.dropLast(".mustache".count))
            let pragma = Self.pragma(for: name)
            let text = pragma + source.text
            do {
                // Read before swift-mustache parses it: its parser recurses once per level.
                let tree = builtinTemplates ? nil : try TemplateTree(source.text)
                library.register(try MustacheTemplate(string: text), named: name)
                if let tree { checked[name] = ThemeTemplate(name: name, path: source.path, tree: tree) }
            } catch let error as TemplateTree.TooDeep {
                diagnostics.append(.error("template-depth", "sections nest more than \(TemplateTree.nestingLimit) levels deep here; at most \(TemplateTree.nestingLimit) levels of sections and includes are rendered", at: SourceLocation(path: source.path, line: error.line, column: error.column)))
            } catch let error as MustacheTemplate.ParserError {
                // Positions in the template's own text: the pragma is a line of its own, or
                // (Markdown and text templates) the start of the first line.
                let pragmaLines = pragma.utf8.filter { $0 == UInt8(ascii: "\n") }.count
                let line = error.context.lineNumber - pragmaLines
                let column = error.context.columnNumber - (pragmaLines == 0 && line == 1 ? pragma.count : 0)
                diagnostics.append(.error("template-syntax", "template error: \(Self.describe(error.error))", at: SourceLocation(path: source.path, line: max(1, line), column: max(1, column + 1))))
            } catch {
                diagnostics.append(.error("template-syntax", "template error: \(error)", at: SourceLocation(path: source.path)))
            }
        }
        for name in requiredTemplates where library.getTemplate(named: name) == nil && !diagnostics.contains(where: { $0.location?.path.hasSuffix(name + ".mustache") == true }) {
            diagnostics.append(.error("missing-template", "the theme has no '\(name).mustache' template", at: SourceLocation(path: "templates/\(name).mustache")))
        }
        if !builtinTemplates {
            let templateNames = Set(sources.keys.filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) })
            let includes = TemplateIncludes(templates: checked, names: templateNames).check()
            diagnostics += includes
            // Names are followed through includes: only where these end.
            if !includes.containsErrors { diagnostics += TemplateNames(templates: checked).check(roots: TemplateRoots.all) }
        }
        guard !diagnostics.containsErrors else { return (nil, diagnostics) }
        let texts = Dictionary(uniqueKeysWithValues: sources.filter { $0.key.hasSuffix(".mustache") }.map { (String($0.key.dropLast(".mustache".count)), $0.value.text) })
        let pageLibrary = ReusedPartials.pageLibrary(library, allowingReuse: builtinTemplates || ReusedPartials.allowsReuse(sources: texts))
        return (Theme(library: library, pageLibrary: pageLibrary, assets: assets), diagnostics)
    }

    /// Renders `context` with the template `name`; Markdown templates (`*.md`) come out
    /// tidied, so they can be written for readability without counting blank lines.
    func render(_ name: String, _ context: Any) -> String {
        let started = ContinuousClock.now
        defer { Trace.add(template: name, ContinuousClock.now - started) }
        let text = (pageLibrary ?? library).render(context, withTemplate: name) ?? ""
        return Self.isText(name) ? MarkdownTidy.tidy(text) : text
    }

    /// Markdown (`*.md`) and plain-text (`*.txt`) templates: nothing is escaped, and the
    /// output is tidied.
    static func isText(_ name: String) -> Bool { name.hasSuffix(".md") || name.hasSuffix(".txt") }

    /// The content type a template is parsed with, as the pragma put in front of its text:
    /// nothing escaped in Markdown and text templates, HTML escaping (`HTMLEscaping`) in the others.
    static func pragma(for name: String) -> String {
        isText(name) ? "{{% CONTENT_TYPE: TEXT}}" : HTMLEscaping.pragma
    }

    /// Renders the sections of `detail` once, for every page that shows them.
    func prepareReuse(_ detail: ReleaseDetail) {
        if pageLibrary != nil { ReusedPartials.prepare(detail, with: library) }
    }

    /// swift-mustache's parser errors, in words.
    private static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "this closing tag does not match the section it closes"
        case .unfinishedName: return "a tag is not finished with '}}'"
        case .expectedSectionEnd: return "a section opened in this template is never closed"
        case .invalidSetDelimiter: return "the set-delimiter tag is not valid"
        case .transformAppliedToInheritanceSection: return "transforms cannot be applied to an inheritance section"
        case .illegalTokenInsideInheritSection, .textInsideInheritSection: return "an inheritance section may hold only block definitions"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return "the pragma ({{% …}}) is not valid"
        @unknown default: return "\(error)"
        }
    }
}
