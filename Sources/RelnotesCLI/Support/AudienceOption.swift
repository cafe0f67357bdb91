import ArgumentParser
import Relnotes
import RelnotesModel

enum AudienceOption {
    /// An unknown audience on the command line is a usage error, never a silent default.
    static func validate(_ name: String, in config: SiteConfig) throws {
        let names = config.audiences.map(\.name)
        guard names.contains(name) else {
            throw ValidationError("unknown audience '\(name)'\(Suggestion.hint(for: name, in: names)); configured audiences: \(names.joined(separator: ", "))")
        }
    }
}
