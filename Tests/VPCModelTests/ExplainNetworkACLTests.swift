import Foundation
import Testing
@testable import VPCModel
import VPCReaders

/// `explain` through network ACLs: rules in rule-number order, the first match decides, the final
/// `*` denies what nothing matched, and replies (stateless) are checked to the ephemeral ports.
@Suite struct ExplainNetworkACLTests {
    static let consumer = "subnet-0c1d2e3f4a5b6a002"
    static let name = "apigateway.eu-west-1.amazonaws.com"

    /// The shared-services sample with network ACLs on the shared-services VPC (`shared`, rules as
    /// given) and on consumer-a (allow everything).
    static func topology(sharedIngress: String, sharedEgress: String) -> Topology {
        ExplainTests.edited { text in
            text.replacingOccurrences(of: "        vpn_gateway: {id: vgw-0c3d4e5f607182930, name: to-datacenter}\n", with: """
                        vpn_gateway: {id: vgw-0c3d4e5f607182930, name: to-datacenter}
                        network_acls:
                          - id: acl-0a1b2c3d4e5f60001
                            name: shared
                            subnets: [subnet-0e2a3b4c5d6e7f801, subnet-0e2a3b4c5d6e7f802]
                            ingress:
                \(sharedIngress)
                            egress:
                \(sharedEgress)

                """)
            .replacingOccurrences(of: "        name: consumer-a\n        cidr: 10.20.0.0/16\n", with: """
                        name: consumer-a
                        cidr: 10.20.0.0/16
                        network_acls:
                          - id: acl-0a1b2c3d4e5f60002
                            subnets: [subnet-0c1d2e3f4a5b6a001, subnet-0c1d2e3f4a5b6a002]
                            ingress: [{rule: 100, action: allow, cidr: 0.0.0.0/0}]
                            egress: [{rule: 100, action: allow, cidr: 0.0.0.0/0}]

                """)
        }
    }

    static let allowIngress = """
                      - {rule: 10, action: deny, cidr: "::/0"}
                      - {rule: 50, action: deny, protocol: udp, ports: 443, cidr: 0.0.0.0/0}
                      - {rule: 100, action: allow, protocol: tcp, ports: 443, cidr: 10.20.0.0/16}
        """
    static let allowEgress = "              - {rule: 100, action: allow, protocol: tcp, ports: 1024-65535, cidr: 10.20.0.0/16}"

    static func networkACLSteps(_ e: Explanation) -> [String] {
        e.steps.filter { $0.kind == "network-acl" }.map { "\($0.text)" + ($0.location.map { "  [\($0)]" } ?? "") }
    }

    @Test func allowedBothWaysNamesTheDecidingRulesAtTheirLocations() throws {
        let t = Self.topology(sharedIngress: Self.allowIngress, sharedEgress: Self.allowEgress)
        let e = try t.explain(from: .subnet(Self.consumer), to: Self.name).get()
        #expect(e.outcome.reached, "\(e.text)")
        // The IPv6 rule 10 and the udp rule 50 come first but do not match tcp from an IPv4 block.
        #expect(Self.networkACLSteps(e) == [
            "network ACL 'acl-0a1b2c3d4e5f60002' of subnet 'subnet-0c1d2e3f4a5b6a002' allows outbound tcp 443 to 10.10.2.10/32: rule 100 (allow all traffic to 0.0.0.0/0) matches first  [shared.yaml:73:22]",
            "network ACL 'acl-0a1b2c3d4e5f60002' of subnet 'subnet-0c1d2e3f4a5b6a002' allows replies: inbound tcp 1024-65535 from 10.10.2.10/32 (return traffic is assumed to go to the ephemeral ports 1024-65535): rule 100 (allow all traffic from 0.0.0.0/0) matches first  [shared.yaml:72:23]",
            "network ACL 'acl-0a1b2c3d4e5f60001' (shared) of subnet 'subnet-0e2a3b4c5d6e7f802' allows inbound tcp 443 from 10.20.2.0/24: rule 100 (allow tcp 443 from 10.20.0.0/16) matches first  [shared.yaml:23:17]",
            "network ACL 'acl-0a1b2c3d4e5f60001' (shared) of subnet 'subnet-0e2a3b4c5d6e7f802' allows replies: outbound tcp 1024-65535 to 10.20.2.0/24 (return traffic is assumed to go to the ephemeral ports 1024-65535): rule 100 (allow tcp 1024-65535 to 10.20.0.0/16) matches first  [shared.yaml:25:17]",
        ])
        // In the walk: the source subnet's ACL after its route, the destination's after the hop into its subnet.
        let kinds = e.steps.map(\.kind)
        #expect(Array(kinds[4...]) == ["route", "network-acl", "network-acl", "hop", "hop", "network-acl", "network-acl", "security-group", "route"])
    }

    @Test func anEarlierDenyRuleWinsWhereverItIsWritten() throws {
        // Written after rule 100, numbered before it: evaluated first.
        let ingress = Self.allowIngress + "\n              - {rule: 90, action: deny, protocol: tcp, ports: 443, cidr: 10.20.2.0/24}"
        let e = try Self.topology(sharedIngress: ingress, sharedEgress: Self.allowEgress).explain(from: .subnet(Self.consumer), to: Self.name).get()
        #expect(!e.outcome.reached)
        #expect(e.outcome.text == "network ACL 'acl-0a1b2c3d4e5f60001' (shared) of subnet 'subnet-0e2a3b4c5d6e7f802' does not let inbound tcp 443 from 10.20.2.0/24 through: rule 90 (deny tcp 443 from 10.20.2.0/24) denies it")
        #expect(e.steps.last?.location?.description == "shared.yaml:24:17", "located at rule 90")
        // From consumer-a's other subnet (10.20.1.0/24) rule 90 does not match: rule 100 lets it in.
        let other = try Self.topology(sharedIngress: ingress, sharedEgress: Self.allowEgress).explain(from: .subnet("subnet-0c1d2e3f4a5b6a001"), to: Self.name).get()
        #expect(other.outcome.reached, "\(other.text)")
    }

    @Test func whatNoRuleMatchesTheFinalStarRuleDenies() throws {
        let ingress = "              - {rule: 100, action: allow, protocol: tcp, ports: 443, cidr: 10.21.0.0/16}"
        let e = try Self.topology(sharedIngress: ingress, sharedEgress: Self.allowEgress).explain(from: .subnet(Self.consumer), to: Self.name).get()
        #expect(e.outcome.end == .unreachable)
        #expect(e.outcome.text == "network ACL 'acl-0a1b2c3d4e5f60001' (shared) of subnet 'subnet-0e2a3b4c5d6e7f802' does not let inbound tcp 443 from 10.20.2.0/24 through: no rule matches, and the final rule * denies it")
        #expect(e.steps.last?.location?.description == "shared.yaml:17:13", "located at the ACL")
    }

    @Test func repliesDeniedOnTheEphemeralPortsStopTheTraffic() throws {
        // Replies allowed to 32768-65535 only: part of the assumed ephemeral range 1024-65535.
        let egress = "              - {rule: 100, action: allow, protocol: tcp, ports: 32768-65535, cidr: 10.20.0.0/16}"
        let e = try Self.topology(sharedIngress: Self.allowIngress, sharedEgress: egress).explain(from: .subnet(Self.consumer), to: Self.name).get()
        #expect(!e.outcome.reached)
        #expect(e.outcome.text == "network ACL 'acl-0a1b2c3d4e5f60001' (shared) of subnet 'subnet-0e2a3b4c5d6e7f802' does not let replies: outbound tcp 1024-65535 to 10.20.2.0/24 (return traffic is assumed to go to the ephemeral ports 1024-65535) through: only part of it is allowed (rule 100 (allow tcp 32768-65535 to 10.20.0.0/16)), and the final rule * denies the rest")
        // A deny of the ephemeral ports written as the default `*` rule reads the same way.
        let denied = "              - {rule: 32767, action: deny, cidr: 0.0.0.0/0}"
        let star = try Self.topology(sharedIngress: Self.allowIngress, sharedEgress: denied).explain(from: .subnet(Self.consumer), to: Self.name).get()
        #expect(star.outcome.text.hasSuffix("through: rule * (deny all traffic to 0.0.0.0/0) denies it"), "\(star.outcome.text)")
    }

    @Test func aSubnetWithoutANetworkACLIsNotEvaluatedAndSaysSo() throws {
        let e = ExplainTests.explain("shared-services", .subnet(Self.consumer), Self.name)
        #expect(e.outcome.reached)
        #expect(Self.networkACLSteps(e) == [
            "network ACL of subnet 'subnet-0c1d2e3f4a5b6a002': not in the snapshot (not evaluated)",
            "network ACL of subnet 'subnet-0e2a3b4c5d6e7f802': not in the snapshot (not evaluated)",
        ])
        #expect(e.text.contains("  6. network-acl: network ACL of subnet 'subnet-0c1d2e3f4a5b6a002': not in the snapshot (not evaluated)\n"))
    }

    @Test func theDefaultACLCoversSubnetsNoACLNames() {
        var vpc = VPC(id: "vpc-1", subnets: [Subnet(id: "subnet-a", availabilityZone: "eu-west-1a", cidr: CIDR("10.0.1.0/24")!)])
        vpc.networkACLs = [NetworkACL(id: "acl-other", subnetIDs: ["subnet-b"]), NetworkACL(id: "acl-default", isDefault: true)]
        #expect(vpc.networkACL(for: vpc.subnets[0])?.acl.id == "acl-default")
        #expect(vpc.networkACL(for: vpc.subnets[0])?.explicit == false)
    }

    /// Public addresses the input does not list: a rule for 0.0.0.0/0 covers them; a narrower one may or may not.
    @Test func publicAddressesAreCoveredOnlyByRulesForEveryAddress() {
        let s3 = NetworkACLPeer.publicAddresses("the public addresses of 's3'")
        let https = PortRange(443)!
        let open = NetworkACL(id: "acl-1", egress: [NetworkACLRule(ruleNumber: 100, action: .allow, cidr: CIDR("0.0.0.0/0")!)])
        #expect(open.evaluate(outbound: true, ports: https, peer: s3) == .allowed(open.egress[0]))
        let narrow = NetworkACL(id: "acl-1", egress: [NetworkACLRule(ruleNumber: 100, action: .allow, ipProtocol: .tcp, range: .ports(https), cidr: CIDR("52.218.0.0/17")!)])
        #expect(narrow.evaluate(outbound: true, ports: https, peer: s3) == .undecided(narrow.egress[0]))
        // icmp and udp rules never decide tcp; an IPv6 rule never an IPv4 address.
        let other = NetworkACL(id: "acl-1", ingress: [NetworkACLRule(ruleNumber: 1, action: .allow, ipProtocol: .icmp, cidr: CIDR("0.0.0.0/0")!),
                                                      NetworkACLRule(ruleNumber: 2, action: .allow, ipProtocol: .udp, cidr: CIDR("0.0.0.0/0")!),
                                                      NetworkACLRule(ruleNumber: 3, action: .allow, cidr: CIDR("::/0")!)])
        #expect(other.evaluate(outbound: false, ports: https, peer: .cidr(CIDR("10.0.0.0/16")!)) == .implicitlyDenied(partialAllows: []))
        #expect(other.evaluate(outbound: false, ports: https, peer: .cidr(CIDR("2001:db8::/56")!)) == .allowed(other.ingress[2]))
    }
}
