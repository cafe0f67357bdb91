import Foundation
import Testing
@testable import RelnotesLoading

@Suite("Files relnotes passes over")
struct IgnoredFilesTests {
    @Test("Markdown under another extension, or a page in a subfolder, is a warning rather than silently dropped")
    func warnings() throws {
        let root = try TemporaryFolder.project([
            "content/releases/1.0.0/release.md": "---\nversion: 1.0.0\nstatus: candidate\n---\n",
            "content/releases/1.0.0/fix.markdown": "---\ntype: fix\ntitle: X\n---\n",
            "content/releases/1.0.0/screenshot.png": "png",
            "content/releases/unreleased/idea.mdx": "",
            "content/pages/guides/setup.md": "---\ntitle: Setup\n---\n",
            "content/pages/.drafts/x.md": "",
        ])
        defer { TemporaryFolder.remove(root) }
        let found = ProjectLoader.load(root: root).diagnostics.sortedForDisplay().map(\.description)
        #expect(found == [
            "content/pages/guides:1:1: warning: pages are read from content/pages/ only; the folder 'guides' is ignored",
            "content/releases/1.0.0/fix.markdown:1:1: warning: 'fix.markdown' is ignored: content files end in .md",
            "content/releases/unreleased/idea.mdx:1:1: warning: 'idea.mdx' is ignored: content files end in .md",
        ])
    }
}
