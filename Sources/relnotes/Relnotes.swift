import RelnotesCLI

/// The `relnotes` executable: everything happens in `RelnotesCLI`.
@main
struct Relnotes {
    static func main() async {
        RelnotesCommand.prepareProcess()
        await RelnotesCommand.main(nil)
    }
}
