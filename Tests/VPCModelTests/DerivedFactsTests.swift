import Testing
@testable import VPCModel

@Suite struct DerivedFactsTests {
    func vpc() -> VPC {
        var vpc = VPC(id: "vpc-1", cidrs: [CIDR("10.0.0.0/16")!], dnsSupport: true, dnsHostnames: true)
        vpc.internetGateway = InternetGateway(id: "igw-1")
        vpc.subnets = [
            Subnet(id: "subnet-pub", availabilityZone: "eu-west-1a", cidr: CIDR("10.0.0.0/24")!, routeTableID: "rtb-pub"),
            Subnet(id: "subnet-priv-b", availabilityZone: "eu-west-1b", cidr: CIDR("10.0.11.0/24")!),
            Subnet(id: "subnet-priv-a", availabilityZone: "eu-west-1a", cidr: CIDR("10.0.10.0/24")!),
            Subnet(id: "subnet-data", availabilityZone: "eu-west-1a", cidr: CIDR("10.0.20.0/24")!, routeTableID: "rtb-data"),
        ]
        vpc.routeTables = [
            RouteTable(id: "rtb-pub", routes: [Route(destination: .cidr(CIDR("0.0.0.0/0")!), target: RouteTarget("igw-1")!)]),
            RouteTable(id: "rtb-main", isMain: true, routes: [Route(destination: .cidr(CIDR("0.0.0.0/0")!), target: RouteTarget("nat-1")!)]),
            RouteTable(id: "rtb-data"),
        ]
        vpc.gatewayEndpoints = [GatewayEndpoint(id: "vpce-s3", service: ServiceName("s3", region: "eu-west-1"), routeTableIDs: ["rtb-main", "rtb-data"])]
        return vpc
    }

    @Test func subnetsWithoutAssociationUseTheMainTable() {
        let v = vpc()
        #expect(v.mainRouteTable?.id == "rtb-main")
        #expect(v.routeTable(for: v.subnets[1])?.id == "rtb-main")
        #expect(v.subnets(using: v.routeTables[1]).map(\.id) == ["subnet-priv-b", "subnet-priv-a"])
    }

    @Test func tiersFollowTheDefaultRoute() {
        let v = vpc()
        #expect(v.subnets.map { v.tier(of: $0) } == [.public, .private, .private, .isolated])
        var declared = v
        declared.subnets[3].declaredPublic = true
        #expect(declared.tier(of: declared.subnets[3]) == .public)
        declared.subnets[0].declaredPublic = false
        #expect(declared.tier(of: declared.subnets[0]) == .private, "public: false wins over an internet gateway route")
        #expect(SubnetTier.derived(declaredPublic: false, routes: []) == .isolated)
    }

    @Test func gatewayEndpointRoutesAndLocalRouteAreDerived() {
        let v = vpc()
        let routes = v.effectiveRoutes(of: v.routeTables[2])
        #expect(routes.map { "\($0.destination) → \($0.target)" } == ["10.0.0.0/16 → local", "pl-6da54004 → vpce-s3"])
        // A route already written is not added twice.
        var written = v
        written.routeTables[2].routes = [Route(destination: .prefixList("pl-6da54004"), target: RouteTarget("vpce-s3")!)]
        #expect(written.effectiveRoutes(of: written.routeTables[2]).count == 2)
        #expect(v.effectiveRoutes(of: v.routeTables[0]).contains { $0.target.id == "vpce-s3" } == false)
    }

    @Test func interfaceEndpointDNSNames() {
        var v = vpc()
        let endpoint = InterfaceEndpoint(id: "vpce-0c11f0aa40d2ff5ad", service: ServiceName("kendra-ranking", region: "eu-west-1"),
                                         interfaces: [EndpointInterface(subnetID: "subnet-priv-b", ip: IPAddress("10.0.11.5")!),
                                                      EndpointInterface(subnetID: "subnet-priv-a", ip: IPAddress("10.0.10.5")!)],
                                         dnsSuffix: "l1xf6pcv", declaredPrivateDNSName: "kendra-ranking.eu-west-1.api.aws")
        v.interfaceEndpoints = [endpoint]
        #expect(endpoint.dnsNames(in: v).map(\.name) == [
            "vpce-0c11f0aa40d2ff5ad-l1xf6pcv.kendra-ranking.eu-west-1.vpce.amazonaws.com",
            "vpce-0c11f0aa40d2ff5ad-l1xf6pcv-eu-west-1a.kendra-ranking.eu-west-1.vpce.amazonaws.com",
            "vpce-0c11f0aa40d2ff5ad-l1xf6pcv-eu-west-1b.kendra-ranking.eu-west-1.vpce.amazonaws.com",
            "kendra-ranking.eu-west-1.api.aws",
        ])
        var off = endpoint
        off.privateDNS = false
        #expect(off.dnsNames(in: v).count == 3)
        #expect(off.privateDNSName == nil)
    }

    @Test func serviceNames() {
        let s3 = ServiceName("s3", region: "eu-west-1")
        #expect(s3.fullName == "com.amazonaws.eu-west-1.s3")
        #expect(s3.supportsGatewayEndpoint)
        #expect(ServiceName("com.amazonaws.us-east-1.ecr.dkr", region: "eu-west-1").shortName == "ecr.dkr")
        #expect(ServiceName("com.amazonaws.us-east-1.ecr.dkr", region: "eu-west-1").region == "us-east-1")
        #expect(ServiceName("execute-api", region: "eu-west-1").publicDNSName == "*.execute-api.eu-west-1.amazonaws.com")
        #expect(GatewayEndpoint(id: "vpce-1", service: ServiceName("dynamodb", region: "us-east-1")).prefixListID == "pl-02cd2c6b")
        #expect(GatewayEndpoint(id: "vpce-1", service: ServiceName("s3", region: "ap-south-2")).prefixListID == nil)
        #expect(Regions.region(ofAvailabilityZone: "us-gov-west-1b") == "us-gov-west-1")
        #expect(!Regions.looksLikeRegion("subnet-1"))
    }

    @Test func diagnosticsPrintAndSort() {
        var c = DiagnosticCollector()
        c.emit(.warning("later", at: SourceLocation(file: "a.yaml", line: 9, column: 1), rule: "r"))
        c.emit(.error("first", at: SourceLocation(file: "a.yaml", line: 2, column: 5), rule: "r",
                      notes: [.note("see here", at: SourceLocation(file: "a.yaml", line: 1, column: 1))]))
        c.emit(.error("json", at: SourceLocation(file: "eu-west-1/describe-subnets.json", path: "$.Subnets[3].VpcId"), rule: "x"))
        #expect(c.sorted.map(\.description) == [
            "a.yaml:2:5: error: first [r]\na.yaml:1:1: note: see here",
            "a.yaml:9:1: warning: later [r]",
            "eu-west-1/describe-subnets.json: $.Subnets[3].VpcId: error: json [x]",
        ])
        #expect(c.hasErrors)
    }
}
