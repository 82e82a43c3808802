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
