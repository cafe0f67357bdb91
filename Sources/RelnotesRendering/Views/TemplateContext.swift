import Foundation
import Mustache
import RelnotesModel

/// Template contexts answer swift-mustache's lookups from a table of fields instead of
/// `Mirror`, which reflects every property on every lookup (and on every step up the
/// context stack). Each field is read by a closure that knows its type, so a lookup costs
/// no dynamic cast. `TemplateContextTests` checks that each table lists every stored
/// property.
protocol TemplateContext: MustacheParent, TemplateValue {
    static var templateFields: [String: TemplateField<Self>] { get }
}

extension TemplateContext {
    func child(named name: String) -> Any? {
        Self.templateFields[name]?.read(self)
    }
}

/// How a template reads one field of a context: through `TemplateValue`, resolved when the
/// table is compiled, so reading a field costs no dynamic cast.
struct TemplateField<Root>: Sendable {
    let read: @Sendable (Root) -> Any
    /// What the field offers a template, from its type: what `check` holds templates to.
    let shape: @Sendable () -> TemplateShape
    /// One line for the template reference (`relnotes templates --reference`).
    let doc: String

    init<Value: TemplateValue>(_ path: KeyPath<Root, Value> & Sendable, _ doc: String) {
        read = { Value.templateValue($0[keyPath: path]) }
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
    static let templateFields: [String: TemplateField<AnnouncementView>] = [
        "subject": .init(\AnnouncementView.subject, "plain text: the `Subject:` line and the HTML document's `<title>`"),
        "product": .init(\AnnouncementView.product, "`product` of `relnotes.yml` (default: the site title)"),
        "isInternal": .init(\AnnouncementView.isInternal, "the internal shape (known issues, impact, release management); else the customer shape"),
        "release": .init(\AnnouncementView.release, "the release's head"),
        "status": .init(\AnnouncementView.status, "one sentence on the release's state (\"Released on March 10, 2026.\")"),
        "link": .init(\AnnouncementView.link, "the release's published page, when released and `base_url` is set"),
        "meta": .init(\AnnouncementView.meta, "release manager, branch, sign-offs, where this audience was given them"),
        ReleaseFields.templateName("withdrawal_reason"): .init(\AnnouncementView.withdrawalReason, "why the release was withdrawn: internal shape only"),
        "introduction": .init(\AnnouncementView.introduction, "the release body outside the shape's sections"),
        "sections": .init(\AnnouncementView.sections, "the shape's sections with something to say, \"Other changes\" last"),
        "nothingToSay": .init(\AnnouncementView.nothingToSay, "the sentence shown when no section has anything"),
    ]
}

extension AnnouncementLink: TemplateContext {
    static let templateFields: [String: TemplateField<AnnouncementLink>] = [
        "url": .init(\AnnouncementLink.url, "the page's address"),
        "label": .init(\AnnouncementLink.label, "the link's text"),
    ]
}

extension AnnouncementPart: TemplateContext {
    static let templateFields: [String: TemplateField<AnnouncementPart>] = [
        "heading": .init(\AnnouncementPart.heading, "the part's `##` heading; none for the text before the first"),
        "underline": .init(\AnnouncementPart.underline, "`-` as long as the heading, for the plain-text form"),
        "text": .init(\AnnouncementPart.text, "the part, rendered"),
    ]
}

extension AnnouncementSection: TemplateContext {
    static let templateFields: [String: TemplateField<AnnouncementSection>] = [
        "title": .init(\AnnouncementSection.title, "the section's title"),
        "body": .init(\AnnouncementSection.body, "the release body's section of that name, rendered"),
        "items": .init(\AnnouncementSection.items, "the entries placed in it"),
        "hasItems": .init(\AnnouncementSection.hasItems, "whether it lists any entry"),
    ]
}

extension AnnouncementItem: TemplateContext {
    static let templateFields: [String: TemplateField<AnnouncementItem>] = [
        "entry": .init(\AnnouncementItem.entry, "the entry"),
        "label": .init(\AnnouncementItem.label, "the type's title, for types listed with others (`Security`)"),
        "body": .init(\AnnouncementItem.body, "the entry's body, indented to continue its list item"),
        "hasDetails": .init(\AnnouncementItem.hasDetails, "whether a component or tickets follow the title"),
    ]
}

extension FeedView: TemplateContext {
    static let templateFields: [String: TemplateField<FeedView>] = [
        "title": .init(\FeedView.title, "the feed's title"),
        "subtitle": .init(\FeedView.subtitle, "the feed's subtitle"),
        "id": .init(\FeedView.id, "the feed's Atom id"),
        "selfURL": .init(\FeedView.selfURL, "the feed's own address"),
        "siteURL": .init(\FeedView.siteURL, "the audience site's address"),
        "updated": .init(\FeedView.updated, "when the newest release shipped (RFC 3339)"),
        "entries": .init(\FeedView.entries, "the latest `feed_size` released versions"),
    ]
}

extension FeedEntry: TemplateContext {
    static let templateFields: [String: TemplateField<FeedEntry>] = [
        "title": .init(\FeedEntry.title, "the release's title, plain text"),
        "id": .init(\FeedEntry.id, "the entry's Atom id"),
        "url": .init(\FeedEntry.url, "the release's page"),
        "updated": .init(\FeedEntry.updated, "the release's date (RFC 3339)"),
        "summary": .init(\FeedEntry.summary, "the summary, HTML (escape it)"),
        "content": .init(\FeedEntry.content, "the release as `partials/release-content` renders it, HTML"),
        "contentEscaped": .init(\FeedEntry.contentEscaped, "`content` escaped for XML text, as `{{content}}` would"),
        ReleaseFields.templateName("extra"): .init(\FeedEntry.extra, "the release's own fields (`extra:`) as this audience sees them"),
    ]
}

extension IndexPage: TemplateContext {
    static let templateFields: [String: TemplateField<IndexPage>] = [
        "site": .init(\IndexPage.site, "the site around the page"),
        "lines": .init(\IndexPage.lines, "the releases by release line (`1.2.x`), newest first"),
        "latest": .init(\IndexPage.latest, "the latest released version"),
    ]
}

extension ReleasePage: TemplateContext {
    static let templateFields: [String: TemplateField<ReleasePage>] = [
        "site": .init(\ReleasePage.site, "the site around the page"),
        "neighbours": .init(\ReleasePage.neighbours, "the previous and next release of its line; none in notes and the feed"),
        "release": .init(\ReleasePage.release, "the release in full"),
    ]
}

extension KeepAChangelogView: TemplateContext {
    static let templateFields: [String: TemplateField<KeepAChangelogView>] = [
        "releases": .init(\KeepAChangelogView.releases, "the releases, newest first"),
        "links": .init(\KeepAChangelogView.links, "the link references at the end"),
        "hasLinks": .init(\KeepAChangelogView.hasLinks, "whether there are any"),
    ]
}

extension KeepAChangelogRelease: TemplateContext {
    static let templateFields: [String: TemplateField<KeepAChangelogRelease>] = [
        "label": .init(\KeepAChangelogRelease.label, "the version, or `Unreleased`"),
        "date": .init(\KeepAChangelogRelease.date, "`YYYY-MM-DD`"),
        "isYanked": .init(\KeepAChangelogRelease.isYanked, "a withdrawn release: `[YANKED]`"),
        "sections": .init(\KeepAChangelogRelease.sections, "the Keep a Changelog sections with entries"),
    ]
}

extension KeepAChangelogSection: TemplateContext {
    static let templateFields: [String: TemplateField<KeepAChangelogSection>] = [
        "title": .init(\KeepAChangelogSection.title, "`Added`, `Changed`, `Deprecated`, `Removed`, `Fixed` or `Security`"),
        "types": .init(\KeepAChangelogSection.types, "the entry sections of the types mapped to it"),
    ]
}

extension ChangelogLink: TemplateContext {
    static let templateFields: [String: TemplateField<ChangelogLink>] = [
        "label": .init(\ChangelogLink.label, "the version, or `Unreleased`"),
        "url": .init(\ChangelogLink.url, "its compare or tag address"),
    ]
}

extension ChangelogPage: TemplateContext {
    static let templateFields: [String: TemplateField<ChangelogPage>] = [
        "site": .init(\ChangelogPage.site, "the site around the page"),
        "releases": .init(\ChangelogPage.releases, "the releases of this page, in full"),
        "pagination": .init(\ChangelogPage.pagination, "where this page is among the changelog's pages; none for one page"),
    ]
}

extension Pagination: TemplateContext {
    static let templateFields: [String: TemplateField<Pagination>] = [
        "page": .init(\Pagination.page, "this page's number, from 1"),
        "pages": .init(\Pagination.pages, "how many pages"),
        "previous": .init(\Pagination.previous, "the newer page's path"),
        "next": .init(\Pagination.next, "the older page's path"),
    ]
}

extension ContentPage: TemplateContext {
    static let templateFields = SchemaFieldValues.extend(ownFields, with: schemaFields) { $0.schemaValues }

    /// The page schema's fields the table below does not name: read from `schemaValues`.
    static let schemaFields = SchemaFieldValues.unclaimed(PageFields.self, claimed: ownFields.keys)

    private static let ownFields: [String: TemplateField<ContentPage>] = [
        "site": .init(\ContentPage.site, "the site around the page"),
        PageFields.templateName("title"): .init(\ContentPage.title, "the page's title, inline HTML"),
        "titleText": .init(\ContentPage.titleText, "the title as plain text"),
        "body": .init(\ContentPage.body, "the page's body, rendered"),
        "toc": .init(\ContentPage.toc, "its table of contents"),
        "hasToc": .init(\ContentPage.hasToc, "whether the table of contents is shown"),
        PageFields.templateName("audience"): .init(\ContentPage.restrictedTo, "audiences it is limited to, when this audience sees others that may not see it"),
        PageFields.templateName("extra"): .init(\ContentPage.extra, "the page's own fields (`extra:`) as this audience sees them"),
    ]
}

extension TocItem: TemplateContext {
    static let templateFields: [String: TemplateField<TocItem>] = [
        "level": .init(\TocItem.level, "the heading's level"),
        "text": .init(\TocItem.text, "the heading's text"),
        "id": .init(\TocItem.id, "the heading's `id`"),
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
        ReleaseFields.templateName("version"): .init(\ReleaseSummary.version, "the version, or `Unreleased`"),
        "supersededBy": .init(\ReleaseSummary.supersededBy, "for a candidate of a version this audience sees released: that version"),
        "path": .init(\ReleaseSummary.path, "from the audience root: `releases/1.2.0/`"),
        ReleaseFields.templateName("title"): .init(\ReleaseSummary.title, "the title, inline HTML (Markdown in Markdown outputs); the version when untitled"),
        "titleText": .init(\ReleaseSummary.titleText, "the title as plain text"),
        "hasTitle": .init(\ReleaseSummary.hasTitle, "whether the release has a title"),
        ReleaseFields.templateName("summary"): .init(\ReleaseSummary.summary, "the summary, inline HTML (Markdown in Markdown outputs)"),
        ReleaseFields.templateName("date"): .init(\ReleaseSummary.date, "`YYYY-MM-DD`, as written"),
        "dateLong": .init(\ReleaseSummary.dateLong, "the date written out (`March 10, 2026`)"),
        ReleaseFields.templateName("status"): .init(\ReleaseSummary.status, "`planned`, `candidate`, `released`, `withdrawn` or `unreleased`"),
        "line": .init(\ReleaseSummary.line, "the release line (`1.2.x`), or `Unreleased`"),
        "isLatest": .init(\ReleaseSummary.isLatest, "the latest released version"),
        "isDraft": .init(\ReleaseSummary.isDraft, "planned, candidate (not superseded) or unreleased"),
        "isWithdrawn": .init(\ReleaseSummary.isWithdrawn, "withdrawn (rolled back)"),
        "isCandidate": .init(\ReleaseSummary.isCandidate, "a pre-release version (`1.2.0-rc.1`)"),
        "isUnreleased": .init(\ReleaseSummary.isUnreleased, "the Unreleased notes"),
        ReleaseFields.templateName("audience"): .init(\ReleaseSummary.restrictedTo, "audiences it is limited to, when this audience sees others that may not see it"),
        "hasBadges": .init(\ReleaseSummary.hasBadges, "whether any badge (latest, draft, candidate, withdrawn, restricted) applies"),
        ReleaseFields.templateName("extra"): .init(\ReleaseSummary.extra, "the release's own fields (`extra:`) as this audience sees them"),
    ]
}

extension LineGroup: TemplateContext {
    static let templateFields: [String: TemplateField<LineGroup>] = [
        "line": .init(\LineGroup.line, "the release line (`1.2.x`)"),
        "releases": .init(\LineGroup.releases, "its releases, newest first"),
    ]
}

extension ReleaseDetail: TemplateContext {
    static let templateFields: [String: TemplateField<ReleaseDetail>] = [
        "head": .init(\ReleaseDetail.head, "the release's head, as in listings"),
        "pageSections": .init(\ReleaseDetail.pageSections, "the sections after the highlights: `sections` without `continuedSection`"),
        "continuedSection": .init(\ReleaseDetail.continuedSection, "the section the highlights' last `##` heading already names"),
        "toc": .init(\ReleaseDetail.toc, "the page's table of contents: the highlights' `##` headings and the sections"),
        "hasToc": .init(\ReleaseDetail.hasToc, "whether the table of contents is shown"),
        "filterClasses": .init(\ReleaseDetail.filterClasses, "`has-type-fix has-component-exports…`: what the changelog's filters keep it by"),
        "highlights": .init(\ReleaseDetail.highlights, "the release record's body, rendered"),
        "sections": .init(\ReleaseDetail.sections, "the entries by type, in configured order"),
        "newSections": .init(\ReleaseDetail.newSections, "for candidates after the first: what is new since `previousCandidate`"),
        "hasNewSections": .init(\ReleaseDetail.hasNewSections, "whether `newSections` is given"),
        "previousCandidate": .init(\ReleaseDetail.previousCandidate, "the candidate before this one"),
        "meta": .init(\ReleaseDetail.meta, "release manager, branch, sign-offs, where this audience was given them"),
    ]
}

extension ReleaseMeta: TemplateContext {
    static let templateFields: [String: TemplateField<ReleaseMeta>] = [
        ReleaseFields.templateName("release_manager"): .init(\ReleaseMeta.releaseManager, "who runs the release"),
        ReleaseFields.templateName("branch"): .init(\ReleaseMeta.branch, "the release branch, as code"),
        ReleaseFields.templateName("sign_off"): .init(\ReleaseMeta.signOff, "each team's sign-off, in the order written"),
        "hasSignOff": .init(\ReleaseMeta.hasSignOff, "whether any sign-off is given"),
    ]
}

extension SignOffView: TemplateContext {
    static let templateFields: [String: TemplateField<SignOffView>] = [
        "team": .init(\SignOffView.team, "the team (`qa`)"),
        "state": .init(\SignOffView.state, "its state, as written (`pending`)"),
        "done": .init(\SignOffView.done, "`yes`, `true`, `done` or `approved`"),
    ]
}

extension EntrySection: TemplateContext {
    static let templateFields: [String: TemplateField<EntrySection>] = [
        EntryFields.templateName("type"): .init(\EntrySection.type, "the type's name (`fix`)"),
        "anchor": .init(\EntrySection.anchor, "the `id` of its heading, unique in any page (`v1-2-0-fix`)"),
        "hasHeading": .init(\EntrySection.hasHeading, "false for a section that continues the highlights under their own heading"),
        "linkable": .init(\EntrySection.linkable, "a section of the site's pages: heading ids, permalinks, filter classes"),
        "componentClasses": .init(\EntrySection.componentClasses, "`has-component-exports…`: what the component filters keep it by"),
        "title": .init(\EntrySection.title, "the type's title (`Bug fixes`)"),
        "level": .init(\EntrySection.level, "its heading level"),
        "componentLevel": .init(\EntrySection.componentLevel, "its components' heading level"),
        "marks": .init(\EntrySection.marks, "`##` or `###`, for Markdown templates"),
        "componentMarks": .init(\EntrySection.componentMarks, "the components' heading marks"),
        "groups": .init(\EntrySection.groups, "its entries by component, the ungrouped first"),
        "count": .init(\EntrySection.count, "how many entries"),
        "relnotesReusedSection": .init(\EntrySection.relnotesReusedSection, "internal: the section as `partials/section` rendered it, reused"),
    ]
}

extension ComponentGroup: TemplateContext {
    static let templateFields: [String: TemplateField<ComponentGroup>] = [
        "component": .init(\ComponentGroup.component, "the component; none for the ungrouped entries"),
        "componentSlug": .init(\ComponentGroup.componentSlug, "the component as a CSS class part (`exports`); `none` for the ungrouped"),
        "entries": .init(\ComponentGroup.entries, "its entries"),
    ]
}

extension EntryView: TemplateContext {
    static let templateFields = SchemaFieldValues.extend(ownFields, with: schemaFields) { $0.schemaValues }

    /// The entry schema's text fields the table above does not name: read from `schemaValues`.
    static let schemaFields = SchemaFieldValues.unclaimed(EntryFields.self, claimed: ownFields.keys)

    private static let ownFields: [String: TemplateField<EntryView>] = [
        "id": .init(\EntryView.id, "the entry's stable id (`1.2.0/REL-117`)"),
        "anchor": .init(\EntryView.anchor, "unique in its page: `v1-2-0-REL-117`"),
        EntryFields.templateName("title"): .init(\EntryView.title, "the title, inline HTML (Markdown in Markdown outputs)"),
        "titleText": .init(\EntryView.titleText, "the title as plain text"),
        "body": .init(\EntryView.body, "the entry's body, rendered"),
        EntryFields.templateName("tickets"): .init(\EntryView.tickets, "its tracker keys"),
        "hasTickets": .init(\EntryView.hasTickets, "whether it has any"),
        EntryFields.templateName("component"): .init(\EntryView.component, "its component"),
        EntryFields.templateName("breaking"): .init(\EntryView.breaking, "an incompatible change"),
        EntryFields.templateName("audience"): .init(\EntryView.restrictedTo, "audiences it is limited to, when this audience sees others that may not see it"),
        "fromVersion": .init(\EntryView.fromVersion, "the candidate it first appeared in, when folded into a later release"),
        EntryFields.templateName("extra"): .init(\EntryView.extra, "the entry's own fields (`extra:`) as this audience sees them"),
    ]
}

extension TicketView: TemplateContext {
    static let templateFields: [String: TemplateField<TicketView>] = [
        "key": .init(\TicketView.key, "the tracker key (`REL-117`)"),
        "url": .init(\TicketView.url, "its link, only for audiences in `tickets.link_for`"),
    ]
}

extension SiteInfo: TemplateContext {
    static let templateFields: [String: TemplateField<SiteInfo>] = [
        "title": .init(\SiteInfo.title, "the site's title"),
        "reading": .init(\SiteInfo.reading, "search, filters, `noindex`"),
        "audience": .init(\SiteInfo.audience, "the audience's name"),
        "audienceTitle": .init(\SiteInfo.audienceTitle, "the audience's title"),
        "root": .init(\SiteInfo.root, "the way from the page to the audience's root (`../../`)"),
        "home": .init(\SiteInfo.home, "a link to the home page: `./` or `root`"),
        "nav": .init(\SiteInfo.nav, "the navigation links"),
        "drafts": .init(\SiteInfo.drafts, "set when drafts are included (`--drafts`, preview)"),
        "hasFeed": .init(\SiteInfo.hasFeed, "whether the audience has `feed.xml`"),
        "preview": .init(\SiteInfo.preview, "only in `relnotes preview`: the banner with the audience switch"),
    ]
}

extension NavLink: TemplateContext {
    static let templateFields: [String: TemplateField<NavLink>] = [
        "title": .init(\NavLink.title, "the link's text"),
        "path": .init(\NavLink.path, "from the audience root (`changelog/`)"),
        "url": .init(\NavLink.url, "from this page"),
        "current": .init(\NavLink.current, "the page being shown"),
    ]
}

extension PreviewBanner: TemplateContext {
    static let templateFields: [String: TemplateField<PreviewBanner>] = [
        "audience": .init(\PreviewBanner.audience, "the audience's name"),
        "audienceTitle": .init(\PreviewBanner.audienceTitle, "the audience's title"),
        "switches": .init(\PreviewBanner.switches, "the same page for each audience"),
        "script": .init(\PreviewBanner.script, "the live-reload script"),
    ]
}

extension AudienceSwitch: TemplateContext {
    static let templateFields: [String: TemplateField<AudienceSwitch>] = [
        "audience": .init(\AudienceSwitch.audience, "the audience's name"),
        "title": .init(\AudienceSwitch.title, "the audience's title"),
        "url": .init(\AudienceSwitch.url, "`/<audience>/<same path>`"),
        "current": .init(\AudienceSwitch.current, "the audience being shown"),
    ]
}
