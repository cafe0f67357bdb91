import Mustache

/// Template contexts answer swift-mustache's lookups from a table of key paths instead of
/// `Mirror`, which reflects every property on every lookup (and on every step up the
/// context stack): rendering got about ten times faster. `TemplateContextTests` checks that
/// each table lists every stored property.
protocol TemplateContext: MustacheParent {
    static var templateFields: [String: PartialKeyPath<Self> & Sendable] { get }
}

extension TemplateContext {
    func child(named name: String) -> Any? {
        guard let path = Self.templateFields[name] else { return nil }
        let value = self[keyPath: path]
        if let optional = value as? any OptionalValue {
            // An absent value of this context is empty: it must not be looked up in the
            // contexts around it (an entry without a body showing its section's body).
            return optional.wrappedValue ?? TemplateNull()
        }
        return value
    }
}

/// An absent value: renders as nothing, counts as false in sections, and stops
/// swift-mustache from looking the name up in enclosing contexts.
struct TemplateNull: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}

/// Lets `child(named:)` unwrap optionals held in `Any`.
protocol OptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
    var wrappedValue: Any? { self.map { $0 as Any } }
}

// MARK: - The tables

extension AnnouncementView: TemplateContext {
    static let templateFields: [String: PartialKeyPath<AnnouncementView> & Sendable] = [
        "siteTitle": \AnnouncementView.siteTitle,
        "isInternal": \AnnouncementView.isInternal,
        "release": \AnnouncementView.release,
        "meta": \AnnouncementView.meta,
        "sections": \AnnouncementView.sections,
        "nothingToSay": \AnnouncementView.nothingToSay,
    ]
}

extension AnnouncementSection: TemplateContext {
    static let templateFields: [String: PartialKeyPath<AnnouncementSection> & Sendable] = [
        "section": \AnnouncementSection.section,
        "body": \AnnouncementSection.body,
    ]
}

extension FeedView: TemplateContext {
    static let templateFields: [String: PartialKeyPath<FeedView> & Sendable] = [
        "title": \FeedView.title,
        "subtitle": \FeedView.subtitle,
        "id": \FeedView.id,
        "selfURL": \FeedView.selfURL,
        "siteURL": \FeedView.siteURL,
        "updated": \FeedView.updated,
        "entries": \FeedView.entries,
    ]
}

extension FeedEntry: TemplateContext {
    static let templateFields: [String: PartialKeyPath<FeedEntry> & Sendable] = [
        "title": \FeedEntry.title,
        "id": \FeedEntry.id,
        "url": \FeedEntry.url,
        "updated": \FeedEntry.updated,
        "summary": \FeedEntry.summary,
        "content": \FeedEntry.content,
    ]
}

extension IndexPage: TemplateContext {
    static let templateFields: [String: PartialKeyPath<IndexPage> & Sendable] = [
        "site": \IndexPage.site,
        "lines": \IndexPage.lines,
        "latest": \IndexPage.latest,
    ]
}

extension ReleasePage: TemplateContext {
    static let templateFields: [String: PartialKeyPath<ReleasePage> & Sendable] = [
        "site": \ReleasePage.site,
        "release": \ReleasePage.release,
    ]
}

extension ChangelogPage: TemplateContext {
    static let templateFields: [String: PartialKeyPath<ChangelogPage> & Sendable] = [
        "site": \ChangelogPage.site,
        "releases": \ChangelogPage.releases,
        "pagination": \ChangelogPage.pagination,
    ]
}

extension Pagination: TemplateContext {
    static let templateFields: [String: PartialKeyPath<Pagination> & Sendable] = [
        "page": \Pagination.page,
        "pages": \Pagination.pages,
        "previous": \Pagination.previous,
        "next": \Pagination.next,
    ]
}

extension ContentPage: TemplateContext {
    static let templateFields: [String: PartialKeyPath<ContentPage> & Sendable] = [
        "site": \ContentPage.site,
        "title": \ContentPage.title,
        "titleText": \ContentPage.titleText,
        "body": \ContentPage.body,
        "toc": \ContentPage.toc,
        "hasToc": \ContentPage.hasToc,
        "restrictedTo": \ContentPage.restrictedTo,
    ]
}

extension TocItem: TemplateContext {
    static let templateFields: [String: PartialKeyPath<TocItem> & Sendable] = [
        "level": \TocItem.level,
        "text": \TocItem.text,
        "id": \TocItem.id,
    ]
}

extension ReleaseSummary: TemplateContext {
    static let templateFields: [String: PartialKeyPath<ReleaseSummary> & Sendable] = [
        "version": \ReleaseSummary.version,
        "path": \ReleaseSummary.path,
        "title": \ReleaseSummary.title,
        "titleText": \ReleaseSummary.titleText,
        "hasTitle": \ReleaseSummary.hasTitle,
        "summary": \ReleaseSummary.summary,
        "date": \ReleaseSummary.date,
        "dateLong": \ReleaseSummary.dateLong,
        "status": \ReleaseSummary.status,
        "line": \ReleaseSummary.line,
        "isLatest": \ReleaseSummary.isLatest,
        "isDraft": \ReleaseSummary.isDraft,
        "isWithdrawn": \ReleaseSummary.isWithdrawn,
        "isCandidate": \ReleaseSummary.isCandidate,
        "isUnreleased": \ReleaseSummary.isUnreleased,
        "restrictedTo": \ReleaseSummary.restrictedTo,
        "hasBadges": \ReleaseSummary.hasBadges,
    ]
}

extension LineGroup: TemplateContext {
    static let templateFields: [String: PartialKeyPath<LineGroup> & Sendable] = [
        "line": \LineGroup.line,
        "releases": \LineGroup.releases,
    ]
}

extension ReleaseDetail: TemplateContext {
    static let templateFields: [String: PartialKeyPath<ReleaseDetail> & Sendable] = [
        "head": \ReleaseDetail.head,
        "highlights": \ReleaseDetail.highlights,
        "sections": \ReleaseDetail.sections,
        "newSections": \ReleaseDetail.newSections,
        "hasNewSections": \ReleaseDetail.hasNewSections,
        "previousCandidate": \ReleaseDetail.previousCandidate,
        "meta": \ReleaseDetail.meta,
    ]
}

extension ReleaseMeta: TemplateContext {
    static let templateFields: [String: PartialKeyPath<ReleaseMeta> & Sendable] = [
        "releaseManager": \ReleaseMeta.releaseManager,
        "branch": \ReleaseMeta.branch,
        "signOff": \ReleaseMeta.signOff,
        "hasSignOff": \ReleaseMeta.hasSignOff,
    ]
}

extension SignOffView: TemplateContext {
    static let templateFields: [String: PartialKeyPath<SignOffView> & Sendable] = [
        "team": \SignOffView.team,
        "state": \SignOffView.state,
        "done": \SignOffView.done,
    ]
}

extension EntrySection: TemplateContext {
    static let templateFields: [String: PartialKeyPath<EntrySection> & Sendable] = [
        "type": \EntrySection.type,
        "title": \EntrySection.title,
        "level": \EntrySection.level,
        "componentLevel": \EntrySection.componentLevel,
        "marks": \EntrySection.marks,
        "componentMarks": \EntrySection.componentMarks,
        "groups": \EntrySection.groups,
        "count": \EntrySection.count,
    ]
}

extension ComponentGroup: TemplateContext {
    static let templateFields: [String: PartialKeyPath<ComponentGroup> & Sendable] = [
        "component": \ComponentGroup.component,
        "entries": \ComponentGroup.entries,
    ]
}

extension EntryView: TemplateContext {
    static let templateFields: [String: PartialKeyPath<EntryView> & Sendable] = [
        "id": \EntryView.id,
        "anchor": \EntryView.anchor,
        "title": \EntryView.title,
        "titleText": \EntryView.titleText,
        "body": \EntryView.body,
        "tickets": \EntryView.tickets,
        "hasTickets": \EntryView.hasTickets,
        "component": \EntryView.component,
        "breaking": \EntryView.breaking,
        "restrictedTo": \EntryView.restrictedTo,
        "fromVersion": \EntryView.fromVersion,
    ]
}

extension TicketView: TemplateContext {
    static let templateFields: [String: PartialKeyPath<TicketView> & Sendable] = [
        "key": \TicketView.key,
        "url": \TicketView.url,
    ]
}

extension SiteInfo: TemplateContext {
    static let templateFields: [String: PartialKeyPath<SiteInfo> & Sendable] = [
        "title": \SiteInfo.title,
        "audience": \SiteInfo.audience,
        "audienceTitle": \SiteInfo.audienceTitle,
        "root": \SiteInfo.root,
        "home": \SiteInfo.home,
        "nav": \SiteInfo.nav,
        "drafts": \SiteInfo.drafts,
        "hasFeed": \SiteInfo.hasFeed,
        "preview": \SiteInfo.preview,
    ]
}

extension NavLink: TemplateContext {
    static let templateFields: [String: PartialKeyPath<NavLink> & Sendable] = [
        "title": \NavLink.title,
        "path": \NavLink.path,
        "url": \NavLink.url,
        "current": \NavLink.current,
    ]
}

extension PreviewBanner: TemplateContext {
    static let templateFields: [String: PartialKeyPath<PreviewBanner> & Sendable] = [
        "audience": \PreviewBanner.audience,
        "audienceTitle": \PreviewBanner.audienceTitle,
        "switches": \PreviewBanner.switches,
        "script": \PreviewBanner.script,
    ]
}

extension AudienceSwitch: TemplateContext {
    static let templateFields: [String: PartialKeyPath<AudienceSwitch> & Sendable] = [
        "audience": \AudienceSwitch.audience,
        "title": \AudienceSwitch.title,
        "url": \AudienceSwitch.url,
        "current": \AudienceSwitch.current,
    ]
}
