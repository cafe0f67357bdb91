import Testing

/// `--help` of every command: exit status 0 and every option named.
@Suite("relnotes --help")
struct HelpTests {
    @Test("each command's --help exits 0 and mentions its options", arguments: [
        ([], ["build", "check", "render"]),
        (["build"], ["--root", "--out", "--audience", "--drafts"]),
        (["check"], ["--root", "--format", "text", "json"]),
        (["render"], ["--root", "--audience", "--format"]),
    ])
    func help(command: [String], mentions: [String]) throws {
        let result = try Relnotes.run(command + ["--help"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        for word in mentions {
            #expect(result.stdout.contains(word), "'relnotes \(command.joined(separator: " ")) --help' does not mention \(word)")
        }
    }

    @Test("an unknown command or option is a usage error", arguments: [["deploy"], ["build", "--draft"], ["check", "--formt", "json"]])
    func usageError(arguments: [String]) throws {
        let result = try Relnotes.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains("Error:"))
    }
}
