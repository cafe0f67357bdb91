import RelnotesMarkdown

/// `sitemap.xml` of a public audience: every HTML page of its site, under its URL, with the
/// release date of release pages as `lastmod` (no build time: output stays deterministic).
enum Sitemap {
    static func build(listing: [String], siteURL: String, dates: [String: String]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in listing where path.hasSuffix("index.html") {
            let page = String(path.dropLast("index.html".count))
            xml += "<url><loc>\(HTML.escape(siteURL + page))</loc>"
            if let date = dates[path] { xml += "<lastmod>\(HTML.escape(date))</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }
}
