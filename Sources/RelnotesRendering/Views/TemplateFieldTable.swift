/// A context's fields by template name (`TemplateContext.templateFields`).
///
/// Every name a template looks up is asked of the contexts of its stack, one after the
/// other, on every render: the most frequent lookup of a build. A `Dictionary` hashes the
/// name with SipHash each time, which cost more than the rest of the lookup. This table
/// hashes it with FNV-1a over its bytes into an open-addressed array at most half full,
/// so a name that is not a field (a lookup climbing past the context) usually lands on an
/// empty slot without comparing any text. The fields are also kept as the dictionary they
/// were written as, for `check`, the reference and the tests.
struct TemplateFieldTable<Root>: Sendable, ExpressibleByDictionaryLiteral {
    /// The fields as declared.
    let fields: [String: TemplateField<Root>]
    /// Per slot, the name of the field there, or `nil`; and how it is read. Two arrays, so
    /// that a probe reads a name without copying (and retaining) the rest of a field.
    private let names: [String?]
    private let reads: [(@Sendable (Root) -> Any)?]
    private let mask: Int

    init(_ fields: [String: TemplateField<Root>]) {
        self.fields = fields
        var size = 4
        while size < 2 * fields.count { size *= 2 }
        var names = [String?](repeating: nil, count: size)
        var reads = [(@Sendable (Root) -> Any)?](repeating: nil, count: size)
        // In name order, so that the layout does not depend on the dictionary's.
        for name in fields.keys.sorted() {
            var index = Self.hash(name) & (size - 1)
            while names[index] != nil { index = (index + 1) & (size - 1) }
            names[index] = name
            reads[index] = fields[name]!.read
        }
        self.names = names
        self.reads = reads
        mask = size - 1
    }

    init(dictionaryLiteral elements: (String, TemplateField<Root>)...) {
        self.init(Dictionary(uniqueKeysWithValues: elements))
    }

    /// The field named `name` of `root`, as a template reads it; `nil` when there is none.
    func value(named name: String, of root: Root) -> Any? {
        var index = Self.hash(name) & mask
        while let slotName = names[index] {
            if slotName == name { return reads[index]!(root) }
            index = (index + 1) & mask
        }
        return nil
    }

    subscript(name: String) -> TemplateField<Root>? { fields[name] }

    var keys: Dictionary<String, TemplateField<Root>>.Keys { fields.keys }

    func mapValues<Value>(_ transform: (TemplateField<Root>) throws -> Value) rethrows -> [String: Value] {
        try fields.mapValues(transform)
    }

    /// FNV-1a of the name's UTF-8 bytes (read as a buffer: a quarter faster than through
    /// `utf8`'s iterator on the short names templates look up).
    private static func hash(_ name: String) -> Int {
        var name = name
        return name.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            return Int(truncatingIfNeeded: hash ^ (hash >> 32))
        }
    }
}
