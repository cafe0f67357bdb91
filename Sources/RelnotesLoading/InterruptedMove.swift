import Foundation
import RelnotesFiles
import RelnotesModel

/// `relnotes new release` stopped halfway (killed, a full disk): the release folder holds a
/// marker listing the entries it was moving, and `check` (every load) warns until they are
/// all in place and the marker is gone.
package enum InterruptedMove {
    package static let markerName = ".relnotes-move"

    /// The warning for the release folder at `folder` (named `name`), if it holds a marker.
    static func warning(folder: String, name: String) -> Diagnostic? {
        let marker = folder + "/" + markerName
        guard FileSystem.isFile(atPath: marker), let data = FileManager.default.contents(atPath: marker) else { return nil }
        let unreleased = (folder as NSString).deletingLastPathComponent + "/" + ProjectLoader.unreleasedFolder
        let left = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
            .filter { FileSystem.isFile(atPath: unreleased + "/" + $0) }
        let place = SourceLocation(path: "content/releases/\(name)/\(markerName)")
        guard !left.isEmpty else {
            return .warning("interrupted-move", "'relnotes new release \(name)' moved every entry but stopped before it finished; delete this file", at: place)
        }
        return .warning("interrupted-move", "'relnotes new release \(name)' stopped before it moved every entry: \(left.count) still in content/releases/unreleased/ (\(left.joined(separator: ", "))); move them into content/releases/\(name)/ (mv content/releases/unreleased/*.md content/releases/\(name)/) and delete this file", at: place)
    }
}
