import Mustache
import Testing
@testable import RelnotesMarkdown
@testable import RelnotesModel
@testable import RelnotesRendering

/// A text or inline Markdown field declared in a content schema, with a template name and no
/// view property of its own, reaches templates by that name: what adding a field to
/// `ContentSchema` gets, for entries, releases (their head) and pages alike.
@Suite("Schema fields in templates")
struct SchemaFieldValuesTests {
    struct Fields: ContentFields {
        var owner: String?
        var title: String?
        var note: String?
        var tickets: [String]?
        static let schema: [FieldSpec<Fields>] = [
            .perAudience("title", .inlineMarkdown(\.title), sensitive: true, template: "title", "the title"),
            .perAudience("owner", .text(\.owner), sensitive: true, template: "owner", "who owns the change"),
            .perAudience("note", .inlineMarkdown(\.note), sensitive: true, template: "note", "a note, inline Markdown"),
            .perAudience("tickets", .trackerKeys(\.tickets), sensitive: true, template: "tickets", "a list: shown by a view property, never as text"),
            .perAudience("rollout", .text(\.owner), sensitive: true, template: nil, "no template name: not for templates"),
        ]
    }

    final class View: TemplateContext, Sendable {
        let title: String
        let schemaValues: SchemaFieldValues
        init(title: String, schemaValues: SchemaFieldValues) { (self.title, self.schemaValues) = (title, schemaValues) }

        static let schemaFields = SchemaFieldValues.unclaimed(Fields.self, claimed: ["title"])
        static let templateFields = SchemaFieldValues.extend(["title": .init({ (view: View) in view.title }, "the title")], with: schemaFields) { $0.schemaValues }
    }

    @Test("only text and inline Markdown fields with a template name that the view does not show itself")
    func unclaimed() {
        #expect(View.schemaFields.map(\.name) == ["owner", "note"])
        #expect(View.templateFields["owner"]?.doc == "who owns the change")
        #expect(Set(View.templateFields.keys) == ["title", "owner", "note"])
    }

    @Test("the value as the audience sees it, written for the output's format; absent is empty", arguments: [
        ("Dana *Lee*", MarkupFormat.html, "owner: Dana *Lee*"),
        ("Dana *Lee*", MarkupFormat.markdown, "owner: Dana \\*Lee\\*"),
        (nil, MarkupFormat.html, "owner: "),
    ])
    func rendered(owner: String?, format: MarkupFormat, expected: String) throws {
        var fields = Fields()
        fields.owner = owner
        let values = SchemaFieldValues(fields, View.schemaFields, text: { format == .markdown ? MarkdownText.escape($0) : $0 }, inline: { _ in "" })
        let template = try MustacheTemplate(string: "owner: {{{owner}}}{{^owner}}{{/owner}}")
        #expect(template.render(View(title: "t", schemaValues: values)) == expected)
    }

    @Test("an inline Markdown field is rendered as the audience's inline Markdown, a text field only escaped")
    func inlineMarkdown() throws {
        var fields = Fields()
        (fields.owner, fields.note) = ("Dana *Lee*", "See *the guide*")
        let values = SchemaFieldValues(fields, View.schemaFields, text: { "text(\($0))" }, inline: { "inline(\($0))" })
        let template = try MustacheTemplate(string: "{{{owner}}} / {{{note}}}")
        #expect(template.render(View(title: "t", schemaValues: values)) == "text(Dana *Lee*) / inline(See *the guide*)")
    }

    @Test("the built-in views name every field of today's schemas: none is left to SchemaFieldValues")
    func builtInViewsClaimEverything() {
        #expect(EntryView.schemaFields.isEmpty)
        #expect(ReleaseSummary.schemaFields.isEmpty, "release_manager, branch and sign_off are the head's meta; withdrawal_reason the announcement's")
        #expect(ContentPage.schemaFields.isEmpty)
    }
}
