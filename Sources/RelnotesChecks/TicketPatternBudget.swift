import RelnotesModel

/// A configured `tickets.pattern` that runs out of its step budget on a text leaves the
/// keys of that text plain (`TicketLinker`): said once, as a warning at the pattern, naming
/// the first such place. The probe of `relnotes.yml` refuses the usual exponential
/// patterns; this finds what the probe could not foresee. The default pattern is scanned,
/// never run by the regex engine, and needs no such check.
package enum TicketPatternBudget {
    package static func check(_ project: Project) -> [Diagnostic] {
        let tickets = project.config.tickets
        guard tickets.pattern != TicketConfig().pattern, let regex = BoundedRegex(tickets.pattern) else { return [] }
        let entries = project.releases.flatMap(\.entries) + project.unreleased
        let bodies = project.releases.map(\.body) + entries.map(\.body) + project.pages.map(\.body)
        let titles = entries.compactMap { entry in entry.fields.title.map { ($0, entry.keys["title"]) } }
        var texts = titles
        for body in bodies {
            for (offset, line) in body.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                texts.append((String(line), SourceLocation(path: body.path, line: body.firstLine + offset)))
            }
        }
        for (text, place) in texts where (try? regex.matches(in: text)) == nil {
            return [.warning(
                "pattern-budget",
                "'tickets.pattern' ran out of its step budget (10 million steps and 1,250 per character) on \(place), where tracker keys stay plain text; rewrite it without nested or overlapping repetition",
                at: tickets.patternLocation ?? SourceLocation(path: SiteConfig.fileName))]
        }
        return []
    }
}
