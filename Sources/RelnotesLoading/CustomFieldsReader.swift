import Yams
import RelnotesModel

extension FieldReader {
    /// The `extra` mapping of `mapping` (a file's front matter or an audience block).
    ///
    /// Values are kept as written (`1.10` stays `1.10`); plain `true` and `false` are
    /// flags, so that `{{#extra.risky}}` works as a section. Keys must be names a template
    /// can write (`extra.rollout_notes`), and nesting is bounded.
    mutating func customFields(_ mapping: YAMLMapping) -> CustomFields? {
        guard let field = mapping[CustomFields.key], !field.value.isNull else { return nil }
        return customMapping(field.value, path: CustomFields.key, depth: 1)
    }

    /// `path`: where the mapping is, as a template names it (`extra.rollout`).
    private mutating func customMapping(_ node: Node, path: String, depth: Int) -> CustomFields? {
        let mapping: YAMLMapping
        do {
            mapping = try positions.mapping(node, describedAs: "'\(path)'")
        } catch {
            report(error)
            return nil
        }
        var fields: [CustomFields.Field] = []
        for field in mapping.fields {
            guard Self.isTemplateName(field.key) else {
                report(.error("invalid-name", "the key '\(field.key)' in '\(path)' cannot be named in a template; use letters, digits, '-' and '_'", at: field.keyLocation))
                continue
            }
            if let value = customValue(field.value, path: path + "." + field.key, depth: depth) {
                fields.append(CustomFields.Field(key: field.key, value: value))
            }
        }
        return CustomFields(fields: fields)
    }

    private mutating func customValue(_ node: Node, path: String, depth: Int) -> CustomValue? {
        switch node {
        case .scalar(let scalar):
            if node.isNull { return .null }
            if scalar.style == .plain, let flag = ["true": true, "True": true, "TRUE": true, "false": false, "False": false, "FALSE": false][scalar.string] {
                return .flag(flag)
            }
            // A quoted value's text starts after its quote.
            var location = positions.location(of: node)
            if scalar.style == .singleQuoted || scalar.style == .doubleQuoted { location.column += 1 }
            return .text(scalar.string, at: location)
        case .sequence(let sequence):
            guard depth < CustomFields.nestingLimit else { return tooDeep(node) }
            return .list(sequence.compactMap { customValue($0, path: path, depth: depth + 1) })
        case .mapping:
            guard depth < CustomFields.nestingLimit else { return tooDeep(node) }
            return customMapping(node, path: path, depth: depth + 1).map(CustomValue.mapping)
        case .alias:
            report(.error("type-mismatch", "'\(path)' must be text, a list or a mapping, not an alias", at: positions.location(of: node)))
            return nil
        }
    }

    private mutating func tooDeep(_ node: Node) -> CustomValue? {
        report(.error("too-deep", "'\(CustomFields.key)' nests lists and mappings more than \(CustomFields.nestingLimit) levels deep", at: positions.location(of: node)))
        return nil
    }

    /// Letters, digits, `-` and `_`: a key `extra.KEY` reaches (swift-mustache splits names at dots).
    private static func isTemplateName(_ key: String) -> Bool {
        !key.isEmpty && key.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
    }
}
