import Foundation
import Testing
import VPCModel
@testable import VPCReaders
import Yams

/// A few hundred bytes of YAML aliases can stand for billions of values (the "billion laughs"):
/// the reader stops counting at a budget, and a policy stops growing at AWS's limit.
@Suite struct AliasBombTests {
    /// `levels` anchors, each a list of ten aliases of the one before: 10^levels strings.
    static func bomb(levels: Int) -> String {
        var lines = ["anchors:", "  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1..<levels {
            lines.append("  a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func countingStopsAtTheBudget() throws {
        let node = try #require(try Yams.compose(yaml: Self.bomb(levels: 9)))
        #expect(TopologyParser.exceeds(node, budget: 100_000))
        let sample = try String(contentsOfFile: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../samples/shared-services.yaml").standardized.path, encoding: .utf8)
        #expect(!TopologyParser.exceeds(try #require(try Yams.compose(yaml: sample)), budget: TopologyParser.maxNodes))
    }

    @Test func aPolicyOfAliasesStopsAtAWSsLimit() {
        let yaml = Self.bomb(levels: 6).replacingOccurrences(of: "anchors:", with: "x-anchors:") + """
            regions:
              eu-west-1:
                vpcs:
                  - id: vpc-1
                    cidr: 10.0.0.0/16
                    subnets: [{id: subnet-a1, az: eu-west-1a, cidr: 10.0.1.0/24}]
                    endpoints:
                      - {id: vpce-1, service: ssm, interfaces: {subnet-a1: 10.0.1.10}, policy: {Statement: *a5}}
            """
        let diagnostics = TopologyParser.parse(yaml, file: "bomb.yaml").diagnostics.map(\.description)
        #expect(diagnostics.contains("bomb.yaml:15:84: error: the policy is longer than 20480 characters, AWS's limit for an endpoint policy [policy-too-large]"),
                "\(diagnostics)")
    }
}
