// Facts AWS derives and the input may leave out: the main route table, the local and
// gateway endpoint routes, public subnets, endpoint DNS names.

/// How a subnet reaches the internet, derived from its route table.
public enum SubnetTier: String, Sendable, CaseIterable, Comparable {
    /// A default route to an internet gateway.
    case `public`
    /// A default route to something else (NAT gateway, transit gateway, …).
    case `private`
    /// No default route.
    case isolated

    public static func < (a: SubnetTier, b: SubnetTier) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The tier of a subnet whose route table has `routes`: public as declared (`public: true`),
    /// else public with an active default route to an internet gateway (unless `public: false`),
    /// private with any other active default route, isolated with none.
    public static func derived(declaredPublic: Bool?, routes: [Route]) -> SubnetTier {
        if declaredPublic == true { return .public }
        let defaults = routes.filter {
            if case .cidr(let c) = $0.destination { return c.isDefaultRoute && $0.state == .active }
            return false
        }
        if declaredPublic == nil && defaults.contains(where: { $0.target.kind == .internetGateway }) { return .public }
        return defaults.isEmpty ? .isolated : .private
    }
}

extension VPC {
    public var displayName: String { name ?? id }

    /// The route table marked main, if any.
    public var mainRouteTable: RouteTable? { routeTables.first(where: \.isMain) }

    /// The subnet's explicit route table, else the main one.
    public func routeTable(for subnet: Subnet) -> RouteTable? {
        if let id = subnet.routeTableID { return routeTables.first { $0.id == id } }
        return mainRouteTable
    }

    /// The subnets that use a route table, explicitly or as the main table.
    public func subnets(using table: RouteTable) -> [Subnet] {
        subnets.filter { $0.routeTableID == table.id || ($0.routeTableID == nil && table.isMain) }
    }

    /// Declared routes, plus the `local` route for each VPC CIDR and one route per gateway
    /// endpoint associated with the table, where the input left them out.
    public func effectiveRoutes(of table: RouteTable) -> [Route] {
        var routes: [Route] = []
        for cidr in cidrs + ipv6CIDRs where !table.routes.contains(where: { $0.destination == .cidr(cidr) }) {
            routes.append(Route(destination: .cidr(cidr), target: .local))
        }
        routes += table.routes
        for endpoint in gatewayEndpoints where endpoint.routeTableIDs.contains(table.id) {
            let present = table.routes.contains { $0.target.id == endpoint.id }
            if !present, let target = RouteTarget(endpoint.id) {
                let destination = endpoint.prefixListID.map(Route.Destination.prefixList)
                    ?? .prefixList("com.amazonaws.\(endpoint.service.region ?? "?").\(endpoint.service.shortName)")
                routes.append(Route(destination: destination, target: target, origin: endpoint.origin))
            }
        }
        return routes
    }

    public func tier(of subnet: Subnet) -> SubnetTier {
        SubnetTier.derived(declaredPublic: subnet.declaredPublic, routes: routeTable(for: subnet).map(effectiveRoutes) ?? [])
    }

    /// Public as declared, else derived: a default route to an internet gateway.
    public func isPublic(_ subnet: Subnet) -> Bool { tier(of: subnet) == .public }

    /// The availability zones used by the VPC's subnets, in name order.
    public var availabilityZones: [String] {
        Array(Set(subnets.map(\.availabilityZone))).sorted()
    }

    public func subnet(_ id: String) -> Subnet? { subnets.first { $0.id == id } }
    public func securityGroup(_ id: String) -> SecurityGroup? { securityGroups.first { $0.id == id } }
}

extension Subnet {
    public var displayName: String { name ?? id }
}

/// One DNS name of an interface endpoint and what it stands for.
public struct EndpointDNSName: Equatable, Sendable {
    public enum Scope: Equatable, Sendable {
        case regional
        case zonal(String)
        /// The service's own name, made to resolve to the endpoint by private DNS.
        case privateDNS
    }

    public var name: String
    public var scope: Scope
}

extension InterfaceEndpoint {
    public var displayName: String { name ?? id }

    /// The name private DNS makes resolve to the endpoint (the service's public name), when private DNS is on.
    public var privateDNSName: String? {
        guard privateDNS else { return nil }
        return declaredPrivateDNSName ?? service.publicDNSName
    }

    /// The endpoint's DNS names: regional first, then one per AZ (in AZ order), then the private DNS name.
    /// As AWS reported them when declared; otherwise derived from id, DNS suffix, service and AZs.
    public func dnsNames(in vpc: VPC) -> [EndpointDNSName] {
        var result: [EndpointDNSName] = []
        // A subnet whose interface the input lacks still gives the endpoint its zonal name there.
        let zones = Set((interfaces.map(\.subnetID) + unknownIPSubnetIDs).compactMap { vpc.subnet($0)?.availabilityZone }).sorted()
        if let declared = declaredDNSNames, !declared.isEmpty {
            for name in declared {
                if name == privateDNSName { continue }
                let zone = zones.first { name.contains("-\($0).") }
                result.append(EndpointDNSName(name: name, scope: zone.map { .zonal($0) } ?? .regional))
            }
        } else {
            let base = dnsSuffix.map { "\(id)-\($0)" } ?? id
            let region = service.region ?? ""
            // AWS's label for the service (`dkr.ecr` for `ecr.dkr`) and, for S3, a wildcard for bucket names.
            let form = service.isAWSService ? ServiceDNS.form(of: service.shortName) : nil
            let domain = "\(form?.label ?? service.shortName).\(region).vpce.amazonaws.com"
            let star = form?.wildcardEndpointNames == true ? "*." : ""
            result.append(EndpointDNSName(name: "\(star)\(base).\(domain)", scope: .regional))
            for zone in zones {
                result.append(EndpointDNSName(name: "\(star)\(base)-\(zone).\(domain)", scope: .zonal(zone)))
            }
        }
        if let privateName = privateDNSName {
            result.append(EndpointDNSName(name: privateName, scope: .privateDNS))
        }
        return result
    }

    /// The regional DNS name.
    public func regionalDNSName(in vpc: VPC) -> String? {
        dnsNames(in: vpc).first { $0.scope == .regional }?.name
    }
}

extension GatewayEndpoint {
    public var displayName: String { name ?? id }
}

extension Topology {
    /// Every VPC with its region, in input order.
    public var allVPCs: [(region: Region, vpc: VPC)] {
        regions.flatMap { region in region.vpcs.map { (region, $0) } }
    }

    public func vpc(_ id: String) -> VPC? {
        for region in regions { if let v = region.vpcs.first(where: { $0.id == id }) { return v } }
        return nil
    }

    /// The VPC holding an interface endpoint, with the endpoint.
    public func interfaceEndpoint(_ id: String) -> (vpc: VPC, endpoint: InterfaceEndpoint)? {
        for (_, vpc) in allVPCs {
            if let e = vpc.interfaceEndpoints.first(where: { $0.id == id }) { return (vpc, e) }
        }
        return nil
    }

    public func resolverEndpoint(_ id: String) -> (vpc: VPC, endpoint: ResolverEndpoint)? {
        for (_, vpc) in allVPCs {
            if let e = vpc.resolverEndpoints.first(where: { $0.id == id }) { return (vpc, e) }
        }
        return nil
    }
}
