import RelnotesModel

/// The front-matter keys of each kind of content file. Anything else is an error, except a
/// key naming an audience, which holds the fields only that audience receives.
enum ContentKeys {
    static let release = ["version", "status", "date", "title", "summary", "audience", "release_manager", "branch", "sign_off", "withdrawal_reason"] + everywhere
    /// Release fields that may also be given per audience.
    static let releasePerAudience = ["title", "summary", "release_manager", "branch", "sign_off", "withdrawal_reason"] + everywhere
    static let entry = ["type", "title", "audience", "tickets", "component", "breaking", "resolved_in"] + everywhere
    static let entryPerAudience = ["title", "tickets", "component"] + everywhere
    static let page = ["title", "audience", "slug"] + everywhere
    static let pagePerAudience = ["title"] + everywhere
    /// Keys of every kind of file and every audience block: a team's own fields.
    static let everywhere = [CustomFields.key]

    static let all = Set(release + entry + page)
}
