// The advice rules, one small type each, in id order. What each says and why is in
// `RuleCatalogue.advice`; each message names the resources involved.

/// `blackhole-route`: a route whose target is gone drops its traffic.
struct BlackholeRoute: AdviceRule {
    static let id = "blackhole-route"
    func findings(in context: AdviceContext) -> [Finding] {
        context.topology.allVPCs.flatMap { _, vpc in
            vpc.routeTables.flatMap { table in
                table.routes.filter { $0.state == .blackhole }.map { route in
                    finding("route to \(route.destination) in route table \(named(table.id, table.name)) is a blackhole: its target '\(route.target.id)' is gone and traffic to \(route.destination) is dropped",
                            at: route.origin.location ?? table.origin["routes"], [table.id, route.target.id])
                }
            }
        }
    }
}

/// `connected-cidr-overlap`: VPCs joined by peering or one transit gateway must not overlap.
struct ConnectedCIDROverlap: AdviceRule {
    static let id = "connected-cidr-overlap"
    func findings(in context: AdviceContext) -> [Finding] {
        var result: [Finding] = []
        func overlap(_ a: VPC, _ b: VPC) -> (CIDR, CIDR)? {
            for x in a.cidrs { for y in b.cidrs where x.overlaps(y) { return (x, y) } }
            return nil
        }
        for region in context.topology.regions {
            for peering in region.peerings {
                guard let a = context.vpc(peering.requesterVPCID), let b = context.vpc(peering.accepterVPCID), a.id != b.id,
                      let (x, y) = overlap(a, b) else { continue }
                result.append(finding("vpcs \(named(a.id, a.name)) (\(x)) and \(named(b.id, b.name)) (\(y)), joined by peering connection '\(peering.id)', have overlapping CIDRs: traffic cannot be routed between them",
                                      at: peering.origin["vpcs"], [peering.id, a.id, b.id]))
            }
            for gateway in region.transitGateways {
                let attached: [(attachment: TransitGatewayAttachment, vpc: VPC)] = gateway.attachments.compactMap { attachment in
                    if case .vpc(let id, _) = attachment.resource, let vpc = context.vpc(id) { return (attachment, vpc) }
                    return nil
                }
                for (i, first) in attached.enumerated() {
                    for second in attached[(i + 1)...] where first.vpc.id != second.vpc.id {
                        guard let (x, y) = overlap(first.vpc, second.vpc) else { continue }
                        result.append(finding("vpcs \(named(first.vpc.id, first.vpc.name)) (\(x)) and \(named(second.vpc.id, second.vpc.name)) (\(y)), both attached to transit gateway '\(gateway.id)', have overlapping CIDRs: the transit gateway cannot route to both",
                                              at: second.attachment.origin.location, [second.attachment.id, gateway.id, first.vpc.id, second.vpc.id]))
                    }
                }
            }
        }
        return result
    }
}

/// `consumer-route-missing`: each route table of a consumer VPC needs a route to the endpoint's subnets.
struct ConsumerRouteMissing: AdviceRule {
    static let id = "consumer-route-missing"
    func findings(in context: AdviceContext) -> [Finding] {
        var result: [Finding] = []
        for (_, vpc, endpoint) in context.interfaceEndpoints {
            let endpointSubnets = (endpoint.interfaces.map(\.subnetID) + endpoint.unknownIPSubnetIDs).compactMap(vpc.subnet)
            for consumer in context.consumers(of: endpoint, in: vpc) {
                for (table, _) in AdviceContext.usedRouteTables(of: consumer.vpc) {
                    let routes = consumer.vpc.effectiveRoutes(of: table)
                    let missing = endpointSubnets.filter { AdviceContext.route(to: $0.cidr.address, in: routes)?.target.id != consumer.via }
                    guard !missing.isEmpty else { continue }
                    result.append(finding("route table \(named(table.id, table.name)) of vpc \(named(consumer.vpc.id, consumer.vpc.name)), which uses interface endpoint '\(endpoint.id)' through '\(consumer.via)', has no route through '\(consumer.via)' to the endpoint's subnets \(listed(missing.map { "\($0.cidr)" }))",
                                          at: table.origin["routes"], [table.id, endpoint.id, consumer.vpc.id, consumer.via]))
                }
            }
        }
        return result
    }
}

/// `cross-region-via-internet`: another region's S3 or DynamoDB is not served by this VPC's gateway endpoint.
struct CrossRegionViaInternet: AdviceRule {
    static let id = "cross-region-via-internet"
    func findings(in context: AdviceContext) -> [Finding] {
        var result: [Finding] = []
        for (region, vpc) in context.topology.allVPCs {
            for service in vpc.reaches where service.supportsGatewayEndpoint && service.region != nil && service.region != region.name {
                guard let gateway = vpc.gatewayEndpoints.first(where: { $0.service.shortName == service.shortName }) else { continue }
                var targets: [String] = [], subnets: [String] = []
                for subnet in vpc.subnets {
                    guard let table = vpc.routeTable(for: subnet),
                          let route = AdviceContext.route(to: IPAddress("0.0.0.0")!, in: vpc.effectiveRoutes(of: table)),
                          route.target.kind == .internetGateway || route.target.kind == .natGateway else { continue }
                    subnets.append(subnet.id)
                    if !targets.contains(route.target.id) { targets.append(route.target.id) }
                }
                guard !subnets.isEmpty else { continue }
                result.append(finding("subnets \(listed(subnets)) of vpc \(named(vpc.id, vpc.name)) reach '\(service)' through \(listed(targets)): gateway endpoint '\(gateway.id)' serves only \(region.name), so this traffic leaves the AWS network",
                                      at: vpc.origin["reaches"], [vpc.id, gateway.id] + targets))
            }
        }
        return result
    }
}

/// `cross-vpc-endpoint-cost` (note): a shared endpoint adds data-transfer charges.
struct CrossVPCEndpointCost: AdviceRule {
    static let id = "cross-vpc-endpoint-cost"
    func findings(in context: AdviceContext) -> [Finding] {
        context.interfaceEndpoints.compactMap { _, vpc, endpoint in
            let consumers = context.consumers(of: endpoint, in: vpc)
            guard !consumers.isEmpty else { return nil }
            let kinds = Set(consumers.map { $0.via.hasPrefix("tgw-") ? "a transit gateway" : "peering" }).sorted().joined(separator: " and ")
            return finding("interface endpoint \(named(endpoint.id, endpoint.name)) is used from \(consumers.count) other VPC\(consumers.count == 1 ? "" : "s") (\(listed(consumers.map(\.vpc.id)))) across \(kinds): data transfer across them is charged on top of the endpoint's per-GB charge",
                           at: endpoint.origin.location, [endpoint.id] + consumers.map(\.vpc.id))
        }
    }
}

/// `endpoint-return-route-missing`: the endpoint's subnets need a route back to each consumer VPC.
struct EndpointReturnRouteMissing: AdviceRule {
    static let id = "endpoint-return-route-missing"
    func findings(in context: AdviceContext) -> [Finding] {
        var result: [Finding] = []
        for (_, vpc, endpoint) in context.interfaceEndpoints {
            let endpointSubnets = (endpoint.interfaces.map(\.subnetID) + endpoint.unknownIPSubnetIDs).compactMap(vpc.subnet)
            let tables = AdviceContext.usedRouteTables(of: vpc, subnets: endpointSubnets)
            for consumer in context.consumers(of: endpoint, in: vpc) {
                for (table, _) in tables {
                    let routes = vpc.effectiveRoutes(of: table)
                    let missing = consumer.vpc.cidrs.filter { AdviceContext.route(to: $0.address, in: routes)?.target.id != consumer.via }
                    guard !missing.isEmpty else { continue }
                    result.append(finding("route table \(named(table.id, table.name)) of interface endpoint '\(endpoint.id)''s subnets has no route back through '\(consumer.via)' to vpc \(named(consumer.vpc.id, consumer.vpc.name)) (\(missing.map(\.description).joined(separator: ", "))), which uses the endpoint",
                                          at: table.origin["routes"], [table.id, endpoint.id, consumer.vpc.id, consumer.via]))
                }
            }
        }
        return result
    }
}

/// `endpoint-security-group-https`: the endpoint's security groups must admit TCP 443 from every user.
struct EndpointSecurityGroupHTTPS: AdviceRule {
    static let id = "endpoint-security-group-https"

    static func admits443(_ rule: SecurityGroupRule) -> Bool {
        switch (rule.ipProtocol, rule.range) {
        case (.all, _), (.tcp, .all): true
        case (.tcp, .ports(let p)): p.from <= 443 && 443 <= p.to
        default: false
        }
    }

    func findings(in context: AdviceContext) -> [Finding] {
        var result: [Finding] = []
        for (_, vpc, endpoint) in context.interfaceEndpoints where !endpoint.securityGroupIDs.isEmpty {
            let groups = endpoint.securityGroupIDs.compactMap(vpc.securityGroup)
            guard groups.count == endpoint.securityGroupIDs.count else { continue }  // a group the input lacks: its rules are unknown
            let rules = groups.flatMap(\.ingress).filter(Self.admits443)
            func admitted(_ cidr: CIDR, ownVPC: Bool) -> Bool {
                rules.contains { rule in
                    rule.sources.contains { source in
                        switch source {
                        case .cidr(let c): c.contains(cidr)
                        case .securityGroup: ownVPC  // members of a group of the VPC: its own clients
                        case .prefixList: true       // entries unknown: not judged
                        }
                    }
                }
            }
            let consumers = context.consumers(of: endpoint, in: vpc)
            let onPremises = context.onPremisesUsers(of: endpoint)
            var users: [(cidr: CIDR, id: String, who: String, own: Bool)] = []
            if context.ownVPCUses(endpoint, in: vpc, sharedWith: consumers, onPremises: onPremises) {
                users += vpc.cidrs.map { ($0, vpc.id, "vpc '\(vpc.id)'", true) }
            }
            for consumer in consumers { users += consumer.vpc.cidrs.map { ($0, consumer.vpc.id, "vpc '\(consumer.vpc.id)'", false) } }
            for network in onPremises { users += network.cidrs.map { ($0, network.id, "on-premises '\(network.id)'", false) } }
            let refused = users.filter { !admitted($0.cidr, ownVPC: $0.own) }
            guard !refused.isEmpty else { continue }
            var refusedIDs: [String] = []
            for user in refused where !refusedIDs.contains(user.id) { refusedIDs.append(user.id) }
            result.append(finding("security groups \(listed(endpoint.securityGroupIDs)) of interface endpoint \(named(endpoint.id, endpoint.name)) do not admit TCP 443 from \(refused.map { "\($0.cidr) (\($0.who))" }.joined(separator: ", ")), which use\(refused.count == 1 ? "s" : "") the endpoint",
                                  at: endpoint.origin["security_groups"], [endpoint.id] + endpoint.securityGroupIDs + refusedIDs))
        }
        return result
    }
}

/// `endpoint-single-az`: an interface endpoint in one zone of a VPC that spans several.
struct EndpointSingleAZ: AdviceRule {
    static let id = "endpoint-single-az"
    func findings(in context: AdviceContext) -> [Finding] {
        context.interfaceEndpoints.compactMap { _, vpc, endpoint in
            let zones = Set((endpoint.interfaces.map(\.subnetID) + endpoint.unknownIPSubnetIDs).compactMap { vpc.subnet($0)?.availabilityZone })
            let vpcZones = vpc.availabilityZones
            guard zones.count == 1, vpcZones.count > 1 else { return nil }
            return finding("interface endpoint \(named(endpoint.id, endpoint.name)) is only in \(zones.first!) while vpc \(named(vpc.id, vpc.name)) has subnets in \(vpcZones.joined(separator: ", ")): it is lost with that zone, and clients in the others pay cross-AZ data transfer",
                           at: endpoint.origin["interfaces"], [endpoint.id, vpc.id])
        }
    }
}

/// `gateway-endpoint-partial-tier`: subnets of one tier should all reach the service the same way.
struct GatewayEndpointPartialTier: AdviceRule {
    static let id = "gateway-endpoint-partial-tier"
    func findings(in context: AdviceContext) -> [Finding] {
        var result: [Finding] = []
        for (_, vpc) in context.topology.allVPCs {
            for gateway in vpc.gatewayEndpoints {
                func serves(_ table: RouteTable) -> Bool {
                    gateway.routeTableIDs.contains(table.id) || table.routes.contains { $0.target.id == gateway.id }
                }
                for tier in SubnetTier.allCases {
                    let subnets = vpc.subnets.filter { vpc.tier(of: $0) == tier }
                    let tables = AdviceContext.usedRouteTables(of: vpc, subnets: subnets)
                    let with = tables.filter { serves($0.table) }, without = tables.filter { !serves($0.table) }
                    guard !with.isEmpty, !without.isEmpty else { continue }
                    result.append(finding("gateway endpoint \(named(gateway.id, gateway.name)) (\(gateway.service.shortName)) is on route table\(with.count == 1 ? "" : "s") \(listed(with.map(\.table.id))) of \(tier.rawValue) subnets but not on \(listed(without.map(\.table.id))), used by \(tier.rawValue) subnet\(without.flatMap(\.subnets).count == 1 ? "" : "s") \(listed(without.flatMap(\.subnets).map(\.id)))",
                                          at: gateway.origin["route_tables"], [gateway.id] + without.map(\.table.id)))
                }
            }
        }
        return result
    }
}

/// `gateway-endpoint-unused`: a gateway endpoint no route table routes to.
struct GatewayEndpointUnused: AdviceRule {
    static let id = "gateway-endpoint-unused"
    func findings(in context: AdviceContext) -> [Finding] {
        context.topology.allVPCs.flatMap { _, vpc in
            vpc.gatewayEndpoints.filter { gateway in
                gateway.routeTableIDs.isEmpty && !vpc.routeTables.contains { $0.routes.contains { $0.target.id == gateway.id } }
            }.map { gateway in
                finding("gateway endpoint \(named(gateway.id, gateway.name)) (\(gateway.service)) is on no route table: no subnet reaches \(gateway.service.shortName) through it",
                        at: gateway.origin.location, [gateway.id, vpc.id])
            }
        }
    }
}

/// `hosted-zone-not-associated`: a zone aliasing an endpoint must be associated with the VPCs that use it.
struct HostedZoneNotAssociated: AdviceRule {
    static let id = "hosted-zone-not-associated"
    func findings(in context: AdviceContext) -> [Finding] {
        var result: [Finding] = []
        for (_, vpc, endpoint) in context.interfaceEndpoints {
            let consumers = context.consumers(of: endpoint, in: vpc)
            let onPremises = context.onPremisesUsers(of: endpoint)
            var users = consumers.map { (vpc: $0.vpc, how: " through '\($0.via)'") }
            // The endpoint's own VPC resolves through the zone when private DNS is off, for its own
            // clients and for the on-premises queries its inbound Resolver endpoint answers.
            if !endpoint.privateDNS,
               context.ownVPCUses(endpoint, in: vpc, sharedWith: consumers, onPremises: []) || !onPremises.isEmpty {
                users.insert((vpc, " (its own VPC)"), at: 0)
            }
            for zone in context.zonesAliasing(endpoint.id) {
                let names = zone.records.filter { if case .endpointAlias(let id) = $0.value { return id == endpoint.id } else { return false } }.map(\.name)
                for user in users where !zone.vpcIDs.contains(user.vpc.id) {
                    let reached = names.allSatisfy { name in
                        if case .endpointIPs(let id, _) = context.resolver.resolve(name, inVPC: user.vpc.id).1 { return id == endpoint.id }
                        return false
                    }
                    guard !reached else { continue }
                    result.append(finding("private hosted zone '\(zone.id)' (\(zone.name)) aliases interface endpoint '\(endpoint.id)' but is not associated with vpc \(named(user.vpc.id, user.vpc.name)), which uses the endpoint\(user.how): clients there do not resolve \(listed(names)) to the endpoint",
                                          at: zone.origin["vpcs"], [zone.id, user.vpc.id, endpoint.id]))
                }
            }
        }
        return result
    }
}

/// `interface-endpoint-gateway-available`: S3/DynamoDB through PrivateLink where a free gateway endpoint would serve.
struct InterfaceEndpointGatewayAvailable: AdviceRule {
    static let id = "interface-endpoint-gateway-available"
    func findings(in context: AdviceContext) -> [Finding] {
        context.interfaceEndpoints.compactMap { _, vpc, endpoint in
            guard endpoint.service.supportsGatewayEndpoint,
                  !vpc.gatewayEndpoints.contains(where: { $0.service.shortName == endpoint.service.shortName }) else { return nil }
            return finding("interface endpoint \(named(endpoint.id, endpoint.name)) for \(endpoint.service.shortName) is in vpc \(named(vpc.id, vpc.name)), which has no gateway endpoint for \(endpoint.service.shortName): a gateway endpoint serves the VPC's own clients free of charge",
                           at: endpoint.origin["service"], [endpoint.id, vpc.id])
        }
    }
}

/// `nat-gateway-without-internet-route`: a public NAT gateway needs its subnet's internet route.
struct NATGatewayWithoutInternetRoute: AdviceRule {
    static let id = "nat-gateway-without-internet-route"
    func findings(in context: AdviceContext) -> [Finding] {
        context.topology.allVPCs.flatMap { _, vpc in
            vpc.natGateways.compactMap { nat -> Finding? in
                guard nat.connectivity == .public, let subnet = vpc.subnet(nat.subnetID) else { return nil }
                let table = vpc.routeTable(for: subnet)
                let routes = table.map(vpc.effectiveRoutes) ?? []
                guard AdviceContext.route(to: IPAddress("0.0.0.0")!, in: routes)?.target.kind != .internetGateway else { return nil }
                let tableText = table.map { " (route table \(named($0.id, $0.name)))" } ?? ""
                return finding("public nat gateway \(named(nat.id, nat.name)) is in subnet \(named(subnet.id, subnet.name))\(tableText), which has no default route to an internet gateway: nothing gets out through it",
                               at: nat.origin["subnet"], [nat.id, subnet.id])
            }
        }
    }
}

/// `on-premises-endpoint-path`: on-premises use of an endpoint needs a VPN path and forwarding to an inbound Resolver endpoint.
struct OnPremisesEndpointPath: AdviceRule {
    static let id = "on-premises-endpoint-path"
    func findings(in context: AdviceContext) -> [Finding] {
        var result: [Finding] = []
        let vpns = context.topology.regions.flatMap(\.vpnConnections)
        let gatewaysByVPC: [String: Set<String>] = {
            var map: [String: Set<String>] = [:]
            for gateway in context.topology.regions.flatMap(\.transitGateways) {
                for attachment in gateway.attachments { if case .vpc(let id, _) = attachment.resource { map[id, default: []].insert(gateway.id) } }
            }
            return map
        }()
        for network in context.topology.onPremises {
            let mine = vpns.filter { $0.onPremisesID == network.id }
            for (_, vpc, endpoint) in context.interfaceEndpoints {
                let names = context.resolver.clientNames(ofInterfaceEndpoint: endpoint.id)
                let forwarding = network.forwardingRules.filter { rule in names.contains { dnsName($0, isWithin: rule.domain) } }
                let reachesVPC = mine.contains { vpn in
                    switch vpn.gateway {
                    case .vpnGateway(let id): vpc.vpnGateway?.id == id
                    case .transitGateway(let id): gatewaysByVPC[vpc.id]?.contains(id) == true
                    }
                }
                let admitted = endpoint.securityGroupIDs.compactMap(vpc.securityGroup).flatMap(\.ingress).filter(EndpointSecurityGroupHTTPS.admits443)
                    .flatMap(\.sources).contains { source in
                        if case .cidr(let c) = source { return !c.isDefaultRoute && network.cidrs.contains { c.contains($0) } }
                        return false
                    }
                if !forwarding.isEmpty && !reachesVPC {
                    result.append(finding("on-premises network \(named(network.id, network.name)) forwards \(listed(forwarding.map(\.domain))) for interface endpoint '\(endpoint.id)' but has no VPN connection to vpc \(named(vpc.id, vpc.name)) (through its virtual private gateway or a transit gateway)",
                                          at: network.origin["forward"], [network.id, endpoint.id, vpc.id]))
                } else if forwarding.isEmpty && reachesVPC && admitted, let name = names.first {
                    result.append(finding("on-premises network \(named(network.id, network.name)) reaches interface endpoint '\(endpoint.id)' over VPN, and its security groups admit it, but its DNS servers forward no domain of '\(name)' to a Resolver inbound endpoint: they resolve the public addresses",
                                          at: network.origin["forward"], [network.id, endpoint.id]))
                }
                for rule in forwarding {
                    let inbound = rule.targets.contains { target in
                        switch target {
                        case .resolverEndpoint(let id): context.topology.resolverEndpoint(id)?.endpoint.direction == .inbound
                        case .ip(let ip): context.topology.allVPCs.contains { $0.vpc.resolverEndpoints.contains { $0.direction == .inbound && $0.ipAddresses.contains { $0.ip == ip } } }
                        }
                    }
                    guard !inbound else { continue }
                    result.append(finding("on-premises network \(named(network.id, network.name)) forwards '\(rule.domain)' to \(listed(rule.targets.map(\.description))), which is not a Resolver inbound endpoint: the names of interface endpoint '\(endpoint.id)' do not resolve to it there",
                                          at: rule.origin.location ?? network.origin["forward"], [network.id, endpoint.id]))
                }
            }
        }
        return result
    }
}

/// `resolver-endpoint-availability`: two IPs in two zones.
struct ResolverEndpointAvailability: AdviceRule {
    static let id = "resolver-endpoint-availability"
    func findings(in context: AdviceContext) -> [Finding] {
        context.topology.allVPCs.flatMap { _, vpc in
            vpc.resolverEndpoints.compactMap { endpoint -> Finding? in
                let count = endpoint.ipAddresses.count + endpoint.unknownIPAddressCount
                let zones = Set(endpoint.ipAddresses.compactMap { vpc.subnet($0.subnetID)?.availabilityZone }).sorted()
                let zonesKnown = endpoint.unknownIPAddressCount == 0
                guard count < 2 || (zonesKnown && zones.count < 2) else { return nil }
                let zoneText = zones.isEmpty ? "no known availability zone" : "\(zones.count == 1 ? "one availability zone" : "\(zones.count) availability zones") (\(zones.joined(separator: ", ")))"
                return finding("resolver endpoint \(named(endpoint.id, endpoint.name)) has \(count) IP\(count == 1 ? "" : "s") in \(zoneText): one zone down stops its DNS resolution",
                               at: endpoint.origin["ips"], [endpoint.id])
            }
        }
    }
}

/// `shared-endpoint-no-hosted-zone`: private DNS off, consumers in other VPCs, and no zone that aliases it.
struct SharedEndpointNoHostedZone: AdviceRule {
    static let id = "shared-endpoint-no-hosted-zone"
    func findings(in context: AdviceContext) -> [Finding] {
        context.interfaceEndpoints.compactMap { _, vpc, endpoint in
            guard !endpoint.privateDNS, context.zonesAliasing(endpoint.id).isEmpty else { return nil }
            let consumers = context.consumers(of: endpoint, in: vpc)
            guard !consumers.isEmpty, let name = endpoint.service.publicDNSName else { return nil }
            return finding("interface endpoint \(named(endpoint.id, endpoint.name)) has private DNS off and no private hosted zone aliases it: \(consumers.map { "vpc '\($0.vpc.id)' (through '\($0.via)')" }.joined(separator: ", ")), which use\(consumers.count == 1 ? "s" : "") it, resolve\(consumers.count == 1 ? "s" : "") '\(name)' to the public addresses",
                           at: endpoint.origin["private_dns"], [endpoint.id] + consumers.map(\.vpc.id))
        }
    }
}
