import RelnotesModel

/// Which template includes which (`{{> partial}}`, `{{< parent}}`), checked before anything
/// is rendered: a partial that does not exist, one named by a value, a template that
/// includes or inherits from itself (directly or through others: rendering it would never
/// end), and includes nested too deeply to render. Each is an error at the include.
///
/// swift-mustache renders a missing partial as nothing and recurses without bound, so
/// these are the only guard: a theme with any of these errors is never rendered.
struct TemplateIncludes {
    /// The templates that parsed, by name.
    let templates: [String: ThemeTemplate]
    /// Every template of the theme, parsed or not (one that does not parse is reported as such).
    let names: Set<String>
    /// The templates each template includes, in the order written, each once.
    private let edges: [String: [String]]

    init(templates: [String: ThemeTemplate], names: Set<String>) {
        self.templates = templates
        self.names = names
        edges = templates.mapValues { template in
            var found: [String] = []
            template.tree.tags.forEachTag { tag, _ in
                if Self.includes(tag), templates[tag.name] != nil, !found.contains(tag.name) { found.append(tag.name) }
            }
            return found
        }
    }

    func check() -> [Diagnostic] {
        let cycles = recursion()
        return missing() + cycles + (cycles.isEmpty ? depth() : [])
    }

    // MARK: - Missing and dynamic partials

    private func missing() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for template in sortedTemplates {
            template.tree.tags.forEachTag { tag, _ in
                if tag.kind == .dynamicPartial || (tag.kind == .parent && tag.name.hasPrefix("*")) {
                    diagnostics.append(.error("dynamic-partial", "a partial named by a value ('*\(tag.name.trimmingPrefix("*"))') is not supported; name the template to include", at: template.location(of: tag)))
                } else if Self.includes(tag), !names.contains(tag.name) {
                    diagnostics.append(.error("missing-partial", "template '\(tag.name)' does not exist\(hint(for: tag.name))", at: template.location(of: tag)))
                }
            }
        }
        return diagnostics
    }

    /// A real "did you mean": another template's name, never the name itself.
    private func hint(for name: String) -> String {
        let written = name.hasSuffix(".mustache") ? String(name.dropLast(".mustache".count)) : name
        if written != name, names.contains(written) { return " — did you mean '\(written)'?" }
        return Suggestion.hint(for: name, in: names.filter { $0 != name }.sorted())
    }

    // MARK: - Recursion

    /// An error at every include, in the project's own templates, that leads back to the
    /// template it is in. (The built-in theme has no cycle, so every cycle has one.)
    private func recursion() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for template in sortedTemplates where template.isOverride {
            template.tree.tags.forEachTag { tag, _ in
                guard Self.includes(tag), templates[tag.name] != nil, let route = route(from: tag.name, to: template.name) else { return }
                let verb = tag.kind == .parent ? "inherits from" : "includes"
                let through = route.count > 1 ? " through '\(route[0])' (\(([template.name] + route).joined(separator: " → ")))" : ""
                diagnostics.append(.error("template-recursion", "'\(template.name)' \(verb) itself\(through): rendering it would never end", at: template.location(of: tag)))
            }
        }
        return diagnostics
    }

    /// The shortest chain of includes from `start` to `goal` (`start` first, `goal` last).
    private func route(from start: String, to goal: String) -> [String]? {
        var previous: [String: String] = [:]
        var queue = [start], next = 0
        var seen: Set<String> = [start]
        while next < queue.count {
            let name = queue[next]
            next += 1
            if name == goal {
                var chain = [name]
                while let before = previous[chain[0]] { chain.insert(before, at: 0) }
                return chain
            }
            for target in targets(of: name) where seen.insert(target).inserted {
                previous[target] = name
                queue.append(target)
            }
        }
        return nil
    }

    // MARK: - Depth

    /// How deeply each template nests once its includes are rendered, worked out leaves
    /// first without recursion (a chain of includes can be long); an error where the nesting
    /// first goes past `TemplateTree.nestingLimit`: at the include that does it, or, when that
    /// is in the built-in theme, at the deepest point of the project's template it leads to.
    private func depth() -> [Diagnostic] {
        let limit = TemplateTree.nestingLimit
        var depth: [String: Int] = [:]
        var deepest: [String: TemplateTree.Tag] = [:]
        // The deepest nesting found through each place, with the template rendered.
        var found: [SourceLocation: (reached: Int, through: String)] = [:]
        for start in sortedTemplates.map(\.name) where depth[start] == nil {
            var stack = [(name: start, expanded: false)]
            while let (name, expanded) = stack.popLast() {
                guard depth[name] == nil, let template = templates[name] else { continue }
                if !expanded {
                    stack.append((name, true))
                    stack += targets(of: name).filter { depth[$0] == nil }.map { ($0, false) }
                    continue
                }
                var reach = 0
                // A section opens a level; an include opens one and adds the partial's; the
                // blocks given to a parent are rendered inside it, as deep as it goes.
                func visit(_ tags: [TemplateTree.Tag], _ level: Int, blocksOf parent: String?) {
                    for tag in tags {
                        let inside = Self.includes(tag) ? depth[tag.name] ?? 0 : 0
                        let reached = tag.children.isEmpty && !Self.includes(tag) ? level : level + 1 + inside
                        if reached > limit, Self.includes(tag) ? inside <= limit : level <= limit {
                            let (place, through) = blame(tag, in: template, blocksOf: parent, deepest: deepest)
                            if reached > found[place]?.reached ?? 0 { found[place] = (reached, through) }
                        }
                        if reached > reach { (reach, deepest[name]) = (reached, tag) }
                        let parentTag = tag.kind == .parent && Self.includes(tag)
                        visit(tag.children, parentTag ? level + 1 + inside : level + 1, blocksOf: parentTag ? tag.name : parent)
                    }
                }
                visit(template.tree.tags, 0, blocksOf: nil)
                depth[name] = reach
            }
        }
        return found.keys.sorted().map { place in
            let (reached, through) = found[place]!
            return .error("template-depth", "templates nest \(reached) levels deep \(through); at most \(limit) levels of sections and includes are rendered", at: place)
        }
    }

    /// Where to report nesting that goes too deep at `tag`: there, or in the project's own
    /// template that the deepest chain of includes from there reaches.
    private func blame(_ tag: TemplateTree.Tag, in template: ThemeTemplate, blocksOf parent: String?, deepest: [String: TemplateTree.Tag]) -> (SourceLocation, String) {
        guard Self.includes(tag) else { return (template.location(of: tag), "here, in a block that '\(parent ?? template.name)' expands") }
        guard !template.isOverride else { return (template.location(of: tag), "through this include of '\(tag.name)'") }
        var name = tag.name
        while let included = templates[name], !included.isOverride, let next = deepest[name], Self.includes(next) { name = next.name }
        guard let own = templates[name], own.isOverride, let place = deepest[name] else {
            return (template.location(of: tag), "through this include of '\(tag.name)'")
        }
        return (own.location(of: place), "from here, where '\(template.name)' includes it")
    }

    // MARK: - Pieces

    private var sortedTemplates: [ThemeTemplate] { templates.values.sorted { $0.name < $1.name } }

    private static func includes(_ tag: TemplateTree.Tag) -> Bool {
        tag.kind == .partial || (tag.kind == .parent && !tag.name.hasPrefix("*"))
    }

    private func targets(of name: String) -> [String] { edges[name] ?? [] }
}
