import RelnotesMarkdown

/// `tickets:` of an entry: tracker keys, each one whole match of `tickets.pattern`, so that
/// what a template turns into a link (`[REL-117](…/REL-117)`) is a key and nothing else.
extension FieldReader {
    mutating func tickets(_ field: YAMLMapping.Field?, keys: TicketLinker, pattern: String) -> [String]? {
        guard let values = locatedTexts(field) else { return nil }
        var tickets: [String] = []
        for (value, location) in values {
            guard keys.isKey(value) else {
                report(.error("invalid-ticket", "'\(value)' is not a tracker key: it must match 'tickets.pattern' ('\(pattern)') as a whole", at: location))
                continue
            }
            tickets.append(value)
        }
        return tickets
    }
}

extension TicketLinker {
    /// Whether `text` is one key from its first character to its last.
    package func isKey(_ text: String) -> Bool {
        keys(in: text).map { $0 == text.startIndex..<text.endIndex } == [true]
    }
}
