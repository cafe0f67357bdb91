/// What a template value offers the templates that read it, derived from the types of the
/// `TemplateContext` tables (never a list kept by hand): `check` holds every template to it,
/// so a misspelt name is an error at its position instead of an empty piece of page.
indirect enum TemplateShape: Sendable {
    /// Text or a number: a section over it renders once, and it answers no names.
    case value
    /// `true` or `false`: a section over it renders with the context as it was.
    case flag
    /// A section over it renders once per element.
    case list(TemplateShape)
    /// A context with named fields.
    case fields(TemplateFieldSet)
    /// A team's own fields (`extra`): any name may be there.
    case free

    /// A stable name for the shape, for telling contexts apart.
    var signature: String {
        switch self {
        case .value: "v"
        case .flag: "b"
        case .list(let element): "[\(element.signature)]"
        case .fields(let set): set.name
        case .free: "*"
        }
    }

    /// The shape of field `name`; `nil` when there is none.
    func field(_ name: String) -> TemplateShape? {
        switch self {
        case .fields(let set): set.fields()[name]
        case .free: .free
        case .value, .flag, .list: nil
        }
    }

    /// The names it answers (for "did you mean").
    var names: [String] {
        if case .fields(let set) = self { return Array(set.fields().keys) }
        return []
    }

    /// What a section over a value of this shape pushes onto the context stack, if anything.
    var sectionContext: TemplateShape? {
        switch self {
        case .flag: nil
        case .list(.fields(let set)): .fields(set)
        case .list(.free): .free
        case .list, .value, .fields, .free: self.isList ? .value : self
        }
    }
}

private extension TemplateShape {
    var isList: Bool {
        if case .list = self { return true }
        return false
    }
}

/// The fields of one context type, read from its table when first asked for.
struct TemplateFieldSet: Sendable {
    let name: String
    let fields: @Sendable () -> [String: TemplateShape]
    /// One line on each field, for the template reference.
    let docs: @Sendable () -> [String: String]
}
