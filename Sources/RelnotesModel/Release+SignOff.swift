extension Release {
    /// Teams whose sign-off is not given, as the most specific block says (an audience
    /// block's `sign_off` replaces the top-level one), in the order written.
    public var pendingSignOffs: [String] {
        let signOff = overrides.reversed().compactMap(\.fields.signOff).first ?? fields.signOff ?? []
        return signOff.filter { !$0.isDone }.map(\.team)
    }
}

extension SignOff {
    /// `yes`, `true`, `done` or `approved`, in any case.
    public var isDone: Bool { ["yes", "true", "done", "approved"].contains(state.lowercased()) }
}
