import VPCModel

/// Topologies built in Swift for the Markdown tests: the shapes of the project's samples, plus one
/// full of characters that Markdown and HTML treat specially.
enum SampleTopologies {
    static func cidr(_ text: String) -> CIDR { CIDR(text)! }
    static func ip(_ text: String) -> IPAddress { IPAddress(text)! }

    /// An application VPC: public and private subnets in two AZs, a NAT gateway, interface
    /// endpoints with private DNS, and an S3 gateway endpoint routed from the private route tables.
    static var appVPC: Topology {
        let vpc = VPC(
            id: "vpc-0a1b2c3d4e5f60718", name: "app", cidrs: [cidr("10.1.0.0/16")], dnsSupport: true, dnsHostnames: true,
            subnets: [
                Subnet(id: "subnet-0a00000000000001a", name: "public-a", availabilityZone: "eu-west-1a", cidr: cidr("10.1.0.0/24"), routeTableID: "rtb-0000000000000public"),
                Subnet(id: "subnet-0a00000000000001b", name: "public-b", availabilityZone: "eu-west-1b", cidr: cidr("10.1.1.0/24"), routeTableID: "rtb-0000000000000public"),
                Subnet(id: "subnet-0a00000000000002a", name: "private-a", availabilityZone: "eu-west-1a", cidr: cidr("10.1.10.0/24"), routeTableID: "rtb-00000000000private-a"),
                Subnet(id: "subnet-0a00000000000002b", name: "private-b", availabilityZone: "eu-west-1b", cidr: cidr("10.1.11.0/24"), routeTableID: "rtb-00000000000private-b"),
                Subnet(id: "subnet-0a00000000000003a", name: "data-a", availabilityZone: "eu-west-1a", cidr: cidr("10.1.20.0/24")),
            ],
            routeTables: [
                RouteTable(id: "rtb-000000000000000main", name: "main", isMain: true),
                RouteTable(id: "rtb-0000000000000public", name: "public", routes: [
                    Route(destination: .cidr(cidr("0.0.0.0/0")), target: RouteTarget("igw-0123456789abcdef0")!),
                ]),
                RouteTable(id: "rtb-00000000000private-a", name: "private-a", routes: [
                    Route(destination: .cidr(cidr("0.0.0.0/0")), target: RouteTarget("nat-0123456789abcdef0")!),
                ]),
                RouteTable(id: "rtb-00000000000private-b", name: "private-b", routes: [
                    Route(destination: .cidr(cidr("0.0.0.0/0")), target: RouteTarget("nat-0123456789abcdef0")!),
                    Route(destination: .cidr(cidr("192.168.0.0/16")), target: RouteTarget("pcx-0deadbeef00000000")!, state: .blackhole),
                ]),
            ],
            internetGateway: InternetGateway(id: "igw-0123456789abcdef0", name: "app-igw"),
            natGateways: [NATGateway(id: "nat-0123456789abcdef0", subnetID: "subnet-0a00000000000001a", privateIP: ip("10.1.0.20"), publicIP: ip("203.0.113.10"))],
            securityGroups: [
                SecurityGroup(id: "sg-0e0000000000000e1", name: "endpoints", description: "HTTPS from the VPC", ingress: [
                    SecurityGroupRule(ipProtocol: .tcp, range: .ports(PortRange(443)!), sources: [.cidr(cidr("10.1.0.0/16"))], description: "clients in the VPC"),
                ]),
            ],
            interfaceEndpoints: [
                InterfaceEndpoint(
                    id: "vpce-0a1a1a1a1a1a1a1a1", name: "ssm", service: ServiceName("ssm", region: "eu-west-1"), privateDNS: true,
                    securityGroupIDs: ["sg-0e0000000000000e1"],
                    interfaces: [
                        EndpointInterface(subnetID: "subnet-0a00000000000002a", ip: ip("10.1.10.11"), networkInterfaceID: "eni-0a000000000000011"),
                        EndpointInterface(subnetID: "subnet-0a00000000000002b", ip: ip("10.1.11.11"), networkInterfaceID: "eni-0b000000000000011"),
                    ],
                    dnsSuffix: "ab12cd34"),
                InterfaceEndpoint(
                    id: "vpce-0b2b2b2b2b2b2b2b2", name: "ecr-api", service: ServiceName("ecr.api", region: "eu-west-1"), privateDNS: true,
                    securityGroupIDs: ["sg-0e0000000000000e1"],
                    interfaces: [
                        EndpointInterface(subnetID: "subnet-0a00000000000002a", ip: ip("10.1.10.12"), networkInterfaceID: "eni-0a000000000000012"),
                        EndpointInterface(subnetID: "subnet-0a00000000000002b", ip: ip("10.1.11.12"), networkInterfaceID: "eni-0b000000000000012"),
                    ],
                    dnsSuffix: "ef56gh78",
                    policy: """
                    {
                      "Version": "2012-10-17",
                      "Statement": [
                        {"Effect": "Allow", "Principal": "*", "Action": ["ecr:GetAuthorizationToken", "ecr:BatchGetImage"], "Resource": "*"},
                        {"Effect": "Deny", "Principal": "*", "Action": "ecr:*", "Resource": "*", "Condition": {"StringNotEquals": {"aws:PrincipalAccount": "111122223333"}}}
                      ]
                    }
                    """),
            ],
            gatewayEndpoints: [
                GatewayEndpoint(id: "vpce-0c3c3c3c3c3c3c3c3", name: "s3", service: ServiceName("s3", region: "eu-west-1"),
                                routeTableIDs: ["rtb-00000000000private-a", "rtb-00000000000private-b"]),
            ])
        return Topology(title: "App VPC endpoints", description: "The application VPC of the example account.\n\nPrivate subnets reach AWS services through endpoints.",
                        regions: [Region(name: "eu-west-1", vpcs: [vpc])])
    }

    /// The shared-services pattern: an API Gateway interface endpoint with private DNS off in a hub
    /// VPC, a private hosted zone aliasing it for two peered consumer VPCs, and on-premises clients
    /// forwarding to a Resolver inbound endpoint over a VPN.
    static var sharedServices: Topology {
        let zoneName = "apigateway.eu-west-1.amazonaws.com"
        let hub = VPC(
            id: "vpc-0aaaaaaaaaaaaaaa1", name: "shared-services", cidrs: [cidr("10.0.0.0/16")], dnsSupport: true, dnsHostnames: true,
            subnets: [
                Subnet(id: "subnet-0aa000000000000a1", name: "endpoints-a", availabilityZone: "eu-west-1a", cidr: cidr("10.0.1.0/24"), routeTableID: "rtb-0aa00000000000001"),
                Subnet(id: "subnet-0bb000000000000b1", name: "endpoints-b", availabilityZone: "eu-west-1b", cidr: cidr("10.0.2.0/24"), routeTableID: "rtb-0aa00000000000001"),
            ],
            routeTables: [
                RouteTable(id: "rtb-0aa00000000000001", name: "endpoints", isMain: true, routes: [
                    Route(destination: .cidr(cidr("10.10.0.0/16")), target: RouteTarget("pcx-0111111111111111a")!),
                    Route(destination: .cidr(cidr("10.20.0.0/16")), target: RouteTarget("pcx-0222222222222222b")!),
                    Route(destination: .cidr(cidr("172.16.0.0/12")), target: RouteTarget("vgw-0333333333333333c")!),
                ]),
            ],
            vpnGateway: VPNGateway(id: "vgw-0333333333333333c", name: "to-datacenter"),
            securityGroups: [
                SecurityGroup(id: "sg-0dd000000000000d1", name: "api-endpoint", ingress: [
                    SecurityGroupRule(ipProtocol: .tcp, range: .ports(PortRange(443)!), sources: [.cidr(cidr("10.0.0.0/8")), .cidr(cidr("172.16.0.0/12"))]),
                ]),
                SecurityGroup(id: "sg-0dd000000000000d2", name: "dns-inbound", ingress: [
                    SecurityGroupRule(ipProtocol: .udp, range: .ports(PortRange(53)!), sources: [.cidr(cidr("172.16.0.0/12"))]),
                    SecurityGroupRule(ipProtocol: .tcp, range: .ports(PortRange(53)!), sources: [.cidr(cidr("172.16.0.0/12"))]),
                ]),
            ],
            interfaceEndpoints: [
                InterfaceEndpoint(
                    id: "vpce-0e1f000000000000e", name: "execute-api", service: ServiceName("execute-api", region: "eu-west-1"), privateDNS: false,
                    securityGroupIDs: ["sg-0dd000000000000d1"],
                    interfaces: [
                        EndpointInterface(subnetID: "subnet-0aa000000000000a1", ip: ip("10.0.1.10"), networkInterfaceID: "eni-0aa00000000000010"),
                        EndpointInterface(subnetID: "subnet-0bb000000000000b1", ip: ip("10.0.2.10"), networkInterfaceID: "eni-0bb00000000000010"),
                    ],
                    dnsSuffix: "l1xf6pcv"),
            ],
            resolverEndpoints: [
                ResolverEndpoint(id: "rslvr-in-0789000000000000", name: "from-datacenter", direction: .inbound, securityGroupIDs: ["sg-0dd000000000000d2"], ipAddresses: [
                    EndpointInterface(subnetID: "subnet-0aa000000000000a1", ip: ip("10.0.1.53")),
                    EndpointInterface(subnetID: "subnet-0bb000000000000b1", ip: ip("10.0.2.53")),
                ]),
            ])
        func consumer(_ n: Int, _ peering: String) -> VPC {
            VPC(id: "vpc-0c0000000000000c\(n)", name: "consumer-\(n)", cidrs: [cidr("10.\(n)0.0.0/16")], dnsSupport: true, dnsHostnames: true,
                subnets: [Subnet(id: "subnet-0c\(n)000000000000a1", name: "app-\(n)", availabilityZone: "eu-west-1a", cidr: cidr("10.\(n)0.1.0/24"))],
                routeTables: [RouteTable(id: "rtb-0c\(n)00000000000001", isMain: true, routes: [
                    Route(destination: .cidr(cidr("10.0.0.0/16")), target: RouteTarget(peering)!),
                ])])
        }
        let region = Region(
            name: "eu-west-1",
            vpcs: [hub, consumer(1, "pcx-0111111111111111a"), consumer(2, "pcx-0222222222222222b")],
            peerings: [
                PeeringConnection(id: "pcx-0111111111111111a", requesterVPCID: "vpc-0c0000000000000c1", accepterVPCID: "vpc-0aaaaaaaaaaaaaaa1"),
                PeeringConnection(id: "pcx-0222222222222222b", requesterVPCID: "vpc-0c0000000000000c2", accepterVPCID: "vpc-0aaaaaaaaaaaaaaa1"),
            ],
            vpnConnections: [VPNConnection(id: "vpn-0456000000000000a", name: "datacenter", gateway: .vpnGateway("vgw-0333333333333333c"),
                                           customerGatewayID: "cgw-0456000000000000b", onPremisesID: "datacenter")],
            privateHostedZones: [
                PrivateHostedZone(zoneID: "Z0123456789ABCDEFGHIJ", name: zoneName,
                                  vpcIDs: ["vpc-0aaaaaaaaaaaaaaa1", "vpc-0c0000000000000c1", "vpc-0c0000000000000c2"],
                                  records: [DNSRecord(name: zoneName, value: .endpointAlias("vpce-0e1f000000000000e"))]),
            ])
        return Topology(
            title: "Shared services endpoints",
            regions: [region],
            onPremises: [OnPremisesNetwork(id: "datacenter", name: "Frankfurt DC", cidrs: [cidr("172.16.0.0/12")], dnsServers: [ip("172.16.0.2")],
                                           forwardingRules: [ForwardingRule(domain: zoneName, targets: [.resolverEndpoint("rslvr-in-0789000000000000")])])])
    }

    /// Names and descriptions full of Markdown and HTML syntax.
    static var hostileNames: Topology {
        let vpc = VPC(
            id: "vpc-0ffffffffffffff01", name: "a|b `tick` <script>alert(1)</script>\nsecond line", cidrs: [cidr("10.9.0.0/16")],
            subnets: [
                Subnet(id: "subnet-0ff00000000000001", name: "pipe | in *name* [link](http://x) & <b>bold</b>", availabilityZone: "eu-west-1a",
                       cidr: cidr("10.9.1.0/24")),
                Subnet(id: "subnet-0ff00000000000002", name: "back\\slash ``double`` _under_ #hash ~tilde~", availabilityZone: "eu-west-1b",
                       cidr: cidr("10.9.2.0/24")),
            ],
            routeTables: [RouteTable(id: "rtb-0ff00000000000001", name: "main | table", isMain: true)],
            securityGroups: [SecurityGroup(id: "sg-0ff00000000000001", name: "<img src=x onerror=alert(1)>", ingress: [
                SecurityGroupRule(ipProtocol: .tcp, range: .ports(PortRange(443)!), sources: [.cidr(cidr("10.9.0.0/16"))], description: "line one\nline | two"),
            ])],
            interfaceEndpoints: [
                InterfaceEndpoint(id: "vpce-0ff00000000000001", name: "`sts`|", service: ServiceName("sts", region: "eu-west-1"), privateDNS: true,
                                  securityGroupIDs: ["sg-0ff00000000000001"],
                                  interfaces: [EndpointInterface(subnetID: "subnet-0ff00000000000001", ip: ip("10.9.1.5"))],
                                  policy: #"{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sts:*", "Resource": "arn:aws:iam::1:role/a|b<c>"}]}"#
                                  + "\n\n</pre><script>alert(2)</script>"),
            ])
        return Topology(title: "Hostile <names> | `and` *stars*", description: "Description with <script>x</script> and | pipes\nand a second line.",
                        regions: [Region(name: "eu-west-1", vpcs: [vpc])])
    }
}
