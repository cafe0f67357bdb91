import Foundation
import Yams
import RelnotesMarkdown
import RelnotesModel

/// Reads typed values out of a `YAMLMapping`, collecting a diagnostic for every value of the
/// wrong shape instead of stopping at the first, so that `check` can report them all.
///
/// Scalars are read as the text written: `version: 1.10` is the string `1.10`, never 1.1.
struct FieldReader {
    var positions: YAMLPositions
    var diagnostics: [Diagnostic] = []

    init(positions: YAMLPositions) { self.positions = positions }

    mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    // MARK: - Keys

    /// Reports every key not in `allowed` (and not an audience block when `audiences` are given).
    mutating func checkKeys(_ mapping: YAMLMapping, allowed: [String], in place: String, audiences: [String] = []) {
        for field in mapping.fields where !allowed.contains(field.key) && !audiences.contains(field.key) {
            let hint = Suggestion.hint(for: field.key, in: allowed + audiences)
            report(.error("unknown-key", "unknown key '\(field.key)' in \(place)\(hint)", at: field.keyLocation))
        }
    }

    /// The value of a required key, or a diagnostic at `missingAt`.
    mutating func required(_ key: String, in mapping: YAMLMapping, of place: String) -> YAMLMapping.Field? {
        guard let field = mapping[key], !field.value.isNull else {
            report(.error("missing-key", "\(place) needs a '\(key)' key", at: mapping[key]?.keyLocation ?? mapping.location))
            return nil
        }
        return field
    }

    // MARK: - Values

    /// A single text value; a list or mapping is reported.
    mutating func text(_ field: YAMLMapping.Field?) -> String? {
        guard let field, !field.value.isNull else { return nil }
        guard case .scalar(let scalar) = field.value else {
            report(.error("type-mismatch", "'\(field.key)' must be text, not \(field.value.kindDescription)", at: field.valueLocation))
            return nil
        }
        // Titles and summaries are inline Markdown, which cmark may take too long over.
        if let problem = ParserWork.refuseInline(scalar.string) {
            report(.error("markdown-too-costly", problem, at: field.valueLocation))
        }
        return scalar.string
    }

    /// A non-empty single line of text.
    mutating func line(_ field: YAMLMapping.Field?) -> String? {
        guard let field, let value = text(field) else { return nil }
        let trimmed = Self.trimmed(value)
        if trimmed.isEmpty {
            report(.error("empty-value", "'\(field.key)' is empty", at: field.valueLocation))
            return nil
        }
        return trimmed
    }

    /// `value.trimmingCharacters(in: .whitespacesAndNewlines)`, without asking Foundation
    /// when both ends are ASCII and no whitespace (nearly every value: YAML trims plain
    /// scalars itself). The ASCII characters of the set are tab to carriage return and space.
    static func trimmed(_ value: String) -> String {
        func isOtherASCII(_ byte: UInt8?) -> Bool {
            guard let byte else { return false }
            return byte < 0x80 && byte != 0x20 && !(0x09...0x0D).contains(byte)
        }
        if isOtherASCII(value.utf8.first), isOtherASCII(value.utf8.last) { return value }
        return value.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// One text value or a list of them (`audience: external` or `audience: [a, b]`).
    mutating func texts(_ field: YAMLMapping.Field?) -> [String]? {
        locatedTexts(field)?.map(\.text)
    }

    /// Like `texts`, with where each value was written, so that a problem with one item
    /// of a list is reported at that item.
    mutating func locatedTexts(_ field: YAMLMapping.Field?) -> [(text: String, location: SourceLocation)]? {
        guard let field, !field.value.isNull else { return nil }
        switch field.value {
        case .scalar(let scalar):
            return [(scalar.string, field.valueLocation)]
        case .sequence(let sequence):
            var values: [(text: String, location: SourceLocation)] = []
            for item in sequence {
                guard case .scalar(let scalar) = item, !item.isNull else {
                    report(.error("type-mismatch", "items of '\(field.key)' must be text, not \(item.kindDescription)", at: positions.location(of: item)))
                    continue
                }
                values.append((scalar.string, positions.location(of: item)))
            }
            return values
        default:
            report(.error("type-mismatch", "'\(field.key)' must be text or a list of text, not \(field.value.kindDescription)", at: field.valueLocation))
            return nil
        }
    }

    mutating func bool(_ field: YAMLMapping.Field?) -> Bool? {
        guard let field, let value = text(field) else { return nil }
        switch value.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            report(.error("type-mismatch", "'\(field.key)' must be true or false, not '\(value)'", at: field.valueLocation))
            return nil
        }
    }

    mutating func integer(_ field: YAMLMapping.Field?, atLeast minimum: Int) -> Int? {
        guard let field, let value = text(field) else { return nil }
        guard let number = Int(value), number >= minimum else {
            report(.error("type-mismatch", "'\(field.key)' must be a whole number of at least \(minimum), not '\(value)'", at: field.valueLocation))
            return nil
        }
        return number
    }

    /// One of `choices`, with a hint for near misses.
    mutating func choice(_ field: YAMLMapping.Field?, of choices: [String]) -> String? {
        guard let field, let value = line(field) else { return nil }
        guard choices.contains(value) else {
            let hint = Suggestion.hint(for: value, in: choices)
            let listed = choices.map { "'\($0)'" }.joined(separator: ", ")
            report(.error("invalid-value", "'\(field.key)' must be one of \(listed), not '\(value)'\(hint)", at: field.valueLocation))
            return nil
        }
        return value
    }

    mutating func mapping(_ field: YAMLMapping.Field?) -> YAMLMapping? {
        guard let field, !field.value.isNull else { return nil }
        do {
            return try positions.mapping(field.value, describedAs: "'\(field.key)'")
        } catch {
            report(error)
            return nil
        }
    }

    /// A `YYYY-MM-DD` date, kept as written.
    mutating func date(_ field: YAMLMapping.Field?) -> String? {
        guard let field, let value = line(field) else { return nil }
        guard CalendarDate(value) != nil else {
            let shaped = value.count == 10 && value.enumerated().allSatisfy { [4, 7].contains($0) ? $1 == "-" : $1.isASCIIDigit }
            let message = shaped
                ? "'\(field.key)' must be a day of the calendar; \(value) does not exist"
                : "'\(field.key)' must be a date written YYYY-MM-DD, not '\(value)'"
            report(.error("invalid-date", message, at: field.valueLocation))
            return nil
        }
        return value
    }
}
