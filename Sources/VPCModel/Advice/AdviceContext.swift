/// What the advice rules ask of a topology, worked out once: VPCs by id, who uses each interface
/// endpoint, how routes carry traffic to an address.
struct AdviceContext: Sendable {
    let topology: Topology
    let resolver: NameResolver
    private let vpcs: [String: (region: Region, vpc: VPC)]

    init(_ topology: Topology) {
        self.topology = topology
        resolver = NameResolver(topology)
        var vpcs: [String: (region: Region, vpc: VPC)] = [:]
        for (region, vpc) in topology.allVPCs where vpcs[vpc.id] == nil { vpcs[vpc.id] = (region, vpc) }
        self.vpcs = vpcs
    }

    func vpc(_ id: String) -> VPC? { vpcs[id]?.vpc }
    func region(ofVPC id: String) -> Region? { vpcs[id]?.region }

    /// Every interface endpoint with its VPC and region, in input order.
    var interfaceEndpoints: [(region: Region, vpc: VPC, endpoint: InterfaceEndpoint)] {
        topology.allVPCs.flatMap { pair in pair.vpc.interfaceEndpoints.map { (pair.region, pair.vpc, $0) } }
    }

    /// Private hosted zones with a record that aliases the endpoint.
    func zonesAliasing(_ endpointID: String) -> [PrivateHostedZone] {
        topology.regions.flatMap(\.privateHostedZones).filter { zone in
            zone.records.contains { if case .endpointAlias(let id) = $0.value { return id == endpointID } else { return false } }
        }
    }

    /// A VPC connected to an endpoint's VPC that uses the endpoint, and what connects them.
    struct Consumer {
        var vpc: VPC
        var via: String
    }

    /// The connected VPCs that use an interface endpoint: those without an interface endpoint of their
    /// own for the service that resolve its names to it, are associated with a private hosted zone
    /// aliasing it, or are admitted by a CIDR rule of its security groups; or, for an endpoint shared
    /// through a private hosted zone associated with another VPC, every connected VPC without its own.
    func consumers(of endpoint: InterfaceEndpoint, in vpc: VPC) -> [Consumer] {
        let zones = zonesAliasing(endpoint.id)
        let shared = zones.contains { $0.vpcIDs.contains { $0 != vpc.id } }
        let names = resolver.clientNames(ofInterfaceEndpoint: endpoint.id)
        let admitted: [CIDR] = endpoint.securityGroupIDs.compactMap(vpc.securityGroup).flatMap(\.ingress).flatMap { rule in
            rule.sources.compactMap { if case .cidr(let c) = $0 { return c } else { return nil } }
        }
        var result: [Consumer] = []
        for (otherID, via) in topology.connectedVPCs(of: vpc.id) {
            guard let other = self.vpc(otherID),
                  !other.interfaceEndpoints.contains(where: { $0.service == endpoint.service }) else { continue }
            let resolves = names.contains { name in
                if case .endpointIPs(let id, _) = resolver.resolve(name, inVPC: otherID).1 { return id == endpoint.id }
                return false
            }
            let associated = zones.contains { $0.vpcIDs.contains(otherID) }
            let opened = admitted.contains { cidr in !cidr.isDefaultRoute && other.cidrs.contains { $0.contains(cidr) } }
            if shared || resolves || associated || opened { result.append(Consumer(vpc: other, via: via)) }
        }
        return result
    }

    /// On-premises networks whose DNS servers forward a name of the endpoint (to anywhere).
    func onPremisesUsers(of endpoint: InterfaceEndpoint) -> [OnPremisesNetwork] {
        let names = resolver.clientNames(ofInterfaceEndpoint: endpoint.id)
        return topology.onPremises.filter { network in
            network.forwardingRules.contains { rule in names.contains { dnsName($0, isWithin: rule.domain) } }
        }
    }

    /// True when clients in the endpoint's own VPC count as its users: always, except in a hub VPC
    /// whose subnets all hold the shared endpoint (nothing else runs there).
    func ownVPCUses(_ endpoint: InterfaceEndpoint, in vpc: VPC, sharedWith consumers: [Consumer], onPremises: [OnPremisesNetwork]) -> Bool {
        if consumers.isEmpty && onPremises.isEmpty { return true }
        let endpointSubnets = Set(endpoint.interfaces.map(\.subnetID) + endpoint.unknownIPSubnetIDs)
        return vpc.subnets.contains { !endpointSubnets.contains($0.id) }
    }

    /// The active route a table's effective routes choose for an address (longest prefix match over
    /// CIDR destinations).
    static func route(to ip: IPAddress, in routes: [Route]) -> Route? {
        var best: (route: Route, length: Int)?
        for route in routes where route.state == .active {
            guard case .cidr(let cidr) = route.destination, cidr.family == ip.family, cidr.contains(ip) else { continue }
            if best == nil || cidr.prefixLength > best!.length { best = (route, cidr.prefixLength) }
        }
        return best?.route
    }

    /// The route tables a VPC's subnets use (each once, in table order), with the subnets using each.
    static func usedRouteTables(of vpc: VPC, subnets: [Subnet]? = nil) -> [(table: RouteTable, subnets: [Subnet])] {
        let chosen = subnets ?? vpc.subnets
        return vpc.routeTables.compactMap { table in
            let using = chosen.filter { vpc.routeTable(for: $0)?.id == table.id }
            return using.isEmpty ? nil : (table, using)
        }
    }
}

/// `'id' (name)` or `'id'`, as messages name resources.
func named(_ id: String, _ name: String?) -> String {
    if let name, name != id { return "'\(id)' (\(name))" }
    return "'\(id)'"
}

/// `'a', 'b' and 'c'`.
func listed(_ items: [String]) -> String {
    let quoted = items.map { "'\($0)'" }
    guard quoted.count > 1 else { return quoted.first ?? "" }
    return quoted.dropLast().joined(separator: ", ") + " and " + quoted.last!
}
