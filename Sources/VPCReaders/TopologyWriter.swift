import VPCModel

/// Writes a `Topology` in the project's own format (the one `TopologyParser` reads and the README
/// documents), so that parsing the text gives back an equal topology. Output depends only on the
/// model: the same topology always gives the same bytes.
public enum TopologyWriter {
    public static func write(_ topology: Topology) -> String {
        var root: [(key: String, value: YAMLValue)] = []
        if let title = topology.title { root.append(("title", .string(title))) }
        if let description = topology.description { root.append(("description", .string(description))) }
        root.append(("regions", .map(topology.regions.map { ($0.name, region($0)) })))
        if !topology.onPremises.isEmpty { root.append(("on_premises", .list(topology.onPremises.map(onPremises)))) }
        return YAMLEmitter.document(root)
    }

    // MARK: - Helpers

    /// Entries with nil values left out.
    static func object(_ entries: [(String, YAMLValue?)]) -> YAMLValue {
        .map(entries.compactMap { key, value in value.map { (key, $0) } })
    }

    static func string(_ s: String?) -> YAMLValue? { s.map(YAMLValue.string) }
    static func strings(_ list: [String]) -> YAMLValue { .list(list.map(YAMLValue.string)) }
    /// A list, left out when empty.
    static func nonEmpty(_ list: [String]) -> YAMLValue? { list.isEmpty ? nil : strings(list) }
    /// One value as a scalar, several as a list.
    static func oneOrMany(_ list: [String]) -> YAMLValue { list.count == 1 ? .string(list[0]) : strings(list) }

    /// `s3` for `com.amazonaws.<region>.s3`, the full name otherwise.
    static func service(_ service: ServiceName, region: String) -> String {
        ServiceName(service.shortName, region: region) == service ? service.shortName : service.fullName
    }

    // MARK: - Regions and VPCs

    static func region(_ r: Region) -> YAMLValue {
        object([
            ("vpcs", r.vpcs.isEmpty ? nil : .list(r.vpcs.map { vpc($0, region: r.name) })),
            ("peerings", r.peerings.isEmpty ? nil : .list(r.peerings.map(peering))),
            ("transit_gateways", r.transitGateways.isEmpty ? nil : .list(r.transitGateways.map(transitGateway))),
            ("vpn_connections", r.vpnConnections.isEmpty ? nil : .list(r.vpnConnections.map(vpnConnection))),
            ("private_hosted_zones", r.privateHostedZones.isEmpty ? nil : .list(r.privateHostedZones.map(hostedZone))),
            ("resolver_rules", r.resolverRules.isEmpty ? nil : .list(r.resolverRules.map(resolverRule))),
            ("prefix_lists", r.prefixLists.isEmpty ? nil : .list(r.prefixLists.map(prefixList))),
            ("external_vpcs", r.externalVPCs.isEmpty ? nil : .list(r.externalVPCs.map(externalVPC))),
        ])
    }

    static func namedID(_ id: String, _ name: String?) -> YAMLValue {
        name.map { object([("id", .string(id)), ("name", .string($0))]) } ?? .string(id)
    }

    static func vpc(_ v: VPC, region: String) -> YAMLValue {
        let endpoints = v.interfaceEndpoints.map { interfaceEndpoint($0, region: region) } + v.gatewayEndpoints.map { gatewayEndpoint($0, region: region) }
            + v.gatewayLoadBalancerEndpoints.map { gatewayLoadBalancerEndpoint($0, region: region) } + v.latticeEndpoints.map(latticeEndpoint)
        return object([
            ("id", .string(v.id)),
            ("name", string(v.name)),
            ("owner", string(v.ownerID)),
            ("cidr", oneOrMany(v.cidrs.map(\.description))),
            ("ipv6_cidrs", nonEmpty(v.ipv6CIDRs.map(\.description))),
            ("dns", object([("support", v.dnsSupportKnown ? .bool(v.dnsSupport) : .string("unknown")),
                            ("hostnames", v.dnsHostnamesKnown ? .bool(v.dnsHostnames) : .string("unknown"))])),
            ("dhcp_options", v.dhcpOptions.map(dhcpOptions)),
            ("internet_gateway", v.internetGateway.map { namedID($0.id, $0.name) }),
            ("egress_only_internet_gateway", v.egressOnlyInternetGateway.map { namedID($0.id, $0.name) }),
            ("vpn_gateway", v.vpnGateway.map(vpnGateway)),
            ("nat_gateways", v.natGateways.isEmpty ? nil : .list(v.natGateways.map(natGateway))),
            ("subnets", v.subnets.isEmpty ? nil : .list(v.subnets.map { subnet($0, vpcOwner: v.ownerID) })),
            ("route_tables", v.routeTables.isEmpty ? nil : .list(v.routeTables.map(routeTable))),
            ("network_acls", v.networkACLs.isEmpty ? nil : .list(v.networkACLs.map(networkACL))),
            ("security_groups", v.securityGroups.isEmpty ? nil : .list(v.securityGroups.map(securityGroup))),
            ("endpoints", endpoints.isEmpty ? nil : .list(endpoints)),
            ("resolver_endpoints", v.resolverEndpoints.isEmpty ? nil : .list(v.resolverEndpoints.map(resolverEndpoint))),
            ("reaches", v.reaches.isEmpty ? nil : strings(v.reaches.map { service($0, region: region) })),
        ])
    }

    /// The owner is written only where it is not the VPC's (a subnet shared from another account).
    static func subnet(_ s: Subnet, vpcOwner: String?) -> YAMLValue {
        object([
            ("id", .string(s.id)), ("name", string(s.name)), ("az", .string(s.availabilityZone)), ("cidr", .string(s.cidr.description)),
            ("route_table", string(s.routeTableID)), ("public", s.declaredPublic.map(YAMLValue.bool)),
            ("az_id", string(s.availabilityZoneID)), ("map_public_ip", s.mapPublicIPOnLaunch ? .bool(true) : nil),
            ("owner", s.ownerID == vpcOwner ? nil : string(s.ownerID)),
            ("ipv6_cidrs", nonEmpty(s.ipv6CIDRs.map(\.description))),
        ])
    }

    static func natGateway(_ n: NATGateway) -> YAMLValue {
        object([
            ("id", .string(n.id)), ("name", string(n.name)), ("subnet", .string(n.subnetID)),
            ("connectivity", n.connectivity == .public ? nil : .string(n.connectivity.rawValue)),
            ("private_ip", string(n.privateIP?.description)), ("public_ip", string(n.publicIP?.description)),
            ("state", string(n.pendingState?.rawValue)),
            ("secondary_private_ips", nonEmpty(n.secondaryPrivateIPs.map(\.description))),
            ("secondary_public_ips", nonEmpty(n.secondaryPublicIPs.map(\.description))),
        ])
    }

    static func vpnGateway(_ g: VPNGateway) -> YAMLValue {
        if g.directConnectGateways.isEmpty { return namedID(g.id, g.name) }
        return object([("id", .string(g.id)), ("name", string(g.name)),
                       ("direct_connect_gateways", .list(g.directConnectGateways.map(directConnectLink)))])
    }

    /// `dxgw-…`, or `{id: dxgw-…, name, asn, allowed_prefixes, on_premises: dc1}`.
    static func directConnectLink(_ l: DirectConnectGatewayLink) -> YAMLValue {
        if l.onPremisesID == nil && l.name == nil && l.asn == nil && l.allowedPrefixes.isEmpty { return .string(l.directConnectGatewayID) }
        return object([("id", .string(l.directConnectGatewayID)), ("name", string(l.name)), ("asn", l.asn.map(YAMLValue.int)),
                       ("allowed_prefixes", nonEmpty(l.allowedPrefixes.map(\.description))), ("on_premises", string(l.onPremisesID))])
    }

    static func dhcpOptions(_ d: DHCPOptions) -> YAMLValue {
        object([("id", .string(d.id)), ("name", string(d.name)), ("domain_name", string(d.domainName)),
                ("domain_name_servers", nonEmpty(d.domainNameServers)), ("ntp_servers", nonEmpty(d.ntpServers))])
    }

    static func networkACL(_ a: NetworkACL) -> YAMLValue {
        object([
            ("id", .string(a.id)), ("name", string(a.name)), ("default", a.isDefault ? .bool(true) : nil),
            ("subnets", nonEmpty(a.subnetIDs)),
            ("ingress", a.ingress.isEmpty ? nil : .list(a.ingress.map(networkACLRule))),
            ("egress", a.egress.isEmpty ? nil : .list(a.egress.map(networkACLRule))),
        ])
    }

    static func networkACLRule(_ r: NetworkACLRule) -> YAMLValue {
        object([("rule", .int(r.ruleNumber)), ("action", .string(r.action.rawValue)), ("protocol", .string(r.ipProtocol.description))]
               + trafficRange(r.range) + [("cidr", .string(r.cidr.description))])
    }

    static func trafficRange(_ range: TrafficRange) -> [(String, YAMLValue?)] {
        switch range {
        case .all: []
        case .ports(let ports): [("ports", .string(ports.description))]
        case .icmp(let filter): [("icmp_type", .int(filter.type)), ("icmp_code", filter.code.map(YAMLValue.int))]
        case .asReported(let from, let to): [("aws_ports", .list([from.map(YAMLValue.int) ?? .null, to.map(YAMLValue.int) ?? .null]))]
        }
    }

    static func routeTable(_ t: RouteTable) -> YAMLValue {
        let destinations = t.routes.map(\.destination)
        let short = t.routes.allSatisfy { $0.state == .active && !$0.propagated && $0.targetState == nil } && Set(destinations).count == destinations.count
        let routes: YAMLValue? = t.routes.isEmpty ? nil : short
            ? .map(t.routes.map { ($0.destination.description, .string($0.target.id)) })
            : .list(t.routes.map { r in
                object([("destination", .string(r.destination.description)), ("target", .string(r.target.id)),
                        ("state", r.state == .active ? nil : .string(r.state.rawValue)),
                        ("propagated", r.propagated ? .bool(true) : nil), ("target_state", string(r.targetState))])
            })
        return object([("id", .string(t.id)), ("name", string(t.name)), ("main", t.isMain ? .bool(true) : nil),
                       ("gateways", nonEmpty(t.gatewayIDs)), ("routes", routes)])
    }

    static func securityGroup(_ g: SecurityGroup) -> YAMLValue {
        object([
            ("id", .string(g.id)), ("name", string(g.name)), ("description", string(g.description)),
            ("ingress", g.ingress.isEmpty ? nil : .list(g.ingress.map { securityGroupRule($0) })),
            ("egress", g.egress.isEmpty ? nil : .list(g.egress.map { securityGroupRule($0, peerKey: "to") })),
        ])
    }

    /// `ports` for tcp/udp, `icmp_type`/`icmp_code` for ICMP, left out for everything; odd AWS values as `aws_ports`.
    static func securityGroupRule(_ rule: SecurityGroupRule, peerKey: String = "from") -> YAMLValue {
        var range: [(String, YAMLValue?)] = []
        switch rule.range {
        case .all: break
        case .ports(let ports): range = [("ports", .string(ports.description))]
        case .icmp(let filter): range = [("icmp_type", .int(filter.type)), ("icmp_code", filter.code.map(YAMLValue.int))]
        case .asReported(let from, let to): range = [("aws_ports", .list([from.map(YAMLValue.int) ?? .null, to.map(YAMLValue.int) ?? .null]))]
        }
        return object([("protocol", .string(rule.ipProtocol.description))] + range
                      + [(peerKey, strings(rule.sources.map(\.description))), ("description", string(rule.description))])
    }

    /// `{subnet: ip}` when no interface names its network interface or IPv6 address and no subnet repeats; else a list.
    static func interfaces(_ list: [EndpointInterface]) -> YAMLValue {
        let subnets = list.map(\.subnetID)
        if list.allSatisfy({ $0.networkInterfaceID == nil && $0.ipv6 == nil }) && Set(subnets).count == subnets.count {
            return .map(list.map { ($0.subnetID, .string($0.ip.description)) })
        }
        return .list(list.map { i in
            object([("subnet", .string(i.subnetID)), ("ip", .string(i.ip.description)), ("eni", string(i.networkInterfaceID)),
                    ("ipv6", string(i.ipv6?.description))])
        })
    }

    static func interfaceEndpoint(_ e: InterfaceEndpoint, region: String) -> YAMLValue {
        object([
            ("id", .string(e.id)), ("name", string(e.name)), ("service", .string(service(e.service, region: region))),
            ("type", .string("interface")), ("private_dns", e.privateDNS ? nil : .bool(false)),
            ("security_groups", nonEmpty(e.securityGroupIDs)),
            ("interfaces", e.interfaces.isEmpty ? nil : interfaces(e.interfaces)),
            ("unknown_ip_subnets", nonEmpty(e.unknownIPSubnetIDs)),
            ("dns_suffix", string(e.dnsSuffix)), ("dns_names", e.declaredDNSNames.map(strings)),
            ("private_dns_name", string(e.declaredPrivateDNSName)),
            ("additional_private_dns_names", nonEmpty(e.additionalPrivateDNSNames)), ("policy", string(e.policy)),
            ("state", string(e.pendingState?.rawValue)),
            ("ip_address_type", string(e.ipAddressType)), ("dns_record_ip_type", string(e.dnsRecordIPType)),
            ("private_dns_only_for_inbound_resolver_endpoint", e.privateDNSOnlyForInboundResolverEndpoint.map(YAMLValue.bool)),
            ("requester_managed", e.requesterManaged ? .bool(true) : nil),
        ])
    }

    static func gatewayEndpoint(_ e: GatewayEndpoint, region: String) -> YAMLValue {
        object([
            ("id", .string(e.id)), ("name", string(e.name)), ("service", .string(service(e.service, region: region))),
            ("type", .string("gateway")), ("route_tables", nonEmpty(e.routeTableIDs)), ("prefix_list", string(e.declaredPrefixListID)),
            ("security_groups", nonEmpty(e.securityGroupIDs)), ("policy", string(e.policy)),
        ])
    }

    static func gatewayLoadBalancerEndpoint(_ e: GatewayLoadBalancerEndpoint, region: String) -> YAMLValue {
        object([
            ("id", .string(e.id)), ("name", string(e.name)), ("service", .string(service(e.service, region: region))),
            ("type", .string("gateway_load_balancer")), ("subnet", string(e.subnetID)), ("ip", string(e.ip?.description)),
        ])
    }

    static func latticeEndpoint(_ e: LatticeEndpoint) -> YAMLValue {
        object([
            ("id", .string(e.id)), ("name", string(e.name)), ("type", .string(e.kind.rawValue)),
            ("service_network", string(e.serviceNetworkARN)), ("resource_configuration", string(e.resourceConfigurationARN)),
            ("subnets", nonEmpty(e.subnetIDs)), ("security_groups", nonEmpty(e.securityGroupIDs)),
            ("private_dns", e.privateDNS ? .bool(true) : nil), ("dns_names", nonEmpty(e.dnsNames)),
            ("ip_address_type", string(e.ipAddressType)), ("state", string(e.pendingState?.rawValue)),
        ])
    }

    static func resolverEndpoint(_ e: ResolverEndpoint) -> YAMLValue {
        object([
            ("id", .string(e.id)), ("name", string(e.name)), ("direction", .string(e.direction.rawValue)),
            ("security_groups", nonEmpty(e.securityGroupIDs)), ("ips", e.ipAddresses.isEmpty ? nil : interfaces(e.ipAddresses)),
            ("unknown_ips", e.unknownIPAddressCount == 0 ? nil : .int(e.unknownIPAddressCount)),
        ])
    }

    // MARK: - Connectivity and DNS

    static func peering(_ p: PeeringConnection) -> YAMLValue {
        object([("id", .string(p.id)), ("name", string(p.name)), ("vpcs", strings([p.requesterVPCID, p.accepterVPCID]))])
    }

    static func transitGateway(_ t: TransitGateway) -> YAMLValue {
        object([
            ("id", .string(t.id)), ("name", string(t.name)), ("asn", t.asn.map(YAMLValue.int)),
            ("attachments", t.attachments.isEmpty ? nil : .list(t.attachments.map { a in
                switch a.resource {
                case .vpc(let vpc, let subnets): object([("id", .string(a.id)), ("vpc", .string(vpc)), ("subnets", nonEmpty(subnets))])
                case .vpn(let vpn): object([("id", .string(a.id)), ("vpn", .string(vpn))])
                case .peering(let peer): object([("id", .string(a.id)), ("peer", .string(peer))])
                case .directConnectGateway(let dx): object([("id", .string(a.id)), ("direct_connect_gateway", .string(dx))])
                }
            })),
            ("route_tables", t.routeTables.isEmpty ? nil : .list(t.routeTables.map(transitGatewayRouteTable))),
            ("direct_connect_gateways", t.directConnectGateways.isEmpty ? nil : .list(t.directConnectGateways.map(directConnectLink))),
        ])
    }

    static func transitGatewayRouteTable(_ t: TransitGatewayRouteTable) -> YAMLValue {
        object([
            ("id", .string(t.id)), ("name", string(t.name)),
            ("default_association", t.isDefaultAssociation ? .bool(true) : nil), ("default_propagation", t.isDefaultPropagation ? .bool(true) : nil),
            ("associations", nonEmpty(t.associations)), ("propagations", nonEmpty(t.propagations)),
            ("routes", t.routes.isEmpty ? nil : .list(t.routes.map { r in
                object([("destination", .string(r.destination.description)), ("attachments", nonEmpty(r.attachmentIDs)),
                        ("type", r.kind == .static ? nil : .string(r.kind.rawValue)), ("state", r.state == .active ? nil : .string(r.state.rawValue))])
            })),
        ])
    }

    static func prefixList(_ p: PrefixList) -> YAMLValue {
        object([
            ("id", .string(p.id)), ("name", string(p.name)), ("address_family", string(p.addressFamily)),
            ("max_entries", p.maxEntries.map(YAMLValue.int)), ("owner", string(p.ownerID)),
            ("entries", p.entries.isEmpty ? nil : .list(p.entries.map { e in
                object([("cidr", .string(e.cidr.description)), ("description", string(e.description))])
            })),
        ])
    }

    static func externalVPC(_ v: ExternalVPC) -> YAMLValue {
        object([
            ("id", .string(v.id)), ("name", string(v.name)), ("owner", string(v.ownerID)), ("region", string(v.region)),
            ("cidrs", nonEmpty(v.cidrs.map(\.description))), ("ipv6_cidrs", nonEmpty(v.ipv6CIDRs.map(\.description))),
        ])
    }

    static func vpnConnection(_ v: VPNConnection) -> YAMLValue {
        var gateway: (String, YAMLValue?)
        switch v.gateway {
        case .vpnGateway(let id): gateway = ("vpn_gateway", .string(id))
        case .transitGateway(let id): gateway = ("transit_gateway", .string(id))
        }
        return object([("id", .string(v.id)), ("name", string(v.name)), gateway,
                       ("customer_gateway", string(v.customerGatewayID)), ("on_premises", string(v.onPremisesID)),
                       ("customer_gateway_ip", string(v.customerGatewayIP?.description)), ("customer_gateway_asn", v.customerGatewayASN.map(YAMLValue.int)),
                       ("tunnels", v.tunnels.isEmpty ? nil : .list(v.tunnels.map { t in
                           object([("outside_ip", .string(t.outsideIP.description)), ("status", string(t.status)), ("status_message", string(t.statusMessage))])
                       }))])
    }

    static func hostedZone(_ z: PrivateHostedZone) -> YAMLValue {
        object([
            ("id", string(z.zoneID)), ("name", .string(z.name)), ("vpcs", nonEmpty(z.vpcIDs)),
            ("records", z.records.isEmpty ? nil : .list(z.records.map { r in
                let value: (String, YAMLValue) = switch r.value {
                case .endpointAlias(let id): ("alias", .string(id))
                case .values(let values): ("values", strings(values))
                }
                return object([("name", .string(r.name)), ("type", r.type == "A" ? nil : .string(r.type)), value])
            })),
        ])
    }

    static func resolverRule(_ r: ResolverRule) -> YAMLValue {
        object([
            ("id", .string(r.id)), ("name", string(r.name)), ("domain", .string(r.domain)),
            ("resolver_endpoint", string(r.resolverEndpointID)), ("targets", nonEmpty(r.targetIPs.map(\.description))),
            ("vpcs", nonEmpty(r.vpcIDs)),
        ])
    }

    static func onPremises(_ o: OnPremisesNetwork) -> YAMLValue {
        object([
            ("id", .string(o.id)), ("name", string(o.name)), ("cidrs", nonEmpty(o.cidrs.map(\.description))),
            ("dns_servers", nonEmpty(o.dnsServers.map(\.description))),
            ("forward", o.forwardingRules.isEmpty ? nil : .map(o.forwardingRules.map { rule in
                (rule.domain, strings(rule.targets.map(\.description)))
            })),
        ])
    }
}
