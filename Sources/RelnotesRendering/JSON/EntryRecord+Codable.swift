/// An entry's record as JSON: like every optional field, `tickets` is left out when it
/// holds none (README: releases.json), rather than written as `[]`.
extension ReleasesDocument.EntryRecord {
    private enum CodingKeys: String, CodingKey {
        case id, type, typeTitle, title, titleHtml, bodyHtml, bodyText, component, tickets, breaking, fromVersion
    }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try values.decode(String.self, forKey: .id),
            type: try values.decode(String.self, forKey: .type),
            typeTitle: try values.decode(String.self, forKey: .typeTitle),
            title: try values.decode(String.self, forKey: .title),
            titleHtml: try values.decode(String.self, forKey: .titleHtml),
            bodyHtml: try values.decodeIfPresent(String.self, forKey: .bodyHtml),
            bodyText: try values.decodeIfPresent(String.self, forKey: .bodyText),
            component: try values.decodeIfPresent(String.self, forKey: .component),
            tickets: try values.decodeIfPresent([ReleasesDocument.TicketRecord].self, forKey: .tickets) ?? [],
            breaking: try values.decode(Bool.self, forKey: .breaking),
            fromVersion: try values.decodeIfPresent(String.self, forKey: .fromVersion))
    }

    public func encode(to encoder: any Encoder) throws {
        var values = encoder.container(keyedBy: CodingKeys.self)
        try values.encode(id, forKey: .id)
        try values.encode(type, forKey: .type)
        try values.encode(typeTitle, forKey: .typeTitle)
        try values.encode(title, forKey: .title)
        try values.encode(titleHtml, forKey: .titleHtml)
        try values.encodeIfPresent(bodyHtml, forKey: .bodyHtml)
        try values.encodeIfPresent(bodyText, forKey: .bodyText)
        try values.encodeIfPresent(component, forKey: .component)
        if !tickets.isEmpty { try values.encode(tickets, forKey: .tickets) }
        try values.encode(breaking, forKey: .breaking)
        try values.encodeIfPresent(fromVersion, forKey: .fromVersion)
    }
}
