import Foundation
import Mustache
import RelnotesModel

/// Template contexts answer swift-mustache's lookups from a table of fields instead of
/// `Mirror`, which reflects every property on every lookup (and on every step up the
/// context stack). Each field is read by a closure that knows its type, so a lookup costs
/// no dynamic cast. `TemplateContextTests` checks that each table lists every stored
/// property.
protocol TemplateContext: MustacheParent, TemplateValue {
    static var templateFields: TemplateFieldTable<Self> { get }
}

extension TemplateContext {
    func child(named name: String) -> Any? {
        Self.templateFields.value(named: name, of: self)
    }
}

/// How a template reads one field of a context: through `TemplateValue`, resolved when the
/// table is compiled, so reading a field costs no dynamic cast. Each field is read by a
/// closure rather than a key path, whose generic application walks the path's components
/// on every read.
struct TemplateField<Root>: Sendable {
    let read: @Sendable (Root) -> Any
    /// What the field offers a template, from its type: what `check` holds templates to.
    let shape: @Sendable () -> TemplateShape
    /// One line for the template reference (`relnotes templates --reference`).
    let doc: String

    init<Value: TemplateValue>(_ field: @escaping @Sendable (Root) -> Value, _ doc: String) {
        read = { Value.templateValue(field($0)) }
        shape = { Value.templateShape }
        self.doc = doc
    }

    /// A text a view does not store as a property of its own (`SchemaFieldValues`).
    init(reading text: @escaping @Sendable (Root) -> String?, _ doc: String) {
        read = { String?.templateValue(text($0)) }
        shape = { String?.templateShape }
        self.doc = doc
    }
}

/// A type whose values templates read. An absent value of a context is empty: it must not
/// be looked up in the contexts around it (an entry without a body showing its section's
/// body), so `nil` reads as `TemplateNull`.
protocol TemplateValue: SendableMetatype {
    static func templateValue(_ value: Self) -> Any
    /// The names a template can look up in such a value (`TemplateShape`).
    static var templateShape: TemplateShape { get }
}

extension TemplateValue {
    static func templateValue(_ value: Self) -> Any { value }
    static var templateShape: TemplateShape { .value }
}

extension TemplateContext {
    static var templateShape: TemplateShape {
        .fields(TemplateFieldSet(name: String(describing: Self.self), fields: { templateFields.mapValues { $0.shape() } }, docs: { templateFields.mapValues(\.doc) }))
    }
}

extension Optional: TemplateValue where Wrapped: TemplateValue {
    static func templateValue(_ value: Self) -> Any {
        value.map(Wrapped.templateValue) ?? TemplateNull.value
    }

    static var templateShape: TemplateShape { Wrapped.templateShape }
}

/// Text reaches templates as a `String`, which the vendored swift-mustache renders without
/// asking the runtime what else it might be (`Vendor/README.md`).
extension String: TemplateValue {}

extension Bool: TemplateValue {
    static var templateShape: TemplateShape { .flag }
}

extension Int: TemplateValue {}

extension Array: TemplateValue where Element: TemplateValue {
    static var templateShape: TemplateShape { .list(Element.templateShape) }
}

/// An absent value: `NSNull`, which swift-mustache renders as nothing and counts as false
/// in sections (its custom representation is `nil`), having found it, so the name is not
/// looked up in the enclosing contexts. The vendored swift-mustache tells it by its class,
/// without a protocol cast (`Vendor/README.md`).
enum TemplateNull {
    nonisolated(unsafe) static let value: Any = NSNull()
}

// MARK: - The tables

extension AnnouncementView: TemplateContext {
    static let templateFields: TemplateFieldTable<AnnouncementView> = [
        "subject": .init({ $0.subject }, "plain text: the `Subject:` line and the HTML document's `<title>`"),
        "product": .init({ $0.product }, "`product` of `relnotes.yml` (default: the site title)"),
        "isInternal": .init({ $0.isInternal }, "the internal shape (known issues, impact, release management); else the customer shape"),
        "release": .init({ $0.release }, "the release's head"),
        "status": .init({ $0.status }, "one sentence on the release's state (\"Released on March 10, 2026.\")"),
        "link": .init({ $0.link }, "the release's published page, when released and `base_url` is set"),
        "meta": .init({ $0.meta }, "release manager, branch, sign-offs, where this audience was given them"),
        ReleaseFields.templateName("withdrawal_reason"): .init({ $0.withdrawalReason }, "why the release was withdrawn: internal shape only"),
        "introduction": .init({ $0.introduction }, "the release body outside the shape's sections"),
        "sections": .init({ $0.sections }, "the shape's sections with something to say, \"Other changes\" last"),
        "nothingToSay": .init({ $0.nothingToSay }, "the sentence shown when no section has anything"),
    ]
}

extension AnnouncementLink: TemplateContext {
    static let templateFields: TemplateFieldTable<AnnouncementLink> = [
        "url": .init({ $0.url }, "the page's address"),
        "label": .init({ $0.label }, "the link's text"),
    ]
}

extension AnnouncementPart: TemplateContext {
    static let templateFields: TemplateFieldTable<AnnouncementPart> = [
        "heading": .init({ $0.heading }, "the part's `##` heading; none for the text before the first"),
        "underline": .init({ $0.underline }, "`-` as long as the heading, for the plain-text form"),
        "text": .init({ $0.text }, "the part, rendered"),
    ]
}

extension AnnouncementSection: TemplateContext {
    static let templateFields: TemplateFieldTable<AnnouncementSection> = [
        "title": .init({ $0.title }, "the section's title"),
        "body": .init({ $0.body }, "the release body's section of that name, rendered"),
        "items": .init({ $0.items }, "the entries placed in it"),
        "hasItems": .init({ $0.hasItems }, "whether it lists any entry"),
    ]
}

extension AnnouncementItem: TemplateContext {
    static let templateFields: TemplateFieldTable<AnnouncementItem> = [
        "entry": .init({ $0.entry }, "the entry"),
        "label": .init({ $0.label }, "the type's title, for types listed with others (`Security`)"),
        "body": .init({ $0.body }, "the entry's body, indented to continue its list item"),
        "hasDetails": .init({ $0.hasDetails }, "whether a component or tickets follow the title"),
    ]
}

extension FeedView: TemplateContext {
    static let templateFields: TemplateFieldTable<FeedView> = [
        "title": .init({ $0.title }, "the feed's title"),
        "subtitle": .init({ $0.subtitle }, "the feed's subtitle"),
        "id": .init({ $0.id }, "the feed's Atom id"),
        "selfURL": .init({ $0.selfURL }, "the feed's own address"),
        "siteURL": .init({ $0.siteURL }, "the audience site's address"),
        "updated": .init({ $0.updated }, "when the newest release shipped (RFC 3339)"),
        "entries": .init({ $0.entries }, "the latest `feed_size` released versions"),
    ]
}

extension FeedEntry: TemplateContext {
    static let templateFields: TemplateFieldTable<FeedEntry> = [
        "title": .init({ $0.title }, "the release's title, plain text"),
        "id": .init({ $0.id }, "the entry's Atom id"),
        "url": .init({ $0.url }, "the release's page"),
        "updated": .init({ $0.updated }, "the release's date (RFC 3339)"),
        "summary": .init({ $0.summary }, "the summary, HTML (escape it)"),
        "content": .init({ $0.content }, "the release as `partials/release-content` renders it, HTML"),
        "contentEscaped": .init({ $0.contentEscaped }, "`content` escaped for XML text, as `{{content}}` would"),
        ReleaseFields.templateName("extra"): .init({ $0.extra }, "the release's own fields (`extra:`) as this audience sees them"),
    ]
}

extension IndexPage: TemplateContext {
    static let templateFields: TemplateFieldTable<IndexPage> = [
        "site": .init({ $0.site }, "the site around the page"),
        "lines": .init({ $0.lines }, "the releases by release line (`1.2.x`), newest first"),
        "latest": .init({ $0.latest }, "the latest released version"),
    ]
}

extension ReleasePage: TemplateContext {
    static let templateFields: TemplateFieldTable<ReleasePage> = [
        "site": .init({ $0.site }, "the site around the page"),
        "neighbours": .init({ $0.neighbours }, "the previous and next release of its line; none in notes and the feed"),
        "release": .init({ $0.release }, "the release in full"),
    ]
}

extension KeepAChangelogView: TemplateContext {
    static let templateFields: TemplateFieldTable<KeepAChangelogView> = [
        "releases": .init({ $0.releases }, "the releases, newest first"),
        "links": .init({ $0.links }, "the link references at the end"),
        "hasLinks": .init({ $0.hasLinks }, "whether there are any"),
    ]
}

extension KeepAChangelogRelease: TemplateContext {
    static let templateFields: TemplateFieldTable<KeepAChangelogRelease> = [
        "label": .init({ $0.label }, "the version, or `Unreleased`"),
        "date": .init({ $0.date }, "`YYYY-MM-DD`"),
        "isYanked": .init({ $0.isYanked }, "a withdrawn release: `[YANKED]`"),
        "sections": .init({ $0.sections }, "the Keep a Changelog sections with entries"),
    ]
}

extension KeepAChangelogSection: TemplateContext {
    static let templateFields: TemplateFieldTable<KeepAChangelogSection> = [
        "title": .init({ $0.title }, "`Added`, `Changed`, `Deprecated`, `Removed`, `Fixed` or `Security`"),
        "types": .init({ $0.types }, "the entry sections of the types mapped to it"),
    ]
}

extension ChangelogLink: TemplateContext {
    static let templateFields: TemplateFieldTable<ChangelogLink> = [
        "label": .init({ $0.label }, "the version, or `Unreleased`"),
        "url": .init({ $0.url }, "its compare or tag address"),
    ]
}

extension ChangelogPage: TemplateContext {
    static let templateFields: TemplateFieldTable<ChangelogPage> = [
        "site": .init({ $0.site }, "the site around the page"),
        "releases": .init({ $0.releases }, "the releases of this page, in full"),
        "pagination": .init({ $0.pagination }, "where this page is among the changelog's pages; none for one page"),
    ]
}

extension Pagination: TemplateContext {
    static let templateFields: TemplateFieldTable<Pagination> = [
        "page": .init({ $0.page }, "this page's number, from 1"),
        "pages": .init({ $0.pages }, "how many pages"),
        "previous": .init({ $0.previous }, "the newer page's path"),
        "next": .init({ $0.next }, "the older page's path"),
    ]
}

extension ContentPage: TemplateContext {
    static let templateFields = SchemaFieldValues.extend(ownFields, with: schemaFields) { $0.schemaValues }

    /// The page schema's fields the table below does not name: read from `schemaValues`.
    static let schemaFields = SchemaFieldValues.unclaimed(PageFields.self, claimed: ownFields.keys)

    private static let ownFields: [String: TemplateField<ContentPage>] = [
        "site": .init({ $0.site }, "the site around the page"),
        PageFields.templateName("title"): .init({ $0.title }, "the page's title, inline HTML"),
        "titleText": .init({ $0.titleText }, "the title as plain text"),
        "body": .init({ $0.body }, "the page's body, rendered"),
        "toc": .init({ $0.toc }, "its table of contents"),
        "hasToc": .init({ $0.hasToc }, "whether the table of contents is shown"),
        PageFields.templateName("audience"): .init({ $0.restrictedTo }, "audiences it is limited to, when this audience sees others that may not see it"),
        PageFields.templateName("extra"): .init({ $0.extra }, "the page's own fields (`extra:`) as this audience sees them"),
    ]
}

extension TocItem: TemplateContext {
    static let templateFields: TemplateFieldTable<TocItem> = [
        "level": .init({ $0.level }, "the heading's level"),
        "text": .init({ $0.text }, "the heading's text"),
        "id": .init({ $0.id }, "the heading's `id`"),
    ]
}

extension ReleaseSummary: TemplateContext {
    static let templateFields = SchemaFieldValues.extend(ownFields, with: schemaFields) { $0.schemaValues }

    /// The release schema's fields that no release view names (the head below, the detail
    /// around it, its `meta`, the announcement): read from `schemaValues`.
    static let schemaFields = SchemaFieldValues.unclaimed(
        ReleaseFields.self,
        claimed: Array(ownFields.keys) + ReleaseDetail.templateFields.keys + ReleaseMeta.templateFields.keys + AnnouncementView.templateFields.keys)

    private static let ownFields: [String: TemplateField<ReleaseSummary>] = [
        ReleaseFields.templateName("version"): .init({ $0.version }, "the version, or `Unreleased`"),
        "supersededBy": .init({ $0.supersededBy }, "for a candidate of a version this audience sees released: that version"),
        "path": .init({ $0.path }, "from the audience root: `releases/1.2.0/`"),
        ReleaseFields.templateName("title"): .init({ $0.title }, "the title, inline HTML (Markdown in Markdown outputs); the version when untitled"),
        "titleText": .init({ $0.titleText }, "the title as plain text"),
        "hasTitle": .init({ $0.hasTitle }, "whether the release has a title"),
        ReleaseFields.templateName("summary"): .init({ $0.summary }, "the summary, inline HTML (Markdown in Markdown outputs)"),
        ReleaseFields.templateName("date"): .init({ $0.date }, "`YYYY-MM-DD`, as written"),
        "dateLong": .init({ $0.dateLong }, "the date written out (`March 10, 2026`)"),
        ReleaseFields.templateName("status"): .init({ $0.status }, "`planned`, `candidate`, `released`, `withdrawn` or `unreleased`"),
        "line": .init({ $0.line }, "the release line (`1.2.x`), or `Unreleased`"),
        "isLatest": .init({ $0.isLatest }, "the latest released version"),
        "isDraft": .init({ $0.isDraft }, "planned, candidate (not superseded) or unreleased"),
        "isWithdrawn": .init({ $0.isWithdrawn }, "withdrawn (rolled back)"),
        "isCandidate": .init({ $0.isCandidate }, "a pre-release version (`1.2.0-rc.1`)"),
        "isUnreleased": .init({ $0.isUnreleased }, "the Unreleased notes"),
        ReleaseFields.templateName("audience"): .init({ $0.restrictedTo }, "audiences it is limited to, when this audience sees others that may not see it"),
        "hasBadges": .init({ $0.hasBadges }, "whether any badge (latest, draft, candidate, withdrawn, restricted) applies"),
        ReleaseFields.templateName("extra"): .init({ $0.extra }, "the release's own fields (`extra:`) as this audience sees them"),
    ]
}

extension LineGroup: TemplateContext {
    static let templateFields: TemplateFieldTable<LineGroup> = [
        "line": .init({ $0.line }, "the release line (`1.2.x`)"),
        "releases": .init({ $0.releases }, "its releases, newest first"),
    ]
}

extension ReleaseDetail: TemplateContext {
    static let templateFields: TemplateFieldTable<ReleaseDetail> = [
        "head": .init({ $0.head }, "the release's head, as in listings"),
        "pageSections": .init({ $0.pageSections }, "the sections after the highlights: `sections` without `continuedSection`"),
        "continuedSection": .init({ $0.continuedSection }, "the section the highlights' last `##` heading already names"),
        "toc": .init({ $0.toc }, "the page's table of contents: the highlights' `##` headings and the sections"),
        "hasToc": .init({ $0.hasToc }, "whether the table of contents is shown"),
        "filterClasses": .init({ $0.filterClasses }, "`has-type-fix has-component-exports…`: what the changelog's filters keep it by"),
        "highlights": .init({ $0.highlights }, "the release record's body, rendered"),
        "sections": .init({ $0.sections }, "the entries by type, in configured order"),
        "newSections": .init({ $0.newSections }, "for candidates after the first: what is new since `previousCandidate`"),
        "hasNewSections": .init({ $0.hasNewSections }, "whether `newSections` is given"),
        "previousCandidate": .init({ $0.previousCandidate }, "the candidate before this one"),
        "meta": .init({ $0.meta }, "release manager, branch, sign-offs, where this audience was given them"),
    ]
}

extension ReleaseMeta: TemplateContext {
    static let templateFields: TemplateFieldTable<ReleaseMeta> = [
        ReleaseFields.templateName("release_manager"): .init({ $0.releaseManager }, "who runs the release"),
        ReleaseFields.templateName("branch"): .init({ $0.branch }, "the release branch, as code"),
        ReleaseFields.templateName("sign_off"): .init({ $0.signOff }, "each team's sign-off, in the order written"),
        "hasSignOff": .init({ $0.hasSignOff }, "whether any sign-off is given"),
    ]
}

extension SignOffView: TemplateContext {
    static let templateFields: TemplateFieldTable<SignOffView> = [
        "team": .init({ $0.team }, "the team (`qa`)"),
        "state": .init({ $0.state }, "its state, as written (`pending`)"),
        "done": .init({ $0.done }, "`yes`, `true`, `done` or `approved`"),
    ]
}

extension EntrySection: TemplateContext {
    static let templateFields: TemplateFieldTable<EntrySection> = [
        EntryFields.templateName("type"): .init({ $0.type }, "the type's name (`fix`)"),
        "anchor": .init({ $0.anchor }, "the `id` of its heading, unique in any page (`v1-2-0-fix`)"),
        "hasHeading": .init({ $0.hasHeading }, "false for a section that continues the highlights under their own heading"),
        "linkable": .init({ $0.linkable }, "a section of the site's pages: heading ids, permalinks, filter classes"),
        "componentClasses": .init({ $0.componentClasses }, "`has-component-exports…`: what the component filters keep it by"),
        "title": .init({ $0.title }, "the type's title (`Bug fixes`)"),
        "level": .init({ $0.level }, "its heading level"),
        "componentLevel": .init({ $0.componentLevel }, "its components' heading level"),
        "marks": .init({ $0.marks }, "`##` or `###`, for Markdown templates"),
        "componentMarks": .init({ $0.componentMarks }, "the components' heading marks"),
        "groups": .init({ $0.groups }, "its entries by component, the ungrouped first"),
        "count": .init({ $0.count }, "how many entries"),
        "relnotesReusedSection": .init({ $0.relnotesReusedSection }, "internal: the section as `partials/section` rendered it, reused"),
    ]
}

extension ComponentGroup: TemplateContext {
    static let templateFields: TemplateFieldTable<ComponentGroup> = [
        "component": .init({ $0.component }, "the component; none for the ungrouped entries"),
        "componentSlug": .init({ $0.componentSlug }, "the component as a CSS class part (`exports`); `none` for the ungrouped"),
        "entries": .init({ $0.entries }, "its entries"),
    ]
}

extension EntryView: TemplateContext {
    static let templateFields = SchemaFieldValues.extend(ownFields, with: schemaFields) { $0.schemaValues }

    /// The entry schema's text fields the table above does not name: read from `schemaValues`.
    static let schemaFields = SchemaFieldValues.unclaimed(EntryFields.self, claimed: ownFields.keys)

    private static let ownFields: [String: TemplateField<EntryView>] = [
        "id": .init({ $0.id }, "the entry's stable id (`1.2.0/REL-117`)"),
        "anchor": .init({ $0.anchor }, "unique in its page: `v1-2-0-REL-117`"),
        EntryFields.templateName("title"): .init({ $0.title }, "the title, inline HTML (Markdown in Markdown outputs)"),
        "titleText": .init({ $0.titleText }, "the title as plain text"),
        "body": .init({ $0.body }, "the entry's body, rendered"),
        EntryFields.templateName("tickets"): .init({ $0.tickets }, "its tracker keys"),
        "hasTickets": .init({ $0.hasTickets }, "whether it has any"),
        EntryFields.templateName("component"): .init({ $0.component }, "its component"),
        EntryFields.templateName("breaking"): .init({ $0.breaking }, "an incompatible change"),
        EntryFields.templateName("audience"): .init({ $0.restrictedTo }, "audiences it is limited to, when this audience sees others that may not see it"),
        "fromVersion": .init({ $0.fromVersion }, "the candidate it first appeared in, when folded into a later release"),
        EntryFields.templateName("extra"): .init({ $0.extra }, "the entry's own fields (`extra:`) as this audience sees them"),
    ]
}

extension TicketView: TemplateContext {
    static let templateFields: TemplateFieldTable<TicketView> = [
        "key": .init({ $0.key }, "the tracker key (`REL-117`)"),
        "url": .init({ $0.url }, "its link, only for audiences in `tickets.link_for`"),
    ]
}

extension SiteInfo: TemplateContext {
    static let templateFields: TemplateFieldTable<SiteInfo> = [
        "title": .init({ $0.title }, "the site's title"),
        "reading": .init({ $0.reading }, "search, filters, `noindex`"),
        "audience": .init({ $0.audience }, "the audience's name"),
        "audienceTitle": .init({ $0.audienceTitle }, "the audience's title"),
        "root": .init({ $0.root }, "the way from the page to the audience's root (`../../`)"),
        "home": .init({ $0.home }, "a link to the home page: `./` or `root`"),
        "nav": .init({ $0.nav }, "the navigation links"),
        "drafts": .init({ $0.drafts }, "set when drafts are included (`--drafts`, preview)"),
        "hasFeed": .init({ $0.hasFeed }, "whether the audience has `feed.xml`"),
        "preview": .init({ $0.preview }, "only in `relnotes preview`: the banner with the audience switch"),
    ]
}

extension NavLink: TemplateContext {
    static let templateFields: TemplateFieldTable<NavLink> = [
        "title": .init({ $0.title }, "the link's text"),
        "path": .init({ $0.path }, "from the audience root (`changelog/`)"),
        "url": .init({ $0.url }, "from this page"),
        "current": .init({ $0.current }, "the page being shown"),
    ]
}

extension PreviewBanner: TemplateContext {
    static let templateFields: TemplateFieldTable<PreviewBanner> = [
        "audience": .init({ $0.audience }, "the audience's name"),
        "audienceTitle": .init({ $0.audienceTitle }, "the audience's title"),
        "switches": .init({ $0.switches }, "the same page for each audience"),
        "script": .init({ $0.script }, "the live-reload script"),
    ]
}

extension AudienceSwitch: TemplateContext {
    static let templateFields: TemplateFieldTable<AudienceSwitch> = [
        "audience": .init({ $0.audience }, "the audience's name"),
        "title": .init({ $0.title }, "the audience's title"),
        "url": .init({ $0.url }, "`/<audience>/<same path>`"),
        "current": .init({ $0.current }, "the audience being shown"),
    ]
}
