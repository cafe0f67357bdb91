import RelnotesModel

/// The fields of a content schema (`ContentSchema`) that no view property shows: declared
/// with a template name, they reach templates by that name with no view code of their own.
/// A text field added to the schema (`owner`, template `owner`) is `{{owner}}` in an
/// entry's templates, as this audience sees it, escaped for the output's format; an inline
/// Markdown field is rendered for the audience and the format, as titles are. A release's
/// fields reach its head (`release.head`, and every listing of it), a page's the page. The
/// names join the view's template table, so `check` and `relnotes templates --reference`
/// know them too. Fields the views show already keep their view properties.
struct SchemaFieldValues: Sendable {
    /// One such field: its template name, where the fields keep it, how it is written, its
    /// reference line.
    struct Field<Fields: ContentFields>: Sendable {
        let name: String
        let path: WritableKeyPath<Fields, String?> & Sendable
        let form: Form
        let doc: String
    }

    /// How a field's value reaches a template.
    enum Form: Sendable {
        /// Plain text, escaped for the output's format.
        case text
        /// Inline Markdown, rendered for the audience and the format.
        case inlineMarkdown
    }

    private let values: [String: String]

    static let none = SchemaFieldValues(values: [:])

    private init(values: [String: String]) { self.values = values }

    /// The value of each of `fields` that `resolved` sets: `text` writes a plain one for
    /// the output's format, `inline` renders an inline Markdown one. Nothing is kept when
    /// the schema has no such field.
    init<Fields: ContentFields>(_ resolved: Fields, _ fields: [Field<Fields>], text: (String) -> String, inline: (String) -> String) {
        var values: [String: String] = [:]
        for field in fields {
            guard let value = resolved[keyPath: field.path] else { continue }
            switch field.form {
            case .text: values[field.name] = text(value)
            case .inlineMarkdown: values[field.name] = inline(value)
            }
        }
        self.values = values
    }

    subscript(name: String) -> String? { values[name] }

    /// The schema's text and inline Markdown fields of `Fields` with a template name that
    /// `claimed` (the names the kind's views show already) does not have, in schema order.
    static func unclaimed<Fields: ContentFields>(_ kind: Fields.Type, claimed: some Sequence<String>) -> [Field<Fields>] {
        let claimed = Set(claimed)
        return Fields.schema.compactMap { spec in
            guard let name = spec.templateName, !claimed.contains(name) else { return nil }
            switch spec.storage {
            case .text(let path)?: return Field(name: name, path: path, form: .text, doc: spec.doc)
            case .inlineMarkdown(let path)?: return Field(name: name, path: path, form: .inlineMarkdown, doc: spec.doc)
            default: return nil
            }
        }
    }

    /// `table` with a field for each of `fields`, read from the view's values (`values`).
    static func extend<Root, Fields: ContentFields>(_ table: [String: TemplateField<Root>], with fields: [Field<Fields>], values: @escaping @Sendable (Root) -> SchemaFieldValues) -> TemplateFieldTable<Root> {
        var table = table
        for field in fields {
            let name = field.name
            table[name] = TemplateField(reading: { values($0)[name] }, field.doc)
        }
        return TemplateFieldTable(table)
    }
}
