import Foundation
import Testing
import TestSupport

/// `vpcgraph explain` end to end: the built binary, its stdout, stderr and exit code.
@Suite struct ExplainCLITests {
    let appVPC = Paths.samples.appendingPathComponent("app-vpc.yaml").path
    let shared = Paths.samples.appendingPathComponent("shared-services.yaml").path

    @Test func textForPeopleExitsZeroWhenItGetsThere() throws {
        let result = try Run.vpcgraph(["explain", appVPC, "--from", "subnet-0c1a2b3c4d5e6f703", "--to", "ssm.eu-west-1.amazonaws.com"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout.hasPrefix("explain: from subnet 'subnet-0c1a2b3c4d5e6f703' (private-a) in vpc 'vpc-0a1b2c3d4e5f60718' (app), eu-west-1a to ssm.eu-west-1.amazonaws.com:443 (tcp)\n"))
        #expect(result.stdout.hasSuffix("result: reaches interface endpoint 'vpce-0a1b2c3d4e5f60104' of 'com.amazonaws.eu-west-1.ssm' at 10.0.10.11, on the AWS network\n"))
    }

    /// The same walk over the infrastructure code's networks: a Terraform state and a
    /// CloudFormation template (with its region) of the app-vpc sample.
    @Test func terraformAndCloudFormationInputsAreExplainedToo() throws {
        let state = Paths.repository.appendingPathComponent("Tests/TerraformImportTests/Fixtures/terraform/app-vpc/state.json").path
        let fromState = try Run.vpcgraph(["explain", state, "--input-kind", "terraform", "--from", "subnet-8078f0796293a8d4b", "--to", "s3.eu-west-1.amazonaws.com"])
        #expect(fromState.status == 0, "\(fromState.stderr)")
        #expect(fromState.stdout.hasSuffix("result: reaches 'com.amazonaws.eu-west-1.s3' through gateway endpoint 'vpce-d057360f41de5ff1d', on the AWS network\n"))
        let template = Paths.repository.appendingPathComponent("Tests/CloudFormationImportTests/Fixtures/cloudformation/app-vpc.yaml").path
        let fromTemplate = try Run.vpcgraph(["explain", template, "--input-kind", "cloudformation", "--region", "eu-west-1",
                                             "--from", "subnet-PrivateSubnetA", "--to", "s3.eu-west-1.amazonaws.com"])
        #expect(fromTemplate.status == 0, "\(fromTemplate.stderr)")
        #expect(fromTemplate.stdout.contains("through gateway endpoint 'vpce-"), "\(fromTemplate.stdout)")
        // --region belongs to templates only.
        #expect(try Run.vpcgraph(["explain", state, "--input-kind", "terraform", "--region", "eu-west-1", "--from", "x", "--to", "y"]).status == 64)
    }

    @Test func jsonForToolsAndExitTwoWhenItCannot() throws {
        let result = try Run.vpcgraph(["explain", shared, "--from", "subnet-0c1d2e3f4a5b6a001", "--to", "10.10.1.10:22", "--format", "json"])
        #expect(result.status == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["reached"] as? Bool == false)
        #expect(object["end"] as? String == "unreachable")
        #expect(object["result"] as? String == "no security group of interface endpoint 'vpce-0e2a3b4c5d6e7f8b1' (sg-0e2a3b4c5d6e7f8a1) admits tcp 22 from 10.20.1.0/24")
        #expect(result.stdout.hasPrefix("{\n  \"from\": "))
    }

    /// A network ACL that denies the port: the text names the rule and its location, the JSON carries the
    /// `network-acl` steps, and the exit code says it cannot get there.
    @Test func networkACLStepsInTextAndJSON() throws {
        let dir = Paths.temporaryDirectory("explain-acl")
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try String(contentsOfFile: shared, encoding: .utf8).replacingOccurrences(of: "        vpn_gateway: {id: vgw-0c3d4e5f607182930, name: to-datacenter}\n", with: """
                    vpn_gateway: {id: vgw-0c3d4e5f607182930, name: to-datacenter}
                    network_acls:
                      - id: acl-0a1b2c3d4e5f60001
                        subnets: [subnet-0e2a3b4c5d6e7f801, subnet-0e2a3b4c5d6e7f802]
                        ingress:
                          - {rule: 100, action: allow, protocol: tcp, ports: 443, cidr: 10.20.0.0/16}
                          - {rule: 90, action: deny, protocol: tcp, ports: 443, cidr: 10.20.2.0/24}
                        egress:
                          - {rule: 100, action: allow, protocol: tcp, ports: 1024-65535, cidr: 10.20.0.0/16}

            """)
        let file = dir.appendingPathComponent("acl.yaml").path
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let denied = try Run.vpcgraph(["explain", file, "--from", "subnet-0c1d2e3f4a5b6a002", "--to", "apigateway.eu-west-1.amazonaws.com"])
        #expect(denied.status == 2)
        #expect(denied.stdout.contains("  9. network-acl: network ACL 'acl-0a1b2c3d4e5f60001' of subnet 'subnet-0e2a3b4c5d6e7f802' denies inbound tcp 443 from 10.20.2.0/24: rule 90 (deny tcp 443 from 10.20.2.0/24) matches first  [\(file):21:17]\n"), "\(denied.stdout)")
        #expect(denied.stdout.hasSuffix("result: cannot get there: network ACL 'acl-0a1b2c3d4e5f60001' of subnet 'subnet-0e2a3b4c5d6e7f802' does not let inbound tcp 443 from 10.20.2.0/24 through: rule 90 (deny tcp 443 from 10.20.2.0/24) denies it\n"))
        let allowed = try Run.vpcgraph(["explain", file, "--from", "subnet-0c1d2e3f4a5b6a001", "--to", "apigateway.eu-west-1.amazonaws.com", "--format", "json"])
        #expect(allowed.status == 0, "\(allowed.stdout)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(allowed.stdout.utf8)) as? [String: Any])
        let steps = try #require(object["steps"] as? [[String: Any]]).filter { $0["kind"] as? String == "network-acl" }
        #expect(steps.map { $0["text"] as? String ?? "" } == [
            "network ACL of subnet 'subnet-0c1d2e3f4a5b6a001': not in the snapshot (not evaluated)",
            "network ACL 'acl-0a1b2c3d4e5f60001' of subnet 'subnet-0e2a3b4c5d6e7f801' allows inbound tcp 443 from 10.20.1.0/24: rule 100 (allow tcp 443 from 10.20.0.0/16) matches first",
            "network ACL 'acl-0a1b2c3d4e5f60001' of subnet 'subnet-0e2a3b4c5d6e7f801' allows replies: outbound tcp 1024-65535 to 10.20.1.0/24 (return traffic is assumed to go to the ephemeral ports 1024-65535): rule 100 (allow tcp 1024-65535 to 10.20.0.0/16) matches first",
        ])
        #expect(steps.map { $0["location"] as? String } == [nil, "\(file):20:17", "\(file):23:17"])
    }

    @Test func anUnknownSubnetIsAUsageError() throws {
        let result = try Run.vpcgraph(["explain", shared, "--from", "subnet-0c1d2e3f4a5b6a00", "--to", "apigateway.eu-west-1.amazonaws.com"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Error: 'subnet-0c1d2e3f4a5b6a00' is not a subnet or an on-premises network of the topology; did you mean 'subnet-0c1d2e3f4a5b6a001'?\n"))
    }

    @Test func aTopologyFileReadAsAnAWSSnapshotSaysSo() throws {
        let result = try Run.vpcgraph(["explain", appVPC, "--input-kind", "aws", "--from", "subnet-0c1a2b3c4d5e6f703", "--to", "s3.eu-west-1.amazonaws.com"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == "\(appVPC):1:1: error: not an AWS snapshot: it is YAML (a topology file?), not the JSON the AWS CLI writes; read it as a topology (without '--from aws', or for explain '--input-kind aws'), or give a folder of 'aws … describe-…' outputs [aws-not-json]\n")
        let check = try Run.vpcgraph(["check", "--from", "aws", appVPC])
        #expect(check.status == 1)
        #expect(check.stderr == result.stderr)
    }
}
