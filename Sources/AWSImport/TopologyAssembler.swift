import VPCModel

/// Joins the records of a snapshot into a `Topology`: places every VPC in its region, nests what
/// lives in a VPC, and takes each fact from the output AWS documents as its source.
/// Collections are sorted by AWS id (subnets by zone and CIDR) so a re-collected snapshot of an
/// unchanged account gives the same topology, whatever order AWS listed things in.
struct TopologyAssembler {
    let snapshot: AWSSnapshot
    var diagnostics = DiagnosticCollector()

    /// The VPCs being built, and the region of each.
    var vpcs: [String: VPC] = [:]
    var vpcRegion: [String: String] = [:]
    /// VPCs left out for want of a region: references to them say nothing more.
    var unplacedVPCs: Set<String> = []
    var subnetVPC: [String: String] = [:]
    var subnetZone: [String: String] = [:]
    /// Every region named by a folder or by content.
    var knownRegions: Set<String> = []
    var regions: [String: Region] = [:]
    var onPremises: [String: OnPremisesNetwork] = [:]

    init(snapshot: AWSSnapshot) {
        self.snapshot = snapshot
    }

    mutating func assemble() -> Topology {
        reportGoneResources()
        placeVPCs()
        addSubnets()
        addRouteTables()
        addEndpoints()
        tidyRoutes()
        flagRoutesToGoingTargets()
        addGateways()
        addSecurityGroups()
        addResolverEndpoints()
        addVPCNetworkFacts()
        addDirectConnectGateways(toTransitGateways: false)
        for (id, var vpc) in vpcs {
            vpc.subnets.sort { ($0.availabilityZone, $0.cidr, $0.id) < ($1.availabilityZone, $1.cidr, $1.id) }
            vpc.routeTables.sort { $0.id < $1.id }
            vpc.natGateways.sort { $0.id < $1.id }
            vpc.securityGroups.sort { $0.id < $1.id }
            vpc.interfaceEndpoints.sort { $0.id < $1.id }
            vpc.gatewayEndpoints.sort { $0.id < $1.id }
            vpc.gatewayLoadBalancerEndpoints.sort { $0.id < $1.id }
            vpc.resolverEndpoints.sort { $0.id < $1.id }
            vpc.networkACLs.sort { $0.id < $1.id }
            vpc.latticeEndpoints.sort { $0.id < $1.id }
            if !vpc.dnsHostnamesKnown { vpc.dnsHostnames = VPC.assumedDNSHostnames(interfaceEndpoints: vpc.interfaceEndpoints) }
            vpcs[id] = vpc
            if let name = vpcRegion[id] { self[region: name].vpcs.append(vpc) }
        }
        addPeerings()
        addTransitGateways()
        addDirectConnectGateways(toTransitGateways: true)
        addTransitGatewayRouteTables()
        addPrefixLists()
        addVPNConnections()
        addResolverRules()
        addHostedZones()
        dropLinksOutOfSnapshot()
        let sortedRegions = regions.values.sorted { $0.name < $1.name }.map { r -> Region in
            var r = r
            r.vpcs.sort { $0.id < $1.id }
            r.peerings.sort { $0.id < $1.id }
            r.transitGateways.sort { $0.id < $1.id }
            r.vpnConnections.sort { $0.id < $1.id }
            r.resolverRules.sort { $0.id < $1.id }
            r.privateHostedZones.sort { ($0.name, $0.id) < ($1.name, $1.id) }
            r.prefixLists.sort { $0.id < $1.id }
            r.externalVPCs.sort { $0.id < $1.id }
            return r
        }
        return Topology(regions: sortedRegions, onPremises: onPremises.values.sorted { $0.id < $1.id })
    }

    // MARK: - Helpers

    subscript(region name: String) -> Region {
        get { regions[name] ?? Region(name: name) }
        set { regions[name] = newValue }
    }

    /// The only region of the snapshot, when there is exactly one.
    var soleRegion: String? { knownRegions.count == 1 ? knownRegions.first : nil }

    /// Keeps the first record for each id; a second one with the same id from another output is
    /// reported when `report` is set (some outputs legitimately list a resource twice, e.g. both
    /// regions of a cross-region peering).
    mutating func unique<T>(_ records: [AWSSnapshot.Record<T>], id: (T) -> String, kind: String, report: Bool = true) -> [AWSSnapshot.Record<T>] {
        var seen: [String: SourceLocation] = [:]
        var out: [AWSSnapshot.Record<T>] = []
        for r in records {
            let key = id(r.value)
            if let first = seen[key] {
                if report && first.file != r.location.file {
                    diagnostics.emit(.warning("\(kind) '\(key)' is listed twice; the first listing is used", at: r.location, rule: "aws-duplicate",
                                              notes: [.note("first listed here", at: first)]))
                }
                continue
            }
            seen[key] = r.location
            out.append(r)
        }
        return out
    }

    /// The VPC a resource that lives in a VPC names, or an error when the snapshot lacks it.
    mutating func vpcID(for reference: AWSSnapshot.Reference, of what: String) -> String? {
        if vpcs[reference.id] != nil { return reference.id }
        // A VPC being deleted was named in its own warning; what is left in it goes with it.
        if !unplacedVPCs.contains(reference.id) && !goneVPCs.contains(reference.id) {
            diagnostics.emit(.error("\(what) is in VPC '\(reference.id)', which is not in the snapshot (is describe-vpcs for its region missing?)",
                                    at: reference.location, rule: "aws-unknown-vpc"))
        }
        return nil
    }

    /// Like `vpcID(for:of:)`, for links that may lead out of the snapshot (another account's VPC): a warning.
    mutating func linkedVPC(_ reference: AWSSnapshot.Reference, of what: String) -> String? {
        if vpcs[reference.id] != nil { return reference.id }
        if !unplacedVPCs.contains(reference.id) {
            diagnostics.emit(.warning("\(what) links VPC '\(reference.id)', which is not in the snapshot (another account's?); link left out",
                                      at: reference.location, rule: "aws-unknown-vpc"))
        }
        return nil
    }

    // MARK: - Gone and going resources

    var goneVPCs: Set<String> { Set(snapshot.goneResources.filter { $0.what == "VPC" }.map(\.id)) }

    /// One warning per resource AWS lists as gone or going: it is left out, never silently.
    mutating func reportGoneResources() {
        for gone in snapshot.goneResources {
            let rest = gone.detail.isEmpty ? "left out" : "left out of it"
            diagnostics.emit(.warning("\(gone.what) '\(gone.id)' is \(gone.state)\(gone.detail); \(rest)", at: gone.location, rule: "aws-gone"))
        }
    }

    /// Routes AWS still reports active to a target that is going (a NAT gateway `deleting`, an internet
    /// gateway `detaching`): kept, flagged with the target's state, and named in a warning.
    mutating func flagRoutesToGoingTargets() {
        var going: [String: AWSSnapshot.GoneResource] = [:]
        for gone in snapshot.goneResources where going[gone.id] == nil { going[gone.id] = gone }
        for id in vpcs.keys.sorted() {
            for t in vpcs[id]!.routeTables.indices {
                let table = vpcs[id]!.routeTables[t]
                for r in table.routes.indices where table.routes[r].state != .blackhole {
                    let route = table.routes[r]
                    guard let gone = going[route.target.id] else { continue }
                    // An internet gateway detaching from another VPC is still this one's.
                    if route.target.kind == .internetGateway, vpcs[id]!.internetGateway?.id == gone.id { continue }
                    vpcs[id]!.routeTables[t].routes[r].targetState = gone.state
                    diagnostics.emit(.warning("route to '\(route.destination)' in '\(table.id)' goes to \(gone.what) '\(gone.id)', which is \(gone.state); route kept and flagged",
                                              at: route.origin["target"], rule: "aws-target-going"))
                }
            }
        }
    }

    // MARK: - VPCs and what they hold

    mutating func placeVPCs() {
        // Region clues from content, for snapshots not sorted into region folders.
        var clue: [String: String] = [:]
        func note(_ vpc: String, _ region: String?) {
            guard let region, Regions.looksLikeRegion(region) else { return }
            if clue[vpc] == nil { clue[vpc] = region }
        }
        for r in snapshot.subnets { note(r.value.vpc.id, r.folderRegion ?? Regions.region(ofAvailabilityZone: r.value.subnet.availabilityZone)) }
        for r in snapshot.interfaceEndpoints { note(r.value.vpc.id, r.folderRegion ?? r.value.endpoint.service.region) }
        for r in snapshot.gatewayEndpoints { note(r.value.vpc.id, r.folderRegion ?? r.value.endpoint.service.region) }
        for r in snapshot.resolverEndpoints { note(r.value.vpc.id, r.folderRegion ?? r.value.arnRegion) }
        for r in snapshot.peerings {
            note(r.value.peering.requesterVPCID, r.value.requesterRegion)
            note(r.value.peering.accepterVPCID, r.value.accepterRegion)
        }
        for r in snapshot.hostedZones { for v in r.value.vpcs ?? [] { note(v.reference.id, v.region) } }
        for r in snapshot.routeTables { note(r.value.vpc.id, r.folderRegion) }
        for r in snapshot.securityGroups { note(r.value.vpc.id, r.folderRegion) }

        knownRegions = Set(clue.values)
        for list in [snapshot.vpcs.map(\.folderRegion), snapshot.transitGateways.map { $0.folderRegion ?? $0.value.arnRegion },
                     snapshot.resolverRules.map { $0.folderRegion ?? $0.value.arnRegion }, snapshot.vpnConnections.map(\.folderRegion)] {
            knownRegions.formUnion(list.compactMap { $0 })
        }

        var attributes: [String: AWSSnapshot.VPCAttribute] = [:]
        for r in snapshot.vpcAttributes {
            var a = attributes[r.value.vpcID] ?? AWSSnapshot.VPCAttribute(vpcID: r.value.vpcID)
            a.dnsSupport = r.value.dnsSupport ?? a.dnsSupport
            a.dnsHostnames = r.value.dnsHostnames ?? a.dnsHostnames
            attributes[r.value.vpcID] = a
        }
        for r in unique(snapshot.vpcs, id: \.vpc.id, kind: "VPC") {
            var vpc = r.value.vpc
            guard let name = r.folderRegion ?? clue[vpc.id] ?? soleRegion else {
                unplacedVPCs.insert(vpc.id)
                diagnostics.emit(.error("cannot tell the region of VPC '\(vpc.id)': nothing in it names an availability zone or service; "
                                        + "put each region's outputs in a folder named after the region (e.g. 'eu-west-1/')",
                                        at: r.location, rule: "aws-region-unknown"))
                continue
            }
            // Without its describe-vpc-attribute output an attribute is unknown, not AWS's default.
            let a = attributes[vpc.id]
            if let support = a?.dnsSupport { vpc.dnsSupport = support } else {
                vpc.dnsSupportKnown = false
                vpc.dnsSupport = VPC.assumedDNSSupport
                missingAttribute(vpc.id, "enableDnsSupport", "DNS support", at: r.location, folder: r.folderRegion)
            }
            if let hostnames = a?.dnsHostnames { vpc.dnsHostnames = hostnames } else {
                vpc.dnsHostnamesKnown = false
                missingAttribute(vpc.id, "enableDnsHostnames", "DNS hostnames", at: r.location, folder: r.folderRegion)
            }
            vpcs[vpc.id] = vpc
            vpcRegion[vpc.id] = name
        }
        for r in snapshot.vpcAttributes where vpcs[r.value.vpcID] == nil && !unplacedVPCs.contains(r.value.vpcID) {
            diagnostics.emit(.warning("attributes of VPC '\(r.value.vpcID)', which is not in the snapshot; ignored", at: r.location, rule: "aws-unknown-vpc"))
        }
    }

    /// The warning for one missing `describe-vpc-attribute` output, named as `collect` names it.
    mutating func missingAttribute(_ vpc: String, _ attribute: String, _ what: String, at location: SourceLocation, folder: String?) {
        let file = (folder.map { "\(FileName.component($0))/" } ?? "") + "describe-vpc-attribute.\(FileName.component(vpc)).\(attribute).json"
        diagnostics.emit(.warning("\(what) ('\(attribute)') of VPC '\(vpc)' is unknown: no 'ec2 describe-vpc-attribute' output for it ('\(file)'); documented as unknown",
                                  at: location, rule: "aws-missing-output"))
    }

    mutating func addSubnets() {
        for r in unique(snapshot.subnets, id: \.subnet.id, kind: "subnet") {
            let subnet = r.value.subnet
            guard let vpc = vpcID(for: r.value.vpc, of: "subnet '\(subnet.id)'") else { continue }
            vpcs[vpc]!.subnets.append(subnet)
            subnetVPC[subnet.id] = vpc
            subnetZone[subnet.id] = subnet.availabilityZone
        }
    }

    mutating func addRouteTables() {
        for r in unique(snapshot.routeTables, id: \.table.id, kind: "route table") {
            let table = r.value.table
            guard let vpc = vpcID(for: r.value.vpc, of: "route table '\(table.id)'") else { continue }
            vpcs[vpc]!.routeTables.append(table)
            for subnet in r.value.subnets {
                guard let i = vpcs[vpc]!.subnets.firstIndex(where: { $0.id == subnet.id }) else {
                    diagnostics.emit(.warning("route table '\(table.id)' is associated with subnet '\(subnet.id)', which is not in VPC '\(vpc)' in the snapshot; association ignored",
                                              at: subnet.location, rule: "aws-unknown-subnet"))
                    continue
                }
                vpcs[vpc]!.subnets[i].routeTableID = table.id
            }
        }
    }

    /// Network interfaces by id, and the ids of those whose description names an AWS resource
    /// (`VPC Endpoint Interface vpce-…`, `Route 53 Resolver: rslvr-in-…:rni-…`), by that resource.
    var interfaces: (byID: [String: AWSSnapshot.NetworkInterfaceFacts], byOwner: [String: [String]]) {
        var byID: [String: AWSSnapshot.NetworkInterfaceFacts] = [:]
        var byOwner: [String: [String]] = [:]
        for r in snapshot.networkInterfaces where byID[r.value.id] == nil {
            byID[r.value.id] = r.value
            for token in Self.resourceIDs(in: r.value.description) { byOwner[token, default: []].append(r.value.id) }
        }
        return (byID, byOwner)
    }

    /// Words shaped like `vpce-0a1b…` or `rslvr-in-0a1b…` in a text.
    static func resourceIDs(in text: String) -> [String] {
        text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-") }).map(String.init)
            .filter { $0.hasPrefix("vpce-") || $0.hasPrefix("rslvr-") }
    }

    mutating func addEndpoints() {
        let (eniByID, eniByOwner) = interfaces
        let haveInterfaces = !snapshot.networkInterfaces.isEmpty
        for r in unique(snapshot.interfaceEndpoints, id: \.endpoint.id, kind: "VPC endpoint") {
            var endpoint = r.value.endpoint
            guard let vpc = vpcID(for: r.value.vpc, of: "endpoint '\(endpoint.id)'") else { continue }
            // The IPs come from the network interfaces: those the endpoint lists, and those whose description names it.
            var seen = Set<String>()
            let eniIDs = (r.value.networkInterfaceIDs + (eniByOwner[endpoint.id] ?? [])).filter { seen.insert($0).inserted }
            var bySubnet: [String: EndpointInterface] = [:]
            for id in eniIDs {
                guard let eni = eniByID[id], bySubnet[eni.subnetID] == nil else { continue }
                bySubnet[eni.subnetID] = EndpointInterface(subnetID: eni.subnetID, ip: eni.ip, networkInterfaceID: eni.id, ipv6: eni.ipv6, origin: eni.origin)
            }
            for subnet in r.value.subnets where bySubnet[subnet.id] == nil {
                let why = haveInterfaces ? "no network interface of it in describe-network-interfaces" : "no describe-network-interfaces output"
                diagnostics.emit(.warning("the IP of endpoint '\(endpoint.id)' in subnet '\(subnet.id)' is unknown (\(why)); documented as not in the snapshot",
                                          at: subnet.location, rule: "aws-missing-interface"))
                if !endpoint.unknownIPSubnetIDs.contains(subnet.id) { endpoint.unknownIPSubnetIDs.append(subnet.id) }
            }
            endpoint.unknownIPSubnetIDs.sort { (subnetZone[$0] ?? "", $0) < (subnetZone[$1] ?? "", $1) }
            endpoint.origin.fields["unknown_ip_subnets"] = r.value.subnets.first?.location
            endpoint.interfaces = bySubnet.values.sorted { (subnetZone[$0.subnetID] ?? "", $0.subnetID) < (subnetZone[$1.subnetID] ?? "", $1.subnetID) }
            setDNSNames(of: &endpoint, reported: r.value.dnsNames)
            vpcs[vpc]!.interfaceEndpoints.append(endpoint)
        }

        var wellKnownLists: [String: String] = [:]
        for r in snapshot.prefixLists where wellKnownLists[r.value.name] == nil { wellKnownLists[r.value.name] = r.value.id }
        for r in unique(snapshot.gatewayEndpoints, id: \.endpoint.id, kind: "VPC endpoint") {
            var endpoint = r.value.endpoint
            guard let vpc = vpcID(for: r.value.vpc, of: "endpoint '\(endpoint.id)'") else { continue }
            // Its route tables are those with a route to it whose destination is a prefix list.
            var lists: [String] = []
            for table in vpcs[vpc]!.routeTables {
                for route in table.routes where route.target.id == endpoint.id {
                    guard case .prefixList(let list) = route.destination else { continue }
                    if !endpoint.routeTableIDs.contains(table.id) { endpoint.routeTableIDs.append(table.id) }
                    if !lists.contains(list) { lists.append(list) }
                }
            }
            endpoint.routeTableIDs.sort()
            let known = endpoint.service.region.flatMap { Regions.prefixListID(service: endpoint.service.shortName, region: $0) }
            let listed = lists.first ?? wellKnownLists[endpoint.service.fullName]
            endpoint.declaredPrefixListID = listed == known ? nil : listed
            vpcs[vpc]!.gatewayEndpoints.append(endpoint)
        }
        addGatewayLoadBalancerEndpoints(interfaces: eniByID, owners: eniByOwner)
    }

    /// Gateway Load Balancer endpoints, with the IP of their network interface when the snapshot has it.
    mutating func addGatewayLoadBalancerEndpoints(interfaces eniByID: [String: AWSSnapshot.NetworkInterfaceFacts], owners eniByOwner: [String: [String]]) {
        for r in unique(snapshot.gatewayLoadBalancerEndpoints, id: \.endpoint.id, kind: "VPC endpoint") {
            var endpoint = r.value.endpoint
            guard let vpc = vpcID(for: r.value.vpc, of: "endpoint '\(endpoint.id)'") else { continue }
            let eni = (r.value.networkInterfaceIDs + (eniByOwner[endpoint.id] ?? [])).lazy.compactMap { eniByID[$0] }
                .first { endpoint.subnetID == nil || $0.subnetID == endpoint.subnetID }
            if let eni {
                endpoint.subnetID = endpoint.subnetID ?? eni.subnetID
                endpoint.ip = eni.ip
                endpoint.origin.fields["ip"] = eni.origin["ip"]
            }
            vpcs[vpc]!.gatewayLoadBalancerEndpoints.append(endpoint)
        }
    }

    /// DNS names as AWS reported them, in the order the model keeps: regional, then one per zone
    /// (in zone order), then the private DNS name. Kept only where they differ from what the
    /// model derives from the id, DNS suffix, service and zones.
    func setDNSNames(of endpoint: inout InterfaceEndpoint, reported: [String]) {
        guard !reported.isEmpty else { return }
        let endpointSubnets = endpoint.interfaces.map(\.subnetID) + endpoint.unknownIPSubnetIDs
        let zones = endpointSubnets.compactMap { subnetZone[$0] }.sorted()
        let own = reported.filter { $0.contains(endpoint.id) }
        let privateNames = reported.filter { !$0.contains(endpoint.id) }
        func zone(of name: String) -> String? {
            zones.first { name.contains("-\($0).") } ?? zoneSuffix(name)
        }
        let regional = own.filter { zone(of: $0) == nil }
        let zonal = own.filter { zone(of: $0) != nil }.sorted { (zone(of: $0) ?? "", $0) < (zone(of: $1) ?? "", $1) }
        if let first = regional.first(where: { $0.hasPrefix("\(endpoint.id)-") }) {
            let rest = first.dropFirst(endpoint.id.count + 1)
            if let dot = rest.firstIndex(of: "."), dot > rest.startIndex { endpoint.dnsSuffix = String(rest[..<dot]) }
        }
        let ordered = regional + zonal
        var derived = endpoint
        derived.declaredDNSNames = nil
        let derivedNames = derived.dnsNames(in: VPC(id: "", subnets: endpointSubnets.compactMap { id in
            subnetZone[id].flatMap { z in CIDR("0.0.0.0/0").map { Subnet(id: id, availabilityZone: z, cidr: $0) } }
        })).filter { $0.scope != .privateDNS }.map(\.name)
        if ordered != derivedNames { endpoint.declaredDNSNames = ordered }
        if endpoint.privateDNS, let privateName = privateNames.first, privateName != endpoint.service.publicDNSName {
            endpoint.declaredPrivateDNSName = privateName
        }
        // Further private names (DnsEntries or PrivateDnsNames list several for some services).
        if endpoint.privateDNS {
            var more: [String] = []
            for name in privateNames.dropFirst() + endpoint.additionalPrivateDNSNames where name != privateNames.first && !more.contains(name) { more.append(name) }
            endpoint.additionalPrivateDNSNames = more
        }
    }

    /// The zone a name like `vpce-…-abcd-eu-west-1a.service…` names, when the endpoint's subnets do not say.
    func zoneSuffix(_ name: String) -> String? {
        guard let firstLabel = name.split(separator: ".").first else { return nil }
        let parts = firstLabel.split(separator: "-")
        for count in [3, 4] where parts.count > count + 1 {
            let candidate = parts.suffix(count).joined(separator: "-")
            if Regions.region(ofAvailabilityZone: candidate) != nil { return candidate }
        }
        return nil
    }

    /// Leaves out the routes the model derives (the `local` route of each VPC CIDR, and each gateway
    /// endpoint's route to its prefix list) and sorts the rest by destination.
    mutating func tidyRoutes() {
        for (id, var vpc) in vpcs {
            for t in vpc.routeTables.indices {
                let table = vpc.routeTables[t]
                vpc.routeTables[t].routes = table.routes.filter { route in
                    if route.target == .local, case .cidr(let c) = route.destination, vpc.cidrs.contains(c) || vpc.ipv6CIDRs.contains(c) { return false }
                    if route.state == .active, route.target.kind == .gatewayEndpoint,
                       let endpoint = vpc.gatewayEndpoints.first(where: { $0.id == route.target.id }),
                       endpoint.routeTableIDs.contains(table.id), let list = endpoint.prefixListID, route.destination == .prefixList(list) {
                        return false
                    }
                    return true
                }.sorted { Self.precedes($0.destination, $1.destination) }
            }
            vpcs[id] = vpc
        }
    }

    /// IPv4 blocks, then IPv6 blocks, then prefix lists.
    static func precedes(_ a: Route.Destination, _ b: Route.Destination) -> Bool {
        switch (a, b) {
        case let (.cidr(x), .cidr(y)): x < y
        case (.cidr, .prefixList): true
        case (.prefixList, .cidr): false
        case let (.prefixList(x), .prefixList(y)): x < y
        }
    }

    mutating func addGateways() {
        for r in unique(snapshot.internetGateways, id: \.gateway.id, kind: "internet gateway") {
            for reference in r.value.vpcs {
                guard let vpc = vpcID(for: reference, of: "internet gateway '\(r.value.gateway.id)'") else { continue }
                vpcs[vpc]!.internetGateway = r.value.gateway
            }
        }
        for r in unique(snapshot.natGateways, id: \.gateway.id, kind: "NAT gateway") {
            guard let vpc = vpcID(for: r.value.vpc, of: "NAT gateway '\(r.value.gateway.id)'") else { continue }
            vpcs[vpc]!.natGateways.append(r.value.gateway)
        }
        for r in unique(snapshot.vpnGateways, id: \.gateway.id, kind: "virtual private gateway") {
            for reference in r.value.vpcs {
                guard let vpc = vpcID(for: reference, of: "virtual private gateway '\(r.value.gateway.id)'") else { continue }
                vpcs[vpc]!.vpnGateway = r.value.gateway
            }
        }
    }

    mutating func addSecurityGroups() {
        for r in unique(snapshot.securityGroups, id: \.group.id, kind: "security group") {
            guard let vpc = vpcID(for: r.value.vpc, of: "security group '\(r.value.group.id)'") else { continue }
            vpcs[vpc]!.securityGroups.append(r.value.group)
        }
    }
}
