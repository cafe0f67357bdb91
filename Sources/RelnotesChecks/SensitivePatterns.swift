import RelnotesAudience
import RelnotesMarkdown
import RelnotesModel

/// `sensitive_patterns`: regular expressions (internal hostnames, tracker URLs, e-mail
/// addresses) that must not match anything an untrusted audience sees. Trusted audiences
/// are those that see the default audience, where untagged content goes; every other
/// audience's text is searched: every field of its filtered site and the body lines left
/// for it (`SiteTexts`).
package struct SensitivePatterns {
    let project: Project
    /// The prepared body of each source (`nil`: not prepared, nothing to search).
    let prepared: (MarkdownSource) -> PreparedMarkdown?
    let policy: AudiencePolicy

    package init(project: Project, policy: AudiencePolicy, prepared: @escaping (MarkdownSource) -> PreparedMarkdown?) {
        self.project = project
        self.prepared = prepared
        self.policy = policy
    }

    package func check() -> [Diagnostic] {
        let patterns = project.config.sensitivePatterns
        guard !patterns.isEmpty else { return [] }
        var found: [Diagnostic] = []
        var seen = Set<String>()
        // A pattern that ran out of steps on one text is reported once and not tried again.
        var exhausted = Set<String>()
        for audience in project.config.audiences.map(\.name) where !policy.isTrusted(audience) {
            // Texts no pattern matched: a site repeats many (types, versions, dates).
            var clean = Set<String>()
            for (text, location) in visibleTexts(for: audience) where !clean.contains(text) {
                var matched = false
                defer { if !matched { clean.insert(text) } }
                for pattern in patterns where !exhausted.contains(pattern.source) {
                    let match: Range<String.Index>
                    do throws(BoundedRegex.BudgetExceeded) {
                        guard let first = try pattern.regex.matches(in: text, first: true).first else { continue }
                        match = first
                    } catch {
                        matched = true
                        exhausted.insert(pattern.source)
                        found.append(Self.exhausted(pattern, on: location))
                        continue
                    }
                    matched = true
                    // Point at the match itself, not at the start of its line or value.
                    var place = location
                    place.column += text.distance(from: text.startIndex, to: match.lowerBound)
                    guard seen.insert("\(place)|\(pattern.source)").inserted else { continue }
                    found.append(.error(
                        "sensitive-content",
                        "text visible to '\(audience)' matches the sensitive pattern '\(pattern.source)'; move it into an internal block or container",
                        at: place))
                }
            }
        }
        return found
    }

    /// Fail-closed: a text the pattern could not be run over to the end may hold what it looks for.
    private static func exhausted(_ pattern: SensitivePattern, on location: SourceLocation) -> Diagnostic {
        let written = pattern.location.map { " (\($0))" } ?? ""
        return .error(
            "pattern-budget",
            "the sensitive pattern '\(pattern.source)'\(written) ran out of its step budget on this text (10 million steps and 1,250 per character) and was stopped; rewrite it without nested or overlapping repetition",
            at: location)
    }

    /// Every piece of text `audience`'s site holds, with where it was written: exactly
    /// what the renderer receives (the site `AudienceFilter` cuts for it, drafts included),
    /// walked field by field, and each body's lines as filtered for the audience.
    private func visibleTexts(for audience: String) -> [(String, SourceLocation)] {
        let site = AudienceFilter(project: project).site(for: project.config.audience(named: audience)!, includeDrafts: true)
        var texts = SiteTexts { source in self.bodyLines(source, for: audience) }
        texts.add(site)
        return texts.found
    }

    private func bodyLines(_ source: MarkdownSource, for audience: String) -> [(String, SourceLocation)] {
        guard let prepared = prepared(source) else { return [] }
        return prepared.visibleLines(for: audience, policy: policy).map { (String($0.text), $0.location) }
    }
}
