import AWSImport
import Foundation
import TestSupport
import Testing
import VPCReaders

/// `vpcgraph import aws` and `render --from aws`, run as a user would: exit codes, stderr, and the
/// files written (or not).
@Suite struct ImportCommandTests {
    @Test func writesTheSnapshotAsYAML() throws {
        let work = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let result = try Run.vpcgraph(["import", "aws", Fixture.documented, "-o", work + "/net.yaml"])
        let warnings = Fixture.goneWarnings(prefix: Fixture.documented + "/eu-west-1/").map { $0 + "\n" }.joined()
        #expect(result.status == 0 && result.stderr == warnings + "wrote \(work)/net.yaml\n" && result.stdout == "")
        #expect(try Fixture.read(work + "/net.yaml") == TopologyWriter.write(Fixture.load(Fixture.documented).topology))
        #expect(try FileManager.default.contentsOfDirectory(atPath: work) == ["net.yaml"])
        let stdout = try Run.vpcgraph(["import", "aws", Fixture.documented, "-o", "-"])
        let written = try Fixture.read(work + "/net.yaml")
        #expect(stdout.status == 0 && stdout.stdout == written)
    }

    @Test func keepsAnExistingFileUnlessForced() throws {
        let work = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try Fixture.write("# mine\n", to: work + "/net.yaml")
        let refused = try Run.vpcgraph(["import", "aws", Fixture.documented, "-o", work + "/net.yaml"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "\(work)/net.yaml: error: '\(work)/net.yaml' already exists; pass --force to replace it [output-exists]\n")
        #expect(try Fixture.read(work + "/net.yaml") == "# mine\n")
        let forced = try Run.vpcgraph(["import", "aws", Fixture.documented, "-o", work + "/net.yaml", "--force"])
        #expect(forced.status == 0)
        #expect(try Fixture.read(work + "/net.yaml").hasPrefix("regions:\n"))
    }

    @Test func errorsExitOneAndWriteNothing() throws {
        let work = try Tools.temporaryFolder()
        let snapshot = try Fixture.copy { dir in
            try Fixture.write("{\"Vpcs\": [", to: dir + "/eu-west-1/describe-vpcs.json")
        }
        defer { for f in [work, snapshot] { try? FileManager.default.removeItem(atPath: f) } }
        let result = try Run.vpcgraph(["import", "aws", snapshot, "-o", work + "/net.yaml"])
        #expect(result.status == 1)
        #expect(result.stderr == "\(snapshot)/eu-west-1/describe-vpcs.json:1:11: error: invalid JSON: unexpected end of file, expected a value (truncated file?) [aws-json-syntax]\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: work) == [])
        let render = try Run.vpcgraph(["render", "--from", "aws", snapshot, "-o", work + "/out"])
        #expect(render.status == 1 && !FileManager.default.fileExists(atPath: work + "/out"))
    }

    @Test func warningsExitZero() throws {
        let work = try Tools.temporaryFolder()
        let snapshot = try Fixture.copy { dir in try Fixture.write("{\"Reservations\": []}", to: dir + "/eu-west-1/describe-instances.json") }
        defer { for f in [work, snapshot] { try? FileManager.default.removeItem(atPath: f) } }
        let result = try Run.vpcgraph(["import", "aws", snapshot, "-o", work + "/net.yaml"])
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("\(snapshot)/eu-west-1/describe-instances.json: $: warning: not an AWS CLI output vpcgraph reads (top-level keys 'Reservations'); skipped [aws-unknown-file]\n"))
        #expect(FileManager.default.fileExists(atPath: work + "/net.yaml"))
    }

    @Test func renderingASnapshotEqualsRenderingItsYAML() throws {
        let work = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        #expect(try Run.vpcgraph(["import", "aws", Fixture.documented, "-o", work + "/documented.yaml"]).status == 0)
        let fromSnapshot = try Run.vpcgraph(["render", "--from", "aws", Fixture.documented, "-o", work + "/a"])
        let fromYAML = try Run.vpcgraph(["render", work + "/documented.yaml", "-o", work + "/b"])
        #expect(fromSnapshot.status == 0 && fromYAML.status == 0, "\(fromSnapshot.stderr)\(fromYAML.stderr)")
        for name in ["documented.dot", "documented.svg", "documented.md"] {
            let a = try Fixture.read(work + "/a/" + name)
            #expect(a == (try Fixture.read(work + "/b/" + name)), "\(name) differs")
            #expect(!a.contains("FIXTURE-SECRET"))
            if name.hasSuffix(".dot") { #expect(a.contains("vpce-0e1f2a3b4c5d6e7f8")) }
        }
        let again = try Run.vpcgraph(["render", "--from", "aws", Fixture.documented, "-o", work + "/c"])
        #expect(again.status == 0)
        #expect(try Fixture.read(work + "/c/documented.svg") == (try Fixture.read(work + "/a/documented.svg")))
    }
}
