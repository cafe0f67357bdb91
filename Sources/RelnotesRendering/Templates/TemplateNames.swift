import RelnotesModel

/// The names each template looks up, checked against the contexts it is rendered with.
///
/// Every template relnotes renders (`TemplateRoots`) is walked from its context, as
/// swift-mustache would render it: a section over a list looks names up in the element and
/// then in the contexts around it, a partial sees the context of its include, a block of a
/// parent template (`{{< layout}}{{$ content}}…`) the context where the parent expands it.
/// The contexts come from `TemplateContext`'s tables, so a field added there is known here.
///
/// A template included from several places (the layout, a partial) may use a name that only
/// some of them have; a name is wrong when no place has it. Run only over a theme without
/// recursion or excessive nesting (`TemplateIncludes`): the walk follows includes.
struct TemplateNames {
    let templates: [String: ThemeTemplate]

    /// The names that no context has, in the project's templates (`overridesOnly`) or in all.
    func check(roots: [TemplateRoots.Root], overridesOnly: Bool = true) -> [Diagnostic] {
        var walk = Walk(templates: templates)
        for root in roots {
            guard let template = templates[root.name] else { continue }
            walk.walk(template.tree.tags, in: template.name, stack: [root.context], blocks: [:])
        }
        return walk.unknown.keys.sorted().compactMap { key -> Diagnostic? in
            guard !walk.known.contains(key), let unknown = walk.unknown[key],
                  let template = templates[key.template], template.isOverride || !overridesOnly else { return nil }
            return .error("unknown-template-name", unknown.message, at: SourceLocation(path: template.path, line: key.line, column: key.column))
        }
    }
}

private struct Walk {
    struct Key: Hashable, Comparable {
        var template: String
        var line: Int
        var column: Int

        static func < (lhs: Key, rhs: Key) -> Bool { (lhs.template, lhs.line, lhs.column) < (rhs.template, rhs.line, rhs.column) }
    }

    /// A name not found, and what could have been meant.
    struct Unknown {
        var written: String
        /// The part before the segment not found (`site` in `site.titel`), empty for the first.
        var owner: String
        var segment: String
        var candidates: Set<String>
        /// The whole name, found one field further in (`head.extra.owner` for `extra.owner`).
        var deeper: Set<String> = []

        var message: String {
            let close = Suggestion.closest(to: segment, in: candidates.sorted()).map { owner.isEmpty ? $0 : owner + "." + $0 }
            let hint = (close ?? deeper.sorted().first).map { " — did you mean '\($0)'?" } ?? ""
            if owner.isEmpty { return "unknown name '\(written)'\(hint)" }
            return "unknown name '\(written)': '\(owner)' has no '\(segment)'\(hint)"
        }
    }

    /// A block defined in a parent template's include, and the template it was written in.
    struct Block {
        var tags: [TemplateTree.Tag]
        var template: String
    }

    let templates: [String: ThemeTemplate]
    var known: Set<Key> = []
    var unknown: [Key: Unknown] = [:]
    /// Templates already walked with the same contexts and blocks.
    var walked: Set<String> = []
    /// The fields of each context type, read from its table once.
    var tables: [String: [String: TemplateShape]] = [:]

    mutating func walk(_ tags: [TemplateTree.Tag], in template: String, stack: [TemplateShape], blocks: [String: Block]) {
        for tag in tags {
            let key = Key(template: template, line: tag.line, column: tag.column)
            switch tag.kind {
            case .variable:
                _ = look(up: tag, key: key, in: stack)
            case .section:
                // Where the name is unknown, what is inside is not checked against guesses.
                let inner: TemplateShape? = look(up: tag, key: key, in: stack).map(\.sectionContext) ?? .free
                walk(tag.children, in: template, stack: inner.map { stack + [$0] } ?? stack, blocks: blocks)
            case .invertedSection:
                _ = look(up: tag, key: key, in: stack)
                walk(tag.children, in: template, stack: stack, blocks: blocks)
            case .partial:
                include(tag.name, stack: stack, blocks: blocks)
            case .parent:
                var defined = blocks
                for block in tag.children where block.kind == .block && defined[block.name] == nil {
                    defined[block.name] = Block(tags: block.children, template: template)
                }
                include(tag.name, stack: stack, blocks: defined)
            case .block:
                if let block = blocks[tag.name] {
                    walk(block.tags, in: block.template, stack: stack, blocks: blocks)
                } else {
                    walk(tag.children, in: template, stack: stack, blocks: blocks)
                }
            case .dynamicPartial:
                break
            }
        }
    }

    private mutating func include(_ name: String, stack: [TemplateShape], blocks: [String: Block]) {
        guard let template = templates[name] else { return }
        let blockKey = blocks.keys.sorted().map { "\($0)@\(blocks[$0]!.template):\(blocks[$0]!.tags.first?.line ?? 0)" }
        let signature = ([name] + stack.map(\.signature) + blockKey).joined(separator: "|")
        guard walked.insert(signature).inserted else { return }
        walk(template.tree.tags, in: name, stack: stack, blocks: blocks)
    }

    /// The shape `tag`'s name resolves to, as swift-mustache resolves it; `nil` when it
    /// resolves to nothing (recorded at `key`).
    private mutating func look(up tag: TemplateTree.Tag, key: Key, in stack: [TemplateShape]) -> TemplateShape? {
        let name = tag.name
        var shape: TemplateShape
        if name == "." || (name.isEmpty && !tag.transforms.isEmpty) {
            // The current value, or the position in a list (`first()`).
            shape = name == "." ? stack.last ?? .value : .flag
        } else {
            let segments = name.split(separator: ".", omittingEmptySubsequences: true).map(String.init)
            guard let first = segments.first else { return stack.last }
            // `.name` is looked up in the current value only; `name` from there outwards.
            let frames = name.hasPrefix(".") ? Array(stack.suffix(1)) : stack
            var found: TemplateShape?
            for frame in frames.reversed() where found == nil { found = field(first, of: frame) }
            guard let found else {
                return miss(key, Unknown(written: name, owner: "", segment: first, candidates: Set(frames.flatMap(\.names)), deeper: deeper(first, name, in: frames)))
            }
            shape = found
            for (index, segment) in segments.enumerated().dropFirst() {
                guard let next = field(segment, of: shape) else {
                    return miss(key, Unknown(written: name, owner: segments[..<index].joined(separator: "."), segment: segment, candidates: Set(shape.names)))
                }
                shape = next
            }
        }
        known.insert(key)
        // Transforms apply innermost first: `first(entries)` is an element, `count(…)` a number.
        for transform in tag.transforms.reversed() {
            switch (transform, shape) {
            case ("first", .list(let element)), ("last", .list(let element)): shape = element
            case ("reversed", .list), ("sorted", .list): break
            case ("empty", _), ("even", _), ("odd", _), ("equalzero", _): shape = .flag
            default: shape = .value
            }
        }
        return shape
    }

    /// `name` as a field of a field of the contexts (never under `extra`, which has any name).
    private mutating func deeper(_ first: String, _ name: String, in frames: [TemplateShape]) -> Set<String> {
        var found: Set<String> = []
        for frame in frames {
            for outer in frame.names {
                guard let shape = field(outer, of: frame), case .fields = shape, field(first, of: shape) != nil else { continue }
                found.insert(outer + "." + name)
            }
        }
        return found
    }

    private mutating func field(_ name: String, of shape: TemplateShape) -> TemplateShape? {
        guard case .fields(let set) = shape else { return shape.field(name) }
        if let table = tables[set.name] { return table[name] }
        let table = set.fields()
        tables[set.name] = table
        return table[name]
    }

    private mutating func miss(_ key: Key, _ missing: Unknown) -> TemplateShape? {
        if var earlier = unknown[key] {
            earlier.candidates.formUnion(missing.candidates)
            earlier.deeper.formUnion(missing.deeper)
            unknown[key] = earlier
        } else {
            unknown[key] = missing
        }
        return nil
    }
}
