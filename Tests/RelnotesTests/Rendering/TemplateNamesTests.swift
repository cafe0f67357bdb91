import Foundation
import Testing
@testable import RelnotesRendering
import RelnotesModel

/// `check` holds a project's templates to the contexts they are rendered with: a misspelt
/// name would otherwise render as nothing, on every page, without a word.
@Suite("Templates: names and partials checked")
struct TemplateNamesTests {
    static func problems(_ templates: [String: String]) throws -> [String] {
        try TemplateRecursionTests.problems(templates)
    }

    @Test("the built-in theme uses only names its contexts have, in every template")
    func builtinThemeIsClean() {
        var templates: [String: ThemeTemplate] = [:]
        for (file, text) in BuiltinTheme.files where file.hasSuffix(".mustache") {
            let name = String(file.dropLast(".mustache".count))
            templates[name] = ThemeTemplate(name: name, path: Theme.builtinPrefix + file, tree: try! TemplateTree(text))
        }
        #expect(TemplateIncludes(templates: templates, names: Set(templates.keys)).check() == [])
        #expect(TemplateNames(templates: templates).check(roots: TemplateRoots.all, overridesOnly: false) == [])
    }

    /// What lets a theme made of the built-in templates alone skip these checks (`Theme.make`).
    @Test("the built-in theme passes every check of a theme and reuses its sections")
    func builtinThemePassesEveryCheck() {
        let checked = Theme.make(ThemeFiles(), diagnostics: [], checkingBuiltin: true)
        #expect(checked.diagnostics.isEmpty)
        #expect(checked.theme?.pageLibrary != nil)
        let texts = Dictionary(uniqueKeysWithValues: BuiltinTheme.files.filter { $0.key.hasSuffix(".mustache") }.map { (String($0.key.dropLast(".mustache".count)), $0.value) })
        #expect(ReusedPartials.allowsReuse(sources: texts))
        let unchecked = Theme.make(ThemeFiles(), diagnostics: [])
        #expect(unchecked.diagnostics.isEmpty)
        #expect(unchecked.theme?.pageLibrary != nil)
    }

    @Test("a misspelt name is an error at its tag, with the name it was meant to be")
    func misspeltVariable() throws {
        #expect(try Self.problems(["templates/partials/entry.mustache": "<li>\n  {{{titel}}} {{site.titel}}\n</li>\n"]) == [
            "templates/partials/entry.mustache:2:3: error: unknown name 'titel' — did you mean 'title'?",
            "templates/partials/entry.mustache:2:15: error: unknown name 'site.titel': 'site' has no 'titel' — did you mean 'site.title'?",
        ])
    }

    @Test("inside a section, names are looked up in the element and then in the contexts around it")
    func sectionsChangeTheContext() throws {
        let template = "{{#tickets}}{{key}} {{url}} {{title}} {{site.title}} {{kee}}{{/tickets}}{{^tickets}}{{key}}{{/tickets}}\n"
        #expect(try Self.problems(["templates/partials/entry.mustache": template]) == [
            "templates/partials/entry.mustache:1:54: error: unknown name 'kee' — did you mean 'key'?",
            "templates/partials/entry.mustache:1:85: error: unknown name 'key'",
        ])
    }

    @Test("a name that only some of a template's includes have is fine; a dot name looks only at the current value")
    func sharedTemplates() throws {
        #expect(try Self.problems(["templates/partials/badges.mustache": "{{#hasBadges}}{{version}}{{.version}}{{/hasBadges}}{{#isDraft}}{{.title}}{{/isDraft}}\n"]) == [])
        #expect(try Self.problems(["templates/partials/entry.mustache": "{{#tickets}}{{.title}}{{/tickets}}\n"]) == [
            "templates/partials/entry.mustache:1:13: error: unknown name '.title'",
        ])
    }

    @Test("a name one field further in is suggested whole")
    func deeperSuggestion() throws {
        #expect(try Self.problems(["templates/release.mustache": "{{<layout}}{{$content}}{{#release}}{{extra.owner}} {{version}}{{/release}}{{/content}}{{/layout}}\n"]) == [
            "templates/release.mustache:1:36: error: unknown name 'extra.owner' — did you mean 'head.extra.owner'?",
            "templates/release.mustache:1:52: error: unknown name 'version' — did you mean 'head.version'?",
        ])
    }

    @Test("names in a layout's blocks are checked where the layout expands them")
    func blocks() throws {
        #expect(try Self.problems(["templates/page.mustache": "{{<layout}}{{$title}}{{titleText}} {{site.titel}}{{/title}}{{$content}}{{{body}}}{{/content}}{{/layout}}\n"]) == [
            "templates/page.mustache:1:36: error: unknown name 'site.titel': 'site' has no 'titel' — did you mean 'site.title'?",
        ])
    }

    @Test("transforms and positions in lists are understood")
    func transforms() throws {
        let template = "{{uppercased(titleText)}}{{#tickets}}{{^last()}},{{/last()}}{{/tickets}}{{#first(tickets)}}{{key}}{{/first(tickets)}}{{lowercased(titel)}}\n"
        #expect(try Self.problems(["templates/partials/entry.mustache": template]) == [
            "templates/partials/entry.mustache:1:118: error: unknown name 'titel' — did you mean 'title'?",
        ])
    }

    @Test("a partial that does not exist is an error with a real suggestion, never the name itself")
    func missingPartials() throws {
        #expect(try Self.problems(["templates/partials/section.mustache": "{{#groups}}{{#entries}}{{> partials/entri}}{{/entries}}{{/groups}}\n"]) == [
            "templates/partials/section.mustache:1:24: error: template 'partials/entri' does not exist — did you mean 'partials/entry'?",
        ])
        #expect(try Self.problems(["templates/partials/section.mustache": "{{#groups}}{{> partials/entry.mustache}}{{/groups}}\n"]) == [
            "templates/partials/section.mustache:1:12: error: template 'partials/entry.mustache' does not exist — did you mean 'partials/entry'?",
        ])
        #expect(try Self.problems(["templates/partials/section.mustache": "{{> nothing/like/it}}\n"]) == [
            "templates/partials/section.mustache:1:1: error: template 'nothing/like/it' does not exist",
        ])
    }

    @Test("a partial named by a value is refused: relnotes cannot check what it would include")
    func dynamicPartial() throws {
        #expect(try Self.problems(["templates/partials/entry.mustache": "{{>*title}}\n"]) == [
            "templates/partials/entry.mustache:1:1: error: a partial named by a value ('*title') is not supported; name the template to include",
        ])
    }

    @Test("a template that does not parse is reported at its position, and its names are not guessed at")
    func unparsable() throws {
        #expect(try Self.problems(["templates/partials/entry.mustache": "<li>{{#title}}{{titel}}</li>\n"]) == [
            "templates/partials/entry.mustache:2:2: error: template error: a section opened in this template is never closed",
        ])
    }

    @Test("a template nobody renders is not checked for names")
    func unusedTemplate() throws {
        #expect(try Self.problems(["templates/partials/unused.mustache": "{{anything}}\n"]) == [])
    }
}
