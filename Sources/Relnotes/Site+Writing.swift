import Foundation
import RelnotesModel
import RelnotesWriting

extension Site {
    /// The last stage: renders the sites of `audiences` (all when `nil`) into `output`, each
    /// file written as soon as it is rendered, so the site is never held in memory whole;
    /// the old site is replaced only when all of the new one is written (`SiteWriter`).
    /// Returns the number of files written. `exiting`: the caller exits right after
    /// (`relnotes build`), so the views need not be freed (`ProcessLifetime`).
    public func write(audiences names: [String]? = nil, drafts: Bool, to output: URL, exiting: Bool = false) throws(DiagnosticsError) -> Int {
        let built = selected(names)
        let owners = Dictionary(uniqueKeysWithValues: built.map { ($0.path, $0.name) })
        return try SiteWriter(output: output).write(rebuilt: built.map(\.path), configured: audiences.map(\.path), owners: owners) { (staging) throws(DiagnosticsError) in
            try build(audiences: names, drafts: drafts, into: staging, exiting: exiting)
        }
    }
}
