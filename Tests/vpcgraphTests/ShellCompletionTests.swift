import Foundation
import TestSupport
import Testing

/// The completion scripts swift-argument-parser generates, used for real: bash sources the script
/// and its completion function answers a half-typed command line.
@Suite struct ShellCompletionTests {
    /// What bash's completion function offers for `words` (the last one half typed).
    func bashCompletes(_ words: [String]) throws -> [String] {
        let dir = Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("vpcgraph.bash")
        let generated = try Run.vpcgraph(["--generate-completion-script", "bash"])
        #expect(generated.status == 0)
        try generated.stdout.write(to: script, atomically: true, encoding: .utf8)
        let line = words.joined(separator: " ")
        let quoted = words.map { "'\($0)'" }.joined(separator: " ")
        let driver = """
        source '\(script.path)'
        COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1)
        COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}
        _vpcgraph vpcgraph '\(words.last!)' '\(words[words.count - 2])'
        printf '%s\\n' "${COMPREPLY[@]}"
        """
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = Paths.vpcgraph.deletingLastPathComponent().path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        let result = try Run.process("bash", ["-c", driver], environment: env)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init).sorted()
    }

    @Test func subcommandsComplete() throws {
        let offered = try bashCompletes(["vpcgraph", "re"])
        #expect(offered == ["render"])
    }

    @Test func renderOptionsComplete() throws {
        let offered = try bashCompletes(["vpcgraph", "render", "--vi"])
        #expect(offered == ["--view"])
    }

    @Test func optionValuesComplete() throws {
        let offered = try bashCompletes(["vpcgraph", "render", "--theme", ""])
        #expect(offered == ["auto", "dark", "light"])
    }

    @Test(arguments: ["zsh", "fish"]) func otherShellsGetAScriptNamingEverySubcommand(shell: String) throws {
        let generated = try Run.vpcgraph(["--generate-completion-script", shell])
        #expect(generated.status == 0)
        for subcommand in ["render", "check", "import", "collect", "templates", "schema"] {
            #expect(generated.stdout.contains(subcommand), "\(shell) script lacks \(subcommand)")
        }
        #expect(!generated.stdout.contains("_layout-worker"))
    }
}
