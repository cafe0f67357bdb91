/// Where each audience's site is published: its folder under the output and its URL.
extension SiteConfig {
    /// The public URL of `audience`'s site, ending in `/`: its own `base_url`, else the
    /// top-level one followed by its path; `nil` when neither is configured.
    public func siteURL(of audience: AudienceDefinition) -> String? {
        if let own = audience.baseURL { return own }
        guard let baseURL else { return nil }
        return audience.path.isEmpty ? baseURL : baseURL + audience.path + "/"
    }

    /// Whether `audience`'s site is kept out of search engines (`private`; by default the
    /// audiences that see `default_audience`).
    public func isPrivate(_ audience: AudienceDefinition) -> Bool {
        audience.isPrivate ?? AudiencePolicy(self).isTrusted(audience.name)
    }

    /// The path of `file` (relative to an audience's folder) under the output folder.
    package static func outputPath(_ file: String, in folder: String) -> String {
        folder.isEmpty ? file : folder + "/" + file
    }

    /// The first two of `audiences` whose folders would overlap in one output folder (the
    /// same path, or one at the root of the output holding the other), `nil` when none do.
    public static func overlappingFolders(_ audiences: [AudienceDefinition]) -> (AudienceDefinition, AudienceDefinition)? {
        for (index, first) in audiences.enumerated() {
            for second in audiences[(index + 1)...] where first.path == second.path || first.path.isEmpty || second.path.isEmpty {
                return (first, second)
            }
        }
        return nil
    }
}
