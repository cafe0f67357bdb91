/// The front-matter fields of each kind of content file, each declared once: its key, what
/// it holds, whether an audience block may give it, whether `sensitive_patterns` search it,
/// the name templates read it by and one line for the reference (`relnotes templates
/// --reference`). The order is the order the loader reads them in, so diagnostics come out
/// in it.
///
/// Adding a per-audience field is a property of the kind's fields and one line here: the
/// loader accepts and reads the key (at the top level and in audience blocks, and requires
/// it when it is `required`), audience blocks merge it, `sensitive_patterns` search it, a
/// text or inline Markdown field with a template name reaches the kind's templates
/// (`SchemaFieldValues`), and the reference lists it.
public enum ContentSchema {
    public static let release: [FieldSpec<ReleaseFields>] = [
        .topLevel("version", .version, required: true, template: "version", "the release's SemVer 2.0.0 version; equals its folder's name"),
        .topLevel("status", .choice, required: true, template: "status", "`planned`, `candidate`, `released` or `withdrawn`"),
        .topLevel("date", .date, template: "date", "the day it shipped, `YYYY-MM-DD`; required when released or withdrawn"),
        .perAudience("title", .inlineMarkdown(\.title), sensitive: true, template: "title", "the headline; the version when untitled"),
        .perAudience("summary", .inlineMarkdown(\.summary), sensitive: true, template: "summary", "one line for listings and feeds"),
        .topLevel("audience", .audiences, template: "restrictedTo", "who may see the release at all (default: `default_audience`)"),
        .perAudience("release_manager", .text(\.releaseManager), sensitive: true, template: "releaseManager", "who runs the release"),
        .perAudience("branch", .text(\.branch), sensitive: true, template: "branch", "the release branch (`release/v1.2.0`)"),
        // Not searched by `sensitive_patterns` today: `relnotes withdraw` writes it into the
        // default audience's block, which only trusted audiences receive.
        .perAudience("withdrawal_reason", .text(\.withdrawalReason), sensitive: false, template: "withdrawalReason", "why a withdrawn release was rolled back"),
        .perAudience("sign_off", .signOff(\.signOff), sensitive: true, template: "signOff", "each team's sign-off state (`{qa: yes, security: pending}`)"),
        .perAudience(CustomFields.key, .free(\.extra), sensitive: true, template: "extra", "a team's own fields, read as `extra.KEY`"),
    ]

    public static let entry: [FieldSpec<EntryFields>] = [
        .topLevel("type", .choice, required: true, template: "type", "one of the configured types (`fix`); its section"),
        .perAudience("title", .inlineMarkdown(\.title), required: true, sensitive: true, template: "title", "what changed, one line"),
        .topLevel("audience", .audiences, template: "restrictedTo", "who sees the entry (default: its type's audience, then `default_audience`)"),
        .perAudience("tickets", .trackerKeys(\.tickets), sensitive: true, template: "tickets", "tracker keys, linked for `tickets.link_for`"),
        .perAudience("component", .text(\.component), sensitive: true, template: "component", "a grouping inside the entry's section"),
        .topLevel("breaking", .flag, template: "breaking", "an incompatible change: only in a major release"),
        .topLevel("resolved_in", .version, template: nil, "the version that fixed this known issue: left out from it on"),
        .perAudience(CustomFields.key, .free(\.extra), sensitive: true, template: "extra", "a team's own fields, read as `extra.KEY`"),
    ]

    public static let page: [FieldSpec<PageFields>] = [
        .perAudience("title", .inlineMarkdown(\.title), required: true, sensitive: true, template: "title", "the page's title, in the navigation too"),
        .topLevel("audience", .audiences, template: "restrictedTo", "who sees the page (default: `default_audience`)"),
        .topLevel("slug", .slug, template: nil, "its URL segment, `pages/<slug>/` (default: from the file name)"),
        .perAudience(CustomFields.key, .free(\.extra), sensitive: true, template: "extra", "a team's own fields, read as `extra.KEY`"),
    ]
}

extension ReleaseFields: ContentFields {
    public static var schema: [FieldSpec<ReleaseFields>] { ContentSchema.release }
}

extension EntryFields: ContentFields {
    public static var schema: [FieldSpec<EntryFields>] { ContentSchema.entry }
}

extension PageFields: ContentFields {
    public static var schema: [FieldSpec<PageFields>] { ContentSchema.page }
}
