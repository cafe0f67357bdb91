import Mustache

/// Template contexts answer swift-mustache's lookups from a table of fields instead of
/// `Mirror`, which reflects every property on every lookup (and on every step up the
/// context stack). Each field is read by a closure that knows its type, so a lookup costs
/// no dynamic cast, and text comes wrapped as `TemplateText`, which swift-mustache renders
/// without asking the runtime what a `String` conforms to. `TemplateContextTests` checks
/// that each table lists every stored property.
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

    init<Value: TemplateValue>(_ path: KeyPath<Root, Value> & Sendable) {
        read = { Value.templateValue($0[keyPath: path]) }
    }
}

/// A type whose values templates read. An absent value of a context is empty: it must not
/// be looked up in the contexts around it (an entry without a body showing its section's
/// body), so `nil` reads as `TemplateNull`.
protocol TemplateValue {
    static func templateValue(_ value: Self) -> Any
}

extension TemplateValue {
    static func templateValue(_ value: Self) -> Any { value }
}

extension Optional: TemplateValue where Wrapped: TemplateValue {
    static func templateValue(_ value: Self) -> Any {
        value.map(Wrapped.templateValue) ?? TemplateNull()
    }
}

extension String: TemplateValue {
    static func templateValue(_ value: Self) -> Any { TemplateText(value) }
}

extension Bool: TemplateValue {}
extension Int: TemplateValue {}
extension Array: TemplateValue {}

/// A text value, rendered exactly as swift-mustache renders a `String`: escaped by `{{x}}`,
/// as it is by `{{{x}}}`, with the transforms of `String` (`{{uppercased(x)}}`), and, as a
/// section's context, answering no name, so lookups go on outwards as they do from a string.
struct TemplateText: MustacheCustomRenderable, MustacheTransformable, MustacheParent {
    let text: String

    init(_ text: String) { self.text = text }

    var renderText: String { text }
    var isNull: Bool { false }
    func transform(_ name: String) -> Any? { text.transform(name) }
    func child(named name: String) -> Any? { nil }
}

/// An absent value: renders as nothing, counts as false in sections, and stops
/// swift-mustache from looking the name up in enclosing contexts.
struct TemplateNull: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}

// MARK: - The tables

extension AnnouncementView: TemplateContext {
    static let templateFields: [String: TemplateField<AnnouncementView>] = [
        "siteTitle": .init(\AnnouncementView.siteTitle),
        "isInternal": .init(\AnnouncementView.isInternal),
        "release": .init(\AnnouncementView.release),
        "meta": .init(\AnnouncementView.meta),
        "sections": .init(\AnnouncementView.sections),
        "nothingToSay": .init(\AnnouncementView.nothingToSay),
    ]
}

extension AnnouncementSection: TemplateContext {
    static let templateFields: [String: TemplateField<AnnouncementSection>] = [
        "section": .init(\AnnouncementSection.section),
        "body": .init(\AnnouncementSection.body),
    ]
}

extension FeedView: TemplateContext {
    static let templateFields: [String: TemplateField<FeedView>] = [
        "title": .init(\FeedView.title),
        "subtitle": .init(\FeedView.subtitle),
        "id": .init(\FeedView.id),
        "selfURL": .init(\FeedView.selfURL),
        "siteURL": .init(\FeedView.siteURL),
        "updated": .init(\FeedView.updated),
        "entries": .init(\FeedView.entries),
    ]
}

extension FeedEntry: TemplateContext {
    static let templateFields: [String: TemplateField<FeedEntry>] = [
        "title": .init(\FeedEntry.title),
        "id": .init(\FeedEntry.id),
        "url": .init(\FeedEntry.url),
        "updated": .init(\FeedEntry.updated),
        "summary": .init(\FeedEntry.summary),
        "content": .init(\FeedEntry.content),
        "contentEscaped": .init(\FeedEntry.contentEscaped),
    ]
}

extension IndexPage: TemplateContext {
    static let templateFields: [String: TemplateField<IndexPage>] = [
        "site": .init(\IndexPage.site),
        "lines": .init(\IndexPage.lines),
        "latest": .init(\IndexPage.latest),
    ]
}

extension ReleasePage: TemplateContext {
    static let templateFields: [String: TemplateField<ReleasePage>] = [
        "site": .init(\ReleasePage.site),
        "neighbours": .init(\ReleasePage.neighbours),
        "release": .init(\ReleasePage.release),
    ]
}

extension ChangelogPage: TemplateContext {
    static let templateFields: [String: TemplateField<ChangelogPage>] = [
        "site": .init(\ChangelogPage.site),
        "releases": .init(\ChangelogPage.releases),
        "pagination": .init(\ChangelogPage.pagination),
    ]
}

extension Pagination: TemplateContext {
    static let templateFields: [String: TemplateField<Pagination>] = [
        "page": .init(\Pagination.page),
        "pages": .init(\Pagination.pages),
        "previous": .init(\Pagination.previous),
        "next": .init(\Pagination.next),
    ]
}

extension ContentPage: TemplateContext {
    static let templateFields: [String: TemplateField<ContentPage>] = [
        "site": .init(\ContentPage.site),
        "title": .init(\ContentPage.title),
        "titleText": .init(\ContentPage.titleText),
        "body": .init(\ContentPage.body),
        "toc": .init(\ContentPage.toc),
        "hasToc": .init(\ContentPage.hasToc),
        "restrictedTo": .init(\ContentPage.restrictedTo),
    ]
}

extension TocItem: TemplateContext {
    static let templateFields: [String: TemplateField<TocItem>] = [
        "level": .init(\TocItem.level),
        "text": .init(\TocItem.text),
        "id": .init(\TocItem.id),
    ]
}

extension ReleaseSummary: TemplateContext {
    static let templateFields: [String: TemplateField<ReleaseSummary>] = [
        "version": .init(\ReleaseSummary.version),
        "supersededBy": .init(\ReleaseSummary.supersededBy),
        "path": .init(\ReleaseSummary.path),
        "title": .init(\ReleaseSummary.title),
        "titleText": .init(\ReleaseSummary.titleText),
        "hasTitle": .init(\ReleaseSummary.hasTitle),
        "summary": .init(\ReleaseSummary.summary),
        "date": .init(\ReleaseSummary.date),
        "dateLong": .init(\ReleaseSummary.dateLong),
        "status": .init(\ReleaseSummary.status),
        "line": .init(\ReleaseSummary.line),
        "isLatest": .init(\ReleaseSummary.isLatest),
        "isDraft": .init(\ReleaseSummary.isDraft),
        "isWithdrawn": .init(\ReleaseSummary.isWithdrawn),
        "isCandidate": .init(\ReleaseSummary.isCandidate),
        "isUnreleased": .init(\ReleaseSummary.isUnreleased),
        "restrictedTo": .init(\ReleaseSummary.restrictedTo),
        "hasBadges": .init(\ReleaseSummary.hasBadges),
    ]
}

extension LineGroup: TemplateContext {
    static let templateFields: [String: TemplateField<LineGroup>] = [
        "line": .init(\LineGroup.line),
        "releases": .init(\LineGroup.releases),
    ]
}

extension ReleaseDetail: TemplateContext {
    static let templateFields: [String: TemplateField<ReleaseDetail>] = [
        "head": .init(\ReleaseDetail.head),
        "pageSections": .init(\ReleaseDetail.pageSections),
        "continuedSection": .init(\ReleaseDetail.continuedSection),
        "toc": .init(\ReleaseDetail.toc),
        "hasToc": .init(\ReleaseDetail.hasToc),
        "filterClasses": .init(\ReleaseDetail.filterClasses),
        "highlights": .init(\ReleaseDetail.highlights),
        "sections": .init(\ReleaseDetail.sections),
        "newSections": .init(\ReleaseDetail.newSections),
        "hasNewSections": .init(\ReleaseDetail.hasNewSections),
        "previousCandidate": .init(\ReleaseDetail.previousCandidate),
        "meta": .init(\ReleaseDetail.meta),
    ]
}

extension ReleaseMeta: TemplateContext {
    static let templateFields: [String: TemplateField<ReleaseMeta>] = [
        "releaseManager": .init(\ReleaseMeta.releaseManager),
        "branch": .init(\ReleaseMeta.branch),
        "signOff": .init(\ReleaseMeta.signOff),
        "hasSignOff": .init(\ReleaseMeta.hasSignOff),
    ]
}

extension SignOffView: TemplateContext {
    static let templateFields: [String: TemplateField<SignOffView>] = [
        "team": .init(\SignOffView.team),
        "state": .init(\SignOffView.state),
        "done": .init(\SignOffView.done),
    ]
}

extension EntrySection: TemplateContext {
    static let templateFields: [String: TemplateField<EntrySection>] = [
        "type": .init(\EntrySection.type),
        "anchor": .init(\EntrySection.anchor),
        "hasHeading": .init(\EntrySection.hasHeading),
        "linkable": .init(\EntrySection.linkable),
        "componentClasses": .init(\EntrySection.componentClasses),
        "title": .init(\EntrySection.title),
        "level": .init(\EntrySection.level),
        "componentLevel": .init(\EntrySection.componentLevel),
        "marks": .init(\EntrySection.marks),
        "componentMarks": .init(\EntrySection.componentMarks),
        "groups": .init(\EntrySection.groups),
        "count": .init(\EntrySection.count),
        "relnotesReusedSection": .init(\EntrySection.relnotesReusedSection),
    ]
}

extension ComponentGroup: TemplateContext {
    static let templateFields: [String: TemplateField<ComponentGroup>] = [
        "component": .init(\ComponentGroup.component),
        "componentSlug": .init(\ComponentGroup.componentSlug),
        "entries": .init(\ComponentGroup.entries),
    ]
}

extension EntryView: TemplateContext {
    static let templateFields: [String: TemplateField<EntryView>] = [
        "id": .init(\EntryView.id),
        "anchor": .init(\EntryView.anchor),
        "title": .init(\EntryView.title),
        "titleText": .init(\EntryView.titleText),
        "body": .init(\EntryView.body),
        "tickets": .init(\EntryView.tickets),
        "hasTickets": .init(\EntryView.hasTickets),
        "component": .init(\EntryView.component),
        "breaking": .init(\EntryView.breaking),
        "restrictedTo": .init(\EntryView.restrictedTo),
        "fromVersion": .init(\EntryView.fromVersion),
    ]
}

extension TicketView: TemplateContext {
    static let templateFields: [String: TemplateField<TicketView>] = [
        "key": .init(\TicketView.key),
        "url": .init(\TicketView.url),
    ]
}

extension SiteInfo: TemplateContext {
    static let templateFields: [String: TemplateField<SiteInfo>] = [
        "title": .init(\SiteInfo.title),
        "reading": .init(\SiteInfo.reading),
        "audience": .init(\SiteInfo.audience),
        "audienceTitle": .init(\SiteInfo.audienceTitle),
        "root": .init(\SiteInfo.root),
        "home": .init(\SiteInfo.home),
        "nav": .init(\SiteInfo.nav),
        "drafts": .init(\SiteInfo.drafts),
        "hasFeed": .init(\SiteInfo.hasFeed),
        "preview": .init(\SiteInfo.preview),
    ]
}

extension NavLink: TemplateContext {
    static let templateFields: [String: TemplateField<NavLink>] = [
        "title": .init(\NavLink.title),
        "path": .init(\NavLink.path),
        "url": .init(\NavLink.url),
        "current": .init(\NavLink.current),
    ]
}

extension PreviewBanner: TemplateContext {
    static let templateFields: [String: TemplateField<PreviewBanner>] = [
        "audience": .init(\PreviewBanner.audience),
        "audienceTitle": .init(\PreviewBanner.audienceTitle),
        "switches": .init(\PreviewBanner.switches),
        "script": .init(\PreviewBanner.script),
    ]
}

extension AudienceSwitch: TemplateContext {
    static let templateFields: [String: TemplateField<AudienceSwitch>] = [
        "audience": .init(\AudienceSwitch.audience),
        "title": .init(\AudienceSwitch.title),
        "url": .init(\AudienceSwitch.url),
        "current": .init(\AudienceSwitch.current),
    ]
}
