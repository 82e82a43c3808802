import AWSImport
import Foundation
import Pipeline
import TestSupport
import Testing
import VPCModel
import VPCReaders

/// Security group rules are imported exactly as AWS gives them, and AWS ids are held to the id rules.
@Suite struct SecurityGroupImportTests {
    /// A snapshot of one VPC with one security group whose `IpPermissions` are `permissions` (JSON).
    static func snapshot(permissions: [String], vpcID: String = "vpc-0a") throws -> String {
        let folder = try Tools.temporaryFolder()
        let region = folder + "/eu-west-1"
        try Fixture.write(#"{"Vpcs": [{"VpcId": "\#(vpcID)", "CidrBlock": "10.0.0.0/16"}]}"#, to: region + "/vpcs.json")
        for attribute in ["EnableDnsSupport", "EnableDnsHostnames"] {
            try Fixture.write(#"{"VpcId": "\#(vpcID)", "\#(attribute)": {"Value": true}}"#, to: region + "/attribute-\(attribute).json")
        }
        try Fixture.write("""
            {"SecurityGroups": [{"GroupId": "sg-0a", "GroupName": "odd", "VpcId": "\(vpcID)", "IpPermissions": [
            \(permissions.joined(separator: ",\n"))
            ]}]}
            """, to: region + "/security-groups.json")
        return folder
    }

    static func permission(_ fields: String) -> String {
        #"{\#(fields), "IpRanges": [{"CidrIp": "10.0.0.0/8"}]}"#
    }

    static let permissions = [
        permission(#""IpProtocol": "-1""#),
        permission(#""IpProtocol": "tcp", "FromPort": 443, "ToPort": 443"#),
        permission(#""IpProtocol": "tcp", "FromPort": 0, "ToPort": 65535"#),
        permission(#""IpProtocol": "tcp", "FromPort": -1, "ToPort": -1"#),
        permission(#""IpProtocol": "udp", "FromPort": 0, "ToPort": 70000"#),
        permission(#""IpProtocol": "tcp", "FromPort": 100, "ToPort": 10"#),
        permission(#""IpProtocol": "icmp", "FromPort": 8, "ToPort": -1"#),
        permission(#""IpProtocol": "icmp", "FromPort": 3, "ToPort": 4"#),
        permission(#""IpProtocol": "icmp", "FromPort": -1, "ToPort": -1"#),
        permission(#""IpProtocol": "icmpv6""#),
        permission(#""IpProtocol": "icmp", "FromPort": 300, "ToPort": -1"#),
        permission(#""IpProtocol": "50""#),
        permission(#""IpProtocol": "6", "FromPort": 22, "ToPort": 22"#),
        permission(#""IpProtocol": "tcp""#),
        permission(#""IpProtocol": "foo""#),
        permission(#""IpProtocol": "tcp", "FromPort": "abc", "ToPort": 80"#),
        permission(#""FromPort": 80, "ToPort": 80"#),
    ]

    @Test func rulesAreKeptExactlyAsAWSGivesThem() throws {
        let folder = try Self.snapshot(permissions: Self.permissions)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = Fixture.load(folder)
        let file = "eu-west-1/security-groups.json: $.SecurityGroups[0].IpPermissions"
        #expect(Fixture.printed(result) == [
            "\(file)[10]: warning: rule of security group 'sg-0a' has FromPort 300 and ToPort -1, which are not an icmp type and code (0-255 each, -1 for all); documented as AWS gives them [security-group-rule]",
            "\(file)[13]: warning: rule of security group 'sg-0a' has FromPort (missing) and ToPort (missing), which are not a tcp port range (0-65535, FromPort at most ToPort); documented as AWS gives them [security-group-rule]",
            "\(file)[14].IpProtocol: warning: rule of security group 'sg-0a' is for protocol 'foo', which is not a protocol name or number 0-255; skipped [aws-bad-value]",
            "\(file)[15].FromPort: warning: 'FromPort' of a rule of security group 'sg-0a' is not a whole number; rule skipped [aws-bad-value]",
            "\(file)[16].IpProtocol: warning: rule of security group 'sg-0a' has no 'IpProtocol'; skipped [aws-missing-field]",
            "\(file)[3]: warning: rule of security group 'sg-0a' has FromPort -1 and ToPort -1, which are not a tcp port range (0-65535, FromPort at most ToPort); documented as AWS gives them [security-group-rule]",
            "\(file)[4]: warning: rule of security group 'sg-0a' has FromPort 0 and ToPort 70000, which are not a udp port range (0-65535, FromPort at most ToPort); documented as AWS gives them [security-group-rule]",
            "\(file)[5]: warning: rule of security group 'sg-0a' has FromPort 100 and ToPort 10, which are not a tcp port range (0-65535, FromPort at most ToPort); documented as AWS gives them [security-group-rule]",
        ])
        let rules = try #require(result.topology.vpc("vpc-0a")?.securityGroup("sg-0a")).ingress
        #expect(rules.map { "\($0.ipProtocol) \($0.range)" } == [
            "all all",
            "tcp ports(443)",
            "tcp all",
            "tcp asReported(fromPort: Optional(-1), toPort: Optional(-1))",
            "udp asReported(fromPort: Optional(0), toPort: Optional(70000))",
            "tcp asReported(fromPort: Optional(100), toPort: Optional(10))",
            "icmp icmp(VPCModel.ICMPFilter(type: 8, code: nil))",
            "icmp icmp(VPCModel.ICMPFilter(type: 3, code: Optional(4)))",
            "icmp all",
            "icmpv6 all",
            "icmp asReported(fromPort: Optional(300), toPort: Optional(-1))",
            "50 all",
            "tcp ports(22)",
            "tcp asReported(fromPort: nil, toPort: nil)",
        ])
        #expect(result.topology.validate().map(\.description) == [])
    }

    /// import → YAML → parse gives the same rules, odd ones included, and the same Markdown.
    @Test func oddRulesSurviveYAMLAndRenderTheSame() throws {
        let folder = try Self.snapshot(permissions: Self.permissions)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (imported, _) = Pipeline.loadAWSSnapshot(path: folder)
        let topology = try #require(imported)
        let yaml = TopologyWriter.write(topology)
        let (parsed, diagnostics) = TopologyParser.parse(yaml, file: "net.yaml")
        #expect(parsed == topology, "YAML:\n\(yaml)")
        // The YAML names the odd ranges again, each at its aws_ports.
        #expect(diagnostics.map { "\($0.severity) \($0.rule ?? "")" } == Array(repeating: "warning security-group-rule", count: 5))
        #expect(TopologyWriter.write(try #require(parsed)) == yaml)

        let markdown = { (t: Topology) throws -> String in
            let files = Pipeline(formats: [.md]).render(t, name: "net").files
            return String(decoding: try #require(files.first { $0.fileName == "net.md" }).data, as: UTF8.self)
        }
        let document = try markdown(topology)
        #expect(try markdown(try #require(parsed)) == document)
        let rows = document.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.contains("`10.0.0.0/8`") }
        #expect(rows.map { $0.split(separator: "|").dropFirst().prefix(2).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " | ") } == [
            "all | all",
            "tcp | 443",
            "tcp | all",
            "tcp | FromPort -1 ToPort -1 (as AWS reports them)",
            "udp | FromPort 0 ToPort 70000 (as AWS reports them)",
            "tcp | FromPort 100 ToPort 10 (as AWS reports them)",
            "icmp | type 8 code all",
            "icmp | type 3 code 4",
            "icmp | all types and codes",
            "icmpv6 | all types and codes",
            "icmp | FromPort 300 ToPort -1 (as AWS reports them)",
            "protocol 50 | all",
            "tcp | 22",
            "tcp | FromPort (missing) ToPort (missing) (as AWS reports them)",
        ])
    }

    @Test func anAWSIdWithCharactersNoAWSIdHasIsAnErrorAtItsJSONPath() throws {
        let folder = try Self.snapshot(permissions: [], vpcID: "vpc-1/../../escaped")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (_, diagnostics) = Pipeline.loadAWSSnapshot(path: folder)
        #expect(diagnostics.map { $0.description.replacingOccurrences(of: folder + "/", with: "") } == [
            "eu-west-1/vpcs.json: $.Vpcs[0].VpcId: error: VPC id 'vpc-1/../../escaped' has characters no AWS id has: '/', '.' (AWS ids are letters, digits and '-') [id-characters]",
        ])
    }

    /// Through the command line: exit 1, the error on stderr, nothing written, from a snapshot and from YAML.
    @Test func aHostileIdStopsRenderingAndImport() throws {
        let folder = try Self.snapshot(permissions: [], vpcID: "vpc-1/../../escaped")
        let work = try Tools.temporaryFolder()
        defer { for f in [folder, work] { try? FileManager.default.removeItem(atPath: f) } }
        let error = "error: VPC id 'vpc-1/../../escaped' has characters no AWS id has: '/', '.' (AWS ids are letters, digits and '-') [id-characters]\n"
        let render = try Run.vpcgraph(["render", "--from", "aws", folder, "-o", work + "/out"])
        #expect(render.status == 1 && render.stderr == "\(folder)/eu-west-1/vpcs.json: $.Vpcs[0].VpcId: " + error)
        let imported = try Run.vpcgraph(["import", "aws", folder, "-o", work + "/net.yaml"])
        #expect(imported.status == 1 && imported.stderr == "\(folder)/eu-west-1/vpcs.json: $.Vpcs[0].VpcId: " + error)
        try Fixture.write("regions:\n  eu-west-1:\n    vpcs:\n      - {id: vpc-1/../../escaped, cidr: 10.0.0.0/16}\n", to: work + "/in/net.yaml")
        let fromYAML = try Run.vpcgraph(["render", work + "/in/net.yaml", "-o", work + "/out"])
        #expect(fromYAML.status == 1 && fromYAML.stderr == "\(work)/in/net.yaml:4:14: " + error)
        #expect(try FileManager.default.contentsOfDirectory(atPath: work) == ["in"])
    }
}
