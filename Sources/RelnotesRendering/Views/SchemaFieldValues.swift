import RelnotesModel

/// The text fields of a content schema (`ContentSchema`) that no view property shows:
/// declared with a template name, they reach templates by that name with no view code of
/// their own — a field added to the schema (`owner`, template `owner`) is `{{owner}}` in an
/// entry's templates, as this audience sees it, escaped for the output's format. The names
/// join the view's template table, so `check` and `relnotes templates --reference` know
/// them too. Fields the views show already (a title, rendered as inline Markdown) keep
/// their view properties.
struct SchemaFieldValues: Sendable {
    /// One such field: its template name, where the fields keep it, its reference line.
    struct Field<Fields: ContentFields>: Sendable {
        let name: String
        let path: WritableKeyPath<Fields, String?> & Sendable
        let doc: String
    }

    private let values: [String: String]

    static let none = SchemaFieldValues(values: [:])

    private init(values: [String: String]) { self.values = values }

    /// The value of each of `fields` that `resolved` sets, as `text` writes it for the
    /// output's format; nothing to do (and nothing kept) when the schema has no such field.
    init<Fields: ContentFields>(_ resolved: Fields, _ fields: [Field<Fields>], text: (String) -> String) {
        var values: [String: String] = [:]
        for field in fields {
            if let value = resolved[keyPath: field.path] { values[field.name] = text(value) }
        }
        self.values = values
    }

    subscript(name: String) -> String? { values[name] }

    /// The schema's plain-text fields of `Fields` with a template name that `claimed` (the
    /// view's own table) does not have, in schema order.
    static func unclaimed<Fields: ContentFields>(_ kind: Fields.Type, claimed: some Sequence<String>) -> [Field<Fields>] {
        let claimed = Set(claimed)
        return Fields.schema.compactMap { spec in
            guard let name = spec.templateName, !claimed.contains(name), case .text(let path)? = spec.storage else { return nil }
            return Field(name: name, path: path, doc: spec.doc)
        }
    }

    /// `table` with a field for each of `fields`, read from the view's values (`values`).
    static func extend<Root, Fields: ContentFields>(_ table: [String: TemplateField<Root>], with fields: [Field<Fields>], values: @escaping @Sendable (Root) -> SchemaFieldValues) -> [String: TemplateField<Root>] {
        var table = table
        for field in fields {
            let name = field.name
            table[name] = TemplateField(reading: { values($0)[name] }, field.doc)
        }
        return table
    }
}
