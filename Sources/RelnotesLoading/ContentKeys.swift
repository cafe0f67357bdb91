import RelnotesModel

/// Every front-matter key of any kind of content file, from the schemas (`ContentSchema`):
/// a configuration key that is one of them was meant for a content file.
enum ContentKeys {
    static let all = Set(ReleaseFields.keys + EntryFields.keys + PageFields.keys)
}
