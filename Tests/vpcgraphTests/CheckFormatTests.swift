import Foundation
import Pipeline
import TestSupport
import Testing
import VPCModel

/// `vpcgraph check`: the samples' findings (goldens), `--format text|json|sarif|github`, `--strict`,
/// and the SARIF log checked against SARIF 2.1.0's structure (scripts/check-sarif.py).
@Suite struct CheckFormatTests {
    static let fixtures = Paths.repository.appendingPathComponent("Tests/vpcgraphTests/Fixtures/findings")

    /// Runs `vpcgraph` in the repository (so paths print as `samples/…`).
    func vpcgraph(_ arguments: [String]) throws -> ProcessResult {
        try Run.vpcgraph(arguments, currentDirectory: Paths.repository)
    }

    func expectGolden(_ text: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        if let problem = Golden.mismatch(text, file: Self.fixtures.appendingPathComponent(name)) {
            Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
        }
    }

    /// Each sample's findings, as `check` prints them, are its golden (explained in the sample's comments).
    @Test(arguments: ["app-vpc", "multi-region", "shared-services"])
    func sampleFindings(_ sample: String) throws {
        let result = try vpcgraph(["check", "samples/\(sample).yaml"])
        #expect(result.status == 0)
        #expect(result.stdout == "")
        expectGolden(result.stderr, "\(sample).txt")
    }

    @Test func everyFormatOfTheSamples() throws {
        let samples = ["samples/app-vpc.yaml", "samples/multi-region.yaml", "samples/shared-services.yaml"]
        for format in ["json", "sarif", "github"] {
            let result = try vpcgraph(["check", "--format", format] + samples)
            #expect(result.status == 0)
            #expect(result.stderr == "")
            expectGolden(result.stdout, "samples.\(format)")
        }
    }

    @Test func strictMakesWarningsErrorsInEveryFormat() throws {
        let text = try vpcgraph(["check", "--strict", "samples/multi-region.yaml"])
        #expect(text.status == 1)
        #expect(text.stderr.hasPrefix("samples/multi-region.yaml:55:18: error: subnets "))
        let sarif = try vpcgraph(["check", "--strict", "--format", "sarif", "samples/multi-region.yaml"])
        #expect(sarif.status == 1)
        #expect(sarif.stdout.contains(#""ruleId": "cross-region-via-internet", "ruleIndex": 0, "level": "error""#))
        let github = try vpcgraph(["check", "--strict", "--format", "github", "samples/multi-region.yaml"])
        #expect(github.status == 1)
        #expect(github.stdout.hasPrefix("::error file=samples/multi-region.yaml,line=55,col=18,title=cross-region-via-internet::subnets "))
    }

    /// Errors with notes (a duplicate id points at the first definition) in JSON and SARIF.
    @Test func errorsWithNotes() throws {
        let dir = Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("dup net.yaml")
        try """
            regions:
              eu-west-1:
                vpcs:
                  - {id: vpc-1, cidr: 10.0.0.0/16}
                  - {id: vpc-1, cidr: 10.1.0.0/16}
            """.write(to: file, atomically: true, encoding: .utf8)
        let json = try Run.vpcgraph(["check", "--format", "json", "dup net.yaml"], currentDirectory: dir)
        #expect(json.status == 1)
        #expect(json.stdout == """
            {
              "diagnostics": [
                {
                  "file": "dup net.yaml",
                  "line": 5,
                  "column": 14,
                  "severity": "error",
                  "rule": "duplicate-id",
                  "message": "duplicate vpc id 'vpc-1'",
                  "notes": [
                    {
                      "file": "dup net.yaml",
                      "line": 4,
                      "column": 14,
                      "severity": "note",
                      "message": "'vpc-1' is first defined here"
                    }
                  ]
                }
              ],
              "errors": 1,
              "warnings": 0
            }

            """)
        let sarif = try Run.vpcgraph(["check", "--format", "sarif", "dup net.yaml"], currentDirectory: dir)
        #expect(sarif.status == 1)
        #expect(sarif.stdout.contains(#"{"ruleId": "duplicate-id", "ruleIndex": 0, "level": "error", "message": {"text": "duplicate vpc id 'vpc-1'"}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "dup%20net.yaml"}, "region": {"startLine": 5, "startColumn": 14}}}], "relatedLocations": [{"id": 1, "physicalLocation": {"artifactLocation": {"uri": "dup%20net.yaml"}, "region": {"startLine": 4, "startColumn": 14}}, "message": {"text": "'vpc-1' is first defined here"}}]}"#))
        try expectValidSARIF(sarif.stdout)
    }

    @Test func sarifOfTheSamplesIsValidSARIF() throws {
        let result = try vpcgraph(["check", "--format", "sarif", "samples/app-vpc.yaml", "samples/multi-region.yaml", "samples/shared-services.yaml"])
        try expectValidSARIF(result.stdout)
        // The rule metadata comes from the catalogue.
        let rule = try #require(RuleCatalogue.rule("cross-region-via-internet"))
        #expect(result.stdout.contains(#"{"id": "cross-region-via-internet", "shortDescription": {"text": "\#(rule.summary)"}"#))
    }

    /// The check fails for logs that break SARIF's structure: it is not a check that passes anything.
    @Test(arguments: [
        (#"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"level": "warning"}]}]}"#, "'message' is a required property"),
        (#"{"version": "2.0.0", "runs": []}"#, "'2.1.0' was expected"),
        (#"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x", "rules": [{"id": "a"}]}}, "results": [{"ruleId": "b", "ruleIndex": 0, "message": {"text": "m"}}]}]}"#, "ruleIndex 0 does not point at rule 'b'"),
        (#"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a b"}}}]}]}]}"#, "is not a URI reference"),
        (#"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "level": "warn"}]}]}"#, "is not one of"),
    ])
    func theSARIFCheckRejectsBrokenLogs(_ log: String, _ expected: String) throws {
        let result = try Run.process("python3", [Paths.repository.appendingPathComponent("scripts/check-sarif.py").path], input: Data(log.utf8))
        #expect(result.status == 1)
        #expect(result.stdout.contains(expected), "\(result.stdout)")
    }

    func expectValidSARIF(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let result = try Run.process("python3", [Paths.repository.appendingPathComponent("scripts/check-sarif.py").path], input: Data(text.utf8))
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)", sourceLocation: sourceLocation)
    }

    @Test func githubAnnotationsEscapeWhatTheRunnerReads() {
        let d = Diagnostic.warning("50% of 'a,b'\nsecond line", at: SourceLocation(file: "x,y:z.yaml", line: 3, column: 7), rule: "blackhole-route",
                                   notes: [.note("see here", at: SourceLocation(file: "x,y:z.yaml", line: 1, column: 1))])
        #expect(DiagnosticFormat.github.render([d]) == "::warning file=x%2Cy%3Az.yaml,line=3,col=7,title=blackhole-route::50%25 of 'a,b'%0Asecond line%0Ax,y:z.yaml:1:1: note: see here\n")
        let aws = Diagnostic.warning("gone", at: SourceLocation(file: "snap/eu-west-1/describe-vpcs.json", path: "$.Vpcs[0]"), rule: "aws-gone")
        #expect(DiagnosticFormat.github.render([aws]) == "::warning file=snap/eu-west-1/describe-vpcs.json,title=aws-gone::$.Vpcs[0]: gone\n")
        #expect(DiagnosticFormat.github.render([.note("cost", at: nil)]) == "::notice::cost\n")
    }
}
