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
    /// What the field offers a template, from its type: what `check` holds templates to.
    let shape: @Sendable () -> TemplateShape

    init<Value: TemplateValue>(_ path: KeyPath<Root, Value> & Sendable) {
        read = { Value.templateValue($0[keyPath: path]) }
        shape = { Value.templateShape }
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
        .fields(TemplateFieldSet(name: String(describing: Self.self)) { templateFields.mapValues { $0.shape() } })
    }
}

extension Optional: TemplateValue where Wrapped: TemplateValue {
    static func templateValue(_ value: Self) -> Any {
        value.map(Wrapped.templateValue) ?? TemplateNull()
    }

    static var templateShape: TemplateShape { Wrapped.templateShape }
}

extension String: TemplateValue {
    static func templateValue(_ value: Self) -> Any { TemplateText(value) }
}

extension Bool: TemplateValue {
    static var templateShape: TemplateShape { .flag }
}

extension Int: TemplateValue {}

extension Array: TemplateValue where Element: TemplateValue {
    static var templateShape: TemplateShape { .list(Element.templateShape) }
}

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
        "subject": .init(\AnnouncementView.subject),
        "product": .init(\AnnouncementView.product),
        "isInternal": .init(\AnnouncementView.isInternal),
        "release": .init(\AnnouncementView.release),
        "status": .init(\AnnouncementView.status),
        "link": .init(\AnnouncementView.link),
        "meta": .init(\AnnouncementView.meta),
        "withdrawalReason": .init(\AnnouncementView.withdrawalReason),
        "introduction": .init(\AnnouncementView.introduction),
        "sections": .init(\AnnouncementView.sections),
        "nothingToSay": .init(\AnnouncementView.nothingToSay),
    ]
}

extension AnnouncementLink: TemplateContext {
    static let templateFields: [String: TemplateField<AnnouncementLink>] = [
        "url": .init(\AnnouncementLink.url),
        "label": .init(\AnnouncementLink.label),
    ]
}

extension AnnouncementPart: TemplateContext {
    static let templateFields: [String: TemplateField<AnnouncementPart>] = [
        "heading": .init(\AnnouncementPart.heading),
        "underline": .init(\AnnouncementPart.underline),
        "text": .init(\AnnouncementPart.text),
    ]
}

extension AnnouncementSection: TemplateContext {
    static let templateFields: [String: TemplateField<AnnouncementSection>] = [
        "title": .init(\AnnouncementSection.title),
        "body": .init(\AnnouncementSection.body),
        "items": .init(\AnnouncementSection.items),
        "hasItems": .init(\AnnouncementSection.hasItems),
    ]
}

extension AnnouncementItem: TemplateContext {
    static let templateFields: [String: TemplateField<AnnouncementItem>] = [
        "entry": .init(\AnnouncementItem.entry),
        "label": .init(\AnnouncementItem.label),
        "body": .init(\AnnouncementItem.body),
        "hasDetails": .init(\AnnouncementItem.hasDetails),
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
        "extra": .init(\FeedEntry.extra),
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

extension KeepAChangelogView: TemplateContext {
    static let templateFields: [String: TemplateField<KeepAChangelogView>] = [
        "releases": .init(\KeepAChangelogView.releases),
        "links": .init(\KeepAChangelogView.links),
        "hasLinks": .init(\KeepAChangelogView.hasLinks),
    ]
}

extension KeepAChangelogRelease: TemplateContext {
    static let templateFields: [String: TemplateField<KeepAChangelogRelease>] = [
        "label": .init(\KeepAChangelogRelease.label),
        "date": .init(\KeepAChangelogRelease.date),
        "isYanked": .init(\KeepAChangelogRelease.isYanked),
        "sections": .init(\KeepAChangelogRelease.sections),
    ]
}

extension KeepAChangelogSection: TemplateContext {
    static let templateFields: [String: TemplateField<KeepAChangelogSection>] = [
        "title": .init(\KeepAChangelogSection.title),
        "types": .init(\KeepAChangelogSection.types),
    ]
}

extension ChangelogLink: TemplateContext {
    static let templateFields: [String: TemplateField<ChangelogLink>] = [
        "label": .init(\ChangelogLink.label),
        "url": .init(\ChangelogLink.url),
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
        "extra": .init(\ContentPage.extra),
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
        "extra": .init(\ReleaseSummary.extra),
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
        "extra": .init(\EntryView.extra),
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
