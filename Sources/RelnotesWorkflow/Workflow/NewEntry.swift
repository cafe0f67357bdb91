import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelnotesFiles
import RelnotesLoading
import RelnotesMarkdown
import RelnotesModel

/// `relnotes new entry`: writes a well-formed changelog entry file and never overwrites one.
public struct NewEntry: Sendable {
    public var type: String
    public var title: String
    public var tickets: [String] = []
    public var audience: String?
    /// The release folder to write into; `nil` for `unreleased/`.
    public var release: String?
    public var component: String?
    public var breaking = false
    /// The description below the front matter, Markdown.
    public var body: String?

    public init(type: String, title: String, tickets: [String] = [], audience: String? = nil, release: String? = nil,
                component: String? = nil, breaking: Bool = false, body: String? = nil) {
        self.type = type
        self.title = title
        self.tickets = tickets
        self.audience = audience
        self.release = release
        self.component = component
        self.breaking = breaking
        self.body = body
    }

    /// Writes the entry into the project at `root`; returns its path relative to `root`.
    public func write(root: URL, config: SiteConfig) throws(DiagnosticsError) -> String {
        try validate(config: config)
        let folderName = release ?? ProjectLoader.unreleasedFolder
        let folder = root.appending(path: "content/releases/\(folderName)")
        if release != nil, !FileSystem.isFile(folder.appending(path: "release.md")) {
            throw Self.failure("there is no release '\(folderName)' (content/releases/\(folderName)/release.md); create it with 'relnotes new release \(folderName)'")
        }
        let base = fileBaseName()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            // O_EXCL creation: an existing file is never overwritten, even by a race.
            var number = 1
            while true {
                let name = number == 1 ? "\(base).md" : "\(base)-\(number).md"
                let url = folder.appending(path: name)
                let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
                if descriptor >= 0 {
                    let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
                    try handle.write(contentsOf: Data(contents.utf8))
                    try handle.close()
                    return "content/releases/\(folderName)/\(name)"
                }
                guard errno == EEXIST else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
                number += 1
            }
        } catch {
            throw Self.failure("cannot write the entry: \(error.localizedDescription)")
        }
    }

    /// The file's text: front matter only, ready for a description below it.
    public var contents: String {
        var lines = ["---", "type: \(type)", "title: \(YAMLText.quoted(title))"]
        if let audience {
            lines.append("audience: \(audience)")
        } else {
            lines.append("# audience: external      # without it the entry is internal-only")
        }
        if !tickets.isEmpty { lines.append("tickets: [\(tickets.map(YAMLText.quoted).joined(separator: ", "))]") }
        if let component { lines.append("component: \(YAMLText.quoted(component))") }
        if breaking { lines.append("breaking: true") }
        lines += ["---", ""]
        let text = body?.trimmingCharacters(in: .newlines) ?? ""
        return lines.joined(separator: "\n") + (text.isEmpty ? "\n" : "\n" + text + "\n")
    }

    /// `REL-117-exports-no-longer-time-out`: the first ticket, then a few words of the title.
    func fileBaseName() -> String {
        let words = Slug.make(from: title).split(separator: "-").prefix(6).joined(separator: "-")
        let ticket = tickets.first.map { Slug.make(from: $0).uppercased() }
        let parts = [ticket, words.isEmpty ? nil : words].compactMap { $0 }
        return parts.isEmpty ? "entry" : parts.joined(separator: "-")
    }

    private func validate(config: SiteConfig) throws(DiagnosticsError) {
        guard config.type(named: type) != nil else {
            throw Self.failure("unknown type '\(type)'\(Suggestion.hint(for: type, in: config.types.map(\.name))); types: \(config.types.map(\.name).joined(separator: ", "))")
        }
        if let audience, config.audience(named: audience) == nil {
            throw Self.failure("unknown audience '\(audience)'\(Suggestion.hint(for: audience, in: config.audiences.map(\.name)))")
        }
        guard !title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, !title.contains("\n") else {
            throw Self.failure("the title must be one non-empty line")
        }
        // What `check` would refuse in the file written, refused before it is written.
        for (name, value) in [("title", title), ("component", component)] {
            if let bad = value?.unicodeScalars.first(where: XMLCharacters.isForbidden) {
                throw Self.failure("the \(name) holds \(XMLCharacters.name(bad)), \(XMLCharacters.reason)")
            }
        }
        if let problem = ParserWork.refuseInline(title) { throw Self.failure("the title: " + problem) }
        if let release, release != ProjectLoader.unreleasedFolder, (try? SemanticVersion(parsing: release)) == nil {
            throw Self.failure("'\(release)' is not a SemVer version")
        }
        if let component, component.trimmingCharacters(in: .whitespaces).isEmpty || component.contains("\n") {
            throw Self.failure("the component must be one non-empty line")
        }
        let keys = TicketLinker(config.tickets, linking: false)
        for ticket in tickets where !keys.isKey(ticket) {
            throw Self.failure("ticket '\(ticket)' does not match tickets.pattern '\(config.tickets.pattern)'; write the tracker key as the tracker does (REL-117)")
        }
        if let body {
            let problems = MarkdownRenderer(config: config).prepare(MarkdownSource(text: body, path: "<body>", firstLine: 1)).diagnostics
            if problems.containsErrors { throw DiagnosticsError(problems) }
        }
    }

    static func failure(_ message: String) -> DiagnosticsError {
        DiagnosticsError([.error("new", message, at: nil)])
    }
}

/// YAML text written by relnotes: double-quoted scalars, escaped as YAML requires.
enum YAMLText {
    static func quoted(_ text: String) -> String {
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\t": escaped += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    escaped += String(format: "\\x%02X", scalar.value)
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return escaped + "\""
    }
}
