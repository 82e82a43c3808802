import Testing
import VPCModel
@testable import VPCReaders

/// The facts issue 12 adds to the model (network ACLs, DHCP options, IPv6, egress-only internet
/// gateways, transit gateway route tables, prefix lists, external VPCs, VPC Lattice endpoints, Direct
/// Connect, edge associations, NAT/VPN/endpoint details) survive the YAML: written, read back equal,
/// written again byte-identical.
@Suite struct NetworkFactsFormatTests {
    static func cidr(_ s: String) -> CIDR { CIDR(s)! }

    static var topology: Topology {
        var vpc = VPC(id: "vpc-0a1", cidrs: [cidr("10.0.0.0/16")], dnsSupport: true, dnsHostnames: true)
        vpc.ipv6CIDRs = [cidr("2001:db8:1234:1a00::/56")]
        vpc.dhcpOptions = DHCPOptions(id: "dopt-0d1", name: "corp", domainName: "corp.example.com",
                                      domainNameServers: ["10.9.0.2", "10.9.0.3"], ntpServers: ["10.9.0.4"])
        vpc.internetGateway = InternetGateway(id: "igw-0c1")
        vpc.egressOnlyInternetGateway = EgressOnlyInternetGateway(id: "eigw-0e1", name: "v6-out")
        var gateway = VPNGateway(id: "vgw-0f1")
        gateway.directConnectGateways = [DirectConnectGatewayLink(directConnectGatewayID: "5f9c4a12-0d6e-4b8a-9c1e-1f2a3b4c5d6e", onPremisesID: "dc1")]
        vpc.vpnGateway = gateway
        var subnet = Subnet(id: "subnet-0a1", availabilityZone: "eu-west-1a", cidr: cidr("10.0.1.0/24"))
        subnet.ipv6CIDRs = [cidr("2001:db8:1234:1a00::/64")]
        vpc.subnets = [subnet]
        var edge = RouteTable(id: "rtb-0e1", name: "ingress", routes: [Route(destination: .cidr(cidr("10.0.1.0/24")), target: RouteTarget("local")!)])
        edge.gatewayIDs = ["igw-0c1"]
        vpc.routeTables = [
            RouteTable(id: "rtb-0a2", isMain: true, routes: [
                Route(destination: .cidr(cidr("0.0.0.0/0")), target: RouteTarget("igw-0c1")!),
                Route(destination: .cidr(cidr("::/0")), target: RouteTarget("eigw-0e1")!),
                Route(destination: .cidr(cidr("172.31.0.0/16")), target: RouteTarget("pcx-0c1")!),
            ]),
            edge,
        ]
        var nat = NATGateway(id: "nat-0a3", subnetID: "subnet-0a1", privateIP: IPAddress("10.0.1.5"), publicIP: IPAddress("203.0.113.5"))
        nat.secondaryPrivateIPs = [IPAddress("10.0.1.6")!, IPAddress("10.0.1.7")!]
        nat.secondaryPublicIPs = [IPAddress("203.0.113.6")!]
        vpc.natGateways = [nat]
        vpc.networkACLs = [NetworkACL(id: "acl-0a1", name: "web", isDefault: true, subnetIDs: ["subnet-0a1"], ingress: [
            NetworkACLRule(ruleNumber: 100, action: .allow, ipProtocol: .tcp, range: .ports(PortRange(443)!), cidr: cidr("0.0.0.0/0")),
            NetworkACLRule(ruleNumber: 110, action: .allow, ipProtocol: .icmp, range: .icmp(ICMPFilter(type: 3, code: 4)!), cidr: cidr("10.0.0.0/8")),
            NetworkACLRule(ruleNumber: 120, action: .deny, ipProtocol: .udp, range: .ports(PortRange(from: 1024, to: 65535)!), cidr: cidr("::/0")),
            NetworkACLRule(ruleNumber: 32767, action: .deny, cidr: cidr("0.0.0.0/0")),
        ], egress: [NetworkACLRule(ruleNumber: 100, action: .allow, cidr: cidr("0.0.0.0/0"))])]
        var endpoint = InterfaceEndpoint(id: "vpce-0b1", service: ServiceName("s3", region: "eu-west-1"), interfaces: [
            EndpointInterface(subnetID: "subnet-0a1", ip: IPAddress("10.0.1.20")!)])
        endpoint.ipAddressType = "dualstack"
        endpoint.dnsRecordIPType = "dualstack"
        endpoint.privateDNSOnlyForInboundResolverEndpoint = true
        endpoint.requesterManaged = true
        endpoint.declaredPrivateDNSName = "*.s3.eu-west-1.amazonaws.com"
        endpoint.additionalPrivateDNSNames = ["s3.eu-west-1.amazonaws.com"]
        vpc.interfaceEndpoints = [endpoint]
        var lattice = LatticeEndpoint(id: "vpce-0b2", name: "db", kind: .resource,
                                      resourceConfigurationARN: "arn:aws:vpc-lattice:eu-west-1:123456789012:resourceconfiguration/rcfg-0123",
                                      subnetIDs: ["subnet-0a1"], securityGroupIDs: ["sg-0a1"], privateDNS: true,
                                      dnsNames: ["vpce-0b2-snra-abc.rcfg-0123.4232ccc.vpc-lattice-rsc.eu-west-1.on.aws"], ipAddressType: "ipv4")
        lattice.pendingState = .pendingAcceptance
        vpc.latticeEndpoints = [lattice, LatticeEndpoint(id: "vpce-0b3", kind: .serviceNetwork,
                                                         serviceNetworkARN: "arn:aws:vpc-lattice:eu-west-1:123456789012:servicenetwork/sn-0123",
                                                         subnetIDs: ["subnet-0a1"])]
        var region = Region(name: "eu-west-1", vpcs: [vpc])
        region.peerings = [PeeringConnection(id: "pcx-0c1", requesterVPCID: "vpc-0a1", accepterVPCID: "vpc-0ext")]
        region.externalVPCs = [ExternalVPC(id: "vpc-0ext", ownerID: "210987654321", region: "us-east-1", cidrs: [cidr("172.31.0.0/16")])]
        region.prefixLists = [PrefixList(id: "pl-0c1", name: "offices", addressFamily: "IPv4", maxEntries: 10, ownerID: "123456789012", entries: [
            PrefixListEntry(cidr: cidr("198.51.100.0/24"), description: "Berlin"), PrefixListEntry(cidr: cidr("192.0.2.0/24"))])]
        var tgw = TransitGateway(id: "tgw-0d1", attachments: [
            TransitGatewayAttachment(id: "tgw-attach-0e1", resource: .vpc(id: "vpc-0a1", subnetIDs: ["subnet-0a1"])),
            TransitGatewayAttachment(id: "tgw-attach-0e2", resource: .directConnectGateway(id: "5f9c4a12-0d6e-4b8a-9c1e-1f2a3b4c5d6e")),
        ])
        tgw.routeTables = [TransitGatewayRouteTable(id: "tgw-rtb-0a1", name: "shared", isDefaultAssociation: true, isDefaultPropagation: true,
                                                    associations: ["tgw-attach-0e1", "tgw-attach-0e2"], propagations: ["tgw-attach-0e1"], routes: [
            TransitGatewayRoute(destination: .cidr(cidr("10.0.0.0/16")), attachmentIDs: ["tgw-attach-0e1"], kind: .propagated),
            TransitGatewayRoute(destination: .cidr(cidr("192.168.0.0/16")), kind: .static, state: .blackhole),
            TransitGatewayRoute(destination: .prefixList("pl-0c1"), attachmentIDs: ["tgw-attach-0e2"]),
        ])]
        region.transitGateways = [tgw]
        var vpn = VPNConnection(id: "vpn-0f1", gateway: .vpnGateway("vgw-0f1"), customerGatewayID: "cgw-0c1")
        vpn.customerGatewayIP = IPAddress("198.51.100.7")
        vpn.customerGatewayASN = 65010
        vpn.tunnels = [VPNTunnel(outsideIP: IPAddress("52.1.2.3")!, status: "UP"),
                       VPNTunnel(outsideIP: IPAddress("52.1.2.4")!, status: "DOWN", statusMessage: "IPSEC IS DOWN")]
        region.vpnConnections = [vpn]
        return Topology(regions: [region], onPremises: [OnPremisesNetwork(id: "dc1", cidrs: [cidr("192.168.0.0/16")])])
    }

    @Test func everyNewFactRoundTripsByteIdentically() throws {
        let yaml = TopologyWriter.write(Self.topology)
        let (parsed, diagnostics) = TopologyParser.parse(yaml, file: "t.yaml")
        #expect(diagnostics.map(\.description) == [])
        let topology = try #require(parsed)
        #expect(topology == Self.topology, "YAML:\n\(yaml)")
        #expect(TopologyWriter.write(topology) == yaml)
        #expect(topology.validate().map(\.description) == [])
        for line in [
            "ipv6_cidrs: [\"2001:db8:1234:1a00::/56\"]",
            "dhcp_options:\n          id: dopt-0d1\n          name: corp\n          domain_name: corp.example.com\n          domain_name_servers: [10.9.0.2, 10.9.0.3]\n",
            "egress_only_internet_gateway: {id: eigw-0e1, name: v6-out}",
            "- {rule: 100, action: allow, protocol: tcp, ports: 443, cidr: 0.0.0.0/0}",
            "- {rule: 110, action: allow, protocol: icmp, icmp_type: 3, icmp_code: 4, cidr: 10.0.0.0/8}",
            "- {rule: 32767, action: deny, protocol: all, cidr: 0.0.0.0/0}",
            "gateways: [igw-0c1]",
            "\"::/0\": eigw-0e1",
            "secondary_private_ips: [10.0.1.6, 10.0.1.7]",
            "- {id: tgw-attach-0e2, direct_connect_gateway: 5f9c4a12-0d6e-4b8a-9c1e-1f2a3b4c5d6e}",
            "- {destination: 10.0.0.0/16, attachments: [tgw-attach-0e1], type: propagated}",
            "- {destination: 192.168.0.0/16, state: blackhole}",
            "- {id: vpc-0ext, owner: 210987654321, region: us-east-1, cidrs: [172.31.0.0/16]}",
            "- {cidr: 198.51.100.0/24, description: Berlin}",
            "- {outside_ip: 52.1.2.4, status: DOWN, status_message: IPSEC IS DOWN}",
            "customer_gateway_ip: 198.51.100.7",
            "private_dns_only_for_inbound_resolver_endpoint: true",
            "type: service_network",
        ] {
            #expect(yaml.contains(line), "\(line)\nnot in:\n\(yaml)")
        }
    }

    @Test func aLatticeEndpointRefusesInterfaceKeys() {
        let yaml = """
        regions:
          eu-west-1:
            vpcs:
              - id: vpc-1
                cidr: 10.0.0.0/16
                endpoints:
                  - {id: vpce-1, type: resource, service: s3}
        """
        let (_, diagnostics) = TopologyParser.parse(yaml, file: "t.yaml")
        #expect(diagnostics.map(\.description) == [
            "t.yaml:7:42: error: 'service' does not apply to VPC Lattice endpoints; 'vpce-1' is one [lattice-endpoint-key]"])
    }
}
