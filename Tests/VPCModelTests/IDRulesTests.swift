import Testing
import VPCModel

/// `IDRules`: the one place ids are checked, for every kind the topology format takes.
@Suite struct IDRulesTests {
    let here = SourceLocation(file: "t.yaml", line: 3, column: 9)

    func check(_ id: String, _ kind: IDKind) -> String? {
        IDRules.check(id, as: kind, at: here)?.description
    }

    @Test func wellFormedIdsOfEveryKindPass() {
        let ids: [IDKind: String] = [
            .vpc: "vpc-0a1b2c3d4e5f60718", .subnet: "subnet-0aa1111111111111a", .routeTable: "rtb-0c0c0c0c",
            .internetGateway: "igw-0c1d2e3f4a5b6c7d8", .egressOnlyInternetGateway: "eigw-0123456789abcdef0",
            .natGateway: "nat-0123456789abcdef0", .vpnGateway: "vgw-0123456789abcdef0", .customerGateway: "cgw-0123456789abcdef0",
            .securityGroup: "sg-0e0e0e0e", .vpcEndpoint: "vpce-0e1f2a3b4c5d6e7f8", .networkInterface: "eni-0123456789abcdef0",
            .prefixList: "pl-6da54004", .peeringConnection: "pcx-0123456789abcdef0", .transitGateway: "tgw-0123456789abcdef0",
            .transitGatewayAttachment: "tgw-attach-0123456789abcdef0", .vpnConnection: "vpn-0123456789abcdef0",
            .inboundResolverEndpoint: "rslvr-in-0123456789abcdef0", .outboundResolverEndpoint: "rslvr-out-0fedcba987654321",
            .resolverRule: "rslvr-rr-0123456789abcdef0", .hostedZone: "Z0123456789ABCDEFGHIJ", .onPremisesNetwork: "dc-1.eu_west",
        ]
        #expect(Set(ids.keys) == Set(IDKind.allCases), "every kind has a case here")
        for (kind, id) in ids {
            #expect(check(id, kind) == nil, "\(kind)")
        }
        // Short ids, as examples and tests write them, pass: the length is not checked.
        #expect(check("vpc-1", .vpc) == nil)
    }

    @Test func idsThatDoNotLookLikeTheirKindAreWarnings() {
        #expect(check("web", .vpc) == "t.yaml:3:9: warning: 'web' does not look like a VPC id (vpc-…); links to the AWS console will not work [id-format]")
        #expect(check("vpc-", .vpc) == "t.yaml:3:9: warning: 'vpc-' does not look like a VPC id (vpc-…); links to the AWS console will not work [id-format]")
        #expect(check("VPC-0a1b", .vpc) == "t.yaml:3:9: warning: 'VPC-0a1b' does not look like a VPC id (vpc-…); links to the AWS console will not work [id-format]")
        #expect(check("vpc-hub", .vpc) == "t.yaml:3:9: warning: 'vpc-hub' does not look like a VPC id (vpc- and lower-case hex digits); links to the AWS console will not work [id-format]")
        #expect(check("vpc-0A1B", .vpc) == "t.yaml:3:9: warning: 'vpc-0A1B' does not look like a VPC id (vpc- and lower-case hex digits); links to the AWS console will not work [id-format]")
        #expect(check("subnet-0a", .routeTable) == "t.yaml:3:9: warning: 'subnet-0a' does not look like a route table id (rtb-…); links to the AWS console will not work [id-format]")
        #expect(check("tgw-0123", .transitGatewayAttachment) == "t.yaml:3:9: warning: 'tgw-0123' does not look like a transit gateway attachment id (tgw-attach-…); links to the AWS console will not work [id-format]")
        #expect(check("tgw-attach-0123", .transitGateway) == "t.yaml:3:9: warning: 'tgw-attach-0123' does not look like a transit gateway id (tgw- and lower-case hex digits); links to the AWS console will not work [id-format]")
        #expect(check("rslvr-out-0123", .inboundResolverEndpoint) == "t.yaml:3:9: warning: 'rslvr-out-0123' does not look like an inbound Resolver endpoint id (rslvr-in-…); links to the AWS console will not work [id-format]")
        #expect(check("Z0123abc", .hostedZone) == "t.yaml:3:9: warning: 'Z0123abc' does not look like a hosted zone id (Z and upper-case letters and digits); links to the AWS console will not work [id-format]")
        #expect(check("0123ABC", .hostedZone) == "t.yaml:3:9: warning: '0123ABC' does not look like a hosted zone id (Z…); links to the AWS console will not work [id-format]")
    }

    @Test func charactersNoAWSIdHasAreErrorsShownEscaped() {
        #expect(check(#"vpc-1" onmouseover="alert(1)"#, .vpc)
                == #"t.yaml:3:9: error: VPC id 'vpc-1" onmouseover="alert(1)' has characters no AWS id has: '"', ' ', '=', '(', ')' (AWS ids are letters, digits and '-') [id-characters]"#)
        #expect(check("vpc-1/../../escaped", .vpc)
                == "t.yaml:3:9: error: VPC id 'vpc-1/../../escaped' has characters no AWS id has: '/', '.' (AWS ids are letters, digits and '-') [id-characters]")
        #expect(check("sg-1<script>", .securityGroup)
                == "t.yaml:3:9: error: security group id 'sg-1<script>' has characters no AWS id has: '<', '>' (AWS ids are letters, digits and '-') [id-characters]")
        #expect(check("subnet-1\u{1B}[2J\n", .subnet)
                == #"t.yaml:3:9: error: subnet id 'subnet-1\u{1B}[2J\u{A}' has characters no AWS id has: '\u{1B}', '[', '\u{A}' (AWS ids are letters, digits and '-') [id-characters]"#)
        #expect(check("rtb-0é'\\", .routeTable)
                == #"t.yaml:3:9: error: route table id 'rtb-0\u{E9}\'\\' has characters no AWS id has: '\u{E9}', '\'', '\\' (AWS ids are letters, digits and '-') [id-characters]"#)
        #expect(check("igw_0a", .internetGateway)
                == "t.yaml:3:9: error: internet gateway id 'igw_0a' has characters no AWS id has: '_' (AWS ids are letters, digits and '-') [id-characters]")
        #expect(check("", .vpc) == "t.yaml:3:9: error: VPC id is empty [id-characters]")
    }

    @Test func onPremisesIdsAreNamesOfOurOwn() {
        #expect(check("datacenter", .onPremisesNetwork) == nil)
        #expect(check("cgw-0123456789abcdef0", .onPremisesNetwork) == nil)
        #expect(check("Paris_DC-2.corp", .onPremisesNetwork) == nil)
        #expect(check("data centre", .onPremisesNetwork)
                == "t.yaml:3:9: error: on-premises network id 'data centre' has characters vpcgraph does not allow in it: ' ' (use letters, digits, '.', '_' and '-') [id-characters]")
        #expect(check("dc/../x", .onPremisesNetwork)
                == "t.yaml:3:9: error: on-premises network id 'dc/../x' has characters vpcgraph does not allow in it: '/' (use letters, digits, '.', '_' and '-') [id-characters]")
    }

    @Test func routeTargetKindsUseTheTable() {
        #expect(RouteTarget.Kind.allCases.map(\.idPrefix) == [nil, "igw-", "eigw-", "nat-", "vpce-", "pcx-", "tgw-", "vgw-", "eni-"])
    }
}
