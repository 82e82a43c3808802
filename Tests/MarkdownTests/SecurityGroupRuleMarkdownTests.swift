import Foundation
import Markdown
import Testing
import VPCModel

/// The Markdown says exactly what a rule allows: its protocol and ports, ICMP type and code, or
/// AWS's own numbers when they are neither; never wider.
@Suite struct SecurityGroupRuleMarkdownTests {
    static let rules: [SecurityGroupRule] = {
        let from: [SecurityGroupRule.Source] = [.cidr(CIDR("10.0.0.0/8")!)]
        return [
            SecurityGroupRule(ipProtocol: .tcp, range: .ports(PortRange(443)!), sources: from),
            SecurityGroupRule(ipProtocol: .udp, range: .ports(PortRange(from: 1024, to: 65535)!), sources: from),
            SecurityGroupRule(ipProtocol: .tcp, sources: from),
            SecurityGroupRule(ipProtocol: .all, sources: from),
            SecurityGroupRule(ipProtocol: .number(50), sources: from),
            SecurityGroupRule(ipProtocol: .icmp, range: .icmp(ICMPFilter(type: 8)!), sources: from),
            SecurityGroupRule(ipProtocol: .icmpv6, range: .icmp(ICMPFilter(type: 1, code: 4)!), sources: from),
            SecurityGroupRule(ipProtocol: .icmp, sources: from),
            SecurityGroupRule(ipProtocol: .tcp, range: .asReported(fromPort: -1, toPort: -1), sources: from),
            SecurityGroupRule(ipProtocol: .icmp, range: .asReported(fromPort: nil, toPort: 300), sources: from),
        ]
    }()

    static var document: String {
        let vpc = VPC(id: "vpc-0a", cidrs: [CIDR("10.0.0.0/16")!], dnsHostnames: true,
                      subnets: [Subnet(id: "subnet-0a", availabilityZone: "eu-west-1a", cidr: CIDR("10.0.1.0/24")!)],
                      securityGroups: [SecurityGroup(id: "sg-0a", ingress: rules)],
                      interfaceEndpoints: [InterfaceEndpoint(id: "vpce-0a", service: ServiceName("ssm", region: "eu-west-1"), securityGroupIDs: ["sg-0a"],
                                                             interfaces: [EndpointInterface(subnetID: "subnet-0a", ip: IPAddress("10.0.1.10")!)])])
        return renderMarkdown(Topology(regions: [Region(name: "eu-west-1", vpcs: [vpc])]), documentName: "net")
    }

    @Test func theVPCTableShowsExactProtocolsAndRanges() {
        let rows = Self.document.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.hasSuffix("| `10.0.0.0/8` |  |") }
        #expect(rows.map { $0.split(separator: "|").dropFirst().prefix(2).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " | ") } == [
            "tcp | 443",
            "udp | 1024-65535",
            "tcp | all",
            "all | all",
            "protocol 50 | all",
            "icmp | type 8 code all",
            "icmpv6 | type 1 code 4",
            "icmp | all types and codes",
            "tcp | FromPort -1 ToPort -1 (as AWS reports them)",
            "icmp | FromPort (missing) ToPort 300 (as AWS reports them)",
        ])
    }

    @Test func theEndpointSaysTheSame() throws {
        let row = try #require(Self.document.split(separator: "\n").first { $0.hasPrefix("| [`sg-0a`](#sg-0a)") })
        #expect(row == "| [`sg-0a`](#sg-0a) | " + [
            "tcp 443", "udp 1024-65535", "tcp all ports", "all traffic", "protocol 50 all ports", "icmp type 8 code all", "icmpv6 type 1 code 4",
            "icmp all types and codes", "tcp FromPort -1 ToPort -1 (as AWS reports them)", "icmp FromPort (missing) ToPort 300 (as AWS reports them)",
        ].map { "\($0) from `10.0.0.0/8`" }.joined(separator: "; ") + " |")
    }
}
