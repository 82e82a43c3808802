import Foundation
import TestSupport
import Testing

/// `vpcgraph import|render|check --from cloudformation`, run as the built binary.
@Suite struct CloudFormationCommandTests {
    static let bad = """
        Resources:
          Vpc:
            Type: AWS::EC2::VPC
            Properties: {CidrBlock: 10.0.0.0/16}
          PrivateA:
            Type: AWS::EC2::Subnet
            Properties:
              VpcId: !Ref Vpcc
              CidrBlock: 10.0.1.0/24
              AvailabilityZone: eu-west-1a

        """

    @Test func importWritesTheTopology() throws {
        let dir = Paths.temporaryDirectory("cfn-import")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("topology.yaml").path
        let result = try Run.vpcgraph(["import", "cloudformation", "--region", "eu-west-1", Fixtures.path("app-vpc.yaml"), "-o", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "wrote \(out)\n")
        let golden = try String(contentsOf: Fixtures.folder.appendingPathComponent("app-vpc/app-vpc.topology.yaml"), encoding: .utf8)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == golden)
        // The written topology renders like any other.
        let render = try Run.vpcgraph(["render", out, "-o", dir.appendingPathComponent("out").path, "--format", "md"])
        #expect(render.status == 0, "\(render.stderr)")
    }

    @Test func parameterChangesTheTopology() throws {
        let result = try Run.vpcgraph(["import", "cloudformation", "--region", "eu-west-1", "--parameter", "VpcCidr=10.0.0.0/8",
                                       Fixtures.path("app-vpc.yaml"), "-o", "-"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("        cidr: 10.0.0.0/8\n"))
    }

    @Test func badTemplateWritesNothing() throws {
        let dir = Paths.temporaryDirectory("cfn-bad")
        defer { try? FileManager.default.removeItem(at: dir) }
        let template = dir.appendingPathComponent("template.yaml")
        try Self.bad.write(to: template, atomically: true, encoding: .utf8)
        let expected = "template.yaml:8:14: error: Subnet 'PrivateA': !Ref 'Vpcc' is not a parameter or resource (did you mean 'Vpc'?) [cfn-unresolved-ref]\n"
            + "template.yaml:10:25: note: the template is read for region 'eu-west-1', from the availability zone of subnet 'PrivateA'; --region chooses another [cfn-region]\n"
        let render = try Run.vpcgraph(["render", "--from", "cloudformation", "template.yaml", "-o", "out"], currentDirectory: dir)
        #expect(render.status == 1)
        #expect(render.stderr == expected)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
        let check = try Run.vpcgraph(["check", "--from", "cloudformation", "template.yaml"], currentDirectory: dir)
        #expect(check.status == 1)
        #expect(check.stderr == expected)
        let imported = try Run.vpcgraph(["import", "cloudformation", "template.yaml", "-o", "topology.yaml"], currentDirectory: dir)
        #expect(imported.status == 1)
        #expect(imported.stderr == expected)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("topology.yaml").path))
    }

    @Test func renderNotesTheRegion() throws {
        let dir = Paths.temporaryDirectory("cfn-render")
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try Run.vpcgraph(["render", "--from", "cloudformation", Fixtures.path("conditions.yaml"), "-o", dir.path, "--format", "dot,md"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("conditions.yaml:21:3: note: the template is read for region 'us-east-1' (no --region given and no subnet names its availability zone); --region chooses another [cfn-region]\n"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("conditions.md").path))
    }

    @Test func optionsAreChecked() throws {
        let notPair = try Run.vpcgraph(["check", "--from", "cloudformation", "--parameter", "VpcCidr", Fixtures.path("app-vpc.yaml")])
        #expect(notPair.status == 64)
        #expect(notPair.stderr.contains("--parameter 'VpcCidr' is not KEY=VALUE"))
        let wrongKind = try Run.vpcgraph(["check", "--region", "eu-west-1", Paths.samples.appendingPathComponent("app-vpc.yaml").path])
        #expect(wrongKind.status == 64)
        #expect(wrongKind.stderr.contains("--parameter and --region go with --from cloudformation"))
    }
}
