import AWSImport
import Foundation
import Markdown
import TestSupport
import Testing
import VPCModel
import VPCReaders

/// Issue 12, the facts the model lacked: each snapshot variant (written to the AWS CLI's documented
/// output shapes) imports with exit 0, and the fact reaches the YAML and the Markdown, unchanged
/// through the YAML.
extension RealAccountTests {
    static let appVPC = "vpc-0a1b2c3d4e5f60718"
    static let tgw = "tgw-0123456789abcdef0"
    static let tgwTable = "tgw-rtb-0a1b2c3d4e5f60789"
    static let offices = "pl-0a1b2c3d4e5f60789"

    /// Network ACLs, DHCP options, IPv6, an egress-only IGW, a TGW route table, a prefix list,
    /// a peering to another account's VPC, Lattice endpoints, an S3 interface endpoint with
    /// PrivateDnsOnlyForInboundResolverEndpoint, a Direct Connect attachment and NAT secondary IPs.
    static func withNetworkFacts(_ dir: String) throws {
        let r = dir + "/eu-west-1/"
        try Fixture.write("""
            {"NetworkAcls": [{
                "Associations": [
                    {"NetworkAclAssociationId": "aclassoc-0a1b2c3d", "NetworkAclId": "acl-0a1b2c3d4e5f60789", "SubnetId": "subnet-0aa1111111111111a"}
                ],
                "Entries": [
                    {"CidrBlock": "0.0.0.0/0", "Egress": true, "Protocol": "-1", "RuleAction": "allow", "RuleNumber": 100},
                    {"CidrBlock": "0.0.0.0/0", "Egress": true, "Protocol": "-1", "RuleAction": "deny", "RuleNumber": 32767},
                    {"CidrBlock": "0.0.0.0/0", "Egress": false, "PortRange": {"From": 443, "To": 443}, "Protocol": "6", "RuleAction": "allow", "RuleNumber": 100},
                    {"CidrBlock": "198.51.100.0/24", "Egress": false, "Protocol": "-1", "RuleAction": "deny", "RuleNumber": 90},
                    {"CidrBlock": "10.0.0.0/8", "Egress": false, "IcmpTypeCode": {"Code": -1, "Type": 8}, "Protocol": "1", "RuleAction": "allow", "RuleNumber": 110},
                    {"Ipv6CidrBlock": "::/0", "Egress": false, "PortRange": {"From": 1024, "To": 65535}, "Protocol": "17", "RuleAction": "allow", "RuleNumber": 120},
                    {"CidrBlock": "0.0.0.0/0", "Egress": false, "Protocol": "-1", "RuleAction": "deny", "RuleNumber": 32767}
                ],
                "IsDefault": false,
                "NetworkAclId": "acl-0a1b2c3d4e5f60789",
                "Tags": [{"Key": "Name", "Value": "public-web"}],
                "VpcId": "vpc-0a1b2c3d4e5f60718",
                "OwnerId": "123456789012"
            }]}
            """, to: r + "describe-network-acls.json")
        try Fixture.write("""
            {"DhcpOptions": [{
                "DhcpConfigurations": [
                    {"Key": "domain-name", "Values": [{"Value": "corp.example.com"}]},
                    {"Key": "domain-name-servers", "Values": [{"Value": "10.1.0.2"}, {"Value": "172.16.0.53"}]}
                ],
                "DhcpOptionsId": "dopt-0a1b2c3d",
                "OwnerId": "123456789012",
                "Tags": [{"Key": "Name", "Value": "corp-dns"}]
            }]}
            """, to: r + "describe-dhcp-options.json")
        try Fixture.write("""
            {"EgressOnlyInternetGateways": [{
                "Attachments": [{"State": "attached", "VpcId": "vpc-0a1b2c3d4e5f60718"}],
                "EgressOnlyInternetGatewayId": "eigw-0a1b2c3d4e5f60789",
                "Tags": []
            }]}
            """, to: r + "describe-egress-only-internet-gateways.json")
        // IPv6 on the app VPC and one subnet, and a route table with an IPv6 default route and a route to the external peer.
        let vpcs = try Fixture.read(r + "describe-vpcs.json")
        try Fixture.write(vpcs.replacingOccurrences(of: "\"Ipv6CidrBlockAssociationSet\": [],", with: """
            "Ipv6CidrBlockAssociationSet": [{"AssociationId": "vpc-cidr-assoc-0a1b", "Ipv6CidrBlock": "2001:db8:1234:1a00::/56", "Ipv6CidrBlockState": {"State": "associated"}, "NetworkBorderGroup": "eu-west-1", "Ipv6Pool": "Amazon"}],
            """, options: [], range: vpcs.range(of: "\"Ipv6CidrBlockAssociationSet\": [],")), to: r + "describe-vpcs.json")
        let subnets = try Fixture.read(r + "describe-subnets.json")
        try Fixture.write(subnets.replacingOccurrences(of: "\"Ipv6CidrBlockAssociationSet\": [],", with: """
            "Ipv6CidrBlockAssociationSet": [{"AssociationId": "subnet-cidr-assoc-0a1b", "Ipv6CidrBlock": "2001:db8:1234:1a00::/64", "Ipv6CidrBlockState": {"State": "associated"}}],
            """, options: [], range: subnets.range(of: "\"Ipv6CidrBlockAssociationSet\": [],", options: [], range: subnets.range(of: "subnet-0aa1111111111111a")!.lowerBound..<subnets.endIndex)), to: r + "describe-subnets.json")
        try Fixture.write("""
            {"RouteTables": [{
                "Associations": [],
                "PropagatingVgws": [],
                "RouteTableId": "rtb-0f0f0f0f0f0f0f0f0",
                "Routes": [
                    {"DestinationCidrBlock": "10.0.0.0/16", "GatewayId": "local", "Origin": "CreateRouteTable", "State": "active"},
                    {"DestinationIpv6CidrBlock": "2001:db8:1234:1a00::/56", "GatewayId": "local", "Origin": "CreateRouteTable", "State": "active"},
                    {"DestinationIpv6CidrBlock": "::/0", "EgressOnlyInternetGatewayId": "eigw-0a1b2c3d4e5f60789", "Origin": "CreateRoute", "State": "active"},
                    {"DestinationCidrBlock": "10.50.0.0/16", "VpcPeeringConnectionId": "pcx-0e1e2e3e4e5e6e7e8", "Origin": "CreateRoute", "State": "active"}
                ],
                "Tags": [{"Key": "Name", "Value": "dual-stack"}],
                "VpcId": "vpc-0a1b2c3d4e5f60718",
                "OwnerId": "123456789012"
            }]}
            """, to: r + "describe-route-tables.dual-stack.json")
        try Fixture.write("""
            {"VpcPeeringConnections": [{
                "AccepterVpcInfo": {"CidrBlock": "10.50.0.0/16", "CidrBlockSet": [{"CidrBlock": "10.50.0.0/16"}], "OwnerId": "444455556666",
                                    "VpcId": "vpc-0e0e0e0e0e0e0e0e0", "Region": "us-east-2"},
                "RequesterVpcInfo": {"CidrBlock": "10.0.0.0/16", "CidrBlockSet": [{"CidrBlock": "10.0.0.0/16"}], "OwnerId": "123456789012",
                                     "VpcId": "vpc-0a1b2c3d4e5f60718", "Region": "eu-west-1"},
                "Status": {"Code": "active", "Message": "Active"},
                "Tags": [{"Key": "Name", "Value": "to-partner"}],
                "VpcPeeringConnectionId": "pcx-0e1e2e3e4e5e6e7e8"
            }]}
            """, to: r + "describe-vpc-peering-connections.partner.json")
        try Fixture.write("""
            {"TransitGatewayRouteTables": [{
                "TransitGatewayRouteTableId": "\(tgwTable)",
                "TransitGatewayId": "\(tgw)",
                "State": "available",
                "DefaultAssociationRouteTable": true,
                "DefaultPropagationRouteTable": true,
                "CreationTime": "2024-09-04T10:01:22.000Z",
                "Tags": [{"Key": "Name", "Value": "spokes"}]
            }]}
            """, to: r + "describe-transit-gateway-route-tables.json")
        try Fixture.write("""
            {"Routes": [
                {"DestinationCidrBlock": "10.0.0.0/16", "TransitGatewayAttachments": [{"ResourceId": "vpc-0a1b2c3d4e5f60718", "TransitGatewayAttachmentId": "tgw-attach-0aaaaaaaaaaaaaaa1", "ResourceType": "vpc"}], "Type": "propagated", "State": "active"},
                {"DestinationCidrBlock": "192.168.0.0/16", "Type": "static", "State": "blackhole"},
                {"PrefixListId": "\(offices)", "TransitGatewayAttachments": [{"ResourceId": "vpc-0b2c3d4e5f6071829", "TransitGatewayAttachmentId": "tgw-attach-0bbbbbbbbbbbbbbb2", "ResourceType": "vpc"}], "Type": "static", "State": "active"}
            ], "AdditionalRoutesAvailable": false}
            """, to: r + "search-transit-gateway-routes.\(tgwTable).json")
        try Fixture.write("""
            {"Associations": [
                {"TransitGatewayAttachmentId": "tgw-attach-0aaaaaaaaaaaaaaa1", "ResourceId": "vpc-0a1b2c3d4e5f60718", "ResourceType": "vpc", "State": "associated"},
                {"TransitGatewayAttachmentId": "tgw-attach-0bbbbbbbbbbbbbbb2", "ResourceId": "vpc-0b2c3d4e5f6071829", "ResourceType": "vpc", "State": "associated"}
            ]}
            """, to: r + "get-transit-gateway-route-table-associations.\(tgwTable).json")
        try Fixture.write("""
            {"TransitGatewayRouteTablePropagations": [
                {"TransitGatewayAttachmentId": "tgw-attach-0aaaaaaaaaaaaaaa1", "ResourceId": "vpc-0a1b2c3d4e5f60718", "ResourceType": "vpc", "State": "enabled"}
            ]}
            """, to: r + "get-transit-gateway-route-table-propagations.\(tgwTable).json")
        try Fixture.write("""
            {"PrefixLists": [
                {"PrefixListId": "\(offices)", "AddressFamily": "IPv4", "State": "create-complete",
                 "PrefixListArn": "arn:aws:ec2:eu-west-1:123456789012:prefix-list/\(offices)", "PrefixListName": "offices", "MaxEntries": 10,
                 "Version": 1, "Tags": [], "OwnerId": "123456789012"},
                {"PrefixListId": "pl-6da54004", "AddressFamily": "IPv4", "State": "create-complete",
                 "PrefixListArn": "arn:aws:ec2:eu-west-1:aws:prefix-list/pl-6da54004", "PrefixListName": "com.amazonaws.eu-west-1.s3", "MaxEntries": 0,
                 "Version": 1, "Tags": [], "OwnerId": "AWS"}
            ]}
            """, to: r + "describe-managed-prefix-lists.json")
        try Fixture.write("""
            {"Entries": [{"Cidr": "198.51.100.0/24", "Description": "Berlin"}, {"Cidr": "192.0.2.0/24", "Description": "Lisbon"}]}
            """, to: r + "get-managed-prefix-list-entries.\(offices).json")
        try Fixture.write("""
            {"TransitGatewayAttachments": [{
                "TransitGatewayAttachmentId": "tgw-attach-0ddddddddddddddd4",
                "TransitGatewayId": "\(tgw)",
                "TransitGatewayOwnerId": "123456789012",
                "ResourceOwnerId": "123456789012",
                "ResourceType": "direct-connect-gateway",
                "ResourceId": "5f9c4a12-0d6e-4b8a-9c1e-1f2a3b4c5d6e",
                "State": "available",
                "Association": {"TransitGatewayRouteTableId": "\(tgwTable)", "State": "associated"},
                "CreationTime": "2024-09-04T10:01:22.000Z",
                "Tags": []
            }]}
            """, to: r + "describe-transit-gateway-attachments.dx.json")
        // Direct Connect, global: the gateway (describe-direct-connect-gateways) and its associations with
        // the shared VPC's virtual private gateway (the older virtualGateway* members too) and the transit gateway.
        try Fixture.write("""
            {"directConnectGateways": [{
                "directConnectGatewayId": "5f9c4a12-0d6e-4b8a-9c1e-1f2a3b4c5d6e",
                "directConnectGatewayName": "dx-dublin",
                "amazonSideAsn": 64512,
                "ownerAccount": "123456789012",
                "directConnectGatewayState": "available"
            }]}
            """, to: dir + "/global/describe-direct-connect-gateways.json")
        try Fixture.write("""
            {"directConnectGatewayAssociations": [
                {
                    "directConnectGatewayId": "5f9c4a12-0d6e-4b8a-9c1e-1f2a3b4c5d6e",
                    "directConnectGatewayOwnerAccount": "123456789012",
                    "associationState": "associated",
                    "associatedGateway": {"id": "vgw-0123456789abcdef0", "type": "virtualPrivateGateway", "ownerAccount": "123456789012", "region": "eu-west-1"},
                    "associationId": "6a7b8c9d-1111-2222-3333-444455556666",
                    "allowedPrefixesToDirectConnectGateway": [{"cidr": "10.1.0.0/16"}],
                    "virtualGatewayId": "vgw-0123456789abcdef0",
                    "virtualGatewayRegion": "eu-west-1",
                    "virtualGatewayOwnerAccount": "123456789012"
                },
                {
                    "directConnectGatewayId": "5f9c4a12-0d6e-4b8a-9c1e-1f2a3b4c5d6e",
                    "directConnectGatewayOwnerAccount": "123456789012",
                    "associationState": "associated",
                    "associatedGateway": {"id": "tgw-0123456789abcdef0", "type": "transitGateway", "ownerAccount": "123456789012", "region": "eu-west-1"},
                    "associationId": "7b8c9d0e-1111-2222-3333-444455556666",
                    "allowedPrefixesToDirectConnectGateway": [{"cidr": "10.0.0.0/16"}, {"cidr": "10.1.0.0/16"}]
                }
            ]}
            """, to: dir + "/global/describe-direct-connect-gateway-associations.5f9c4a12-0d6e-4b8a-9c1e-1f2a3b4c5d6e.json")
        try Fixture.write("""
            {"VpcEndpoints": [
                {
                    "VpcEndpointId": "vpce-0c1c2c3c4c5c6c7c8", "VpcEndpointType": "Interface", "VpcId": "vpc-0a1b2c3d4e5f60718",
                    "ServiceName": "com.amazonaws.eu-west-1.s3", "State": "available", "RouteTableIds": [],
                    "SubnetIds": ["subnet-0aa2222222222222a"], "Groups": [{"GroupId": "sg-0e0e0e0e0e0e0e0e0", "GroupName": "endpoints"}],
                    "IpAddressType": "dualstack",
                    "DnsOptions": {"DnsRecordIpType": "dualstack", "PrivateDnsOnlyForInboundResolverEndpoint": true},
                    "PrivateDnsEnabled": true, "RequesterManaged": false, "NetworkInterfaceIds": [],
                    "DnsEntries": [
                        {"DnsName": "*.vpce-0c1c2c3c4c5c6c7c8-k2x7q1ab.s3.eu-west-1.vpce.amazonaws.com", "HostedZoneId": "Z24FKFUX50B4VW"},
                        {"DnsName": "s3.eu-west-1.amazonaws.com", "HostedZoneId": "Z0123456789ABCDEFGHIJ"},
                        {"DnsName": "*.s3.eu-west-1.amazonaws.com", "HostedZoneId": "Z0123456789ABCDEFGHIJ"}
                    ],
                    "CreationTimestamp": "2024-09-04T10:01:22.000Z", "Tags": [{"Key": "Name", "Value": "s3-interface"}], "OwnerId": "123456789012"
                },
                {
                    "VpcEndpointId": "vpce-0d1d2d3d4d5d6d7d8", "VpcEndpointType": "Resource", "VpcId": "vpc-0a1b2c3d4e5f60718",
                    "State": "available", "SubnetIds": ["subnet-0aa2222222222222a"], "Groups": [{"GroupId": "sg-0e0e0e0e0e0e0e0e0", "GroupName": "endpoints"}],
                    "IpAddressType": "ipv4", "PrivateDnsEnabled": false, "RequesterManaged": false, "NetworkInterfaceIds": [], "DnsEntries": [],
                    "ResourceConfigurationArn": "arn:aws:vpc-lattice:eu-west-1:123456789012:resourceconfiguration/rcfg-0a1b2c3d4e5f60789",
                    "CreationTimestamp": "2024-09-04T10:01:22.000Z", "Tags": [{"Key": "Name", "Value": "orders-db"}], "OwnerId": "123456789012"
                },
                {
                    "VpcEndpointId": "vpce-0e1e2e3e4e5e6e7e8", "VpcEndpointType": "ServiceNetwork", "VpcId": "vpc-0a1b2c3d4e5f60718",
                    "State": "pendingAcceptance", "SubnetIds": ["subnet-0aa2222222222222a"], "Groups": [], "IpAddressType": "ipv4",
                    "PrivateDnsEnabled": false, "RequesterManaged": false, "NetworkInterfaceIds": [], "DnsEntries": [],
                    "ServiceNetworkArn": "arn:aws:vpc-lattice:eu-west-1:123456789012:servicenetwork/sn-0a1b2c3d4e5f60789",
                    "CreationTimestamp": "2024-09-04T10:01:22.000Z", "Tags": [], "OwnerId": "123456789012"
                }
            ]}
            """, to: r + "describe-vpc-endpoints.more.json")
        let nats = try Fixture.read(r + "describe-nat-gateways.json")
        // A secondary private IP (NatGatewayAddresses with IsPrimary false), before the primary one.
        let addresses = try #require(nats.range(of: "\"NatGatewayAddresses\": ["))
        try Fixture.write(nats.replacingCharacters(in: addresses, with: """
            "NatGatewayAddresses": [{"NetworkInterfaceId": "eni-0d4444444444444dd", "PrivateIp": "10.0.0.13", "IsPrimary": false, "Status": "succeeded"},
            """), to: r + "describe-nat-gateways.json")
    }

    static func loadNetworkFacts() throws -> (result: AWSImportResult, direct: String, viaYAML: String, yaml: String, folder: String) {
        let folder = try Fixture.copy(edit: withNetworkFacts)
        let result = Fixture.load(folder)
        let (direct, viaYAML, yaml) = try markdown(result.topology)
        return (result, direct, viaYAML, yaml, folder)
    }

    @Test func theNetworkFactsVariantImportsCleanAndSurvivesTheYAML() throws {
        let (result, direct, viaYAML, yaml, folder) = try Self.loadNetworkFacts()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // The S3 interface endpoint lists no network interface: its IP is "not in the snapshot", with a warning.
        var expected = Fixture.goneWarnings()
        expected.insert("eu-west-1/describe-vpc-endpoints.more.json: $.VpcEndpoints[0].SubnetIds[0]: warning: the IP of endpoint 'vpce-0c1c2c3c4c5c6c7c8' in subnet 'subnet-0aa2222222222222a' is unknown (no network interface of it in describe-network-interfaces); documented as not in the snapshot [aws-missing-interface]", at: 2)
        #expect(Fixture.printed(result) == expected)
        #expect(result.topology.validate().map(\.description) == [])
        #expect(direct == viaYAML)
        // Through the command line: exit 0, the same YAML.
        let work = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let run = try Run.vpcgraph(["import", "aws", folder, "-o", work + "/net.yaml"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Fixture.read(work + "/net.yaml") == yaml)
    }

    @Test func networkACLsKeepEveryRuleInOrderPerSubnet() throws {
        let (result, direct, _, yaml, folder) = try Self.loadNetworkFacts()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let acl = try #require(result.topology.vpc(Self.appVPC)?.networkACLs.first)
        #expect(acl.subnetIDs == ["subnet-0aa1111111111111a"])
        #expect(acl.ingress.map { "\($0.ruleText) \($0.action) \($0.ipProtocol) \($0.cidr)" } == [
            "90 deny all 198.51.100.0/24", "100 allow tcp 0.0.0.0/0", "110 allow icmp 10.0.0.0/8", "120 allow udp ::/0", "* deny all 0.0.0.0/0"])
        #expect(yaml.contains("""
                    network_acls:
                      - id: acl-0a1b2c3d4e5f60789
                        name: public-web
                        subnets: [subnet-0aa1111111111111a]
                        ingress:
                          - {rule: 90, action: deny, protocol: all, cidr: 198.51.100.0/24}
                          - {rule: 100, action: allow, protocol: tcp, ports: 443, cidr: 0.0.0.0/0}
                          - {rule: 110, action: allow, protocol: icmp, icmp_type: 8, cidr: 10.0.0.0/8}
                          - {rule: 120, action: allow, protocol: udp, ports: 1024-65535, cidr: "::/0"}
                          - {rule: 32767, action: deny, protocol: all, cidr: 0.0.0.0/0}
                        egress:
                          - {rule: 100, action: allow, protocol: all, cidr: 0.0.0.0/0}
                          - {rule: 32767, action: deny, protocol: all, cidr: 0.0.0.0/0}

            """))
        #expect(direct.contains("**Network ACL** <a id=\"acl-0a1b2c3d4e5f60789\"></a>`acl-0a1b2c3d4e5f60789` (public-web): [`subnet-0aa1111111111111a`](#subnet-0aa1111111111111a) (app-public-a)."))
        #expect(direct.contains("""
            | inbound | 90 | deny | all | all | `198.51.100.0/24` |
            | inbound | 100 | allow | tcp | 443 | `0.0.0.0/0` |
            | inbound | 110 | allow | icmp | type 8 code all | `10.0.0.0/8` |
            | inbound | 120 | allow | udp | 1024-65535 | `::/0` |
            | inbound | \\* | deny | all | all | `0.0.0.0/0` |
            | outbound | 100 | allow | all | all | `0.0.0.0/0` |
            | outbound | \\* | deny | all | all | `0.0.0.0/0` |
            """))
    }

    @Test func dhcpOptionsAreKeptPerVPCAndCustomDNSServersAreNamed() throws {
        let (result, direct, _, yaml, folder) = try Self.loadNetworkFacts()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(result.topology.vpc(Self.appVPC)?.dhcpOptions?.domainNameServers == ["10.1.0.2", "172.16.0.53"])
        #expect(yaml.components(separatedBy: "        dhcp_options: {id: dopt-0a1b2c3d, name: corp-dns, domain_name: corp.example.com, domain_name_servers: [10.1.0.2, 172.16.0.53]}\n").count == 3)
        #expect(direct.contains("- **DHCP options:** `dopt-0a1b2c3d` (corp-dns); **domain name:** `corp.example.com`; **DNS servers:** `10.1.0.2`, `172.16.0.53`"))
        #expect(direct.contains("- **Warning:** instances ask DNS servers other than the Route 53 Resolver"))
    }

    @Test func ipv6BlocksAndTheEgressOnlyInternetGatewayAreKept() throws {
        let (result, direct, _, yaml, folder) = try Self.loadNetworkFacts()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let vpc = try #require(result.topology.vpc(Self.appVPC))
        #expect(vpc.cidrs == [CIDR("10.0.0.0/16")!, CIDR("100.64.0.0/16")!] && vpc.ipv6CIDRs == [CIDR("2001:db8:1234:1a00::/56")!])
        #expect(vpc.subnet("subnet-0aa1111111111111a")?.ipv6CIDRs == [CIDR("2001:db8:1234:1a00::/64")!])
        #expect(vpc.egressOnlyInternetGateway?.id == "eigw-0a1b2c3d4e5f60789")
        #expect(yaml.contains("        ipv6_cidrs: [\"2001:db8:1234:1a00::/56\"]\n"))
        #expect(yaml.contains("            ipv6_cidrs: [\"2001:db8:1234:1a00::/64\"]\n"))
        #expect(yaml.contains("        egress_only_internet_gateway: eigw-0a1b2c3d4e5f60789\n"))
        // The IPv6 local route is derived, the default route to the egress-only gateway kept.
        #expect(yaml.contains("            routes: {10.50.0.0/16: pcx-0e1e2e3e4e5e6e7e8, \"::/0\": eigw-0a1b2c3d4e5f60789}\n"))
        #expect(direct.contains("- **IPv6 CIDR blocks:** `2001:db8:1234:1a00::/56`"))
        #expect(direct.contains("- **Egress-only internet gateway** (outbound IPv6 only): <a id=\"eigw-0a1b2c3d4e5f60789\"></a>`eigw-0a1b2c3d4e5f60789`"))
        #expect(direct.contains("| `10.0.0.0/24`, `2001:db8:1234:1a00::/64` |"))
        #expect(direct.contains("| `::/0` | egress-only internet gateway [`eigw-0a1b2c3d4e5f60789`](#eigw-0a1b2c3d4e5f60789) |"))
    }

    @Test func transitGatewayRouteTablesKeepAssociationsPropagationsAndRoutes() throws {
        let (result, direct, _, yaml, folder) = try Self.loadNetworkFacts()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let table = try #require(result.topology.region("eu-west-1")?.transitGateways.first?.routeTables.first)
        #expect(table.associations == ["tgw-attach-0aaaaaaaaaaaaaaa1", "tgw-attach-0bbbbbbbbbbbbbbb2", "tgw-attach-0ddddddddddddddd4"])
        #expect(table.propagations == ["tgw-attach-0aaaaaaaaaaaaaaa1"])
        #expect(yaml.contains("""
                    route_tables:
                      - id: \(Self.tgwTable)
                        name: spokes
                        default_association: true
                        default_propagation: true
                        associations: [tgw-attach-0aaaaaaaaaaaaaaa1, tgw-attach-0bbbbbbbbbbbbbbb2, tgw-attach-0ddddddddddddddd4]
                        propagations: [tgw-attach-0aaaaaaaaaaaaaaa1]
                        routes:
                          - {destination: 10.0.0.0/16, attachments: [tgw-attach-0aaaaaaaaaaaaaaa1], type: propagated}
                          - {destination: 192.168.0.0/16, state: blackhole}
                          - {destination: \(Self.offices), attachments: [tgw-attach-0bbbbbbbbbbbbbbb2]}

            """))
        #expect(direct.contains("**Route table** `\(Self.tgwTable)` (spokes), default association, default propagation: associated [`tgw-attach-0aaaaaaaaaaaaaaa1`](#tgw-attach-0aaaaaaaaaaaaaaa1), [`tgw-attach-0bbbbbbbbbbbbbbb2`](#tgw-attach-0bbbbbbbbbbbbbbb2), [`tgw-attach-0ddddddddddddddd4`](#tgw-attach-0ddddddddddddddd4); propagating [`tgw-attach-0aaaaaaaaaaaaaaa1`](#tgw-attach-0aaaaaaaaaaaaaaa1)."))
        #expect(direct.contains("| `192.168.0.0/16` | none | static | blackhole (dropped) |"))
        #expect(direct.contains("| `10.0.0.0/16` | [`tgw-attach-0aaaaaaaaaaaaaaa1`](#tgw-attach-0aaaaaaaaaaaaaaa1) | propagated | active |"))
    }

    @Test func aDirectConnectAttachmentIsAnOnPremisesLink() throws {
        let (result, direct, _, yaml, folder) = try Self.loadNetworkFacts()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(result.topology.region("eu-west-1")?.transitGateways.first?.attachments.map(\.resource)
            .contains(.directConnectGateway(id: "5f9c4a12-0d6e-4b8a-9c1e-1f2a3b4c5d6e")) == true)
        #expect(yaml.contains("- {id: tgw-attach-0ddddddddddddddd4, direct_connect_gateway: 5f9c4a12-0d6e-4b8a-9c1e-1f2a3b4c5d6e}"))
        #expect(direct.contains("| <a id=\"tgw-attach-0ddddddddddddddd4\"></a>`tgw-attach-0ddddddddddddddd4` | Direct Connect gateway `5f9c4a12-0d6e-4b8a-9c1e-1f2a3b4c5d6e` (on premises) | |  |"))
    }

    /// describe-direct-connect-gateway-associations onto the virtual private gateway and the transit gateway they name,
    /// with the gateway's name and ASN from describe-direct-connect-gateways.
    @Test func directConnectAssociationsAreKeptOnTheirGateways() throws {
        let (result, direct, _, yaml, folder) = try Self.loadNetworkFacts()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let dx = "5f9c4a12-0d6e-4b8a-9c1e-1f2a3b4c5d6e"
        let vgw = try #require(result.topology.allVPCs.lazy.compactMap(\.vpc.vpnGateway).first { $0.id == "vgw-0123456789abcdef0" })
        #expect(vgw.directConnectGateways == [DirectConnectGatewayLink(directConnectGatewayID: dx, name: "dx-dublin", asn: 64512, allowedPrefixes: [CIDR("10.1.0.0/16")!])])
        #expect(vgw.directConnectGateways.first?.origin.location?.description == "global/describe-direct-connect-gateway-associations.\(dx).json: $.directConnectGatewayAssociations[0]")
        let tgw = try #require(result.topology.region("eu-west-1")?.transitGateways.first { $0.id == Self.tgw })
        #expect(tgw.directConnectGateways.map(\.allowedPrefixes) == [[CIDR("10.0.0.0/16")!, CIDR("10.1.0.0/16")!]])
        #expect(yaml.contains("          direct_connect_gateways:\n            - {id: \(dx), name: dx-dublin, asn: 64512, allowed_prefixes: [10.1.0.0/16]}\n"))
        #expect(yaml.contains("        direct_connect_gateways:\n          - {id: \(dx), name: dx-dublin, asn: 64512, allowed_prefixes: [10.0.0.0/16, 10.1.0.0/16]}\n"))
        #expect(direct.contains("**Direct Connect gateways** (on-premises links): `\(dx)` (dx-dublin), Amazon-side ASN 64512, advertising `10.1.0.0/16` to on premises"), "\(direct)")
        #expect(direct.contains("- **Direct Connect gateways** (on-premises links): `\(dx)` (dx-dublin), Amazon-side ASN 64512, advertising `10.0.0.0/16`, `10.1.0.0/16` to on premises\n"))
    }

    @Test func customerManagedPrefixListsKeepTheirEntries() throws {
        let (result, direct, _, yaml, folder) = try Self.loadNetworkFacts()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // AWS's own list (OwnerId AWS) is not a customer-managed one.
        #expect(result.topology.region("eu-west-1")?.prefixLists.map(\.id) == [Self.offices])
        #expect(yaml.contains("""
                prefix_lists:
                  - id: \(Self.offices)
                    name: offices
                    address_family: IPv4
                    max_entries: 10
                    owner: 123456789012
                    entries:
                      - {cidr: 192.0.2.0/24, description: Lisbon}
                      - {cidr: 198.51.100.0/24, description: Berlin}

            """))
        #expect(direct.contains("| `\(Self.offices)` offices | `eu-west-1` | IPv4 (at most 10) | `123456789012` | `192.0.2.0/24` Lisbon; `198.51.100.0/24` Berlin |"))
    }

    @Test func aPeeringToAnotherAccountsVPCKeepsItAsAnExternalNodeAndTheRoute() throws {
        let (result, direct, _, yaml, folder) = try Self.loadNetworkFacts()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(result.topology.region("eu-west-1")?.externalVPCs == [ExternalVPC(id: "vpc-0e0e0e0e0e0e0e0e0", ownerID: "444455556666", region: "us-east-2",
                                                                                 cidrs: [CIDR("10.50.0.0/16")!])])
        #expect(yaml.contains("    external_vpcs:\n      - {id: vpc-0e0e0e0e0e0e0e0e0, owner: 444455556666, region: us-east-2, cidrs: [10.50.0.0/16]}\n"))
        #expect(yaml.contains("10.50.0.0/16: pcx-0e1e2e3e4e5e6e7e8"))
        #expect(direct.contains("| `vpc-0e0e0e0e0e0e0e0e0` (`us-east-2`), outside this document (account `444455556666`) | `10.50.0.0/16` |"))
    }

    @Test func latticeEndpointsAreKeptWithTheirType() throws {
        let (result, direct, _, yaml, folder) = try Self.loadNetworkFacts()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let lattice = try #require(result.topology.vpc(Self.appVPC)?.latticeEndpoints)
        #expect(lattice.map { "\($0.id) \($0.kind) \($0.pendingState?.rawValue ?? "available")" } == [
            "vpce-0d1d2d3d4d5d6d7d8 resource available", "vpce-0e1e2e3e4e5e6e7e8 serviceNetwork pending-acceptance"])
        #expect(yaml.contains("""
                      - id: vpce-0d1d2d3d4d5d6d7d8
                        name: orders-db
                        type: resource
                        resource_configuration: "arn:aws:vpc-lattice:eu-west-1:123456789012:resourceconfiguration/rcfg-0a1b2c3d4e5f60789"
                        subnets: [subnet-0aa2222222222222a]
                        security_groups: [sg-0e0e0e0e0e0e0e0e0]
                        ip_address_type: ipv4

            """))
        #expect(direct.contains("#### <a id=\"vpce-0d1d2d3d4d5d6d7d8\"></a>Resource endpoint `vpce-0d1d2d3d4d5d6d7d8` (orders-db)"))
        #expect(direct.contains("#### <a id=\"vpce-0e1e2e3e4e5e6e7e8\"></a>Service-network endpoint `vpce-0e1e2e3e4e5e6e7e8`"))
        #expect(direct.contains("- **VPC Lattice:** service network `arn:aws:vpc-lattice:eu-west-1:123456789012:servicenetwork/sn-0a1b2c3d4e5f60789`"))
    }

    /// An S3 interface endpoint with `PrivateDnsOnlyForInboundResolverEndpoint`: clients in the VPC resolve S3
    /// to public addresses (served by the gateway endpoint); only queries through the inbound endpoint get its IPs.
    @Test func privateDNSOnlyForTheInboundResolverEndpointIsRespected() throws {
        let (result, direct, _, yaml, folder) = try Self.loadNetworkFacts()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let endpoint = try #require(result.topology.vpc(Self.appVPC)?.interfaceEndpoints.first { $0.id == "vpce-0c1c2c3c4c5c6c7c8" })
        #expect(endpoint.privateDNSOnlyForInboundResolverEndpoint == true && endpoint.ipAddressType == "dualstack" && endpoint.dnsRecordIPType == "dualstack")
        #expect(endpoint.additionalPrivateDNSNames == ["*.s3.eu-west-1.amazonaws.com"])
        #expect(yaml.contains("additional_private_dns_names: [\"*.s3.eu-west-1.amazonaws.com\"]"))
        #expect(yaml.contains("private_dns_only_for_inbound_resolver_endpoint: true"))
        let (_, inVPC) = result.topology.resolve("s3.eu-west-1.amazonaws.com", inVPC: Self.appVPC)
        #expect(inVPC == .publicAddresses)
        let (_, throughInbound) = NameResolver(result.topology).resolve("s3.eu-west-1.amazonaws.com", inVPC: Self.appVPC, throughInboundEndpoint: true)
        #expect(throughInbound == .endpointIPs(endpointID: "vpce-0c1c2c3c4c5c6c7c8", ips: []))
        #expect(direct.contains("- **Private DNS only for the Resolver inbound endpoint:** queries that reach the Route 53 Resolver through an inbound endpoint (from on premises) get the interface endpoint's IPs; clients in this VPC resolve the service to its public addresses, which the VPC's gateway endpoint serves."))
        #expect(direct.contains("- **IP address type:** dualstack; **DNS records:** dualstack"))
        #expect(direct.contains("- **More private DNS names:** `*.s3.eu-west-1.amazonaws.com`"))
    }

    /// On-premises forwarding is not in AWS data: the document says "if the on-premises resolver forwards …".
    @Test func onPremisesResolutionIsConditionalOnForwarding() throws {
        let result = Fixture.load(Fixture.documented)
        let (direct, viaYAML, _) = try Self.markdown(result.topology)
        #expect(direct == viaYAML)
        #expect(direct.contains("if the on-premises resolver forwards `execute-api.eu-west-1.amazonaws.com` to the Resolver inbound endpoint [`rslvr-in-0123456789abcdef0`](#rslvr-in-0123456789abcdef0)"))
        #expect(!direct.contains("**From on-premises network** [`cgw-0123456789abcdef0`](#cgw-0123456789abcdef0) (datacenter):\n  1. no private hosted zone or rule there covers the name: public DNS answers"))
    }

    @Test func natSecondaryIPsVPNTunnelsAndTheCustomerGatewayAreKept() throws {
        let (result, direct, _, yaml, folder) = try Self.loadNetworkFacts()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(result.topology.vpc(Self.appVPC)?.natGateways.first?.secondaryPrivateIPs == [IPAddress("10.0.0.13")!])
        #expect(yaml.contains("secondary_private_ips: [10.0.0.13]"))
        #expect(yaml.contains("        customer_gateway_ip: 198.51.100.7\n        customer_gateway_asn: 65000\n        tunnels:\n          - {outside_ip: 203.0.113.1, status: UP}\n"))
        #expect(direct.contains("| `10.0.0.12`, `10.0.0.13` |"))
        #expect(direct.contains("- `vpn-0123456789abcdef0`: customer gateway at `198.51.100.7`, BGP ASN 65000"))
        #expect(direct.contains("- `vpn-0123456789abcdef0` tunnel to AWS outside IP `203.0.113.1`: UP"))
    }

    /// The ingress (edge) association of a route table with an internet gateway is kept: the table is used.
    @Test func anEdgeAssociationIsKept() throws {
        let folder = try Fixture.copy(edit: Self.withGatewayLoadBalancerEndpoint)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = Fixture.load(folder)
        #expect(result.topology.vpc(Self.appVPC)?.routeTables.first { $0.id == "rtb-0e0e0e0e0e0e0e0e0" }?.gatewayIDs == ["igw-0c1d2e3f4a5b6c7d8"])
        let (direct, viaYAML, yaml) = try Self.markdown(result.topology)
        #expect(direct == viaYAML)
        #expect(yaml.contains("            gateways: [igw-0c1d2e3f4a5b6c7d8]\n"))
        #expect(direct.contains("Ingress (edge) route table of [`igw-0c1d2e3f4a5b6c7d8`](#igw-0c1d2e3f4a5b6c7d8): it routes the traffic entering the VPC through them."))
        #expect(!direct.contains("#### <a id=\"rtb-0e0e0e0e0e0e0e0e0\"></a>Route table `rtb-0e0e0e0e0e0e0e0e0` (ingress)\n\nUsed by no subnet."))
    }
}

/// A dual-stack interface endpoint: its network interfaces' `Ipv6Addresses` are kept, and its names answer AAAA too.
extension RealAccountTests {
    @Test func aDualStackEndpointsENIsGiveAAAAAnswers() throws {
        let folder = try Fixture.copy { dir in
            let endpoints = dir + "/eu-west-1/describe-vpc-endpoints.json", enis = dir + "/eu-west-1/describe-network-interfaces.json"
            var text = try Fixture.read(endpoints)
            text = text.replacingOccurrences(of: "\"IpAddressType\": \"ipv4\",\n            \"DnsOptions\": {\n                \"DnsRecordIpType\": \"ipv4\"",
                                             with: "\"IpAddressType\": \"dualstack\",\n            \"DnsOptions\": {\n                \"DnsRecordIpType\": \"dualstack\"")
            try Fixture.write(text, to: endpoints)
            var eni = try Fixture.read(enis)
            for (i, address) in ["2001:db8:0:1::10", "2001:db8:0:2::10"].enumerated() {
                let range = try #require(eni.range(of: "\"Ipv6Addresses\": [],"))
                eni.replaceSubrange(range, with: "\"Ipv6Addresses\": [{\"Ipv6Address\": \"\(address)\", \"IsPrimaryIpv6\": \(i == 0)}],")
            }
            try Fixture.write(eni, to: enis)
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = Fixture.load(folder)
        let endpoint = try #require(result.topology.vpc(Self.appVPC)?.interfaceEndpoints.first { $0.id == "vpce-0e1f2a3b4c5d6e7f8" })
        #expect(endpoint.interfaces.map { $0.ipv6?.description } == ["2001:db8:0:1::10", "2001:db8:0:2::10"])
        let (direct, viaYAML, yaml) = try Self.markdown(result.topology)
        #expect(direct == viaYAML)
        #expect(yaml.contains("- {subnet: subnet-0aa2222222222222a, ip: 10.0.1.10, eni: eni-0a1111111111111aa, ipv6: \"2001:db8:0:1::10\"}"), "\(yaml)")
        #expect(direct.contains("  - **Answer:** `10.0.1.10`, `10.0.2.10` (A), `2001:db8:0:1::10`, `2001:db8:0:2::10` (AAAA), the network interfaces of this endpoint ✓\n"), "\(direct)")
    }
}
