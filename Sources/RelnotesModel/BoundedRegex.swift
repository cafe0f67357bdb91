import Foundation

/// A regular expression from `relnotes.yml` (`sensitive_patterns`, `tickets.pattern`),
/// run so that it cannot hang a build: ICU's engine (`NSRegularExpression`), stopped when
/// one search has done more than a fixed amount of work.
///
/// Swift's `Regex` backtracks without any bound or cancellation check: `(a+)+$` against
/// thirty `a` and a `b` never returns. ICU backtracks too, but reports its progress once per
/// starting position and about once every 10,000 backtracking steps, and stops when asked.
/// A search may make one report per starting position (UTF-16 unit of its text), plus
/// `stepReports` and one for every eight units: about 10 million backtracking steps and
/// 1,250 more per character. Linear patterns never come near that; a pattern that
/// backtracks exponentially reaches it within a fraction of a second and the search ends
/// as `BudgetExceeded`, and so does a quadratic one on a run of thousands of characters.
/// The count is of steps, not of time, so the outcome is the same on every machine.
///
/// Matching is ICU's: over Unicode code points, not characters. Callers that want
/// whole characters (tracker keys) drop matches that cut one.
public struct BoundedRegex: Sendable {
    /// The pattern as written.
    public let source: String
    nonisolated(unsafe) private let expression: NSRegularExpression

    /// Reports allowed to one search beyond its starting positions and one per eight of them.
    static let stepReports = 1_000

    /// Why a pattern is refused.
    public enum Problem: Error, Equatable {
        case empty
        case invalid
        /// It matches the empty text, so it matches everywhere.
        case matchesEmptyText
        /// It exceeds the budget on a short text made of one character repeated (`probe`).
        case backtracks(probe: String)
    }

    /// A search stopped before it finished: the pattern backtracked too long on the text.
    public struct BudgetExceeded: Error, Equatable {}

    /// Compiles `source` without trying it on anything (a pattern already checked).
    public init?(_ source: String) {
        guard let expression = try? NSRegularExpression(pattern: source) else { return nil }
        self.source = source
        self.expression = expression
    }

    /// Compiles `source` and tries it on texts that make nested repetition backtrack
    /// exponentially (`(a+)+$`, `(a|aa)*b`, `(\w+\s?)+$`): each character of the pattern
    /// and a few common ones, repeated, then a character that nothing expects.
    public init(validating source: String) throws(Problem) {
        guard !source.isEmpty else { throw .empty }
        guard let compiled = BoundedRegex(source) else { throw .invalid }
        self = compiled
        guard (try? matches(in: "", first: true))?.isEmpty != false else { throw .matchesEmptyText }
        var tried = Set<Character>()
        for character in Array(source) + ["a", "A", "0", " ", "-", "_", ".", "@", "/"] where tried.insert(character).inserted {
            let probe = String(repeating: character, count: 40) + "\u{1}"
            if (try? matches(in: probe)) == nil { throw .backtracks(probe: String(character)) }
        }
    }

    /// The leftmost, non-overlapping matches in `text` as ranges of it (only the first
    /// with `first`).
    public func matches(in text: String, first: Bool = false) throws(BudgetExceeded) -> [Range<String.Index>] {
        let length = text.utf16.count
        let allowed = length + 1 + length / 8 + Self.stepReports
        var reports = 0
        var exceeded = false
        var found: [NSRange] = []
        expression.enumerateMatches(in: text, options: [.reportProgress], range: NSRange(location: 0, length: length)) { match, _, stop in
            if let match {
                found.append(match.range)
                if first { stop.pointee = true }
                return
            }
            reports += 1
            if reports > allowed {
                exceeded = true
                stop.pointee = true
            }
        }
        if exceeded { throw BudgetExceeded() }
        return found.compactMap { Range($0, in: text) }
    }
}
