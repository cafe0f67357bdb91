/// The version of relnotes itself, printed by `relnotes --version`.
public enum RelnotesVersion {
    public static let text = "0.9.0"
}
