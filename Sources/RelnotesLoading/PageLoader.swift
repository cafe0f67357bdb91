import RelnotesModel

/// Reads a page, `content/pages/<name>.md`.
enum PageLoader {
    static func load(_ source: SourceFile, fileName: String, config: SiteConfig) -> (Page?, [Diagnostic]) {
        var content: ContentReader
        do {
            content = try ContentReader(source, config: config)
        } catch {
            return (nil, [error])
        }
        content.checkKeys(of: PageFields.self, in: "a page")
        let mapping = content.mapping
        let audience = content.audience(default: config.defaultAudience)
        let fields: PageFields = content.reader.fields(mapping)
        let overrides = content.overrides { reader, block -> PageFields in reader.fields(block) }

        var slug = Slug.make(from: fileName)
        if let field = mapping["slug"], let written = content.reader.line(field) {
            if Slug.isValid(written) {
                slug = written
            } else {
                content.reader.report(.error("invalid-slug", "slug '\(written)' may hold only lowercase letters, digits, '-' and '_'; try '\(Slug.make(from: written))'", at: field.valueLocation))
            }
        }
        guard fields.title != nil, !slug.isEmpty else {
            if slug.isEmpty {
                content.reader.report(.error("invalid-slug", "the file name gives no usable slug; add a 'slug' key", at: SourceLocation(path: source.path)))
            }
            return (nil, content.diagnostics)
        }
        let page = Page(slug: slug, audience: audience, fields: fields, overrides: overrides, body: content.file.body, keys: content.keys)
        return (page, content.diagnostics)
    }
}
