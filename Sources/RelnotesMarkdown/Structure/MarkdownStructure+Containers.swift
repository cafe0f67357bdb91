extension MarkdownStructure {
    /// Whether the text, or an admonition body nested in it, has audience containers.
    var hasContainers: Bool {
        var pending = [self]
        while let structure = pending.popLast() {
            if !structure.containers.isEmpty { return true }
            pending += structure.admonitions.values.map(\.body)
        }
        return false
    }
}
