import Mustache
import Testing
@testable import RelnotesMarkdown
@testable import RelnotesModel
@testable import RelnotesRendering

/// A text field declared in a content schema, with a template name and no view property of
/// its own, reaches templates by that name: what adding a field to `ContentSchema` gets.
@Suite("Schema fields in templates")
struct SchemaFieldValuesTests {
    struct Fields: ContentFields {
        var owner: String?
        var title: String?
        static let schema: [FieldSpec<Fields>] = [
            .perAudience("title", .inlineMarkdown(\.title), sensitive: true, template: "title", "the title"),
            .perAudience("owner", .text(\.owner), sensitive: true, template: "owner", "who owns the change"),
            .perAudience("rollout", .text(\.owner), sensitive: true, template: nil, "no template name: not for templates"),
        ]
    }

    final class View: TemplateContext, Sendable {
        let title: String
        let schemaValues: SchemaFieldValues
        init(title: String, schemaValues: SchemaFieldValues) { (self.title, self.schemaValues) = (title, schemaValues) }

        static let schemaFields = SchemaFieldValues.unclaimed(Fields.self, claimed: ["title"])
        static let templateFields = SchemaFieldValues.extend(["title": .init(\View.title, "the title")], with: schemaFields) { $0.schemaValues }
    }

    @Test("only plain-text fields with a template name that the view does not show itself")
    func unclaimed() {
        #expect(View.schemaFields.map(\.name) == ["owner"])
        #expect(View.templateFields["owner"]?.doc == "who owns the change")
        #expect(Set(View.templateFields.keys) == ["title", "owner"])
    }

    @Test("the value as the audience sees it, written for the output's format; absent is empty", arguments: [
        ("Dana *Lee*", MarkupFormat.html, "owner: Dana *Lee*"),
        ("Dana *Lee*", MarkupFormat.markdown, "owner: Dana \\*Lee\\*"),
        (nil, MarkupFormat.html, "owner: "),
    ])
    func rendered(owner: String?, format: MarkupFormat, expected: String) throws {
        var fields = Fields()
        fields.owner = owner
        let values = SchemaFieldValues(fields, View.schemaFields) { format == .markdown ? MarkdownText.escape($0) : $0 }
        let template = try MustacheTemplate(string: "owner: {{{owner}}}{{^owner}}{{/owner}}")
        #expect(template.render(View(title: "t", schemaValues: values)) == expected)
    }
}
