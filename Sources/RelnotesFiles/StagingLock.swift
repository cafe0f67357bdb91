import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The staging folder of a build (`.site.relnotes-new/`) is locked (`flock`) while the
/// build writes it, and the system drops the lock when the process ends, however it ends.
/// So a staging folder nobody holds is a leftover of an interrupted build, which the next
/// command removes (`sweep`), and one still held belongs to a build at work and is left.
package final class StagingLock {
    private let descriptor: Int32

    /// Locks the folder at `path`; `nil` when another process holds it.
    package init?(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    static let suffixes = [".relnotes-new", ".relnotes-old"]

    /// Removes the leftover staging folders of the default outputs (`site`, `site-drafts`)
    /// and of any other output that was staged in `root`.
    package static func sweep(root: URL) {
        // In name order, so `-new` goes before its `-old`.
        let children = FileSystem.children(ofPath: root.path, includingHidden: true)
        for child in children where child.isDirectory && !child.needsCheck && child.name.hasPrefix(".") {
            guard let suffix = suffixes.first(where: child.name.hasSuffix) else { continue }
            // A parked old site is only left alone while its new one (held) is being swapped in.
            if suffix == ".relnotes-old", FileSystem.isDirectory(atPath: String(child.path.dropLast(suffix.count)) + ".relnotes-new") { continue }
            guard let lock = StagingLock(child.path) else { continue }
            try? FileManager.default.removeItem(atPath: child.path)
            withExtendedLifetime(lock) {}
        }
    }
}
