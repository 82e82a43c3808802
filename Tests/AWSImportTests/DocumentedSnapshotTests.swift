import AWSImport
import Testing
import VPCModel

/// The committed snapshot written to the shapes the AWS CLI reference documents: every fact the
/// model holds comes from the output the issue names.
@Suite struct DocumentedSnapshotTests {
    let result = Fixture.load(Fixture.documented)
    var topology: Topology { result.topology }
    var app: VPC { topology.vpc("vpc-0a1b2c3d4e5f60718")! }
    var shared: VPC { topology.vpc("vpc-0b2c3d4e5f6071829")! }

    @Test func importsWithoutDiagnosticsAndChecksClean() {
        #expect(Fixture.printed(result) == Fixture.goneWarnings())
        #expect(topology.validate().map(\.description) == [])
        #expect(topology.regions.map(\.name) == ["eu-west-1"])
    }

    @Test func vpcsTakeNameTagsAssociatedCIDRsAndDNSAttributes() {
        #expect(topology.regions[0].vpcs.map(\.id) == ["vpc-0a1b2c3d4e5f60718", "vpc-0b2c3d4e5f6071829"])
        #expect(app.name == "app" && shared.name == "shared-services")
        // The disassociated 10.9.0.0/16 block is left out.
        #expect(app.cidrs.map(\.description) == ["10.0.0.0/16", "100.64.0.0/16"])
        #expect(app.dnsSupport && app.dnsHostnames && shared.dnsSupport && shared.dnsHostnames)
    }

    @Test func subnetsAreSortedByZoneAndUseTheirExplicitOrMainRouteTable() {
        #expect(app.subnets.map(\.name) == ["app-public-a", "app-private-a", "app-private-b"])
        #expect(app.subnets.map(\.routeTableID) == ["rtb-0b0b0b0b0b0b0b0b0", "rtb-0c0c0c0c0c0c0c0c0", "rtb-0c0c0c0c0c0c0c0c0"])
        #expect(shared.subnets.allSatisfy { $0.routeTableID == nil })
        #expect(shared.routeTable(for: shared.subnets[0])?.id == "rtb-0d0d0d0d0d0d0d0d0")
        #expect(app.mainRouteTable?.id == "rtb-0a0a0a0a0a0a0a0a0")
        #expect(app.subnets.map { app.tier(of: $0) } == [.public, .private, .private])
    }

    @Test func routesKeepBlackholesAndLeaveDerivedRoutesToTheModel() throws {
        let table = try #require(app.routeTables.first { $0.id == "rtb-0c0c0c0c0c0c0c0c0" })
        #expect(table.routes.map { "\($0.destination) → \($0.target) \($0.state)" } == [
            "0.0.0.0/0 → nat-0123456789abcdef0 active",
            "10.1.0.0/16 → pcx-0123456789abcdef0 active",
            "172.16.0.0/12 → tgw-0123456789abcdef0 active",
            "192.168.0.0/16 → nat-0deadbeefdeadbeef blackhole",
        ])
        // The local routes and the S3 prefix-list route are derived, and come back as AWS listed them.
        #expect(app.effectiveRoutes(of: table).map { "\($0.destination) → \($0.target)" } == [
            "10.0.0.0/16 → local", "100.64.0.0/16 → local",
            "0.0.0.0/0 → nat-0123456789abcdef0", "10.1.0.0/16 → pcx-0123456789abcdef0",
            "172.16.0.0/12 → tgw-0123456789abcdef0", "192.168.0.0/16 → nat-0deadbeefdeadbeef",
            "pl-6da54004 → vpce-0f2a3b4c5d6e7f809",
        ])
        let sharedRoutes = shared.routeTables[0].routes.map { "\($0.destination) → \($0.target)" }
        #expect(sharedRoutes == ["0.0.0.0/0 → tgw-0123456789abcdef0", "10.0.0.0/16 → pcx-0123456789abcdef0", "172.16.0.0/12 → vgw-0123456789abcdef0"])
    }

    @Test func interfaceEndpointIPsComeFromNetworkInterfaces() throws {
        let api = try #require(app.interfaceEndpoints.first { $0.id == "vpce-0e1f2a3b4c5d6e7f8" })
        #expect(api.name == "execute-api" && api.service.fullName == "com.amazonaws.eu-west-1.execute-api")
        #expect(api.interfaces.map { "\($0.subnetID) \($0.ip) \($0.networkInterfaceID ?? "-")" } == [
            "subnet-0aa2222222222222a 10.0.1.10 eni-0a1111111111111aa",
            "subnet-0bb2222222222222b 10.0.2.10 eni-0b2222222222222bb",
        ])
        #expect(api.securityGroupIDs == ["sg-0e0e0e0e0e0e0e0e0"])
        #expect(api.privateDNS && api.policy == nil)
        // The deleted sqs endpoint is gone; the capitalised 'Available' state is read case-insensitively.
        #expect(app.interfaceEndpoints.map(\.id) == ["vpce-0a9b8c7d6e5f4a3b2", "vpce-0e1f2a3b4c5d6e7f8"])
    }

    @Test func dnsEntriesAreRegionalThenPerZoneThenPrivate() throws {
        let api = try #require(app.interfaceEndpoints.first { $0.id == "vpce-0e1f2a3b4c5d6e7f8" })
        // AWS listed the zones b, a; the model derives the same names from the suffix, so none is declared.
        // The private DNS name AWS reported differs from the derived one (`*.execute-api…`): kept as AWS wrote it.
        #expect(api.dnsSuffix == "l1xf6pcv" && api.declaredDNSNames == nil && api.declaredPrivateDNSName == "execute-api.eu-west-1.amazonaws.com")
        #expect(api.dnsNames(in: app).map(\.name) == [
            "vpce-0e1f2a3b4c5d6e7f8-l1xf6pcv.execute-api.eu-west-1.vpce.amazonaws.com",
            "vpce-0e1f2a3b4c5d6e7f8-l1xf6pcv-eu-west-1a.execute-api.eu-west-1.vpce.amazonaws.com",
            "vpce-0e1f2a3b4c5d6e7f8-l1xf6pcv-eu-west-1b.execute-api.eu-west-1.vpce.amazonaws.com",
            "execute-api.eu-west-1.amazonaws.com",
        ])
        let secrets = try #require(app.interfaceEndpoints.first { $0.id == "vpce-0a9b8c7d6e5f4a3b2" })
        #expect(!secrets.privateDNS && secrets.dnsSuffix == "q9w8e7r6")
        #expect(secrets.policy?.contains("secretsmanager:GetSecretValue") == true)
    }

    @Test func gatewayEndpointRouteTablesComeFromTheirPrefixListRoutes() throws {
        let s3 = try #require(app.gatewayEndpoints.first)
        #expect(s3.id == "vpce-0f2a3b4c5d6e7f809" && s3.service.shortName == "s3")
        #expect(s3.routeTableIDs == ["rtb-0c0c0c0c0c0c0c0c0"])
        #expect(s3.declaredPrefixListID == nil && s3.prefixListID == "pl-6da54004")
    }

    @Test func gatewaysSecurityGroupsAndResolverEndpoints() throws {
        #expect(app.internetGateway == InternetGateway(id: "igw-0c1d2e3f4a5b6c7d8", name: "app-igw"))
        #expect(app.natGateways == [NATGateway(id: "nat-0123456789abcdef0", name: "app-nat-a", subnetID: "subnet-0aa1111111111111a",
                                               privateIP: IPAddress("10.0.0.12"), publicIP: IPAddress("203.0.113.10"))])
        #expect(shared.vpnGateway?.id == "vgw-0123456789abcdef0")
        let endpoints = try #require(app.securityGroups.first { $0.id == "sg-0e0e0e0e0e0e0e0e0" })
        #expect(endpoints.ingress.map { "\($0.ipProtocol) \($0.range.text(for: $0.ipProtocol) ?? "*") \($0.sources.map(\.description)) \($0.description ?? "-")" } == [
            "tcp 443 [\"10.0.0.0/16\", \"100.64.0.0/16\"] app", "tcp 443 [\"10.1.0.0/16\"] shared", "tcp 443 [\"sg-0f0f0f0f0f0f0f0f0\"] -",
        ])
        #expect(shared.resolverEndpoints.map { "\($0.id) \($0.direction) \($0.ipAddresses.map(\.ip.description))" } == [
            "rslvr-in-0123456789abcdef0 inbound [\"10.1.0.53\", \"10.1.1.53\"]",
            "rslvr-out-0fedcba987654321 outbound [\"10.1.0.54\", \"10.1.1.54\"]",
        ])
    }

    @Test func peeringsTransitGatewaysAndVPN() throws {
        let region = try #require(topology.region("eu-west-1"))
        // The deleted peering is left out.
        #expect(region.peerings == [PeeringConnection(id: "pcx-0123456789abcdef0", name: "shared-to-app",
                                                      requesterVPCID: "vpc-0b2c3d4e5f6071829", accepterVPCID: "vpc-0a1b2c3d4e5f60718")])
        let hub = try #require(region.transitGateways.first)
        #expect(hub.name == "hub" && hub.asn == 64512)
        #expect(hub.attachments.map(\.resource) == [
            .vpc(id: "vpc-0a1b2c3d4e5f60718", subnetIDs: ["subnet-0aa2222222222222a", "subnet-0bb2222222222222b"]),
            .vpc(id: "vpc-0b2c3d4e5f6071829", subnetIDs: ["subnet-0cc3333333333333a", "subnet-0dd3333333333333b"]),
        ])
        var vpn = VPNConnection(id: "vpn-0123456789abcdef0", name: "datacenter-vpn", gateway: .vpnGateway("vgw-0123456789abcdef0"),
                                customerGatewayID: "cgw-0123456789abcdef0", onPremisesID: "cgw-0123456789abcdef0")
        // The customer gateway's IP and ASN, and each tunnel's outside IP and status (VgwTelemetry), are kept.
        vpn.customerGatewayIP = IPAddress("198.51.100.7")
        vpn.customerGatewayASN = 65000
        vpn.tunnels = [VPNTunnel(outsideIP: IPAddress("203.0.113.1")!, status: "UP")]
        #expect(region.vpnConnections == [vpn])
        #expect(topology.onPremises == [OnPremisesNetwork(id: "cgw-0123456789abcdef0", name: "datacenter", cidrs: [CIDR("172.16.0.0/12")!])])
    }

    @Test func privateZonesAndForwardingRules() throws {
        let region = try #require(topology.region("eu-west-1"))
        // The public zone is not drawn; the zone's own SOA and NS records are AWS's.
        let zone = try #require(region.privateHostedZones.first)
        #expect(region.privateHostedZones.count == 1)
        #expect(zone.zoneID == "Z0123456789ABCDEFGHIJ" && zone.name == "internal.example.com")
        #expect(zone.vpcIDs == ["vpc-0a1b2c3d4e5f60718", "vpc-0b2c3d4e5f6071829"])
        #expect(zone.records.map { "\($0.name) \($0.type) \($0.value)" } == [
            "api.internal.example.com A alias vpce-0e1f2a3b4c5d6e7f8",
            "db.internal.example.com A 10.0.1.20",
            "*.apps.internal.example.com CNAME apps-lb.internal.example.com",
        ])
        // The AWS-defined recursive rule is left out.
        #expect(region.resolverRules == [ResolverRule(id: "rslvr-rr-0123456789abcdef0", name: "corp", domain: "corp.example.com",
                                                      resolverEndpointID: "rslvr-out-0fedcba987654321",
                                                      targetIPs: [IPAddress("172.16.0.53")!, IPAddress("172.16.1.53")!],
                                                      vpcIDs: ["vpc-0a1b2c3d4e5f60718", "vpc-0b2c3d4e5f6071829"])])
    }

    @Test func factsAreLocatedByFileAndJSONPath() throws {
        let subnet = try #require(app.subnet("subnet-0aa2222222222222a"))
        #expect(subnet.origin.location?.description == "eu-west-1/describe-subnets.json: $.Subnets[2]")
        #expect(subnet.origin["cidr"]?.description == "eu-west-1/describe-subnets.json: $.Subnets[2].CidrBlock")
        let interface = try #require(app.interfaceEndpoints.last?.interfaces.first)
        #expect(interface.origin["ip"]?.description == "eu-west-1/describe-network-interfaces.json: $.NetworkInterfaces[0].PrivateIpAddress")
    }

    @Test func importingTwiceGivesTheSameTopology() {
        let again = Fixture.load(Fixture.documented)
        #expect(again.topology == topology)
        #expect(Fixture.printed(again) == Fixture.printed(result))
    }
}
