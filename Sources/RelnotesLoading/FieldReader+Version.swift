import RelnotesModel

extension FieldReader {
    /// A SemVer 2.0.0 version (`resolved_in: 1.3.0`), kept as parsed.
    mutating func version(_ field: YAMLMapping.Field?) -> SemanticVersion? {
        guard let field, let value = line(field) else { return nil }
        do {
            return try SemanticVersion(parsing: value)
        } catch {
            report(.error("invalid-version", "'\(field.key)': '\(value)' is not a SemVer 2.0.0 version: \(error.reason)", at: field.valueLocation))
            return nil
        }
    }
}
