import AWSCollect
import AWSImport
import Foundation
import TestSupport
import Testing

/// `vpcgraph collect` against a stand-in `aws` that answers like the real one: what it is asked,
/// how a denied call reads, and that nothing is left behind when a call fails.
@Suite struct CollectTests {
    /// A folder with an `aws` script: it logs its arguments, prints `{}` and fails like AWS for `deny`.
    /// `noDirectConnect`: Direct Connect calls fail as where the service does not answer (moto: a 500).
    static func fakeAWS(deny: String? = nil, noDirectConnect: Bool = false) throws -> String {
        let bin = try Tools.temporaryFolder("fake-aws")
        let script = """
            #!/bin/sh
            echo "$@" >> "\(bin)/calls.log"
            if [ "$2" = "\(deny ?? "-")" ]; then
              echo "" >&2
              echo "An error occurred (UnauthorizedOperation) when calling the DescribeRouteTables operation: You are not authorized to perform this operation. User: arn:aws:sts::123456789012:assumed-role/ci/x is not authorized to perform: ec2:DescribeRouteTables because no identity-based policy allows the ec2:DescribeRouteTables action" >&2
              exit 254
            fi
            if [ "$1" = "directconnect" ] && [ "\(noDirectConnect)" = "true" ]; then
              echo "" >&2
              echo "An error occurred (500) when calling the DescribeDirectConnectGateways operation (reached max retries: 4): Internal Server Error" >&2
              exit 255
            fi
            case "$2" in
              describe-vpcs) echo '{"Vpcs": [{"VpcId": "vpc-0a", "CidrBlock": "10.0.0.0/16"}]}' ;;
              list-hosted-zones) echo '{"HostedZones": [{"Id": "/hostedzone/Z1", "Name": "a.internal.", "Config": {"PrivateZone": true}}, {"Id": "/hostedzone/Z2", "Name": "a.com.", "Config": {"PrivateZone": false}}]}' ;;
              describe-direct-connect-gateways) echo '{"directConnectGateways": [{"directConnectGatewayId": "dxgw-1", "directConnectGatewayState": "available"}, {"directConnectGatewayId": "dxgw-2", "directConnectGatewayState": "deleted"}]}' ;;
              describe-vpn-connections) echo '{"VpnConnections": [{"VpnConnectionId": "vpn-1", "CustomerGatewayConfiguration": "<pre_shared_key>TOPSECRET</pre_shared_key>"}]}' ;;
              *) echo '{}' ;;
            esac
            """
        try Fixture.write(script, to: bin + "/aws")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin + "/aws")
        return bin
    }

    static func environment(path: String) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = path
        return env
    }

    @Test func makesEveryCallOncePerRegionAndPerResourceAndDropsSecrets() throws {
        let bin = try Self.fakeAWS()
        let work = try Tools.temporaryFolder()
        defer { for f in [bin, work] { try? FileManager.default.removeItem(atPath: f) } }
        let result = try Run.vpcgraph(["collect", "--region", "eu-west-1,us-east-1", "-o", work + "/snap"],
                                      environment: Self.environment(path: bin + ":/usr/bin:/bin"))
        #expect(result.status == 0, "\(result.stderr)")
        let calls = try Fixture.read(bin + "/calls.log").split(separator: "\n").map(String.init)
        let regional = CollectionPlan.regional.count
        // Per region: the lists, two attributes and the zones of the one VPC; then the hosted zones and Direct Connect
        // gateways (global), the private zone's two calls and the available Direct Connect gateway's associations.
        #expect(calls.count == 2 * (regional + 3) + 2 + 2 + 1)
        #expect(calls.contains("directconnect describe-direct-connect-gateway-associations --direct-connect-gateway-id dxgw-1 --region eu-west-1 --output json"))
        #expect(!calls.contains { $0.contains("dxgw-2") })
        #expect(calls.allSatisfy { $0.hasSuffix("--output json") && $0.contains("--region ") })
        #expect(calls.contains("ec2 describe-vpc-attribute --vpc-id vpc-0a --attribute enableDnsHostnames --region us-east-1 --output json"))
        #expect(calls.contains("route53 list-hosted-zones-by-vpc --vpc-id vpc-0a --vpc-region eu-west-1 --region eu-west-1 --output json"))
        #expect(calls.contains("route53 get-hosted-zone --id Z1 --region eu-west-1 --output json"))
        #expect(!calls.contains { $0.contains("Z2") })
        let files = try FileManager.default.subpathsOfDirectory(atPath: work + "/snap").filter { $0.hasSuffix(".json") }.sorted()
        #expect(files.count == calls.count)
        #expect(files.contains("eu-west-1/describe-vpc-attribute.vpc-0a.enableDnsSupport.json"))
        #expect(files.contains("global/list-resource-record-sets.Z1.json"))
        let vpn = try Fixture.read(work + "/snap/eu-west-1/describe-vpn-connections.json")
        #expect(vpn == "{\n    \"VpnConnections\": [\n        {\n            \"VpnConnectionId\": \"vpn-1\"\n        }\n    ]\n}\n")
        #expect(result.stderr.contains("collect: [1/"))
        #expect(result.stderr.hasSuffix("wrote \(work)/snap\n"))
    }

    @Test func aDeniedCallNamesTheCallAndTheIAMActionAndLeavesNothing() throws {
        let bin = try Self.fakeAWS(deny: "describe-route-tables")
        let work = try Tools.temporaryFolder()
        defer { for f in [bin, work] { try? FileManager.default.removeItem(atPath: f) } }
        let result = try Run.vpcgraph(["collect", "--region", "eu-west-1", "-o", work + "/snap"], environment: Self.environment(path: bin + ":/usr/bin:/bin"))
        #expect(result.status == 1)
        #expect(result.stderr.contains("""
            error: 'aws ec2 describe-route-tables' was denied: the credentials need the IAM action 'ec2:DescribeRouteTables' (see 'vpcgraph collect --print-iam-policy')
              aws said: An error occurred (UnauthorizedOperation) when calling the DescribeRouteTables operation:
            """))
        #expect(try FileManager.default.contentsOfDirectory(atPath: work) == [])
    }

    @Test func missingAWSCLIIsAClearError() throws {
        let work = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let result = try Run.vpcgraph(["collect", "--region", "eu-west-1", "-o", work + "/snap"], environment: Self.environment(path: work))
        #expect(result.status == 1)
        #expect(result.stderr == "error: the AWS CLI ('aws') is not in PATH; install it (AWS CLI v2, or 'pip install awscli') and configure credentials [collect]\n")
    }

    @Test func anExistingSnapshotIsKeptUnlessForced() throws {
        let bin = try Self.fakeAWS()
        let work = try Tools.temporaryFolder()
        defer { for f in [bin, work] { try? FileManager.default.removeItem(atPath: f) } }
        try Fixture.write("keep me\n", to: work + "/snap/old.txt")
        let env = Self.environment(path: bin + ":/usr/bin:/bin")
        let refused = try Run.vpcgraph(["collect", "--region", "eu-west-1", "-o", work + "/snap"], environment: env)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("'\(work)/snap' already exists and is not empty; pass --force to replace it"))
        #expect(try Fixture.read(work + "/snap/old.txt") == "keep me\n")
        let forced = try Run.vpcgraph(["collect", "--region", "eu-west-1", "-o", work + "/snap", "--force"], environment: env)
        #expect(forced.status == 0)
        #expect(!FileManager.default.fileExists(atPath: work + "/snap/old.txt"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: work).sorted() == ["snap"])
    }

    /// Where Direct Connect does not answer, its calls are skipped and said so; the rest is collected.
    @Test func directConnectCallsThatFailAreSkipped() throws {
        let bin = try Self.fakeAWS(noDirectConnect: true)
        let work = try Tools.temporaryFolder()
        defer { for f in [bin, work] { try? FileManager.default.removeItem(atPath: f) } }
        let result = try Run.vpcgraph(["collect", "--region", "eu-west-1", "-o", work + "/snap"], environment: Self.environment(path: bin + ":/usr/bin:/bin"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("global/describe-direct-connect-gateways.json: skipped, not in the snapshot (An error occurred (500) when calling the DescribeDirectConnectGateways operation (reached max retries: 4): Internal Server Error)\n"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: work + "/snap/global/describe-direct-connect-gateways.json"))
        #expect(FileManager.default.fileExists(atPath: work + "/snap/eu-west-1/describe-vpcs.json"))
        // A denied Direct Connect call is still an error: the policy lacks the action.
        let denied = try Self.fakeAWS(deny: "describe-direct-connect-gateways")
        defer { try? FileManager.default.removeItem(atPath: denied) }
        let refused = try Run.vpcgraph(["collect", "--region", "eu-west-1", "-o", work + "/snap2"], environment: Self.environment(path: denied + ":/usr/bin:/bin"))
        #expect(refused.status == 1)
    }

    @Test func usageErrorsExit64() throws {
        #expect(try Run.vpcgraph(["collect", "-o", "x"]).status == 64)
        #expect(try Run.vpcgraph(["collect", "--region", "europe", "-o", "x"]).status == 64)
    }

    @Test func theIAMPolicyAllowsExactlyTheCallsMade() throws {
        let result = try Run.vpcgraph(["collect", "--print-iam-policy"])
        #expect(result.status == 0)
        var parser = JSONParser(Array(result.stdout.utf8))
        let policy = try parser.parse()
        guard case .array(let statements)? = policy["Statement"], case .array(let actions)? = statements.first?["Action"] else {
            Issue.record("no actions in \(result.stdout)")
            return
        }
        let listed = actions.compactMap { if case .string(let s) = $0 { s } else { nil } }
        #expect(listed == CollectionPlan.iamActions)
        #expect(Set(listed) == Set(CollectionPlan.allOperations.map(\.iamAction)))
        #expect(listed.allSatisfy { !$0.contains("Create") && !$0.contains("Delete") && !$0.contains("Modify") })
        #expect(listed.count == 36)
        // The README shows the same policy.
        let readme = try Fixture.read(Tools.repositoryRoot + "/README.md")
        #expect(readme.contains("```json\n" + result.stdout + "```\n"))
    }
}
