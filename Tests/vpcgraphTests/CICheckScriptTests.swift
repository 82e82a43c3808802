import Foundation
import TestSupport
import Testing

/// scripts/ci-check.sh (what action.yml runs): vpcgraph's check output, and GitHub annotations.
@Suite struct CICheckScriptTests {
    static var script: String { Paths.repository.appendingPathComponent("scripts/ci-check.sh").path }

    @Test func staleFilesAndDiagnosticsBecomeAnnotations() throws {
        let dir = Paths.temporaryDirectory("ci-check")
        defer { try? FileManager.default.removeItem(at: dir) }
        var environment = ProcessInfo.processInfo.environment
        environment["VPCGRAPH"] = Paths.vpcgraph.path
        environment["GITHUB_ACTIONS"] = "true"
        environment["NO_COLOR"] = "1"
        let sample = try String(contentsOf: Paths.samples.appendingPathComponent("app-vpc.yaml"), encoding: .utf8)
        try sample.write(to: dir.appendingPathComponent("app-vpc.yaml"), atomically: true, encoding: .utf8)
        #expect(try Run.vpcgraph(["render", "app-vpc.yaml", "-o", "docs", "--format", "svg"], currentDirectory: dir).status == 0)
        let fresh = try Run.process(Self.script, ["app-vpc.yaml", "-o", "docs", "--format", "svg"], environment: environment, currentDirectory: dir)
        #expect(fresh.status == 0)
        #expect(fresh.stdout == "")
        // A warning in the input and a stale SVG.
        try sample.replacingOccurrences(of: "igw-0f1e2d3c4b5a69788", with: "igw-NOTHEX")
            .write(to: dir.appendingPathComponent("app-vpc.yaml"), atomically: true, encoding: .utf8)
        let stale = try Run.process(Self.script, ["app-vpc.yaml", "-o", "docs", "--format", "svg"], environment: environment, currentDirectory: dir)
        #expect(stale.status == 1)
        #expect(stale.stdout == """
            stale: docs/app-vpc.svg
            run 'vpcgraph render app-vpc.yaml -o docs --format svg' to update
            ::error file=docs/app-vpc.svg,title=vpcgraph: stale file::docs/app-vpc.svg is stale; run 'vpcgraph render app-vpc.yaml -o docs --format svg' to update
            ::warning file=app-vpc.yaml,line=15,col=32::'igw-NOTHEX' does not look like an internet gateway id (igw- and lower-case hex digits); links to the AWS console will not work [id-format]

            """)
    }
}
