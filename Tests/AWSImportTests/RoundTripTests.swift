import AWSImport
import Foundation
import TestSupport
import Testing
import VPCModel
import VPCReaders

/// import → YAML → parse gives the same model, for everything the model holds.
@Suite struct RoundTripTests {
    /// Parses YAML written by the writer, expecting no diagnostics.
    static func reparse(_ topology: Topology) -> (yaml: String, parsed: Topology?, diagnostics: [String]) {
        let yaml = TopologyWriter.write(topology)
        let (parsed, diagnostics) = TopologyParser.parse(yaml, file: "topology.yaml")
        return (yaml, parsed, diagnostics.map(\.description))
    }

    @Test func documentedSnapshotSurvivesYAML() throws {
        let imported = Fixture.load(Fixture.documented).topology
        let (yaml, parsed, diagnostics) = Self.reparse(imported)
        #expect(diagnostics == [])
        #expect(parsed == imported, "YAML:\n\(yaml)")
        // Written once, the YAML is a fixed point.
        #expect(TopologyWriter.write(try #require(parsed)) == yaml)
    }

    /// Everything the model can hold, including what the snapshot above does not use.
    @Test func everyFieldSurvivesYAML() throws {
        var vpc = VPC(id: "vpc-1", name: "odd: name # with [flow] {chars}", cidrs: [CIDR("10.0.0.0/16")!, CIDR("2001:db8::/56")!],
                      dnsSupport: false, dnsHostnames: false)
        vpc.subnets = [Subnet(id: "subnet-1", name: "true", availabilityZone: "eu-west-1a", cidr: CIDR("10.0.1.0/24")!, declaredPublic: true),
                       Subnet(id: "subnet-2", name: "null", availabilityZone: "eu-west-1b", cidr: CIDR("10.0.2.0/24")!, routeTableID: "rtb-1", declaredPublic: false)]
        vpc.subnets[0].availabilityZoneID = "euw1-az2"
        vpc.subnets[0].mapPublicIPOnLaunch = true
        vpc.ownerID = "111111111111"
        vpc.subnets[0].ownerID = "222222222222"
        vpc.subnets[1].ownerID = "111111111111"
        vpc.routeTables = [RouteTable(id: "rtb-1", name: "", isMain: true, routes: [
            Route(destination: .cidr(CIDR("::/0")!), target: RouteTarget("eigw-1")!),
            Route(destination: .prefixList("pl-1"), target: RouteTarget("vpce-2")!),
            Route(destination: .cidr(CIDR("10.9.0.0/16")!), target: RouteTarget("eni-1")!, state: .blackhole),
            Route(destination: .cidr(CIDR("10.8.0.0/16")!), target: RouteTarget("tgw-1")!, state: .filtered),
            Route(destination: .cidr(CIDR("172.16.0.0/12")!), target: RouteTarget("vgw-1")!, propagated: true),
            Route(destination: .cidr(CIDR("0.0.0.0/0")!), target: RouteTarget("nat-9")!, targetState: "deleting"),
            Route(destination: .cidr(CIDR("10.0.2.0/24")!), target: RouteTarget("vpce-4")!),
        ])]
        vpc.natGateways = [NATGateway(id: "nat-1", subnetID: "subnet-1", connectivity: .private, privateIP: IPAddress("10.0.1.5"))]
        vpc.internetGateway = InternetGateway(id: "igw-1")
        vpc.vpnGateway = VPNGateway(id: "vgw-1", name: "vgw")
        vpc.securityGroups = [SecurityGroup(id: "sg-1", name: "a \"quoted\" name", description: "line one\nline two", ingress: [
            SecurityGroupRule(ipProtocol: .icmp, range: .icmp(ICMPFilter(type: 8)!), sources: [.cidr(CIDR("0.0.0.0/0")!), .prefixList("pl-2"), .securityGroup("sg-1")]),
            SecurityGroupRule(ipProtocol: .icmpv6, range: .icmp(ICMPFilter(type: 1, code: 4)!), sources: [.cidr(CIDR("::/0")!)]),
            SecurityGroupRule(ipProtocol: .icmp, sources: [.cidr(CIDR("10.0.0.0/8")!)]),
            SecurityGroupRule(ipProtocol: .all, sources: [.securityGroup("sg-1")], description: "self"),
            SecurityGroupRule(ipProtocol: .tcp, range: .ports(PortRange(from: 1024, to: 65535)!), sources: [.cidr(CIDR("10.0.0.0/8")!)]),
            SecurityGroupRule(ipProtocol: .udp, sources: [.cidr(CIDR("10.0.0.0/8")!)]),
            SecurityGroupRule(ipProtocol: .number(50), sources: [.cidr(CIDR("10.0.0.0/8")!)]),
        ])]
        vpc.securityGroups[0].egress = [
            SecurityGroupRule(ipProtocol: .tcp, range: .ports(PortRange(from: 443, to: 443)!), sources: [.cidr(CIDR("10.0.0.0/8")!), .securityGroup("sg-1")], description: "out"),
            SecurityGroupRule(ipProtocol: .all, sources: [.prefixList("pl-2")]),
        ]
        vpc.interfaceEndpoints = [
            InterfaceEndpoint(id: "vpce-1", name: "x", service: ServiceName(fullName: "com.amazonaws.vpce.eu-west-1.vpce-svc-0123"), privateDNS: false,
                              securityGroupIDs: ["sg-1"], interfaces: [EndpointInterface(subnetID: "subnet-1", ip: IPAddress("10.0.1.10")!)],
                              dnsSuffix: "abc", declaredDNSNames: [], declaredPrivateDNSName: "api.example.com", policy: "{\"a\": \"b\\n\"}\n"),
            InterfaceEndpoint(id: "vpce-3", service: ServiceName(fullName: "com.amazonaws.us-east-1.s3"),
                              interfaces: [EndpointInterface(subnetID: "subnet-1", ip: IPAddress("10.0.1.11")!, networkInterfaceID: "eni-3"),
                                           EndpointInterface(subnetID: "subnet-2", ip: IPAddress("10.0.2.11")!)],
                              declaredDNSNames: ["vpce-3-x.s3.us-east-1.vpce.amazonaws.com"]),
        ]
        vpc.gatewayEndpoints = [GatewayEndpoint(id: "vpce-2", service: ServiceName(fullName: "com.amazonaws.eu-west-1.dynamodb"), routeTableIDs: ["rtb-1"],
                                                declaredPrefixListID: "pl-1", securityGroupIDs: ["sg-1"], policy: "{}")]
        vpc.gatewayLoadBalancerEndpoints = [
            GatewayLoadBalancerEndpoint(id: "vpce-4", name: "inspection", service: ServiceName(fullName: "com.amazonaws.vpce.eu-west-1.vpce-svc-0456"),
                                        subnetID: "subnet-1", ip: IPAddress("10.0.1.40")),
            GatewayLoadBalancerEndpoint(id: "vpce-5", service: ServiceName(fullName: "com.amazonaws.vpce.eu-west-1.vpce-svc-0456")),
        ]
        vpc.resolverEndpoints = [ResolverEndpoint(id: "rslvr-out-1", direction: .outbound, ipAddresses: [
            EndpointInterface(subnetID: "subnet-1", ip: IPAddress("10.0.1.53")!), EndpointInterface(subnetID: "subnet-1", ip: IPAddress("10.0.1.54")!)])]
        vpc.resolverEndpoints.append(ResolverEndpoint(id: "rslvr-in-2", direction: .inbound))
        vpc.resolverEndpoints[1].unknownIPAddressCount = 3
        vpc.reaches = [ServiceName(fullName: "com.amazonaws.us-east-1.s3"), ServiceName(fullName: "com.amazonaws.eu-west-1.sqs")]
        // DNS attributes the snapshot did not give, with an interface endpoint using private DNS.
        var unknown = VPC(id: "vpc-3", cidrs: [CIDR("10.3.0.0/16")!], dnsSupport: VPC.assumedDNSSupport, dnsHostnames: true)
        unknown.dnsSupportKnown = false
        unknown.dnsHostnamesKnown = false
        unknown.interfaceEndpoints = [InterfaceEndpoint(id: "vpce-6", service: ServiceName(fullName: "com.amazonaws.eu-west-1.sqs"))]
        unknown.interfaceEndpoints[0].pendingState = .pendingAcceptance
        unknown.interfaceEndpoints[0].unknownIPSubnetIDs = ["subnet-7", "subnet-8"]
        unknown.natGateways = [NATGateway(id: "nat-3", subnetID: "subnet-9")]
        unknown.natGateways[0].pendingState = .provisioning
        var region = Region(name: "eu-west-1", vpcs: [vpc, unknown])
        region.peerings = [PeeringConnection(id: "pcx-1", requesterVPCID: "vpc-1", accepterVPCID: "vpc-2")]
        region.transitGateways = [TransitGateway(id: "tgw-1", attachments: [
            TransitGatewayAttachment(id: "tgw-attach-1", resource: .vpc(id: "vpc-1", subnetIDs: [])),
            TransitGatewayAttachment(id: "tgw-attach-2", resource: .vpn(id: "vpn-2")),
            TransitGatewayAttachment(id: "tgw-attach-3", resource: .peering(transitGatewayID: "tgw-9")),
        ])]
        region.vpnConnections = [VPNConnection(id: "vpn-2", gateway: .transitGateway("tgw-1"))]
        region.privateHostedZones = [PrivateHostedZone(name: "example.internal", vpcIDs: ["vpc-1"], records: [
            DNSRecord(name: "example.internal", type: "TXT", value: .values(["\"v=spf1 -all\"", "yes"])),
            DNSRecord(name: "empty.example.internal", value: .values([])),
        ])]
        region.resolverRules = [ResolverRule(id: "rslvr-rr-1", domain: "corp.example.com")]
        let onPremises = OnPremisesNetwork(id: "dc", name: "Data centre", dnsServers: [IPAddress("172.16.0.2")!], forwardingRules: [
            ForwardingRule(domain: "amazonaws.com", targets: [.resolverEndpoint("rslvr-in-1"), .ip(IPAddress("10.0.0.2")!)]),
        ])
        let topology = Topology(title: "Title: with colon", description: "- starts like a list", regions: [region, Region(name: "us-east-1")],
                                onPremises: [onPremises])
        let (yaml, parsed, diagnostics) = Self.reparse(topology)
        #expect(diagnostics == [])
        #expect(parsed == topology, "YAML:\n\(yaml)")
    }

    /// The facts of issue 12 (network ACLs, DHCP options, IPv6, egress-only IGW, TGW route tables, Direct
    /// Connect, prefix lists, an external peer, Lattice endpoints, endpoint DNS options, NAT/VPN details):
    /// `import aws` → YAML → render gives byte-identical DOT, SVG and Markdown to rendering the snapshot.
    @Test func everyNewNetworkFactRendersTheSameThroughYAML() throws {
        let folder = try Fixture.copy(edit: RealAccountTests.withNetworkFacts)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let work = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let name = (folder as NSString).lastPathComponent
        #expect(try Run.vpcgraph(["import", "aws", folder, "-o", work + "/\(name).yaml"]).status == 0)
        let fromSnapshot = try Run.vpcgraph(["render", "--from", "aws", folder, "-o", work + "/a"])
        let fromYAML = try Run.vpcgraph(["render", work + "/\(name).yaml", "-o", work + "/b"])
        #expect(fromSnapshot.status == 0 && fromYAML.status == 0, "\(fromSnapshot.stderr)\(fromYAML.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: work + "/a").sorted()
        #expect(files.contains("\(name).md") && files.contains("\(name).svg"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: work + "/b").sorted() == files)
        for file in files where !file.hasPrefix(".") {
            #expect(try Fixture.read(work + "/a/" + file) == (try Fixture.read(work + "/b/" + file)), "\(file) differs")
        }
        let markdown = try Fixture.read(work + "/a/\(name).md")
        for fact in ["acl-0a1b2c3d4e5f60789", "dopt-0a1b2c3d", "eigw-0a1b2c3d4e5f60789", "2001:db8:1234:1a00::/64", RealAccountTests.tgwTable,
                     "5f9c4a12-0d6e-4b8a-9c1e-1f2a3b4c5d6e", RealAccountTests.offices, "vpc-0e0e0e0e0e0e0e0e0", "vpce-0d1d2d3d4d5d6d7d8",
                     "Private DNS only for the Resolver inbound endpoint", "10.0.0.13", "203.0.113.1"] {
            #expect(markdown.contains(fact), "\(fact) is not in the Markdown")
        }
    }

    @Test func writingIsDeterministic() {
        let topology = Fixture.load(Fixture.documented).topology
        #expect(TopologyWriter.write(topology) == TopologyWriter.write(Fixture.load(Fixture.documented).topology))
    }

    @Test func noSecretReachesTheModelOrTheYAML() throws {
        let result = Fixture.load(Fixture.documented)
        var dumped = ""
        dump(result.topology, to: &dumped)
        let yaml = TopologyWriter.write(result.topology)
        // The fixture's secrets are all marked FIXTURE-SECRET; make sure the fixture does hold them.
        let raw = try Fixture.read(Fixture.documented + "/eu-west-1/describe-vpn-connections.json")
        #expect(raw.components(separatedBy: "FIXTURE-SECRET").count == 4)
        for text in [dumped, yaml, result.diagnostics.map(\.description).joined()] {
            #expect(!text.contains("FIXTURE-SECRET") && !text.contains("pre_shared_key"))
        }
    }
}
