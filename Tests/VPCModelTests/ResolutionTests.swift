import Testing
@testable import VPCModel

/// How clients resolve interface endpoint names: private DNS, private hosted zones, Resolver rules
/// and on-premises forwarding.
@Suite struct ResolutionTests {
    static func ip(_ s: String) -> IPAddress { IPAddress(s)! }
    static let zoneName = "apigateway.eu-west-1.amazonaws.com"

    /// A hub VPC with an execute-api endpoint, a consumer VPC peered to it, an inbound Resolver
    /// endpoint, a zone aliasing the endpoint, and an on-premises network forwarding to the Resolver.
    static func topology(privateDNS: Bool = false, zoneVPCs: [String] = ["vpc-hub", "vpc-consumer"], zoneRecords: [DNSRecord]? = nil,
                         rules: [ResolverRule] = [], consumerDNSSupport: Bool = true) -> Topology {
        let endpoint = InterfaceEndpoint(
            id: "vpce-1", service: ServiceName("execute-api", region: "eu-west-1"), privateDNS: privateDNS,
            interfaces: [EndpointInterface(subnetID: "subnet-a", ip: ip("10.0.1.10")), EndpointInterface(subnetID: "subnet-b", ip: ip("10.0.2.10"))],
            dnsSuffix: "abc")
        let hub = VPC(id: "vpc-hub", cidrs: [CIDR("10.0.0.0/16")!], dnsSupport: true, dnsHostnames: true,
                      subnets: [Subnet(id: "subnet-a", availabilityZone: "eu-west-1a", cidr: CIDR("10.0.1.0/24")!),
                                Subnet(id: "subnet-b", availabilityZone: "eu-west-1b", cidr: CIDR("10.0.2.0/24")!)],
                      interfaceEndpoints: [endpoint],
                      resolverEndpoints: [ResolverEndpoint(id: "rslvr-in-1", direction: .inbound, ipAddresses: [
                          EndpointInterface(subnetID: "subnet-a", ip: ip("10.0.1.53")), EndpointInterface(subnetID: "subnet-b", ip: ip("10.0.2.53")),
                      ])])
        let consumer = VPC(id: "vpc-consumer", cidrs: [CIDR("10.1.0.0/16")!], dnsSupport: consumerDNSSupport)
        let records = zoneRecords ?? [DNSRecord(name: zoneName, value: .endpointAlias("vpce-1"))]
        let region = Region(name: "eu-west-1", vpcs: [hub, consumer],
                            peerings: [PeeringConnection(id: "pcx-1", requesterVPCID: "vpc-consumer", accepterVPCID: "vpc-hub")],
                            privateHostedZones: [PrivateHostedZone(zoneID: "Z1", name: zoneName, vpcIDs: zoneVPCs, records: records)],
                            resolverRules: rules)
        let datacenter = OnPremisesNetwork(id: "dc", forwardingRules: [ForwardingRule(domain: zoneName, targets: [.resolverEndpoint("rslvr-in-1")])])
        return Topology(regions: [region], onPremises: [datacenter])
    }

    static let endpointIPs = NameResolution.Answer.endpointIPs(endpointID: "vpce-1", ips: [ip("10.0.1.10"), ip("10.0.2.10")])

    @Test func aPeeredVPCResolvesThroughThePrivateHostedZone() {
        let t = Self.topology()
        #expect(t.clientNames(ofInterfaceEndpoint: "vpce-1") == [Self.zoneName])
        let (steps, answer) = t.resolve(Self.zoneName, inVPC: "vpc-consumer")
        #expect(steps == [
            .vpcResolver(vpcID: "vpc-consumer"),
            .privateHostedZone(zoneID: "Z1", zoneName: Self.zoneName, record: Self.zoneName, type: "A"),
            .endpointRegionalName(endpointID: "vpce-1", name: "vpce-1-abc.execute-api.eu-west-1.vpce.amazonaws.com"),
        ])
        #expect(answer == Self.endpointIPs)
    }

    @Test func onPremisesForwardsToTheInboundEndpointWhichAnswersFromTheZone() {
        let t = Self.topology()
        let (steps, answer) = t.resolve(Self.zoneName, onPremises: t.onPremises[0])
        #expect(steps.first == .forwarded(domain: Self.zoneName, resolverEndpointID: "rslvr-in-1", vpcID: "vpc-hub",
                                          ips: [Self.ip("10.0.1.53"), Self.ip("10.0.2.53")]))
        #expect(steps.dropFirst().first == .vpcResolver(vpcID: "vpc-hub"))
        #expect(answer == Self.endpointIPs)
    }

    @Test func anInboundEndpointInAVPCWithoutTheZoneFallsBackToPublicDNS() {
        let t = Self.topology(zoneVPCs: ["vpc-consumer"])
        let (steps, answer) = t.resolve(Self.zoneName, onPremises: t.onPremises[0])
        #expect(steps.last == .publicDNS)
        #expect(answer == .publicAddresses)
    }

    @Test func privateDNSAnswersOnlyInsideTheEndpointsVPC() {
        let t = Self.topology(privateDNS: true, zoneVPCs: [], zoneRecords: [])
        let name = "execute-api.eu-west-1.amazonaws.com"
        // AWS's private DNS name for execute-api is a wildcard; the bare name is answered too.
        #expect(t.clientNames(ofInterfaceEndpoint: "vpce-1") == ["*.\(name)"])
        #expect(t.resolve(name, inVPC: "vpc-hub") == ([.vpcResolver(vpcID: "vpc-hub"), .endpointPrivateDNS(endpointID: "vpce-1")], Self.endpointIPs))
        #expect(t.resolve("abc123.\(name)", inVPC: "vpc-hub").1 == Self.endpointIPs, "names below the service name too")
        #expect(t.resolve(name, inVPC: "vpc-consumer") == ([.vpcResolver(vpcID: "vpc-consumer"), .publicDNS], .publicAddresses))
    }

    @Test func aZoneWithoutTheRecordAnswersNXDOMAIN() {
        let t = Self.topology(zoneRecords: [DNSRecord(name: "other.\(Self.zoneName)", value: .values(["10.9.9.9"]))])
        #expect(t.resolve(Self.zoneName, inVPC: "vpc-consumer").1 == .noSuchName(zoneID: "Z1"))
        #expect(t.resolve("other.\(Self.zoneName)", inVPC: "vpc-consumer").1 == .values(["10.9.9.9"]))
    }

    @Test func aMoreSpecificResolverRuleWinsAndAnEqualOneToo() {
        let rule = ResolverRule(id: "rslvr-rr-1", domain: Self.zoneName, targetIPs: [Self.ip("172.16.0.2")], vpcIDs: ["vpc-consumer"])
        let t = Self.topology(rules: [rule])
        #expect(t.resolve(Self.zoneName, inVPC: "vpc-consumer").1 == .forwardedOut)
        #expect(t.resolve(Self.zoneName, inVPC: "vpc-hub").1 == Self.endpointIPs, "the rule is not associated with the hub")
        let broad = ResolverRule(id: "rslvr-rr-2", domain: "amazonaws.com", targetIPs: [Self.ip("172.16.0.2")], vpcIDs: ["vpc-consumer"])
        #expect(Self.topology(rules: [broad]).resolve(Self.zoneName, inVPC: "vpc-consumer").1 == Self.endpointIPs, "the zone is more specific")
    }

    @Test func endpointNamesResolvePubliclyToTheirInterfaces() {
        let t = Self.topology(zoneVPCs: [])
        #expect(t.resolve("vpce-1-abc.execute-api.eu-west-1.vpce.amazonaws.com", inVPC: "vpc-consumer").1 == Self.endpointIPs)
        #expect(t.resolve("vpce-1-abc-eu-west-1b.execute-api.eu-west-1.vpce.amazonaws.com", inVPC: "vpc-consumer").1
                == .endpointIPs(endpointID: "vpce-1", ips: [Self.ip("10.0.2.10")]))
    }

    @Test func dnsSupportOffMeansNoAnswer() {
        #expect(Self.topology(consumerDNSSupport: false).resolve(Self.zoneName, inVPC: "vpc-consumer").1 == .dnsSupportOff(vpcID: "vpc-consumer"))
    }

    @Test func resolutionsCoverEachClientInOrder() {
        let clients = Self.topology().resolutions(ofInterfaceEndpoint: "vpce-1").map(\.client)
        #expect(clients == [.endpointVPC(vpcID: "vpc-hub"), .connectedVPC(vpcID: "vpc-consumer", via: "pcx-1"), .onPremises(networkID: "dc")])
    }

    @Test func dnsNamesCompareWithoutCaseOrTrailingDot() {
        #expect(dnsName("API.example.com.", isWithin: "example.com"))
        #expect(dnsName("example.com", isWithin: "Example.COM."))
        #expect(!dnsName("badexample.com", isWithin: "example.com"))
    }
}

/// Dual-stack and IPv6 endpoints: their DNS names answer AAAA records with the network interfaces' IPv6 addresses.
extension ResolutionTests {
    static func dualStack(ipAddressType: String?, recordType: String?, ipv6Known: Bool = true) -> Topology {
        var t = topology(privateDNS: true)
        var endpoint = t.regions[0].vpcs[0].interfaceEndpoints[0]
        endpoint.ipAddressType = ipAddressType
        endpoint.dnsRecordIPType = recordType
        if ipv6Known {
            endpoint.interfaces[0].ipv6 = ip("2001:db8:0:1::10")
            endpoint.interfaces[1].ipv6 = ip("2001:db8:0:2::10")
        }
        t.regions[0].vpcs[0].interfaceEndpoints[0] = endpoint
        return t
    }

    static let aaaa = [ip("2001:db8:0:1::10"), ip("2001:db8:0:2::10")]

    @Test func aDualStackEndpointAnswersAAndAAAA() {
        let name = "abc123.execute-api.eu-west-1.amazonaws.com"
        let answer = Self.dualStack(ipAddressType: "dualstack", recordType: "dualstack").resolve(name, inVPC: "vpc-hub").1
        #expect(answer == .endpointIPs(endpointID: "vpce-1", ips: [Self.ip("10.0.1.10"), Self.ip("10.0.2.10")] + Self.aaaa))
        // The record type decides: ipv4 gives A only, ipv6 AAAA only; without one, the endpoint's IpAddressType.
        #expect(Self.dualStack(ipAddressType: "dualstack", recordType: "ipv4").resolve(name, inVPC: "vpc-hub").1 == Self.endpointIPs)
        #expect(Self.dualStack(ipAddressType: "dualstack", recordType: "ipv6").resolve(name, inVPC: "vpc-hub").1 == .endpointIPs(endpointID: "vpce-1", ips: Self.aaaa))
        #expect(Self.dualStack(ipAddressType: "dualstack", recordType: nil).resolve(name, inVPC: "vpc-hub").1
                == .endpointIPs(endpointID: "vpce-1", ips: [Self.ip("10.0.1.10"), Self.ip("10.0.2.10")] + Self.aaaa))
        #expect(Self.dualStack(ipAddressType: "dualstack", recordType: "service-defined").resolve(name, inVPC: "vpc-hub").1
                == .endpointIPs(endpointID: "vpce-1", ips: [Self.ip("10.0.1.10"), Self.ip("10.0.2.10")] + Self.aaaa))
        // An IPv4 endpoint never answers AAAA, whatever its interfaces hold.
        #expect(Self.dualStack(ipAddressType: nil, recordType: nil).resolve(name, inVPC: "vpc-hub").1 == Self.endpointIPs)
        // The IPv6 addresses the input lacks are not answered.
        #expect(Self.dualStack(ipAddressType: "dualstack", recordType: "dualstack", ipv6Known: false).resolve(name, inVPC: "vpc-hub").1 == Self.endpointIPs)
    }

    @Test func explainLabelsTheRecordsAndFollowsTheIPv4Address() throws {
        let t = Self.dualStack(ipAddressType: "dualstack", recordType: "dualstack")
        var hub = t.regions[0].vpcs[0]
        hub.routeTables = [RouteTable(id: "rtb-1", isMain: true)]
        var copy = t
        copy.regions[0].vpcs[0] = hub
        let e = try copy.explain(from: .subnet("subnet-a"), to: "abc123.execute-api.eu-west-1.amazonaws.com").get()
        #expect(e.steps.map(\.text).contains("answer: 10.0.1.10 (A), 10.0.2.10 (A), 2001:db8:0:1::10 (AAAA), 2001:db8:0:2::10 (AAAA), the network interfaces of interface endpoint 'vpce-1'; following 10.0.1.10 (in the client's zone eu-west-1a)"))
        let v6 = Self.dualStack(ipAddressType: "ipv6", recordType: "ipv6")
        let only = try v6.explain(from: .subnet("subnet-a"), to: "abc123.execute-api.eu-west-1.amazonaws.com").get()
        #expect(only.outcome.text == "'abc123.execute-api.eu-west-1.amazonaws.com' resolves to IPv6 addresses only (AAAA records); IPv6 destinations are not in the model yet")
    }
}
