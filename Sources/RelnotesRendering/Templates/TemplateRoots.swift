/// The templates relnotes renders by name, each with the context it is given: the start of
/// every check of the names a template uses (`TemplateNames`), and the list of templates a
/// theme must have.
enum TemplateRoots {
    struct Root: Sendable {
        var name: String
        var context: TemplateShape
        /// Whether a theme without it is an error.
        var required: Bool
    }

    static let all: [Root] = [
        Root(name: "index", context: IndexPage.templateShape, required: true),
        Root(name: "release", context: ReleasePage.templateShape, required: true),
        Root(name: "changelog", context: ChangelogPage.templateShape, required: true),
        Root(name: "page", context: ContentPage.templateShape, required: true),
        Root(name: "notes.md", context: ReleasePage.templateShape, required: true),
        Root(name: "notes.html", context: ReleasePage.templateShape, required: true),
        Root(name: "changelog.md", context: KeepAChangelogView.templateShape, required: true),
        Root(name: "announcement.md", context: AnnouncementView.templateShape, required: true),
        Root(name: "announcement.html", context: AnnouncementView.templateShape, required: true),
        Root(name: "announcement.txt", context: AnnouncementView.templateShape, required: true),
        Root(name: "feed.xml", context: FeedView.templateShape, required: true),
        // The feed's content: a release's sections, as on its page.
        Root(name: "partials/release-content", context: ReleaseDetail.templateShape, required: false),
    ]
}
