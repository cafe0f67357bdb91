import RelnotesModel

/// What a template can use, generated from what the renderer reads: the contexts of the
/// templates relnotes renders (`TemplateRoots`, the `TemplateContext` tables and their docs)
/// and the front-matter fields behind them (`ContentSchema`). `relnotes templates
/// --reference` prints it; the README holds it between markers, kept true by a test.
package enum TemplateReference {
    /// The reference as Markdown, starting at heading level `level` (`###`).
    package static func markdown(level: Int = 3) -> String {
        let heading = String(repeating: "#", count: level)
        var out = "\(heading) Template contexts\n\n"
        out += "Each template is rendered with one context; inside a section over a list, names are looked up in the element, then in the contexts around it. Under `extra` any key a file's `extra:` holds may be named.\n\n"
        out += "| template | context |\n|---|---|\n"
        for root in TemplateRoots.all {
            out += "| `\(root.name)` | \(describe(root.context)) |\n"
        }
        for set in contexts() {
            out += "\n\(heading)# `\(set.name)`\n\n| name | value | what |\n|---|---|---|\n"
            let shapes = set.fields(), docs = set.docs()
            for name in shapes.keys.sorted() {
                out += "| `\(name)` | \(describe(shapes[name]!)) | \(cell(docs[name] ?? "")) |\n"
            }
        }
        out += "\n\(heading) Front-matter fields\n\n"
        out += "What each kind of content file accepts (`ContentSchema`). *Per audience*: an audience block (`internal:`) may give it. *Sensitive*: `sensitive_patterns` search it. *Template*: its name in the views of that kind.\n"
        out += fieldTable("Release record", ReleaseFields.schema, heading: heading)
        out += fieldTable("Changelog entry", EntryFields.schema, heading: heading)
        out += fieldTable("Page", PageFields.schema, heading: heading)
        return out
    }

    /// Every context reachable from the roots, in the order first reached (roots in order,
    /// fields by name).
    private static func contexts() -> [TemplateFieldSet] {
        var seen = Set<String>()
        var found: [TemplateFieldSet] = []
        var pending = TemplateRoots.all.map(\.context)
        while !pending.isEmpty {
            let shape = pending.removeFirst()
            guard let set = shape.fieldSet, seen.insert(set.name).inserted else { continue }
            found.append(set)
            let fields = set.fields()
            pending += fields.keys.sorted().map { fields[$0]! }
        }
        return found
    }

    private static func describe(_ shape: TemplateShape) -> String {
        switch shape {
        case .value: "text"
        case .flag: "true/false"
        case .list(let element): "list of " + describe(element)
        case .fields(let set): "[`\(set.name)`](#\(set.name.lowercased()))"
        case .free: "any (`extra.KEY`)"
        }
    }

    private static func fieldTable<Fields>(_ title: String, _ schema: [FieldSpec<Fields>], heading: String) -> String {
        var out = "\n\(heading)# \(title)\n\n| key | holds | per audience | sensitive | template | what |\n|---|---|---|---|---|---|\n"
        for spec in schema {
            out += "| `\(spec.key)` | \(spec.kind.description) | \(spec.overridable ? "yes" : "") | \(spec.sensitiveText ? "yes" : "") | \(spec.templateName.map { "`\($0)`" } ?? "") | \(cell(spec.referenceDoc)) |\n"
        }
        return out
    }

    /// A table cell: `|` would end it.
    private static func cell(_ text: String) -> String {
        String(text.flatMap { $0 == "|" ? ["\\", "|"] : [$0] })
    }
}

private extension TemplateShape {
    /// The context a value of this shape is, or holds a list of.
    var fieldSet: TemplateFieldSet? {
        switch self {
        case .fields(let set): set
        case .list(let element): element.fieldSet
        case .value, .flag, .free: nil
        }
    }
}
