import Testing
import VPCModel
import VPCReaders

/// Every advice rule: a topology with exactly that defect gets exactly that finding — its printed
/// string (location, severity, message naming the resources, rule id) and the resource at fault —
/// and the clean topology it is made from gets none.
@Suite struct AdviceRuleTests {
    /// The findings of `yaml` (read as `net.yaml`); the topology must have no structural diagnostic
    /// (but `id-format`: the ids here are short names, `vpce-ssm`, to read).
    func advice(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Finding] {
        let (topology, parsed) = TopologyParser.parse(yaml, file: "net.yaml")
        let structural = (parsed + (topology?.validate() ?? [])).filter { $0.rule != "id-format" }
        #expect(structural.map(\.description) == [], sourceLocation: sourceLocation)
        return topology?.advise() ?? []
    }

    func printed(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
        advice(yaml, sourceLocation: sourceLocation).map(\.diagnostic.description)
    }

    /// One VPC in two zones: private subnets through a NAT gateway in a public subnet, an S3 gateway
    /// endpoint on the private route table, an SSM interface endpoint in both zones admitting 443
    /// from the VPC. `replace` swaps lines of it for a defect.
    static let clean = """
        regions:
          eu-west-1:
            vpcs:
              - id: vpc-1
                cidr: 10.0.0.0/16
                dns: {support: true, hostnames: true}
                internet_gateway: igw-1
                subnets:
                  - {id: subnet-pa, az: eu-west-1a, cidr: 10.0.0.0/24, route_table: rtb-pub}
                  - {id: subnet-a1, az: eu-west-1a, cidr: 10.0.1.0/24, route_table: rtb-priv}
                  - {id: subnet-b1, az: eu-west-1b, cidr: 10.0.2.0/24, route_table: rtb-priv}
                nat_gateways:
                  - {id: nat-1, subnet: subnet-pa}
                route_tables:
                  - {id: rtb-pub, routes: {0.0.0.0/0: igw-1}}
                  - {id: rtb-priv, main: true, routes: {0.0.0.0/0: nat-1}}
                security_groups:
                  - {id: sg-1, ingress: [{protocol: tcp, ports: 443, from: 10.0.0.0/16}]}
                endpoints:
                  - {id: vpce-s3, service: s3, type: gateway, route_tables: [rtb-priv]}
                  - {id: vpce-ssm, service: ssm, security_groups: [sg-1], interfaces: {subnet-a1: 10.0.1.10, subnet-b1: 10.0.2.10}}
        """

    func with(_ replacements: [(String, String)]) -> String {
        var text = Self.clean
        for (old, new) in replacements {
            precondition(text.contains(old), "'\(old)' is not in the clean topology")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    @Test func theCleanTopologyHasNoFindings() {
        #expect(printed(Self.clean) == [])
    }

    @Test func blackholeRoute() {
        let yaml = with([("{id: rtb-pub, routes: {0.0.0.0/0: igw-1}}",
                          "{id: rtb-pub, routes: [{destination: 0.0.0.0/0, target: igw-1}, {destination: 192.168.0.0/16, target: pcx-gone, state: blackhole}]}")])
        let findings = advice(yaml)
        #expect(findings.map(\.diagnostic.description) == [
            "net.yaml:15:77: warning: route to 192.168.0.0/16 in route table 'rtb-pub' is a blackhole: its target 'pcx-gone' is gone and traffic to 192.168.0.0/16 is dropped [blackhole-route]",
        ])
        #expect(findings.map(\.resource) == ["rtb-pub"])
    }

    @Test func natGatewayWithoutInternetRoute() {
        let yaml = with([("- {id: nat-1, subnet: subnet-pa}", "- {id: nat-1, subnet: subnet-a1}")])
        let findings = advice(yaml)
        #expect(findings.map(\.diagnostic.description) == [
            "net.yaml:13:33: warning: public nat gateway 'nat-1' is in subnet 'subnet-a1' (route table 'rtb-priv'), which has no default route to an internet gateway: nothing gets out through it [nat-gateway-without-internet-route]",
        ])
        #expect(findings.map(\.resource) == ["nat-1"])
    }

    @Test func endpointSingleAZ() {
        let yaml = with([("interfaces: {subnet-a1: 10.0.1.10, subnet-b1: 10.0.2.10}", "interfaces: {subnet-a1: 10.0.1.10}")])
        let findings = advice(yaml)
        #expect(findings.map(\.diagnostic.description) == [
            "net.yaml:21:79: warning: interface endpoint 'vpce-ssm' is only in eu-west-1a while vpc 'vpc-1' has subnets in eu-west-1a, eu-west-1b: it is lost with that zone, and clients in the others pay cross-AZ data transfer [endpoint-single-az]",
        ])
        #expect(findings.map(\.resource) == ["vpce-ssm"])
    }

    @Test func interfaceEndpointWhereAGatewayEndpointWouldServe() {
        let yaml = with([("- {id: vpce-s3, service: s3, type: gateway, route_tables: [rtb-priv]}",
                          "- {id: vpce-s3, service: s3, type: interface, security_groups: [sg-1], interfaces: {subnet-a1: 10.0.1.20, subnet-b1: 10.0.2.20}}")])
        let findings = advice(yaml)
        #expect(findings.map(\.diagnostic.description) == [
            "net.yaml:20:36: warning: interface endpoint 'vpce-s3' for s3 is in vpc 'vpc-1', which has no gateway endpoint for s3: a gateway endpoint serves the VPC's own clients free of charge [interface-endpoint-gateway-available]",
        ])
        #expect(findings.map(\.resource) == ["vpce-s3"])
    }

    @Test func gatewayEndpointOnNoRouteTable() {
        let yaml = with([("- {id: vpce-s3, service: s3, type: gateway, route_tables: [rtb-priv]}", "- {id: vpce-s3, service: s3, type: gateway}")])
        let findings = advice(yaml)
        #expect(findings.map(\.diagnostic.description) == [
            "net.yaml:20:13: warning: gateway endpoint 'vpce-s3' (com.amazonaws.eu-west-1.s3) is on no route table: no subnet reaches s3 through it [gateway-endpoint-unused]",
        ])
        #expect(findings.map(\.resource) == ["vpce-s3"])
    }

    @Test func gatewayEndpointOnSomeRouteTablesOfATier() {
        let yaml = with([
            ("- {id: subnet-b1, az: eu-west-1b, cidr: 10.0.2.0/24, route_table: rtb-priv}", "- {id: subnet-b1, az: eu-west-1b, cidr: 10.0.2.0/24, route_table: rtb-priv-b}"),
            ("- {id: rtb-priv, main: true, routes: {0.0.0.0/0: nat-1}}", "- {id: rtb-priv, main: true, routes: {0.0.0.0/0: nat-1}}\n          - {id: rtb-priv-b, routes: {0.0.0.0/0: nat-1}}"),
        ])
        let findings = advice(yaml)
        #expect(findings.map(\.diagnostic.description) == [
            "net.yaml:21:69: warning: gateway endpoint 'vpce-s3' (s3) is on route table 'rtb-priv' of private subnets but not on 'rtb-priv-b', used by private subnet 'subnet-b1' [gateway-endpoint-partial-tier]",
        ])
        #expect(findings.map(\.resource) == ["vpce-s3"])
    }

    @Test func anotherRegionsS3ThroughTheNATGateway() {
        let yaml = with([("internet_gateway: igw-1", "internet_gateway: igw-1\n        reaches: [com.amazonaws.us-east-1.s3]")])
        let findings = advice(yaml)
        #expect(findings.map(\.diagnostic.description) == [
            "net.yaml:8:18: warning: subnets 'subnet-pa', 'subnet-a1' and 'subnet-b1' of vpc 'vpc-1' reach 'com.amazonaws.us-east-1.s3' through 'igw-1' and 'nat-1': gateway endpoint 'vpce-s3' serves only eu-west-1, so this traffic leaves the AWS network [cross-region-via-internet]",
        ])
        #expect(findings.map(\.resource) == ["vpc-1"])
    }

    @Test func resolverEndpointInOneZone() {
        let yaml = with([("        endpoints:\n", "        resolver_endpoints:\n          - {id: rslvr-in-1, direction: inbound, ips: {subnet-a1: 10.0.1.53}}\n        endpoints:\n")])
        let findings = advice(yaml)
        #expect(findings.map(\.diagnostic.description) == [
            "net.yaml:20:55: warning: resolver endpoint 'rslvr-in-1' has 1 IP in one availability zone (eu-west-1a): one zone down stops its DNS resolution [resolver-endpoint-availability]",
        ])
        #expect(findings.map(\.resource) == ["rslvr-in-1"])
    }

    // MARK: - Across VPCs

    /// `clean`, plus a consumer VPC peered with it and a private hosted zone for SSM (aliasing the
    /// endpoint, private DNS off) associated with both; routes both ways, 443 admitted from the consumer.
    static let shared = """
        regions:
          eu-west-1:
            vpcs:
              - id: vpc-1
                cidr: 10.0.0.0/16
                dns: {support: true, hostnames: true}
                subnets:
                  - {id: subnet-a1, az: eu-west-1a, cidr: 10.0.1.0/24}
                  - {id: subnet-b1, az: eu-west-1b, cidr: 10.0.2.0/24}
                route_tables:
                  - {id: rtb-1, main: true, routes: {10.1.0.0/16: pcx-1}}
                security_groups:
                  - {id: sg-1, ingress: [{protocol: tcp, ports: 443, from: [10.0.0.0/16, 10.1.0.0/16]}]}
                endpoints:
                  - {id: vpce-ssm, service: ssm, private_dns: false, security_groups: [sg-1], interfaces: {subnet-a1: 10.0.1.10, subnet-b1: 10.0.2.10}}
              - id: vpc-2
                cidr: 10.1.0.0/16
                subnets:
                  - {id: subnet-c1, az: eu-west-1a, cidr: 10.1.1.0/24}
                  - {id: subnet-c2, az: eu-west-1b, cidr: 10.1.2.0/24}
                route_tables:
                  - {id: rtb-2, main: true, routes: {10.0.0.0/16: pcx-1}}
            peerings:
              - {id: pcx-1, vpcs: [vpc-2, vpc-1]}
            private_hosted_zones:
              - {id: Z1, name: ssm.eu-west-1.amazonaws.com, vpcs: [vpc-1, vpc-2], alias: vpce-ssm}
        """

    static let costNote = "net.yaml:15:13: note: interface endpoint 'vpce-ssm' is used from 1 other VPC ('vpc-2') across peering: data transfer across them is charged on top of the endpoint's per-GB charge [cross-vpc-endpoint-cost]"

    func shared(_ replacements: [(String, String)]) -> String {
        var text = Self.shared
        for (old, new) in replacements {
            precondition(text.contains(old), "'\(old)' is not in the shared topology")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    @Test func aSharedEndpointDoneRightGetsOnlyTheCostNote() {
        let findings = advice(Self.shared)
        #expect(findings.map(\.diagnostic.description) == [Self.costNote])
        #expect(findings.map(\.resource) == ["vpce-ssm"])
        #expect(findings.first?.resources == ["vpce-ssm", "vpc-2"])
    }

    @Test func hostedZoneNotAssociatedWithAConsumer() {
        let findings = advice(shared([("vpcs: [vpc-1, vpc-2], alias", "vpcs: [vpc-1], alias")]))
        #expect(findings.map(\.diagnostic.description) == [
            Self.costNote,
            "net.yaml:26:59: warning: private hosted zone 'Z1' (ssm.eu-west-1.amazonaws.com) aliases interface endpoint 'vpce-ssm' but is not associated with vpc 'vpc-2', which uses the endpoint through 'pcx-1': clients there do not resolve 'ssm.eu-west-1.amazonaws.com' to the endpoint [hosted-zone-not-associated]",
        ])
        #expect(findings.map(\.resource) == ["vpce-ssm", "Z1"])
    }

    @Test func securityGroupAdmitsOnlyTheOwnVPC() {
        let findings = advice(shared([("from: [10.0.0.0/16, 10.1.0.0/16]", "from: [10.0.0.0/16]")]))
        #expect(findings.map(\.diagnostic.description) == [
            Self.costNote,
            "net.yaml:15:79: warning: security groups 'sg-1' of interface endpoint 'vpce-ssm' do not admit TCP 443 from 10.1.0.0/16 (vpc 'vpc-2'), which uses the endpoint [endpoint-security-group-https]",
        ])
        #expect(findings.map(\.resource) == ["vpce-ssm", "vpce-ssm"])
    }

    @Test func consumerWithoutARouteToTheEndpoint() {
        let findings = advice(shared([("{id: rtb-2, main: true, routes: {10.0.0.0/16: pcx-1}}", "{id: rtb-2, main: true, routes: {10.0.1.0/24: pcx-1}}")]))
        #expect(findings.map(\.diagnostic.description) == [
            Self.costNote,
            "net.yaml:22:45: warning: route table 'rtb-2' of vpc 'vpc-2', which uses interface endpoint 'vpce-ssm' through 'pcx-1', has no route through 'pcx-1' to the endpoint's subnets '10.0.2.0/24' [consumer-route-missing]",
        ])
        #expect(findings.map(\.resource) == ["vpce-ssm", "rtb-2"])
    }

    @Test func endpointSubnetsWithoutARouteBack() {
        let findings = advice(shared([("{id: rtb-1, main: true, routes: {10.1.0.0/16: pcx-1}}", "{id: rtb-1, main: true}")]))
        #expect(findings.map(\.diagnostic.description) == [
            "net.yaml:11:13: warning: route table 'rtb-1' of interface endpoint 'vpce-ssm''s subnets has no route back through 'pcx-1' to vpc 'vpc-2' (10.1.0.0/16), which uses the endpoint [endpoint-return-route-missing]",
            Self.costNote,
        ])
        #expect(findings.map(\.resource) == ["rtb-1", "vpce-ssm"])
    }

    @Test func privateDNSOffAndNoHostedZone() {
        let findings = advice(shared([("\n    private_hosted_zones:\n      - {id: Z1, name: ssm.eu-west-1.amazonaws.com, vpcs: [vpc-1, vpc-2], alias: vpce-ssm}", "")]))
        #expect(findings.map(\.diagnostic.description) == [
            Self.costNote,
            "net.yaml:15:55: warning: interface endpoint 'vpce-ssm' has private DNS off and no private hosted zone aliases it: vpc 'vpc-2' (through 'pcx-1'), which uses it, resolves 'ssm.eu-west-1.amazonaws.com' to the public addresses [shared-endpoint-no-hosted-zone]",
        ])
        #expect(findings.map(\.resource) == ["vpce-ssm", "vpce-ssm"])
    }

    @Test func peeredVPCsWithOverlappingCIDRs() {
        let yaml = """
            regions:
              eu-west-1:
                vpcs:
                  - {id: vpc-1, cidr: 10.0.0.0/16, subnets: [{id: subnet-1, az: eu-west-1a, cidr: 10.0.1.0/24}]}
                  - {id: vpc-2, cidr: [10.9.0.0/16, 10.0.128.0/17], subnets: [{id: subnet-2, az: eu-west-1a, cidr: 10.9.1.0/24}]}
                peerings:
                  - {id: pcx-1, vpcs: [vpc-1, vpc-2]}
            """
        let findings = advice(yaml)
        #expect(findings.map(\.diagnostic.description) == [
            "net.yaml:7:27: warning: vpcs 'vpc-1' (10.0.0.0/16) and 'vpc-2' (10.0.128.0/17), joined by peering connection 'pcx-1', have overlapping CIDRs: traffic cannot be routed between them [connected-cidr-overlap]",
        ])
        #expect(findings.map(\.resource) == ["pcx-1"])
    }

    @Test func transitGatewayAttachedVPCsWithOverlappingCIDRs() {
        let yaml = """
            regions:
              eu-west-1:
                vpcs:
                  - {id: vpc-1, cidr: 10.0.0.0/16, subnets: [{id: subnet-1, az: eu-west-1a, cidr: 10.0.1.0/24}]}
                  - {id: vpc-2, cidr: 10.0.0.0/20, subnets: [{id: subnet-2, az: eu-west-1a, cidr: 10.0.1.0/24}]}
                transit_gateways:
                  - id: tgw-1
                    attachments:
                      - {id: tgw-attach-1, vpc: vpc-1, subnets: [subnet-1]}
                      - {id: tgw-attach-2, vpc: vpc-2, subnets: [subnet-2]}
            """
        let findings = advice(yaml)
        #expect(findings.map(\.diagnostic.description) == [
            "net.yaml:10:13: warning: vpcs 'vpc-1' (10.0.0.0/16) and 'vpc-2' (10.0.0.0/20), both attached to transit gateway 'tgw-1', have overlapping CIDRs: the transit gateway cannot route to both [connected-cidr-overlap]",
        ])
        #expect(findings.map(\.resource) == ["tgw-attach-2"])
    }

    // MARK: - On premises

    /// `shared` with an on-premises network over a VPN to vpc-1's virtual private gateway, forwarding
    /// the SSM name to an inbound Resolver endpoint in vpc-1 (two zones), 443 admitted from it.
    func onPremises(_ replacements: [(String, String)]) -> String {
        var text = shared([
            ("cidr: 10.0.0.0/16\n        dns", "cidr: 10.0.0.0/16\n        vpn_gateway: vgw-1\n        dns"),
            ("routes: {10.1.0.0/16: pcx-1}", "routes: {10.1.0.0/16: pcx-1, 172.16.0.0/12: vgw-1}"),
            ("from: [10.0.0.0/16, 10.1.0.0/16]", "from: [10.0.0.0/16, 10.1.0.0/16, 172.16.0.0/12]"),
            ("        endpoints:\n          - {id: vpce-ssm", "        resolver_endpoints:\n          - {id: rslvr-in-1, direction: inbound, ips: {subnet-a1: 10.0.1.53, subnet-b1: 10.0.2.53}}\n        endpoints:\n          - {id: vpce-ssm"),
            ("    peerings:", "    vpn_connections:\n      - {id: vpn-1, vpn_gateway: vgw-1, on_premises: dc}\n    peerings:"),
        ])
        text += "\non_premises:\n  - {id: dc, cidrs: [172.16.0.0/12], forward: {ssm.eu-west-1.amazonaws.com: rslvr-in-1}}\n"
        for (old, new) in replacements {
            precondition(text.contains(old), "'\(old)' is not in the on-premises topology")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    static let onPremisesCostNote = "net.yaml:18:13: note: interface endpoint 'vpce-ssm' is used from 1 other VPC ('vpc-2') across peering: data transfer across them is charged on top of the endpoint's per-GB charge [cross-vpc-endpoint-cost]"

    @Test func onPremisesDoneRightGetsOnlyTheCostNote() {
        #expect(printed(onPremises([])) == [Self.onPremisesCostNote])
    }

    @Test func onPremisesForwardsWithoutAVPN() {
        let findings = advice(onPremises([("\n      - {id: vpn-1, vpn_gateway: vgw-1, on_premises: dc}", "\n      - {id: vpn-1, vpn_gateway: vgw-1}")]))
        #expect(findings.map(\.diagnostic.description) == [
            Self.onPremisesCostNote,
            "net.yaml:33:47: warning: on-premises network 'dc' forwards 'ssm.eu-west-1.amazonaws.com' for interface endpoint 'vpce-ssm' but has no VPN connection to vpc 'vpc-1' (through its virtual private gateway or a transit gateway) [on-premises-endpoint-path]",
        ])
        #expect(findings.map(\.resource) == ["vpce-ssm", "dc"])
    }

    @Test func onPremisesOverVPNWithoutForwarding() {
        let findings = advice(onPremises([("forward: {ssm.eu-west-1.amazonaws.com: rslvr-in-1}", "forward: {example.com: 10.0.1.53}")]))
        #expect(findings.map(\.diagnostic.description) == [
            Self.onPremisesCostNote,
            "net.yaml:33:47: warning: on-premises network 'dc' reaches interface endpoint 'vpce-ssm' over VPN, and its security groups admit it, but its DNS servers forward no domain of 'ssm.eu-west-1.amazonaws.com' to a Resolver inbound endpoint: they resolve the public addresses [on-premises-endpoint-path]",
        ])
        #expect(findings.map(\.resource) == ["vpce-ssm", "dc"])
    }

    // MARK: - ignore

    @Test func anIgnoreEntryWithAReasonAcceptsTheFinding() {
        let yaml = with([("interfaces: {subnet-a1: 10.0.1.10, subnet-b1: 10.0.2.10}}",
                          "interfaces: {subnet-a1: 10.0.1.10}, ignore: [{rule: endpoint-single-az, reason: development account}]}")])
        #expect(printed(yaml) == [])
        let (topology, _) = TopologyParser.parse(yaml, file: "net.yaml")
        #expect(topology?.ignoredRules.map { "\($0.resourceID) \($0.ruleID) \($0.reason)" } == ["vpce-ssm endpoint-single-az development account"])
        #expect(topology?.unusedIgnores().map(\.description) == [])
    }

    @Test func anIgnoreEntryThatAcceptsNothingIsReported() {
        let yaml = with([("{id: vpce-s3, service: s3, type: gateway, route_tables: [rtb-priv]}",
                          "{id: vpce-s3, service: s3, type: gateway, route_tables: [rtb-priv], ignore: [{rule: gateway-endpoint-unused, reason: kept for later}]}")])
        let (topology, _) = TopologyParser.parse(yaml, file: "net.yaml")
        #expect(topology?.unusedIgnores().map(\.description) == [
            "net.yaml:20:97: warning: 'vpce-s3' ignores 'gateway-endpoint-unused', which reports nothing about it; remove the entry [ignore-unused]",
        ])
    }

    @Test func ignoreEntriesNeedAnAdviceRuleAndAReason() {
        func parse(_ entry: String) -> [String] {
            let yaml = with([("{id: vpce-s3, service: s3, type: gateway, route_tables: [rtb-priv]}",
                              "{id: vpce-s3, service: s3, type: gateway, route_tables: [rtb-priv], ignore: \(entry)}")])
            return TopologyParser.parse(yaml, file: "net.yaml").diagnostics.map(\.description)
        }
        #expect(parse("[{rule: gateway-endpoint-unused}]") == [
            "net.yaml:20:90: error: ignore entry of 'vpce-s3' is missing required key 'reason' [missing-key]",
        ])
        #expect(parse("[gateway-endpoint-unused]") == [
            "net.yaml:20:90: error: ignore entry 'gateway-endpoint-unused' of 'vpce-s3' gives no reason; write {rule: gateway-endpoint-unused, reason: …} [ignore-rule]",
        ])
        #expect(parse("[{rule: gateway-endpoint-unusd, reason: x}]") == [
            "net.yaml:20:97: error: 'gateway-endpoint-unusd' in ignore entry of 'vpce-s3' is not an advice rule; did you mean 'gateway-endpoint-unused'? [ignore-rule]",
        ])
        #expect(parse("[{rule: subnet-overlap, reason: x}]") == [
            "net.yaml:20:97: error: 'subnet-overlap' in ignore entry of 'vpce-s3' is not advice and cannot be ignored; fix what it reports [ignore-rule]",
        ])
        #expect(parse("[{rule: gateway-endpoint-unused, reason: ' '}]") == [
            "net.yaml:20:130: error: ignore entry of 'vpce-s3' for 'gateway-endpoint-unused' gives an empty reason; say why the risk is accepted [ignore-rule]",
        ])
    }
}
