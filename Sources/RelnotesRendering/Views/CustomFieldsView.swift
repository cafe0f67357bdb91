import Mustache
import RelnotesModel

/// `extra`, as templates read it: `{{extra.owner}}`, `{{#extra.risky}}…{{/extra.risky}}`,
/// `{{#extra.steps}}{{.}}{{/extra.steps}}`. Text renders as written, escaped like any text;
/// a list renders its text items joined by ", "; a mapping renders as nothing by itself.
extension CustomFields: TemplateValue {
    static func templateValue(_ value: CustomFields) -> Any { CustomFieldsView(fields: value) }
    static var templateShape: TemplateShape { .free }
}

/// A mapping of custom fields as a template context.
struct CustomFieldsView: MustacheParent, MustacheCustomRenderable {
    let fields: CustomFields

    func child(named name: String) -> Any? { fields[name]?.templateValue }
    var renderText: String { "" }
    var isNull: Bool { false }
}

/// A list of custom values: a section renders once per item.
struct CustomListView: MustacheSequence, MustacheCustomRenderable {
    let items: [Any]

    func makeIterator() -> IndexingIterator<[Any]> { items.makeIterator() }
    var renderText: String { items.compactMap { $0 as? String }.joined(separator: ", ") }
    var isNull: Bool { false }
}

extension CustomValue {
    var templateValue: Any {
        switch self {
        case .text(let text, _): text
        case .flag(let flag): flag
        case .list(let values): CustomListView(items: values.map(\.templateValue))
        case .mapping(let fields): CustomFieldsView(fields: fields)
        case .null: TemplateNull.value
        }
    }
}
