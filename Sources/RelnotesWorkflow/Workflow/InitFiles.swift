import Foundation
import RelnotesLoading
import RelnotesModel
import RelnotesMarkdown

/// The files of a new project (`InitProject`). The configuration is written from
/// `SiteConfig`'s own defaults, so it cannot drift from them.
enum InitFiles {
    static var all: [OutputFile] {
        [
            OutputFile(path: ConfigLoader.fileName, text: configuration),
            OutputFile(path: "content/releases/\(ProjectLoader.unreleasedFolder)/example-entry.md", text: exampleEntry),
            OutputFile(path: "content/pages/release-process.md", text: releaseProcess),
            OutputFile(path: ".gitignore", text: "# relnotes output: build writes site/, build --drafts writes site-drafts/\n/site/\n/site-drafts/\n"),
        ]
    }

    // MARK: - relnotes.yml

    static var configuration: String {
        let defaults = SiteConfig()
        var lines = [
            "# relnotes configuration. Every key is optional; the values below are the defaults,",
            "# written out so that you can see and change them. Delete a key to go back to its default.",
            "",
            commented("title: \(YAMLText.quoted(defaults.title))", "the site's name, in page titles and the feed"),
            commented("base_url:", "public URL of site/<audience>/, e.g. https://releases.example.com/ (needed for feed.xml)"),
            "",
            "# Who reads what. Content that names no audience belongs to default_audience:",
            "# forgetting a tag keeps a note inside, never the other way round.",
            "default_audience: \(defaults.defaultAudience)",
            commented("audiences:", "in order: site/<name>/ folders, audience switches"),
        ]
        for audience in defaults.audiences {
            let sees = audience.sees.isEmpty ? "" : ", sees: [\(audience.sees.joined(separator: ", "))]"
            lines.append("  \(audience.name): {title: \(YAMLText.quoted(audience.title))\(sees)}")
        }
        lines += [
            "",
            "# Entry types, in the order their sections appear: a title, or {title, audience}.",
            "# Giving 'types' replaces the whole list.",
            "types:",
        ]
        for type in defaults.types {
            if let audience = type.audience {
                lines.append("  \(type.name): {title: \(YAMLText.quoted(type.title)), audience: \(audience)}")
            } else {
                lines.append("  \(type.name): \(YAMLText.quoted(type.title))")
            }
        }
        lines += [
            "",
            "tickets:",
            commented("  pattern: '\(defaults.tickets.pattern)'", "tracker keys in text and in 'tickets:'"),
            commented("  url:", "e.g. https://tracker.example.com/browse/{key}"),
            commented("  link_for: [\(defaults.tickets.linkFor.joined(separator: ", "))]", "audiences that get links; others see the plain key"),
            "",
            commented("prereleases: \(defaults.prereleases.rawValue)", "fold: a final release lists its candidates' entries; separate: it does not"),
            commented("changelog_page_size: \(defaults.changelogPageSize)", "releases per page of changelog/ in HTML"),
            commented("feed_size: \(defaults.feedSize)", "releases in feed.xml"),
            commented("unsafe_html: \(defaults.unsafeHTML)", "keep raw HTML written in Markdown"),
            commented("sensitive_patterns: []", "regular expressions that must not match what untrusted audiences see"),
            commented("", "e.g. ['[a-z0-9-]+\\.internal\\b', '@example\\.com']"),
            "",
            "# relnotes check --require-entry (in CI): a change outside content/ must bring an entry,",
            "# unless a commit message ends with 'Changelog: none'.",
            "require_entry:",
            commented("  exempt: [\(defaults.requireEntry.exempt.joined(separator: ", "))]", "paths that never need one, relative to the repository: e.g. [docs/, tests/, '*.md']"),
            commented("  skip_labels: [\(defaults.requireEntry.skipLabels.joined(separator: ", "))]", "pull-request labels, listed in --label-file, that opt out"),
            "",
        ]
        return lines.joined(separator: "\n")
    }

    /// `text` with `comment` after it, comments aligned in one column.
    private static func commented(_ text: String, _ comment: String) -> String {
        text.padding(toLength: max(34, text.count + 1), withPad: " ", startingAt: 0) + "# " + comment
    }

    // MARK: - Content

    static let exampleEntry = """
        ---
        # One file per change, written with the change: relnotes new entry --type fix --title "…"
        type: feature                  # one of the types in relnotes.yml
        title: "Write release notes with **relnotes**"   # one line of Markdown
        audience: external             # without it the entry is internal-only
        # tickets: [REL-1]             # tracker keys
        # component: Docs              # optional grouping inside a section
        ---
        A longer description in Markdown, optional.

        ::: internal
        Text in an audience container is seen only by that audience (and those that see it).
        :::

        """

    static let releaseProcess = """
        ---
        title: Release process
        # no audience: pages, like everything else, are internal unless they say otherwise
        ---
        How this project's releases are made, from change to published notes.

        ## Every change

        A change that users or operators notice brings its entry, in the same pull request:

        ```sh
        relnotes new entry --type fix --title "Exports no longer time out" --ticket REL-117 --audience external
        ```

        Entries land in `content/releases/unreleased/`. CI runs `relnotes check`, and
        `relnotes check --require-entry` fails a pull request that adds none.

        ## Stabilization

        1. `relnotes next-version` says which version the unreleased entries call for.
        2. `relnotes new release 1.0.0-rc.1` cuts a candidate and moves the entries into it.
        3. `relnotes preview` shows the notes as each audience will read them.

        ## Release

        1. `relnotes new release 1.0.0`, then set `status: released` and the date in its `release.md`.
        2. `relnotes build` writes `site/`; publish `site/external/`.
        3. `relnotes announce 1.0.0` prints the internal announcement.

        """
}
