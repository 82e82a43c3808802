import VPCModel

// A VPC and what it holds: subnets, gateways, security groups, route tables.
extension DocumentBuilder {
    mutating func vpcNode(_ vpc: VPC, region: Region) -> Node {
        var node = anchored(vpc.id, [
            "displayName": MarkdownText(vpc.displayName),
            "region": MarkdownText(region.name),
            "cidrs": texts(vpc.cidrs),
            "dnsSupport": vpc.dnsSupport,
            "dnsHostnames": vpc.dnsHostnames,
            "dnsSupportUnknown": !vpc.dnsSupportKnown,
            "dnsHostnamesUnknown": !vpc.dnsHostnamesKnown,
            "zones": texts(vpc.availabilityZones),
            "reaches": texts(vpc.reaches),
        ])
        node["name"] = optional(vpc.name.map { name in MarkdownText(name) })
        node["diagram"] = optional(vpcDiagrams[vpc.id].map { MarkdownFragment(MarkdownEscaping.url($0)) })
        node["owner"] = optional(vpc.ownerID.map { id in MarkdownText(id) })
        let routing = VPCRouting(vpc)
        node["subnets"] = vpc.subnets.map { subnet -> Node in
            var n = subnetNode(subnet, routing: routing)
            // A subnet another account owns (VPC sharing) says whose it is.
            n["otherOwner"] = subnet.ownerID != nil && subnet.ownerID != vpc.ownerID ? MarkdownText(subnet.ownerID!) : NoValue()
            return n
        }
        node["internetGateway"] = optional(vpc.internetGateway.map { anchored($0.id, ["name": optional($0.name.map(MarkdownText.init))]) })
        node["vpnGateway"] = optional(vpc.vpnGateway.map { anchored($0.id, ["name": optional($0.name.map(MarkdownText.init)),
                                                                          "directConnectGateways": $0.directConnectGateways.map(directConnectNode)]) })
        node["natGateways"] = vpc.natGateways.map { nat -> Node in
            var n = anchored(nat.id, [
                "subnet": ref(nat.subnetID, name: vpc.subnet(nat.subnetID)?.name),
                "connectivity": flags(nat.connectivity.rawValue, among: ["public", "private"]),
            ])
            n["name"] = optional(nat.name.map { name in MarkdownText(name) })
            n["privateIP"] = optional(nat.privateIP.map { ip in MarkdownText(ip.description) })
            n["publicIP"] = optional(nat.publicIP.map { ip in MarkdownText(ip.description) })
            n["pendingState"] = Self.pendingFlags(nat.pendingState)
            n["secondaryPrivateIPs"] = texts(nat.secondaryPrivateIPs)
            n["secondaryPublicIPs"] = texts(nat.secondaryPublicIPs)
            return n
        }
        node["hasGateways"] = vpc.internetGateway != nil || vpc.vpnGateway != nil || !vpc.natGateways.isEmpty
        node["securityGroups"] = vpc.securityGroups.map { securityGroupNode($0, in: vpc) }
        node["hasEgressRules"] = vpc.securityGroups.contains { !$0.egress.isEmpty }
        node["interfaceEndpoints"] = vpc.interfaceEndpoints.map { interfaceEndpointNode($0, in: vpc) }
        node["gatewayEndpoints"] = vpc.gatewayEndpoints.map { gatewayEndpointNode($0, in: vpc) }
        node["gatewayLoadBalancerEndpoints"] = vpc.gatewayLoadBalancerEndpoints.map { e -> Node in
            var n = anchored(e.id, ["service": MarkdownText(e.service.fullName)])
            n["name"] = optional(e.name.map { name in MarkdownText(name) })
            n["subnet"] = optional(e.subnetID.map { id in ref(id, name: vpc.subnet(id)?.name) })
            n["ip"] = optional(e.ip.map { ip in MarkdownText(ip.description) })
            n["routeTables"] = vpc.routeTables.filter { t in t.routes.contains { $0.target.id == e.id } }.map { ref($0.id, name: $0.name) }
            return n
        }
        node["hasEndpoints"] = !vpc.interfaceEndpoints.isEmpty || !vpc.gatewayEndpoints.isEmpty || !vpc.gatewayLoadBalancerEndpoints.isEmpty || !vpc.latticeEndpoints.isEmpty
        node["routeTables"] = vpc.routeTables.indices.map { routeTableNode(vpc.routeTables[$0], routes: routing.routes[$0], in: vpc) }
        node["subnetsWithoutRouteTable"] = vpc.subnets.filter { routing.routeTableIndex(for: $0) == nil }.map { ref($0.id, name: $0.name) }
        addNetworkFacts(of: vpc, to: &node)
        return node
    }

    mutating func subnetNode(_ subnet: Subnet, routing: VPCRouting) -> Node {
        var node = anchored(subnet.id, [
            "zone": MarkdownText(subnet.availabilityZone),
            "cidr": MarkdownText(subnet.cidr.description),
            "tier": Self.tierFlags[routing.tier(of: subnet)]!,
        ])
        node["name"] = optional(subnet.name.map { name in MarkdownText(name) })
        node["routeTable"] = optional(routing.routeTable(for: subnet).map { ref($0.id, name: $0.name) })
        node["routeTableIsMain"] = subnet.routeTableID == nil
        node["zoneID"] = optional(subnet.availabilityZoneID.map { id in MarkdownText(id) })
        node["mapPublicIP"] = subnet.mapPublicIPOnLaunch
        node["ipv6Cidrs"] = texts(subnet.ipv6CIDRs)
        return node
    }

    mutating func securityGroupNode(_ group: SecurityGroup, in vpc: VPC) -> Node {
        var node = anchored(group.id, ["rules": group.ingress.map(ruleNode), "egressRules": group.egress.map(ruleNode)])
        node["name"] = optional(group.name.map { name in MarkdownText(name) })
        node["description"] = optional(group.description.map { description in MarkdownText(description) })
        return node
    }

    func ruleNode(_ rule: SecurityGroupRule) -> Node {
        var node: Node = [
            "protocol": MarkdownText(Self.protocolText(rule.ipProtocol)),
            "allTraffic": rule.ipProtocol == .all,
            "sources": rule.sources.map { source -> MarkdownFragment in
                switch source {
                case .securityGroup(let id): link(id)
                case .cidr, .prefixList: MarkdownFragment(MarkdownEscaping.code(source.description))
                }
            },
        ]
        // Exactly what the rule allows: ports, an ICMP type and code, or AWS's own numbers when they are neither.
        node["ports"] = optional(rule.range.text(for: rule.ipProtocol).map { text in MarkdownText(text) })
        node["description"] = optional(rule.description.map { description in MarkdownText(description) })
        return node
    }

    /// `tcp`, `icmpv6`, …; a protocol given by number as `protocol 50`.
    static func protocolText(_ ipProtocol: IPProtocol) -> String {
        if case .number(let n) = ipProtocol { return "protocol \(n)" }
        return ipProtocol.description
    }

    /// A security group as an endpoint lists it: a link, its name and its inbound rules.
    func securityGroupRef(_ id: String, in vpc: VPC) -> Node {
        let group = vpc.securityGroup(id)
        var node = ref(id, name: group?.name)
        node["rules"] = group?.ingress.map(ruleNode) ?? []
        node["unknown"] = group == nil
        return node
    }

    /// `routes`: the table's effective routes.
    mutating func routeTableNode(_ table: RouteTable, routes: [Route], in vpc: VPC) -> Node {
        var node = anchored(table.id, ["isMain": table.isMain])
        node["name"] = optional(table.name.map { name in MarkdownText(name) })
        let explicit = vpc.subnets.filter { $0.routeTableID == table.id }
        let implicit = table.isMain ? vpc.subnets.filter { $0.routeTableID == nil } : []
        node["subnets"] = explicit.map { ref($0.id, name: $0.name) }
        node["implicitSubnets"] = implicit.map { ref($0.id, name: $0.name) }
        // An ingress (edge) route table is used by the gateways it is associated with.
        node["gateways"] = table.gatewayIDs.map { ref($0) }
        node["unused"] = explicit.isEmpty && implicit.isEmpty && table.gatewayIDs.isEmpty
        node["routes"] = routes.map { route -> Node in
            var r: Node = [
                "destination": MarkdownText(route.destination.description),
                "target": route.target.kind == .local ? MarkdownFragment("local") : link(route.target.id),
                "targetID": MarkdownText(route.target.id),
                "kind": Self.routeKindFlags[route.target.kind]!,
                "blackhole": route.state == .blackhole,
                "filtered": route.state == .filtered,
                "propagated": route.propagated,
                "targetState": optional(route.targetState.map { state in MarkdownText(state) }),
                "gatewayLoadBalancerEndpoint": vpc.gatewayLoadBalancerEndpoints.contains { $0.id == route.target.id },
                "implied": !table.routes.contains(route),
                "prefixList": false,
                "service": NoValue(),
            ]
            if case .prefixList(let id) = route.destination {
                r["prefixList"] = true
                r["service"] = optional(prefixListService(id).map { service in MarkdownText(service) })
            }
            return r
        }
        return node
    }

    /// The service behind a prefix list id, from the gateway endpoints that use it.
    func prefixListService(_ id: String) -> String? {
        prefixListServices[id]
    }

    /// The services behind prefix list ids, from the first gateway endpoint (in document order) that uses each.
    static func prefixListServices(of topology: Topology) -> [String: String] {
        var services: [String: String] = [:]
        for (_, vpc) in topology.allVPCs {
            for endpoint in vpc.gatewayEndpoints {
                if let id = endpoint.prefixListID, services[id] == nil { services[id] = endpoint.service.fullName }
            }
        }
        return services
    }

    /// `{{#pending}}…{{#pendingAcceptance}}…` of a resource AWS is still creating; no value when it is available.
    static func pendingFlags(_ state: PendingState?) -> any ViewValue {
        guard let state else { return NoValue() }
        var node = Node()
        for other in PendingState.allCases { node[value: String(describing: other)] = .bool(other == state) }
        return node
    }

    /// `tier` flags of a subnet (`{{#tier.public}}`), made once per tier.
    static let tierFlags: [SubnetTier: Node] = {
        let names = SubnetTier.allCases.map(\.rawValue)
        var flags: [SubnetTier: Node] = [:]
        for tier in SubnetTier.allCases {
            var node = Node()
            for name in names { node[value: name] = .bool(name == tier.rawValue) }
            flags[tier] = node
        }
        return flags
    }()

    /// `kind` flags of a route target (`{{#kind.natGateway}}`), made once per kind.
    static let routeKindFlags: [RouteTarget.Kind: Node] = {
        let names = RouteTarget.Kind.allCases.map { String(describing: $0) }
        var flags: [RouteTarget.Kind: Node] = [:]
        for (kind, name) in zip(RouteTarget.Kind.allCases, names) {
            var node = Node()
            for other in names { node[value: other] = .bool(other == name) }
            flags[kind] = node
        }
        return flags
    }()

    /// A Direct Connect gateway link: its id, name, ASN and the prefixes it advertises to on premises.
    func directConnectNode(_ link: DirectConnectGatewayLink) -> Node {
        ["id": MarkdownText(link.directConnectGatewayID), "name": optional(link.name.map { MarkdownText($0) }),
         "asn": optional(link.asn.map { MarkdownText(String($0)) }), "allowedPrefixes": texts(link.allowedPrefixes)]
    }
}
