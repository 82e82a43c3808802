import Foundation
import TestSupport
import Testing

/// Diagnostics quote names and paths from the input: nothing in them reaches the terminal as a
/// control sequence or a bidirectional override.
@Suite struct TerminalSafetyTests {
    @Test func escapeSequencesInDiagnosticsArePrintedAsText() throws {
        let dir = Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A name with a terminal escape (YAML's \e) and a right-to-left override, quoted by a diagnostic.
        let yaml = """
            regions:
              eu-west-1:
                vpcs:
                  - {id: vpc-1, cidr: 10.0.0.0/16, subnets: [{id: "subnet-\\e[2J\\u202E", az: eu-west-1a, cidr: 10.0.1.0/24}]}
            """
        let file = dir.appendingPathComponent("x.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let missing = dir.appendingPathComponent("gone\u{1B}[31m.yaml").path
        for arguments in [["check", file.path], ["check", missing]] {
            let result = try Run.vpcgraph(arguments)
            #expect(result.status == 1)
            #expect(!result.stderr.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" }, "\(result.stderr)")
            #expect(result.stderr.contains("\\u{1B}"), "\(result.stderr)")
        }
    }
}
