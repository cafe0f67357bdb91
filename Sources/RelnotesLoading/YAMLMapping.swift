import Yams
import RelnotesModel

/// A YAML mapping from front matter or `relnotes.yml`, keeping the file position of every
/// key and value so that each problem can be reported as `PATH:LINE:COLUMN`.
struct YAMLMapping {
    /// A class: a field is looked up (and so handed out) several times per file, and a copy
    /// of a class is one retain where a copy of the four values is one per string and node.
    final class Field {
        let key: String
        let keyLocation: SourceLocation
        let value: Node
        let valueLocation: SourceLocation

        init(key: String, keyLocation: SourceLocation, value: Node, valueLocation: SourceLocation) {
            self.key = key
            self.keyLocation = keyLocation
            self.value = value
            self.valueLocation = valueLocation
        }
    }

    var fields: [Field]
    /// Where the mapping starts (the file's start for a top-level mapping).
    var location: SourceLocation

    subscript(key: String) -> Field? { fields.first { $0.key == key } }
    var keys: [String] { fields.map(\.key) }
}

/// Turns YAML text into `YAMLMapping`s, translating Yams' marks into file positions.
struct YAMLPositions: Sendable {
    var path: String
    /// The file line of the YAML text's first line.
    var firstLine: Int

    /// Yams' default encoding, worked out once: Yams reads the whole environment for it on
    /// every parse, which a history of 20,000 files felt. (An enum value: nothing shared changes.)
    nonisolated(unsafe) private static let encoding = Parser.Encoding.default

    func location(of node: Node) -> SourceLocation {
        location(of: node.mark)
    }

    func location(of mark: Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(path: path, line: firstLine) }
        return SourceLocation(path: path, line: firstLine + mark.line - 1, column: mark.column)
    }

    /// Parses `yaml` whose top level must be a mapping (empty YAML is an empty mapping).
    func parseMapping(_ yaml: String, fileStart: SourceLocation) throws(Diagnostic) -> YAMLMapping {
        let root: Node?
        do {
            root = try SimpleFrontMatter.parse(yaml) ?? Yams.compose(yaml: yaml, .basic, .default, Self.encoding)
        } catch let error as YamlError {
            throw diagnostic(for: error)
        } catch {
            throw .error("invalid-yaml", "the YAML cannot be read: \(error)", at: fileStart)
        }
        guard let root else { return YAMLMapping(fields: [], location: fileStart) }
        // Only an alias (`*name`) repeats a node, and it names an anchor (`&name`).
        if yaml.containsByte(UInt8(ascii: "&")), yaml.containsByte(UInt8(ascii: "*")) { try checkSize(root, at: fileStart) }
        // Only an escape makes such a character, and every escape starts with a backslash.
        if yaml.containsByte(UInt8(ascii: "\\")) { try checkCharacters(root) }
        if root.isNull {
            return YAMLMapping(fields: [], location: fileStart)
        }
        return try mapping(root, describedAs: "the front matter", at: fileStart)
    }

    /// At most this many values, aliases expanded, in one file's YAML.
    static let maximumValues = 100_000

    /// An alias stands for the whole node it names, so a few lines of anchors naming lists
    /// of aliases of the anchor before (`a1: &a1 [*a0, *a0, …]`) make a billion values: an
    /// error once there are more than `maximumValues`, found in time bounded by that.
    private func checkSize(_ root: Node, at fileStart: SourceLocation) throws(Diagnostic) {
        var count = 0
        try Self.visit(root) { _ throws(Diagnostic) in
            count += 1
            guard count <= Self.maximumValues else {
                throw .error("too-many-values", "the YAML holds more than \(Self.maximumValues) values once its aliases (*name) are expanded; write the values out instead", at: fileStart)
            }
        }
    }

    /// A YAML escape (`"\x01"`) can make a character XML forbids, which the file's bytes do
    /// not hold: an error at the value (or key) that has it.
    private func checkCharacters(_ root: Node) throws(Diagnostic) {
        try Self.visit(root) { node throws(Diagnostic) in
            guard case .scalar(let scalar) = node else { return }
            if let bad = scalar.string.unicodeScalars.first(where: XMLCharacters.isForbidden) {
                throw .error("invalid-character", "this value holds \(XMLCharacters.name(bad)) (a YAML escape), \(XMLCharacters.reason)", at: location(of: node))
            }
        }
    }

    /// Every node under `root`, `root` first, in the order they are written (each key before
    /// its value), without recursion.
    private static func visit(_ root: Node, _ body: (Node) throws(Diagnostic) -> Void) throws(Diagnostic) {
        var pending = [root]
        while let node = pending.popLast() {
            try body(node)
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping { pending += [value, key] }
            case .sequence(let sequence):
                pending += sequence.reversed()
            case .scalar, .alias:
                break
            }
        }
    }

    /// `node` as a mapping with string keys, or a diagnostic saying what it is instead.
    func mapping(_ node: Node, describedAs name: String, at location: SourceLocation? = nil) throws(Diagnostic) -> YAMLMapping {
        guard case .mapping(let mapping) = node else {
            throw .error("type-mismatch", "\(name) must be a mapping of keys to values, not \(node.kindDescription)", at: location ?? self.location(of: node))
        }
        var fields: [YAMLMapping.Field] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                throw .error("type-mismatch", "keys in \(name) must be plain names", at: self.location(of: key))
            }
            fields.append(YAMLMapping.Field(
                key: scalar.string, keyLocation: self.location(of: key),
                value: value, valueLocation: self.location(of: value)))
        }
        return YAMLMapping(fields: fields, location: location ?? self.location(of: node))
    }

    private func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            // libyaml's context says where the construct that went wrong began: an unclosed
            // quote or bracket is found only at the end of the front matter.
            let begun = context.map { context in
                let start = location(of: context.mark)
                return " \(context.text) that starts on line \(start.line), column \(start.column)"
            } ?? ""
            return .error("invalid-yaml", "invalid YAML: \(problem)\(begun)", at: location(of: mark))
        case let .duplicatedKeysInMapping(duplicates, context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            let first = location(of: context.mark)
            guard duplicates.count == 1, let again = repetition(of: duplicates[0], after: context.mark, in: context.text) else {
                return .error("duplicate-key", "the key \(names) is given twice", at: first)
            }
            return .error("duplicate-key", "the key \(names) is given twice; it was first given on line \(first.line)", at: again)
        case let .reader(problem, _, _, _):
            return .error("invalid-yaml", "invalid YAML: \(problem)", at: SourceLocation(path: path, line: firstLine))
        default:
            return .error("invalid-yaml", "invalid YAML: \(error)", at: SourceLocation(path: path, line: firstLine))
        }
    }
}

private extension YAMLPositions {
    /// Where block-mapping key `key`, first written at `mark` (Yams reports the first),
    /// is written again: a later line holding `key:` in the same column.
    func repetition(of key: String, after mark: Mark, in yaml: String) -> SourceLocation? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1 else { return nil }
        for index in mark.line..<lines.count {
            let rest = lines[index].dropFirst(mark.column - 1)
            let indent = lines[index].prefix(mark.column - 1)
            guard indent.allSatisfy({ $0 == " " }), rest.hasPrefix(key) else { continue }
            if rest.dropFirst(key.count).drop(while: { $0 == " " }).first == ":" {
                return SourceLocation(path: path, line: firstLine + index, column: mark.column)
            }
        }
        return nil
    }
}

extension Node {
    /// How a value reads in a message: "a list", "a mapping", "text".
    var kindDescription: String {
        switch self {
        case .scalar: return "text"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }

    /// A plain `~`, `null` or empty value.
    var isNull: Bool {
        if case .scalar(let scalar) = self { return scalar.style == .plain && self.null != nil }
        return false
    }
}
