import Foundation
import Testing
import VPCModel
@testable import VPCReaders

/// `protocol`, `ports`, `icmp_type`/`icmp_code` and `aws_ports` of ingress rules: what they read
/// as, and every wrong value by its full diagnostic.
extension DiagnosticTests {
    /// The VPC of `vpc(_:)` with one security group `sg-1` holding `rules` (one flow mapping a line).
    func group(_ rules: [String]) -> String {
        vpc("        security_groups:\n          - id: sg-1\n            ingress:\n" + rules.map { "              - \($0)\n" }.joined())
    }

    /// The rules of `sg-1` as parsed (no diagnostics expected).
    func parsedRules(_ rules: [String]) throws -> [SecurityGroupRule] {
        let (topology, diagnostics) = TopologyParser.parse(group(rules), file: "ok.yaml")
        #expect(diagnostics.map(\.description) == [])
        return try #require(topology?.vpc("vpc-1")?.securityGroup("sg-1")).ingress
    }

    @Test func protocolsAndPortsReadAsTypedValues() throws {
        let rules = try parsedRules([
            "{protocol: tcp, ports: 443, from: 10.0.0.0/8}",
            "{protocol: tcp, ports: 1024-65535, from: 10.0.0.0/8}",
            "{protocol: udp, ports: all, from: 10.0.0.0/8}",
            "{protocol: udp, ports: 0-65535, from: 10.0.0.0/8}",
            "{from: 10.0.0.0/8}",
            "{protocol: -1, from: 10.0.0.0/8}",
            "{protocol: all, from: 10.0.0.0/8}",
            "{protocol: 6, ports: 22, from: 10.0.0.0/8}",
            "{protocol: 17, ports: 53, from: 10.0.0.0/8}",
            "{protocol: 50, from: 10.0.0.0/8}",
            "{protocol: 0, from: 10.0.0.0/8}",
            "{protocol: 255, from: 10.0.0.0/8}",
            "{protocol: TCP, ports: 80, from: 10.0.0.0/8}",
        ])
        let ports = { (from: Int, to: Int) in TrafficRange.ports(PortRange(from: from, to: to)!) }
        #expect(rules.map(\.ipProtocol) == [.tcp, .tcp, .udp, .udp, .tcp, .all, .all, .tcp, .udp, .number(50), .number(0), .number(255), .tcp])
        #expect(rules.map(\.range) == [ports(443, 443), ports(1024, 65535), .all, .all, .all, .all, .all, ports(22, 22), ports(53, 53),
                                       .all, .all, .all, ports(80, 80)])
    }

    @Test func icmpTypeAndCodeReadAsSuch() throws {
        let rules = try parsedRules([
            "{protocol: icmp, icmp_type: 8, from: 10.0.0.0/8}",
            "{protocol: icmp, icmp_type: 3, icmp_code: 4, from: 10.0.0.0/8}",
            "{protocol: icmpv6, icmp_type: 128, icmp_code: all, from: '::/0'}",
            "{protocol: icmp, icmp_type: all, from: 10.0.0.0/8}",
            "{protocol: 1, from: 10.0.0.0/8}",
            "{protocol: 58, icmp_type: 0, icmp_code: 0, from: '::/0'}",
        ])
        #expect(rules.map(\.ipProtocol) == [.icmp, .icmp, .icmpv6, .icmp, .icmp, .icmpv6])
        #expect(rules.map(\.range) == [.icmp(ICMPFilter(type: 8)!), .icmp(ICMPFilter(type: 3, code: 4)!), .icmp(ICMPFilter(type: 128)!), .all, .all,
                                       .icmp(ICMPFilter(type: 0, code: 0)!)])
    }

    @Test func wrongPortsAreErrorsAtTheValue() {
        #expect(check(group([
            "{protocol: tcp, ports: abc, from: 10.0.0.0/8}",
            "{protocol: tcp, ports: 70000, from: 10.0.0.0/8}",
            "{protocol: tcp, ports: 10-5, from: 10.0.0.0/8}",
            "{protocol: udp, ports: 1-99999999999999999999, from: 10.0.0.0/8}",
            "{protocol: tcp, ports: -1, from: 10.0.0.0/8}",
            "{protocol: tcp, ports: 80-, from: 10.0.0.0/8}",
            "{protocol: tcp, ports: '', from: 10.0.0.0/8}",
            "{protocol: tcp, ports: [80, 443], from: 10.0.0.0/8}",
        ])) == [
            "bad.yaml:13:40: error: 'ports' of ingress rule of 'sg-1' must be a port (443), a range (1024-65535) or all, found 'abc' [security-group-rule]",
            "bad.yaml:14:40: error: port 70000 in 'ports' of ingress rule of 'sg-1' is out of range (0-65535) [security-group-rule]",
            "bad.yaml:15:40: error: port range '10-5' of ingress rule of 'sg-1' goes from 10 down to 5; did you mean '5-10'? [security-group-rule]",
            "bad.yaml:16:40: error: port 9223372036854775807 in 'ports' of ingress rule of 'sg-1' is out of range (0-65535) [security-group-rule]",
            "bad.yaml:17:40: error: 'ports' of ingress rule of 'sg-1' must be a port (443), a range (1024-65535) or all, found '-1' [security-group-rule]",
            "bad.yaml:18:40: error: 'ports' of ingress rule of 'sg-1' must be a port (443), a range (1024-65535) or all, found '80-' [security-group-rule]",
            "bad.yaml:19:40: error: 'ports' of ingress rule of 'sg-1' must be a port (443), a range (1024-65535) or all, found '' [security-group-rule]",
            "bad.yaml:20:40: error: expected a string for 'ports' in ingress rule of 'sg-1', found a list [type-mismatch]",
        ])
    }

    @Test func wrongProtocolsAreErrorsAtTheValue() {
        #expect(check(group([
            "{protocol: foo, from: 10.0.0.0/8}",
            "{protocol: 300, from: 10.0.0.0/8}",
            "{protocol: -2, from: 10.0.0.0/8}",
            "{protocol: 99999999999999999999999, from: 10.0.0.0/8}",
        ])) == [
            "bad.yaml:13:28: error: 'protocol' of ingress rule of 'sg-1' must be tcp, udp, icmp, icmpv6, all (or -1) or a protocol number 0-255, found 'foo' [security-group-rule]",
            "bad.yaml:14:28: error: protocol number 300 of ingress rule of 'sg-1' is out of range (0-255) [security-group-rule]",
            "bad.yaml:15:28: error: 'protocol' of ingress rule of 'sg-1' must be tcp, udp, icmp, icmpv6, all (or -1) or a protocol number 0-255, found '-2' [security-group-rule]",
            "bad.yaml:16:28: error: protocol number 99999999999999999999999 of ingress rule of 'sg-1' is out of range (0-255) [security-group-rule]",
        ])
    }

    @Test func keysThatDoNotApplyToTheProtocolAreErrors() {
        #expect(check(group([
            "{protocol: icmp, ports: 8, from: 10.0.0.0/8}",
            "{protocol: all, ports: 443, from: 10.0.0.0/8}",
            "{protocol: 50, ports: 500, from: 10.0.0.0/8}",
            "{protocol: tcp, icmp_type: 8, from: 10.0.0.0/8}",
            "{icmp_code: 0, from: 10.0.0.0/8}",
            "{protocol: all, aws_ports: [-1, -1], from: 10.0.0.0/8}",
        ])) == [
            "bad.yaml:13:34: error: 'ports' applies to tcp and udp rules only; ingress rule of 'sg-1' is for protocol 'icmp' (give 'icmp_type' and 'icmp_code') [security-group-rule]",
            "bad.yaml:14:33: error: 'ports' applies to tcp and udp rules only; ingress rule of 'sg-1' is for protocol 'all', which AWS allows on every port [security-group-rule]",
            "bad.yaml:15:32: error: 'ports' applies to tcp and udp rules only; ingress rule of 'sg-1' is for protocol '50', which AWS allows on every port [security-group-rule]",
            "bad.yaml:16:33: error: 'icmp_type' applies to icmp and icmpv6 rules only; ingress rule of 'sg-1' is for protocol 'tcp' [security-group-rule]",
            "bad.yaml:17:18: error: 'icmp_code' applies to icmp and icmpv6 rules only; ingress rule of 'sg-1' is for protocol 'tcp' [security-group-rule]",
            "bad.yaml:18:33: error: 'aws_ports' applies to tcp, udp, icmp and icmpv6 rules only; ingress rule of 'sg-1' is for protocol 'all', which AWS allows on every port [security-group-rule]",
        ])
    }

    @Test func wrongICMPTypesAndCodesAreErrors() {
        #expect(check(group([
            "{protocol: icmp, icmp_type: 256, from: 10.0.0.0/8}",
            "{protocol: icmp, icmp_type: 8, icmp_code: x, from: 10.0.0.0/8}",
            "{protocol: icmp, icmp_code: 0, from: 10.0.0.0/8}",
            "{protocol: icmpv6, icmp_type: -1, from: '::/0'}",
        ])) == [
            "bad.yaml:13:45: error: 'icmp_type' of ingress rule of 'sg-1' must be a number 0-255 or all, found '256' [security-group-rule]",
            "bad.yaml:14:59: error: 'icmp_code' of ingress rule of 'sg-1' must be a number 0-255 or all, found 'x' [security-group-rule]",
            "bad.yaml:15:45: error: 'icmp_code' of ingress rule of 'sg-1' needs an 'icmp_type' (every type means every code) [security-group-rule]",
            "bad.yaml:16:47: error: 'icmp_type' of ingress rule of 'sg-1' must be a number 0-255 or all, found '-1' [security-group-rule]",
        ])
    }

    /// What `import aws` writes for FromPort/ToPort that are neither ports nor an ICMP type and code.
    @Test func awsPortsKeepOddValuesWithAWarning() throws {
        let rules = [
            "{protocol: tcp, aws_ports: [-1, -1], from: 10.0.0.0/8}",
            "{protocol: udp, aws_ports: [0, 70000], from: 10.0.0.0/8}",
            "{protocol: icmp, aws_ports: [300, -1], from: 10.0.0.0/8}",
            "{protocol: tcp, aws_ports: [null, 80], from: 10.0.0.0/8}",
            "{protocol: tcp, aws_ports: [443, 443], from: 10.0.0.0/8}",
            "{protocol: icmp, aws_ports: [8, -1], from: 10.0.0.0/8}",
        ]
        #expect(check(group(rules)) == [
            "bad.yaml:13:44: warning: ingress rule of 'sg-1' keeps FromPort -1 and ToPort -1, which are not a tcp port range (0-65535, FromPort at most ToPort); documented as given [security-group-rule]",
            "bad.yaml:14:44: warning: ingress rule of 'sg-1' keeps FromPort 0 and ToPort 70000, which are not a udp port range (0-65535, FromPort at most ToPort); documented as given [security-group-rule]",
            "bad.yaml:15:45: warning: ingress rule of 'sg-1' keeps FromPort 300 and ToPort -1, which are not an icmp type and code (0-255 each, -1 for all); documented as given [security-group-rule]",
            "bad.yaml:16:44: warning: ingress rule of 'sg-1' keeps FromPort (missing) and ToPort 80, which are not a tcp port range (0-65535, FromPort at most ToPort); documented as given [security-group-rule]",
        ])
        let parsed = try #require(TopologyParser.parse(group(rules), file: "ok.yaml").topology?.vpc("vpc-1")?.securityGroup("sg-1")).ingress
        #expect(parsed.map(\.range) == [.asReported(fromPort: -1, toPort: -1), .asReported(fromPort: 0, toPort: 70000),
                                        .asReported(fromPort: 300, toPort: -1), .asReported(fromPort: nil, toPort: 80),
                                        .ports(PortRange(443)!), .icmp(ICMPFilter(type: 8)!)])
    }

    @Test func wrongAWSPortsAreErrors() {
        #expect(check(group([
            "{protocol: tcp, aws_ports: [1, 2, 3], from: 10.0.0.0/8}",
            "{protocol: tcp, aws_ports: -1, from: 10.0.0.0/8}",
            "{protocol: tcp, aws_ports: [a, 1], from: 10.0.0.0/8}",
            "{protocol: tcp, ports: 443, aws_ports: [-1, -1], from: 10.0.0.0/8}",
        ])) == [
            "bad.yaml:13:44: error: 'aws_ports' of ingress rule of 'sg-1' must be [FromPort, ToPort], each a whole number or null, found a list [security-group-rule]",
            "bad.yaml:14:44: error: 'aws_ports' of ingress rule of 'sg-1' must be [FromPort, ToPort], each a whole number or null, found '-1' [security-group-rule]",
            "bad.yaml:15:44: error: 'aws_ports' of ingress rule of 'sg-1' must be [FromPort, ToPort], each a whole number or null, found a list [security-group-rule]",
            "bad.yaml:16:45: error: ingress rule of 'sg-1' has both 'aws_ports' and 'ports'; give one of them [security-group-rule]",
        ])
    }

    @Test func rulesSurviveWritingAndReading() throws {
        let sources: [SecurityGroupRule.Source] = [.cidr(CIDR("10.0.0.0/8")!)]
        let rules = [
            SecurityGroupRule(ipProtocol: .tcp, range: .ports(PortRange(443)!), sources: sources),
            SecurityGroupRule(ipProtocol: .udp, range: .ports(PortRange(from: 1024, to: 65535)!), sources: sources),
            SecurityGroupRule(ipProtocol: .tcp, sources: sources),
            SecurityGroupRule(ipProtocol: .all, sources: sources),
            SecurityGroupRule(ipProtocol: .number(50), sources: sources),
            SecurityGroupRule(ipProtocol: .icmp, range: .icmp(ICMPFilter(type: 8)!), sources: sources),
            SecurityGroupRule(ipProtocol: .icmpv6, range: .icmp(ICMPFilter(type: 1, code: 4)!), sources: sources),
            SecurityGroupRule(ipProtocol: .icmp, sources: sources),
            SecurityGroupRule(ipProtocol: .tcp, range: .asReported(fromPort: -1, toPort: -1), sources: sources),
            SecurityGroupRule(ipProtocol: .icmp, range: .asReported(fromPort: nil, toPort: 300), sources: sources),
        ]
        let vpc = VPC(id: "vpc-1", cidrs: [CIDR("10.0.0.0/16")!], securityGroups: [SecurityGroup(id: "sg-1", ingress: rules)])
        let topology = Topology(regions: [Region(name: "eu-west-1", vpcs: [vpc])])
        let yaml = TopologyWriter.write(topology)
        #expect(yaml.split(separator: "\n").filter { $0.contains("{protocol:") }.map { $0.trimmingCharacters(in: .whitespaces) } == [
            "- {protocol: tcp, ports: 443, from: [10.0.0.0/8]}",
            "- {protocol: udp, ports: 1024-65535, from: [10.0.0.0/8]}",
            "- {protocol: tcp, from: [10.0.0.0/8]}",
            "- {protocol: all, from: [10.0.0.0/8]}",
            "- {protocol: 50, from: [10.0.0.0/8]}",
            "- {protocol: icmp, icmp_type: 8, from: [10.0.0.0/8]}",
            "- {protocol: icmpv6, icmp_type: 1, icmp_code: 4, from: [10.0.0.0/8]}",
            "- {protocol: icmp, from: [10.0.0.0/8]}",
            "- {protocol: tcp, aws_ports: [-1, -1], from: [10.0.0.0/8]}",
            "- {protocol: icmp, aws_ports: [null, 300], from: [10.0.0.0/8]}",
        ], "\(yaml)")
        let (parsed, diagnostics) = TopologyParser.parse(yaml, file: "net.yaml")
        #expect(parsed == topology)
        #expect(diagnostics.map(\.severity) == [.warning, .warning], "the two odd AWS ranges, and nothing else")
    }
}
