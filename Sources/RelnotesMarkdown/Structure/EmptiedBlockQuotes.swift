/// Block quotes that held nothing but hidden content. Filtering keeps the `>` markers of
/// hidden lines, so that a quote with a hidden part in its middle stays one quote; a quote
/// that was hidden whole would then still show as an empty box, hinting at what is hidden.
/// Such quotes are removed. An empty quote the author wrote (`>` alone) stays, as cmark
/// renders it.
enum EmptiedBlockQuotes {
    /// Removes the empty block quotes of `root` that span a line filtering changed.
    /// `quotes` are the tree's block quotes in document order.
    static func remove(_ quotes: [CmarkNode], original: [Substring], filtered: [Substring]) {
        // Innermost first: a quote that held only emptied quotes is empty in its turn.
        for quote in quotes.reversed() where quote.firstChild == nil {
            guard let range = quote.lines, range.upperBound <= filtered.count,
                  range.contains(where: { filtered[$0 - 1] != original[$0 - 1] }) else { continue }
            quote.remove()
        }
    }
}
