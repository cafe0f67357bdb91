import RelnotesModel

/// The front-matter keys of each kind of content file, from its schema (`ContentSchema`).
/// Anything else is an error, except a key naming an audience, which holds the fields only
/// that audience receives.
enum ContentKeys {
    static let release = ReleaseFields.keys
    /// Release fields that may also be given per audience.
    static let releasePerAudience = ReleaseFields.perAudienceKeys
    static let entry = EntryFields.keys
    static let entryPerAudience = EntryFields.perAudienceKeys
    static let page = PageFields.keys
    static let pagePerAudience = PageFields.perAudienceKeys

    static let all = Set(release + entry + page)
}
