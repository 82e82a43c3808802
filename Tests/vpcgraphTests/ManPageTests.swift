import Foundation
import TestSupport
import Testing

/// The committed man page (docs/man/vpcgraph.1, `make man`) documents every subcommand and every
/// option the binary has: the binary's own description of itself (swift-argument-parser's
/// `--experimental-dump-help`) is compared with the page.
@Suite struct ManPageTests {
    struct Entry: Hashable, CustomStringConvertible {
        var command: String
        var option: String
        var description: String { "\(command) --\(option)" }
    }

    @Test func theManPageNamesEverySubcommandAndOption() throws {
        let page = try String(contentsOf: Paths.repository.appendingPathComponent("docs/man/vpcgraph.1"), encoding: .utf8)
        let dump = try Run.vpcgraph(["--experimental-dump-help"])
        #expect(dump.status == 0)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        var subcommands: [String] = []
        var options: [Entry] = []
        func walk(_ command: [String: Any], path: String) {
            for argument in command["arguments"] as? [[String: Any]] ?? [] where argument["shouldDisplay"] as? Bool ?? true {
                for name in argument["names"] as? [[String: Any]] ?? [] where name["kind"] as? String == "long" {
                    options.append(Entry(command: path, option: name["name"] as? String ?? ""))
                }
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                let name = sub["commandName"] as? String ?? ""
                subcommands.append(name)
                walk(sub, path: path + " " + name)
            }
        }
        walk(try #require(root["command"] as? [String: Any]), path: "vpcgraph")
        #expect(subcommands.count >= 7 && options.count >= 30, "\(subcommands) \(options.count)")
        let missingCommands = subcommands.filter { !page.contains(".It Em \($0)\n") }
        #expect(missingCommands == [], "run 'make man': the man page lacks these subcommands")
        // mdoc writes `--view` as `Fl -view`, and `-o, --output` as `Fl o , -output`.
        let missingOptions = Set(options).filter { !page.contains("Fl -\($0.option)") && !page.contains(" , -\($0.option)") }
            .map(\.description).sorted()
        #expect(missingOptions == [], "run 'make man': the man page lacks these options")
    }
}
