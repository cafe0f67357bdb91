import Foundation
@testable import Relnotes
@testable import RelnotesLoading
@testable import RelnotesModel

/// Small projects written inline for unit tests, Hugo-style: each test states the files
/// that matter to it and borrows well-formed neighbours from here.
enum InlineProject {
    /// A released external release record of `version`, with `extra` front-matter lines.
    static func release(_ version: String = "1.0.0", _ extra: String = "") -> String {
        """
        ---
        version: \(version)
        status: released
        date: 2026-01-15
        audience: external
        \(extra)
        ---
        Highlights of \(version).
        """
    }

    /// An external `fix` entry titled `title`, with `extra` front-matter lines.
    static func entry(_ title: String = "A fix", _ extra: String = "") -> String {
        """
        ---
        type: fix
        title: \(title)
        audience: external
        \(extra)
        ---
        """
    }

    /// `files` written into a temporary project, loaded, and removed again.
    static func load(_ files: [String: String]) throws -> (project: Project?, diagnostics: [Diagnostic]) {
        let root = try TemporaryFolder.project(files)
        defer { TemporaryFolder.remove(root) }
        return ProjectLoader.load(root: root)
    }

    /// The diagnostics of loading `files`, as the command line prints them.
    static func problems(_ files: [String: String]) throws -> [String] {
        try load(files).diagnostics.sortedForDisplay().map(\.description)
    }

    /// The project of `files`, which must load without any diagnostic.
    static func project(_ files: [String: String]) throws -> Project {
        let (project, diagnostics) = try load(files)
        guard let project, diagnostics.isEmpty else { throw DiagnosticsError(diagnostics) }
        return project
    }

    /// The checked site of `files` (`Site.load`), and its diagnostics as printed.
    static func site(_ files: [String: String]) throws -> (site: Site?, problems: [String]) {
        let root = try TemporaryFolder.project(files)
        defer { TemporaryFolder.remove(root) }
        let (site, diagnostics) = Site.load(root: root)
        return (site, diagnostics.sortedForDisplay().map(\.description))
    }
}
