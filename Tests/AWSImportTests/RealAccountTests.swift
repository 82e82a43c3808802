import AWSImport
import Foundation
import Markdown
import TestSupport
import Testing
import VPCModel
import VPCReaders

/// Snapshots as real accounts give them (issue 12): data AWS really returns imports (exit 0), each
/// fact reaches the YAML and the Markdown, and what is gone, going or missing is named in a warning.
@Suite struct RealAccountTests {
    let app = "vpc-0a1b2c3d4e5f60718"
    static let gwlbEndpoint = "vpce-0a9b8c7d6e5f40312"

    /// The Markdown of a topology, and of the same topology after the YAML round trip: they must be equal.
    static func markdown(_ topology: Topology) throws -> (direct: String, viaYAML: String, yaml: String) {
        let yaml = TopologyWriter.write(topology)
        let (parsed, diagnostics) = TopologyParser.parse(yaml, file: "topology.yaml")
        #expect(diagnostics.map(\.description) == [])
        let reparsed = try #require(parsed)
        #expect(reparsed == topology, "YAML:\n\(yaml)")
        return (renderMarkdown(topology, documentName: "net"), renderMarkdown(reparsed, documentName: "net"), yaml)
    }

    /// An inspection design: a Gateway Load Balancer endpoint in the public subnet, and an ingress
    /// (edge) route table sending traffic to it (AWS shows such routes with `GatewayId: vpce-…`).
    static func withGatewayLoadBalancerEndpoint(_ dir: String) throws {
        try Fixture.write("""
            {
                "VpcEndpoints": [
                    {
                        "VpcEndpointId": "\(gwlbEndpoint)",
                        "VpcEndpointType": "GatewayLoadBalancer",
                        "VpcId": "vpc-0a1b2c3d4e5f60718",
                        "ServiceName": "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0",
                        "State": "available",
                        "RouteTableIds": [],
                        "SubnetIds": ["subnet-0aa1111111111111a"],
                        "Groups": [],
                        "IpAddressType": "ipv4",
                        "PrivateDnsEnabled": false,
                        "RequesterManaged": false,
                        "NetworkInterfaceIds": ["eni-0f9999999999999ff"],
                        "DnsEntries": [],
                        "CreationTimestamp": "2024-09-04T10:01:22.000Z",
                        "Tags": [{"Key": "Name", "Value": "inspection"}],
                        "OwnerId": "123456789012"
                    }
                ]
            }
            """, to: dir + "/eu-west-1/describe-vpc-endpoints.inspection.json")
        try Fixture.write("""
            {
                "NetworkInterfaces": [
                    {
                        "AvailabilityZone": "eu-west-1a",
                        "Description": "VPC Endpoint Interface \(gwlbEndpoint)",
                        "InterfaceType": "gateway_load_balancer_endpoint",
                        "NetworkInterfaceId": "eni-0f9999999999999ff",
                        "PrivateIpAddress": "10.0.0.77",
                        "PrivateIpAddresses": [{"Primary": true, "PrivateIpAddress": "10.0.0.77"}],
                        "RequesterManaged": true,
                        "Status": "in-use",
                        "SubnetId": "subnet-0aa1111111111111a",
                        "VpcId": "vpc-0a1b2c3d4e5f60718"
                    }
                ]
            }
            """, to: dir + "/eu-west-1/describe-network-interfaces.inspection.json")
        try Fixture.write("""
            {
                "RouteTables": [
                    {
                        "Associations": [
                            {
                                "Main": false,
                                "RouteTableAssociationId": "rtbassoc-0e0e0e0e0e0e0e0e0",
                                "RouteTableId": "rtb-0e0e0e0e0e0e0e0e0",
                                "GatewayId": "igw-0c1d2e3f4a5b6c7d8",
                                "AssociationState": {"State": "associated"}
                            }
                        ],
                        "PropagatingVgws": [],
                        "RouteTableId": "rtb-0e0e0e0e0e0e0e0e0",
                        "Routes": [
                            {"DestinationCidrBlock": "10.0.0.0/16", "GatewayId": "local", "Origin": "CreateRouteTable", "State": "active"},
                            {"DestinationCidrBlock": "10.0.1.0/24", "GatewayId": "\(gwlbEndpoint)", "Origin": "CreateRoute", "State": "active"}
                        ],
                        "Tags": [{"Key": "Name", "Value": "ingress"}],
                        "VpcId": "vpc-0a1b2c3d4e5f60718",
                        "OwnerId": "123456789012"
                    }
                ]
            }
            """, to: dir + "/eu-west-1/describe-route-tables.inspection.json")
    }

    @Test func gatewayLoadBalancerEndpointsAreKeptAndValidRouteTargets() throws {
        let folder = try Fixture.copy(edit: Self.withGatewayLoadBalancerEndpoint)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = Fixture.load(folder)
        #expect(Fixture.printed(result) == Fixture.goneWarnings())
        #expect(result.topology.validate().map(\.description) == [])
        let vpc = try #require(result.topology.vpc(app))
        #expect(vpc.gatewayLoadBalancerEndpoints == [GatewayLoadBalancerEndpoint(
            id: Self.gwlbEndpoint, name: "inspection", service: ServiceName(fullName: "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0"),
            subnetID: "subnet-0aa1111111111111a", ip: IPAddress("10.0.0.77"), origin: vpc.gatewayLoadBalancerEndpoints.first?.origin ?? Origin())])
        let (direct, viaYAML, yaml) = try Self.markdown(result.topology)
        #expect(direct == viaYAML)
        #expect(yaml.contains("""
                      - id: \(Self.gwlbEndpoint)
                        name: inspection
                        service: com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0
                        type: gateway_load_balancer
                        subnet: subnet-0aa1111111111111a
                        ip: 10.0.0.77

            """))
        #expect(yaml.contains("10.0.1.0/24: \(Self.gwlbEndpoint)"))
        #expect(direct.contains("#### <a id=\"\(Self.gwlbEndpoint)\"></a>Gateway Load Balancer endpoint `\(Self.gwlbEndpoint)` (inspection)"))
        #expect(direct.contains("- **Subnet:** [`subnet-0aa1111111111111a`](#subnet-0aa1111111111111a) (app-public-a); **private IP:** `10.0.0.77`"))
        #expect(direct.contains("| `10.0.1.0/24` | Gateway Load Balancer endpoint [`\(Self.gwlbEndpoint)`](#\(Self.gwlbEndpoint)) | active |"))

        // Through the command line: exit 0, the YAML written.
        let work = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let run = try Run.vpcgraph(["import", "aws", folder, "-o", work + "/net.yaml"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Fixture.read(work + "/net.yaml") == yaml)
    }

    /// A NAT gateway being deleted and an internet gateway detaching while AWS still reports the
    /// routes to them active: each is left out with a warning, the routes are kept and flagged.
    @Test func routesToANATGatewayDeletingAndAnInternetGatewayDetachingAreKeptAndFlagged() throws {
        let folder = try Fixture.copy { dir in
            let nat = dir + "/eu-west-1/describe-nat-gateways.json"
            let text = try Fixture.read(nat)
            let first = try #require(text.range(of: "\"State\": \"available\""))
            try Fixture.write(text.replacingCharacters(in: first, with: "\"State\": \"deleting\""), to: nat)
            let igw = dir + "/eu-west-1/describe-internet-gateways.json"
            try Fixture.write(try Fixture.read(igw).replacingOccurrences(of: "\"State\": \"available\"", with: "\"State\": \"detaching\""), to: igw)
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = Fixture.load(folder)
        #expect(Fixture.printed(result).filter { !Fixture.goneWarnings().contains($0) } == [
            "eu-west-1/describe-internet-gateways.json: $.InternetGateways[0].Attachments[0].State: warning: internet gateway 'igw-0c1d2e3f4a5b6c7d8' is detaching from VPC 'vpc-0a1b2c3d4e5f60718'; left out of it [aws-gone]",
            "eu-west-1/describe-nat-gateways.json: $.NatGateways[0].State: warning: NAT gateway 'nat-0123456789abcdef0' is deleting; left out [aws-gone]",
            "eu-west-1/describe-route-tables.json: $.RouteTables[1].Routes[2].GatewayId: warning: route to '0.0.0.0/0' in 'rtb-0b0b0b0b0b0b0b0b0' goes to internet gateway 'igw-0c1d2e3f4a5b6c7d8', which is detaching; route kept and flagged [aws-target-going]",
            "eu-west-1/describe-route-tables.json: $.RouteTables[2].Routes[2].NatGatewayId: warning: route to '0.0.0.0/0' in 'rtb-0c0c0c0c0c0c0c0c0' goes to NAT gateway 'nat-0123456789abcdef0', which is deleting; route kept and flagged [aws-target-going]",
        ])
        #expect(!result.hasErrors)
        #expect(result.topology.validate().map(\.description) == [])
        let vpc = try #require(result.topology.vpc(app))
        #expect(vpc.natGateways.isEmpty && vpc.internetGateway == nil)
        let flagged = vpc.routeTables.flatMap(\.routes).filter { $0.targetState != nil }.map { "\($0.target) \($0.state) \($0.targetState!)" }
        #expect(flagged == ["igw-0c1d2e3f4a5b6c7d8 active detaching", "nat-0123456789abcdef0 active deleting"])
        let (direct, viaYAML, yaml) = try Self.markdown(result.topology)
        #expect(direct == viaYAML)
        #expect(yaml.contains("- {destination: 0.0.0.0/0, target: nat-0123456789abcdef0, target_state: deleting}"))
        #expect(yaml.contains("- {destination: 0.0.0.0/0, target: igw-0c1d2e3f4a5b6c7d8, target_state: detaching}"))
        #expect(direct.contains("| `0.0.0.0/0` | NAT gateway [`nat-0123456789abcdef0`](#nat-0123456789abcdef0) | active, ⚠ but the target is **deleting**: it is not in this document and the route stops working when AWS finishes |")
                || direct.contains("| `0.0.0.0/0` | NAT gateway `nat-0123456789abcdef0` | active, ⚠ but the target is **deleting**: it is not in this document and the route stops working when AWS finishes |"))
        #expect(direct.contains("internet gateway") && direct.contains("**detaching**"))
    }

    /// A snapshot saved by hand without describe-vpc-attribute, with private-DNS endpoints: the
    /// attributes are unknown (one warning per missing file), never AWS's default stated as fact.
    @Test func missingVPCAttributeOutputsMakeDNSAttributesUnknown() throws {
        let folder = try Fixture.copy { dir in
            for file in try FileManager.default.contentsOfDirectory(atPath: dir + "/eu-west-1") where file.hasPrefix("describe-vpc-attribute.") {
                try FileManager.default.removeItem(atPath: dir + "/eu-west-1/" + file)
            }
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = Fixture.load(folder)
        #expect(Fixture.printed(result) == Fixture.goneWarnings()
                + Fixture.unknownDNSWarnings(vpc: app, at: "eu-west-1/describe-vpcs.json: $.Vpcs[0]")
                + Fixture.unknownDNSWarnings(vpc: "vpc-0b2c3d4e5f6071829", at: "eu-west-1/describe-vpcs.json: $.Vpcs[1]"))
        #expect(!result.hasErrors)
        #expect(result.topology.validate().map(\.description) == [])
        let vpc = try #require(result.topology.vpc(app))
        #expect(!vpc.dnsSupportKnown && !vpc.dnsHostnamesKnown)
        let (direct, viaYAML, yaml) = try Self.markdown(result.topology)
        #expect(direct == viaYAML)
        #expect(yaml.contains("dns: {support: unknown, hostnames: unknown}"))
        #expect(direct.contains("- **DNS support:** unknown (not in the snapshot); **DNS hostnames:** unknown (not in the snapshot)"))
        #expect(!direct.contains("**DNS hostnames:** off"))
    }

    @Test func aPageOfAPagedListIsAnErrorNamingTheFile() throws {
        let folder = try Fixture.copy { dir in
            let path = dir + "/eu-west-1/describe-subnets.json"
            let text = try Fixture.read(path)
            try Fixture.write(String(text.dropLast(2)) + ",\n    \"NextToken\": \"eyJOZXh0VG9rZW4iOiBudWxsfQ==\"\n}\n", to: path)
            try Fixture.write(#"{"HostedZones": [], "IsTruncated": true, "MaxItems": "100", "NextMarker": "Z2"}"#, to: dir + "/global/list-hosted-zones.json")
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = Fixture.load(folder)
        #expect(Fixture.printed(result) == [
            "eu-west-1/describe-subnets.json: $.NextToken: error: 'describe-subnets.json' is one page of several ('NextToken' is set): save the whole list (the AWS CLI pages on its own unless given '--max-items' or '--no-paginate') or let 'vpcgraph collect' save it [aws-paged-output]",
            "global/list-hosted-zones.json: $.NextMarker: error: 'list-hosted-zones.json' is one page of several ('NextMarker' is set): save the whole list (the AWS CLI pages on its own unless given '--max-items' or '--no-paginate') or let 'vpcgraph collect' save it [aws-paged-output]",
        ])
        #expect(result.topology == Topology())
    }

    /// Route states and origins as AWS gives them: `filtered` stays filtered, VGW-propagated routes say so.
    @Test func routesKeepTheirStateAndOrigin() throws {
        let folder = try Fixture.copy { dir in
            let path = dir + "/eu-west-1/describe-route-tables.json"
            let text = try Fixture.read(path)
            // The transit gateway route of the app VPC's private table becomes filtered.
            let tgw = try #require(text.range(of: #""DestinationCidrBlock": "172.16.0.0/12",\s*"Origin": "CreateRoute",\s*"State": "active""#, options: .regularExpression))
            try Fixture.write(text.replacingCharacters(in: tgw, with: text[tgw].replacingOccurrences(of: "\"active\"", with: "\"filtered\"")), to: path)
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = Fixture.load(folder)
        #expect(Fixture.printed(result) == Fixture.goneWarnings())
        #expect(result.topology.validate().map(\.description) == [])
        let routes = result.topology.allVPCs.flatMap { $0.vpc.routeTables.flatMap(\.routes) }
        #expect(routes.filter { $0.state == .filtered }.map(\.target.id) == ["tgw-0123456789abcdef0"])
        #expect(routes.filter(\.propagated).map { "\($0.destination) \($0.target)" } == ["172.16.0.0/12 vgw-0123456789abcdef0"])
        let (direct, viaYAML, yaml) = try Self.markdown(result.topology)
        #expect(direct == viaYAML)
        #expect(yaml.contains("state: filtered") && yaml.contains("propagated: true"))
        #expect(direct.contains("filtered: AWS keeps the route but does not use it"))
        #expect(direct.contains("active (propagated by the virtual private gateway)"))
    }

    /// An endpoint waiting for acceptance and a NAT gateway being created: drawn and documented as
    /// pending, listed in the cost estimate without a cost.
    @Test func pendingResourcesAreDocumentedAsPendingAndNotCosted() throws {
        let folder = try Fixture.copy { dir in
            for (file, state) in [("describe-vpc-endpoints.json", "pendingAcceptance"), ("describe-nat-gateways.json", "pending")] {
                let path = dir + "/eu-west-1/" + file
                let text = try Fixture.read(path)
                let first = try #require(text.range(of: "\"State\": \"available\""))
                try Fixture.write(text.replacingCharacters(in: first, with: "\"State\": \"\(state)\""), to: path)
            }
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = Fixture.load(folder)
        #expect(Fixture.printed(result) == Fixture.goneWarnings())
        #expect(result.topology.validate().map(\.description) == [])
        let vpc = try #require(result.topology.vpc(app))
        #expect(vpc.interfaceEndpoints.map { "\($0.id) \($0.pendingState?.rawValue ?? "available")" } == [
            "vpce-0a9b8c7d6e5f4a3b2 available", "vpce-0e1f2a3b4c5d6e7f8 pending-acceptance",
        ])
        #expect(vpc.natGateways.map(\.pendingState) == [.pending])
        let (direct, viaYAML, yaml) = try Self.markdown(result.topology)
        #expect(direct == viaYAML)
        #expect(yaml.contains("state: pending-acceptance") && yaml.contains("state: pending\n"))
        #expect(direct.contains("- **State:** ⚠ pending acceptance by the endpoint service's owner: AWS has not finished creating it, it does not carry traffic yet"))
        #expect(direct.contains("| public, ⚠ pending: not running yet |"))
        let costRows = direct.split(separator: "\n").filter { $0.hasSuffix("| not estimated (pending) |") }
        #expect(costRows.count == 2 && costRows[0].contains("vpce-0e1f2a3b4c5d6e7f8") && costRows[1].contains("nat-0123456789abcdef0"))
    }

    /// Without describe-network-interfaces an endpoint's IPs are unknown, not absent: its zones, zonal
    /// names and cost still come from its subnets ($14.60 for two zones, never $0.00).
    @Test func missingNetworkInterfacesMakeEndpointIPsUnknownNotAbsent() throws {
        let folder = try Fixture.copy { dir in
            try FileManager.default.removeItem(atPath: dir + "/eu-west-1/describe-network-interfaces.json")
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = Fixture.load(folder)
        #expect(!result.hasErrors)
        #expect(result.topology.validate().filter { $0.severity == .error }.map(\.description) == [])
        let endpoint = try #require(result.topology.interfaceEndpoint("vpce-0e1f2a3b4c5d6e7f8")?.endpoint)
        #expect(endpoint.interfaces.isEmpty && endpoint.unknownIPSubnetIDs == ["subnet-0aa2222222222222a", "subnet-0bb2222222222222b"])
        let vpc = try #require(result.topology.vpc(app))
        #expect(endpoint.dnsNames(in: vpc).map { "\($0.scope)" }.filter { $0.contains("zonal") }.count == 2)
        let (direct, viaYAML, yaml) = try Self.markdown(result.topology)
        #expect(direct == viaYAML)
        #expect(yaml.contains("unknown_ip_subnets: [subnet-0aa2222222222222a, subnet-0bb2222222222222b]"))
        #expect(direct.contains("| `eu-west-1a` | [`subnet-0aa2222222222222a`](#subnet-0aa2222222222222a) app-private-a | not in the snapshot | not in the snapshot |"))
        #expect(!direct.contains("The endpoint has no network interfaces."))
        #expect(direct.split(separator: "\n").contains { $0.contains("vpce-0e1f2a3b4c5d6e7f8") && $0.hasSuffix("| 2 | $14.60 |") })
    }

    /// Without its list-resolver-endpoint-ip-addresses output a Resolver endpoint's addresses are
    /// unknown, but AWS's `IpAddressCount` still costs them ($182.50 for two, never $0.00).
    @Test func aResolverEndpointWithoutItsAddressListIsCostedFromItsCount() throws {
        let folder = try Fixture.copy { dir in
            try FileManager.default.removeItem(atPath: dir + "/eu-west-1/list-resolver-endpoint-ip-addresses.rslvr-out-0fedcba987654321.json")
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = Fixture.load(folder)
        #expect(Fixture.printed(result) == Fixture.goneWarnings() + [
            "eu-west-1/list-resolver-endpoints.json: $.ResolverEndpoints[1]: warning: the IP addresses of Resolver endpoint 'rslvr-out-0fedcba987654321' are unknown (no list-resolver-endpoint-ip-addresses output for it) [aws-missing-interface]",
        ])
        let endpoint = try #require(result.topology.resolverEndpoint("rslvr-out-0fedcba987654321")?.endpoint)
        #expect(endpoint.ipAddresses.isEmpty && endpoint.unknownIPAddressCount == 2)
        let (direct, viaYAML, yaml) = try Self.markdown(result.topology)
        #expect(direct == viaYAML)
        #expect(yaml.contains("unknown_ips: 2"))
        #expect(direct.contains("| 2 IP addresses, not in the snapshot |"))
        #expect(direct.split(separator: "\n").contains { $0.contains("rslvr-out-0fedcba987654321") && $0.hasSuffix("| 2 | $182.50 |") })
    }

    /// `IpPermissionsEgress` is kept: outbound rules reach the YAML (`egress`, `to`) and the Markdown.
    @Test func securityGroupEgressRulesAreKept() throws {
        let result = Fixture.load(Fixture.documented)
        let group = try #require(result.topology.vpc(app)?.securityGroup("sg-0e0e0e0e0e0e0e0e0"))
        #expect(group.egress.map { "\($0.ipProtocol) \($0.sources.map(\.description))" } == ["all [\"0.0.0.0/0\"]"])
        let (direct, viaYAML, yaml) = try Self.markdown(result.topology)
        #expect(direct == viaYAML)
        #expect(yaml.contains("            egress:\n              - {protocol: all, to: [0.0.0.0/0]}\n"))
        #expect(direct.contains("""
            **Security groups** (outbound rules):

            | Security group | Protocol | Ports | Destination | Description |
            |---|---|---|---|---|
            | `sg-0e0e0e0e0e0e0e0e0` endpoints | all | all | `0.0.0.0/0` |  |
            """))
    }

    /// `AvailabilityZoneId` (the same physical zone in every account) and `MapPublicIpOnLaunch` are kept.
    @Test func subnetsKeepTheirZoneIdAndPublicIPOnLaunch() throws {
        let result = Fixture.load(Fixture.documented)
        let vpc = try #require(result.topology.vpc(app))
        #expect(vpc.subnets.map { "\($0.id) \($0.availabilityZoneID ?? "-") \($0.mapPublicIPOnLaunch)" } == [
            "subnet-0aa1111111111111a euw1-az1 true", "subnet-0aa2222222222222a euw1-az1 false", "subnet-0bb2222222222222b euw1-az2 false",
        ])
        let (direct, viaYAML, yaml) = try Self.markdown(result.topology)
        #expect(direct == viaYAML)
        #expect(yaml.contains("            route_table: rtb-0b0b0b0b0b0b0b0b0\n            az_id: euw1-az1\n            map_public_ip: true\n"))
        #expect(direct.contains("| `eu-west-1a` (`euw1-az1`) | `10.0.0.0/24` | public, public IPv4 on launch |"))
    }

    /// `OwnerId` is kept: the VPC's account, and a subnet another account owns is documented as shared.
    @Test func ownerAccountsAreKeptAndASharedSubnetSaysWhose() throws {
        let folder = try Fixture.copy { dir in
            let path = dir + "/eu-west-1/describe-subnets.json"
            let text = try Fixture.read(path)
            let first = try #require(text.range(of: "\"OwnerId\": \"123456789012\""))
            try Fixture.write(text.replacingCharacters(in: first, with: "\"OwnerId\": \"210987654321\""), to: path)
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = Fixture.load(folder)
        #expect(Fixture.printed(result) == Fixture.goneWarnings())
        let vpc = try #require(result.topology.vpc(app))
        #expect(vpc.ownerID == "123456789012")
        #expect(vpc.subnet("subnet-0bb2222222222222b")?.ownerID == "210987654321")
        let (direct, viaYAML, yaml) = try Self.markdown(result.topology)
        #expect(direct == viaYAML)
        #expect(yaml.contains("owner: 210987654321") && yaml.components(separatedBy: "owner: 123456789012").count == 3)
        #expect(direct.contains("- **Owner account:** `123456789012`"))
        #expect(direct.contains("| app-private-b (owned by account `210987654321`, shared) |"))
    }
}
