import VPCModel

/// A VPC in the convention of AWS reference diagrams, as a scene (`vpcScene`) that `SceneEncoder`
/// draws. Layers, top to bottom:
///
///     0        the internet side: internet gateway, and route tables used only by the first tier
///              whose routes all go up (to the internet gateway or a connection drawn above)
///     1…       the subnet tiers, one row each (public, private, isolated, or the tier names the
///              subnets share, like `data` in `data-a`, `data-b`): the availability zones are
///              columns, a subnet is one node, its ENIs, NAT gateways and Resolver IPs chips in it.
///              A route table used by subnets of one AZ sits beside the first of them
///     next     route tables shared across AZs
///     next     the VPC's edge: virtual private gateway, gateway endpoints (one group per VPC, so
///              that each route table has one edge to them), other route targets
///     last     the endpoints band: interface and Resolver endpoints with their DNS names
///
/// `detail` decides what is written: `summary` drops route tables, chips and endpoint details
/// (the endpoints become one group node); `standard` shows names, CIDRs, DNS names and route
/// destinations, AWS ids only in tooltips; `full` adds ids, security groups and unused tables.
extension DiagramBuilder {
    /// The tier rows of a VPC: a name, a colour, and the subnets in each AZ, in display order
    /// (public tones first). A tier takes the name its subnets share once the AZ is cut from their
    /// names (`data-a`, `data-b` → `data`), else the routing tier's.
    static func tierRows(of vpc: VPC) -> [(name: String, tone: TierTone, subnets: [Subnet])] {
        var rows: [(name: String, tone: TierTone, subnets: [Subnet])] = []
        for tier in SubnetTier.allCases {
            let tone = TierTone(rawValue: tier.rawValue)!
            for subnet in vpc.subnets where vpc.tier(of: subnet) == tier {
                let name = tierName(of: subnet) ?? tier.rawValue
                if let index = rows.firstIndex(where: { $0.name == name && $0.tone == tone }) {
                    rows[index].subnets.append(subnet)
                } else {
                    rows.append((name, tone, [subnet]))
                }
            }
        }
        return rows
    }

    /// `public` for `public-a` in `eu-west-1a` (or `public-1a`, `public_a`, `public-eu-west-1a`):
    /// the subnet's name without its zone; nil when the name does not end in its zone.
    static func tierName(of subnet: Subnet) -> String? {
        guard let name = subnet.name else { return nil }
        let zone = subnet.availabilityZone
        let letter = zone.last.map(String.init) ?? ""
        let digitLetter = String(zone.suffix(2))
        for suffix in [zone, digitLetter, letter] where !suffix.isEmpty {
            for separator in ["-", "_", " ", "."] where name.hasSuffix(separator + suffix) {
                let base = String(name.dropLast(separator.count + suffix.count))
                if !base.isEmpty { return base }
            }
        }
        return nil
    }

    /// Where a route target is drawn in the VPC's scene.
    enum TargetPlace {
        case node(String)
        case chip(subnet: String, chip: String)
    }

    mutating func vpcScene(_ vpc: VPC, region: Region, above: Set<String>) -> (SceneCluster, [SceneEdge]) {
        let detail = options.detail
        var sceneEdges: [SceneEdge] = []
        let rows = DiagramBuilder.tierRows(of: vpc)
        let zones = vpc.availabilityZones
        let subnetLayer: [String: Int] = Dictionary(uniqueKeysWithValues: rows.enumerated().flatMap { index, row in row.subnets.map { ($0.id, index + 1) } })
        let tablesLayer = rows.count + 1
        let edgeLayer = rows.count + 2
        // The endpoints band below the gateway endpoints.
        let bandLayer = rows.count + 3

        var cluster = SceneCluster(id: vpc.id, kind: .vpc, layered: true, ordered: true,
                                   comment: "vpc \(vpc.id)\(vpc.name.map { " (\($0))" } ?? "")")
        cluster.label = [.title(vpc.displayName)]
        let cidrs = vpc.cidrs.map(\.description).joined(separator: ", ")
        let ipv6 = vpc.ipv6CIDRs.map(\.description).joined(separator: ", ")
        // IPv6 blocks from `standard` up: summary keeps the IPv4 plan only.
        let blocks = detail == .summary || ipv6.isEmpty ? cidrs : "\(cidrs) · \(ipv6)"
        cluster.label.append(.detail(detail == .full ? "\(vpc.id) · \(blocks)" : blocks))
        let dnsText = "DNS support \(vpc.dnsSupportKnown ? (vpc.dnsSupport ? "on" : "off") : "unknown"), DNS hostnames \(vpc.dnsHostnamesKnown ? (vpc.dnsHostnames ? "on" : "off") : "unknown")"
        cluster.tooltip = ["VPC \(vpc.id)", vpc.name, "CIDR \(cidrs)", ipv6.isEmpty ? nil : "IPv6 \(ipv6)", vpc.ownerID.map { "owner \($0)" }, dnsText].compactMap { $0 }
        cluster.link = href(for: .vpc(vpc.id, region: region.name))
        if !vpc.dnsSupportKnown || !vpc.dnsHostnamesKnown {
            let unknown = [vpc.dnsSupportKnown ? nil : "enableDnsSupport", vpc.dnsHostnamesKnown ? nil : "enableDnsHostnames"].compactMap { $0 }
            cluster.badges.append(Badge("DNS ?", tooltip: "\(unknown.joined(separator: " and ")) not in the input: unknown", tone: .warning))
        }

        // Where each route target is drawn.
        var targets: [String: TargetPlace] = [:]
        for nat in vpc.natGateways { targets[nat.id] = .chip(subnet: nat.subnetID, chip: nat.id) }
        for gwlb in vpc.gatewayLoadBalancerEndpoints {
            if let subnet = gwlb.subnetID, vpc.subnet(subnet) != nil { targets[gwlb.id] = .chip(subnet: subnet, chip: gwlb.id) }
        }

        // Route tables: beside their subnets when in one AZ, on top for the internet side, else shared.
        let showTables = detail != .summary
        var besideTables: [String: [(table: RouteTable, layer: Int)]] = [:]
        var topNodes: [SceneNode] = []
        var sharedTables: [SceneNode] = []
        let firstTierLayer = rows.isEmpty ? 1 : 1
        for table in vpc.routeTables where showTables {
            let subnets = vpc.subnets(using: table)
            if subnets.isEmpty && table.gatewayIDs.isEmpty && detail != .full && !vpc.effectiveRoutes(of: table).contains(where: { $0.target.kind != .local }) { continue }
            let node = routeTableNode(table, in: vpc, region: region)
            // An ingress (edge) table of the internet gateway sits beside it, on top.
            if subnets.isEmpty, let igw = vpc.internetGateway, table.gatewayIDs.contains(igw.id) {
                var top = node
                top.layer = 0
                topNodes.append(top)
                continue
            }
            if let first = subnets.first, subnets.allSatisfy({ $0.availabilityZone == first.availabilityZone }) {
                besideTables[first.availabilityZone, default: []].append((table, subnets.map { subnetLayer[$0.id]! }.min()!))
                continue
            }
            let routeTargets = vpc.effectiveRoutes(of: table).filter { $0.target.kind != .local }.map(\.target)
            let upwards = !routeTargets.isEmpty && routeTargets.allSatisfy { $0.kind == .internetGateway || above.contains($0.id) }
            if !subnets.isEmpty, upwards, subnets.allSatisfy({ subnetLayer[$0.id] == firstTierLayer }) {
                var top = node
                top.layer = 0
                topNodes.append(top)
            } else {
                var shared = node
                shared.layer = tablesLayer
                sharedTables.append(shared)
            }
        }

        // The internet side.
        if let igw = vpc.internetGateway {
            let node = SceneNode(id: igw.id, kind: .internetGateway,
                                 label: [.title("internet gateway")] + (igw.name.map { [.line($0)] } ?? []) + (detail == .full ? [.detail(igw.id)] : []),
                                 tooltip: ["internet gateway \(igw.id)", igw.name].compactMap { $0 },
                                 link: href(for: .internetGateway(igw.id, region: region.name)), layer: 0)
            topNodes.insert(node, at: 0)
        }
        // The egress-only internet gateway beside it (IPv6 out only), at every detail: a gateway.
        if let eigw = egressOnlyGateway(of: vpc) {
            topNodes.insert(SceneNode(id: eigw.id, kind: .egressOnlyInternetGateway,
                                      label: [.title("egress-only internet gateway")] + (eigw.name.map { [.line($0)] } ?? []) + (detail == .full ? [.detail(eigw.id)] : []),
                                      tooltip: ["egress-only internet gateway \(eigw.id)", eigw.name, "IPv6 traffic out to the internet only (no inbound connections)"].compactMap { $0 },
                                      link: href(for: ResourceLink(id: eigw.id)), layer: 0),
                            at: vpc.internetGateway == nil ? 0 : 1)
        }
        cluster.nodes += topNodes
        cluster.layerNames[0] = "top"
        for (index, row) in rows.enumerated() { cluster.layerNames[index + 1] = "\(row.tone.rawValue)_\(row.name)" }
        cluster.layerNames[tablesLayer] = "tables"
        cluster.layerNames[edgeLayer] = "edge"
        cluster.layerNames[bandLayer] = "endpoints"

        // AZ columns with tier rows.
        for zone in zones {
            var column = SceneCluster(id: "\(vpc.id)_\(zone)", kind: .availabilityZone, label: [.title(zone)],
                                      tooltip: ["availability zone \(zone) of \(vpc.id)"])
            for (index, row) in rows.enumerated() {
                let subnets = row.subnets.filter { $0.availabilityZone == zone }
                guard !subnets.isEmpty else { continue }
                var tierRow = SceneCluster(id: "\(vpc.id)_\(zone)_\(row.tone.rawValue)_\(row.name)", kind: .tierRow, label: [.title(row.name)],
                                           tooltip: ["\(row.name) subnets in \(zone)"], tier: row.tone, layer: index + 1)
                tierRow.nodes = subnets.map { subnetNode($0, tierName: row.name, in: vpc, region: region) }
                column.clusters.append(tierRow)
            }
            for (table, layer) in besideTables[zone] ?? [] {
                var node = routeTableNode(table, in: vpc, region: region)
                node.layer = layer
                column.nodes.append(node)
            }
            cluster.clusters.append(column)
        }
        cluster.nodes += sharedTables

        // The VPC's edge.
        var edgeNodes: [SceneNode] = []
        if let vgw = vpc.vpnGateway {
            edgeNodes.append(SceneNode(id: vgw.id, kind: .vpnGateway,
                                       label: [.title("virtual private gateway")] + (vgw.name.map { [.line($0)] } ?? []) + (detail == .full ? [.detail(vgw.id)] : []),
                                       tooltip: ["virtual private gateway \(vgw.id)", vgw.name].compactMap { $0 },
                                       link: href(for: .vpnGateway(vgw.id, region: region.name)), layer: edgeLayer))
        }
        var extra: [String] = []
        for table in vpc.routeTables {
            for route in table.routes where route.target.kind == .networkInterface && route.targetIsPresent {
                if !extra.contains(route.target.id) { extra.append(route.target.id) }
            }
        }
        for id in extra where showTables {
            edgeNodes.append(SceneNode(id: id, kind: .networkInterface, label: [.title("network interface"), .detail(id)],
                                       tooltip: ["network interface \(id) (a route target)"],
                                       link: href(for: ResourceLink(id: DiagramBuilder.routeTablesSection)), layer: edgeLayer))
        }
        // Targets a blackhole route or a route to a resource being deleted still names.
        if showTables {
            edgeNodes += missingTargetNodes(of: vpc, in: region, layer: edgeLayer)
        }
        // GWLB endpoints whose subnet is not drawn.
        for gwlb in vpc.gatewayLoadBalancerEndpoints where targets[gwlb.id] == nil {
            var node = gatewayLoadBalancerNode(gwlb, region: region)
            node.layer = edgeLayer
            edgeNodes.append(node)
        }
        cluster.nodes += edgeNodes

        // Gateway endpoints: one group, beside the VPC's other edge nodes.
        let gatewayGroupID = "\(vpc.id)_gateway-endpoints"
        if !vpc.gatewayEndpoints.isEmpty && detail != .summary {
            var group = SceneCluster(id: gatewayGroupID, kind: .group, label: [.title("gateway endpoints")],
                                     tooltip: ["gateway endpoints of \(vpc.id): reached through routes to their prefix lists"], layer: edgeLayer)
            group.nodes = vpc.gatewayEndpoints.map { gatewayEndpointNode($0, in: vpc, region: region, edges: &sceneEdges) }
            cluster.clusters.append(group)
        }

        // The endpoints band.
        if detail == .summary {
            if let group = endpointGroupNode(vpc, region: region) {
                var node = group
                node.layer = bandLayer
                cluster.nodes.append(node)
            }
        } else if !vpc.interfaceEndpoints.isEmpty || !vpc.resolverEndpoints.isEmpty || !vpc.latticeEndpoints.isEmpty {
            let kinds = [vpc.interfaceEndpoints.isEmpty ? nil : "interface", vpc.latticeEndpoints.isEmpty ? nil : "VPC Lattice",
                         vpc.resolverEndpoints.isEmpty ? nil : "Resolver"].compactMap { $0 }
            let title = kinds.count == 1 ? "\(kinds[0]) endpoints" : kinds.dropLast().joined(separator: ", ") + " and \(kinds.last!) endpoints"
            var band = SceneCluster(id: "\(vpc.id)_endpoints", kind: .endpointsBand, label: [.title(title)],
                                    tooltip: ["endpoints of \(vpc.id) with a network interface in its subnets"], layer: bandLayer)
            band.nodes = vpc.interfaceEndpoints.map { interfaceEndpointNode($0, in: vpc, region: region, edges: &sceneEdges) }
                + vpc.latticeEndpoints.map { latticeEndpointNode($0, in: vpc, region: region) }
                + vpc.resolverEndpoints.map { resolverEndpointNode($0, in: vpc, region: region, edges: &sceneEdges) }
            cluster.clusters.append(band)
        }

        if showTables {
            sceneEdges += routeEdges(of: vpc, targets: targets, gatewayGroup: detail == .summary ? nil : gatewayGroupID,
                                     drawnTables: Set(cluster.allNodes.filter { $0.kind == .routeTable }.map(\.id)))
            let drawn = Set(cluster.allNodes.map(\.id))
            for table in vpc.routeTables where drawn.contains(table.id) {
                for gateway in table.gatewayIDs where drawn.contains(gateway) {
                    sceneEdges.append(SceneEdge(.edgeAssociation, from: .node(gateway), to: .node(table.id),
                                                tooltip: ["\(table.name ?? table.id) is the ingress (edge) route table of \(gateway): it routes the traffic entering the VPC through it"]))
                }
            }
        }
        sceneEdges += reachEdges(of: vpc, region: region)
        DiagramBuilder.labelFlatRoutesInTheirTable(&cluster, edges: &sceneEdges)
        return (cluster, sceneEdges)
    }

    /// A route between two nodes of the top row (a public route table and the internet gateway
    /// beside it) is a short sideways edge: its label would sit on the nodes. Its destinations are
    /// written in the table instead ("0.0.0.0/0, ::/0 →"), the edge keeps them in its tooltip.
    static func labelFlatRoutesInTheirTable(_ cluster: inout SceneCluster, edges: inout [SceneEdge]) {
        let top = Set(cluster.nodes.filter { $0.layer == 0 }.map(\.id))
        for index in edges.indices {
            let edge = edges[index]
            guard [.route, .routePropagated, .routeFiltered, .routeBlackhole, .routeTargetDeleting].contains(edge.kind), !edge.label.isEmpty,
                  case .node(let table) = edge.tail, let head = edge.head.nodeID, top.contains(table), top.contains(head),
                  let node = cluster.nodes.firstIndex(where: { $0.id == table }) else { continue }
            cluster.nodes[node].label.append(.line(edge.label.joined(separator: ", ") + " →"))
            edges[index].label = []
        }
    }

    /// Subnet → route table (association) and route table → target edges: one per route table and
    /// target, labelled with every destination, never one per subnet. A table's routes to all of
    /// the VPC's gateway endpoints are one edge to their group.
    mutating func routeEdges(of vpc: VPC, targets places: [String: TargetPlace], gatewayGroup: String?, drawnTables: Set<String>) -> [SceneEdge] {
        var out: [SceneEdge] = []
        let gatewayIDs = Set(vpc.gatewayEndpoints.map(\.id))
        for table in vpc.routeTables where drawnTables.contains(table.id) {
            for subnet in vpc.subnets(using: table) {
                out.append(SceneEdge(.association, from: .node(subnet.id), to: .node(table.id),
                                     tooltip: ["\(subnet.displayName) uses route table \(table.name ?? table.id)\(subnet.routeTableID == nil ? " (main)" : "")"]))
            }
            // One edge per target and kind of route (active, propagated, filtered, blackhole, to a
            // target being deleted), in the order the routes come.
            struct Group: Hashable { var target: String; var kind: EdgeKind }
            var groups: [Group] = []
            var destinations: [Group: [String]] = [:]
            for route in vpc.effectiveRoutes(of: table) where route.target.kind != .local {
                let group = Group(target: route.target.id, kind: DiagramBuilder.edgeKind(of: route))
                if destinations[group] == nil { groups.append(group) }
                destinations[group, default: []].append(describe(route.destination, in: vpc))
            }
            let toGateways = groups.filter { $0.kind == .route && gatewayIDs.contains($0.target) }
            let grouped = gatewayGroup != nil && toGateways.count > 1 && Set(toGateways.map(\.target)) == gatewayIDs
            if grouped, let group = gatewayGroup {
                let services = toGateways.compactMap { g in vpc.gatewayEndpoints.first { $0.id == g.target }?.service.shortName }
                let lines = options.detail == .full ? toGateways.flatMap { destinations[$0]! } : [services.joined(separator: ", ") + " prefix lists"]
                out.append(SceneEdge(.route, from: .node(table.id), to: .cluster(group), label: lines,
                                     tooltip: ["\(table.name ?? table.id): " + toGateways.flatMap { destinations[$0]! }.joined(separator: ", ") + " → gateway endpoints"],
                                     downwards: true))
            }
            for group in groups where !(grouped && toGateways.contains(group)) {
                let target = group.target
                let note: String? = switch group.kind {
                case .routeBlackhole: "(blackhole)"
                case .routeFiltered: "(filtered)"
                case .routePropagated: "(propagated)"
                case .routeTargetDeleting: "(target \(vpc.routeTables.lazy.flatMap(\.routes).first { $0.target.id == target && $0.targetState != nil }?.targetState ?? "going"))"
                default: nil
                }
                let lines = destinations[group]! + (note.map { [$0] } ?? [])
                if group.kind == .route || group.kind == .routePropagated, target.hasPrefix("pcx-") || target.hasPrefix("tgw-") {
                    routedConnections.insert("\(vpc.id) \(target)")
                }
                let head: SceneEdge.End = switch places[target] {
                case .chip(let subnet, let chip)?: .chip(node: subnet, chip: chip)
                case .node(let id)?: .node(id)
                case nil: .node(target)
                }
                out.append(SceneEdge(group.kind, from: .node(table.id), to: head, label: lines,
                                     tooltip: ["\(table.name ?? table.id): " + lines.joined(separator: ", ") + " → \(target)"]))
            }
        }
        return out
    }

    /// Services reached without an endpoint (e.g. another region's S3): out through the internet gateway.
    mutating func reachEdges(of vpc: VPC, region: Region) -> [SceneEdge] {
        var out: [SceneEdge] = []
        for reached in vpc.reaches {
            let served = vpc.gatewayEndpoints.contains { $0.service == reached } || vpc.interfaceEndpoints.contains { $0.service == reached }
            if served { continue }
            let node = service(reached, fallbackRegion: region.name, usedBy: vpc.id)
            let from: SceneEdge.End = vpc.internetGateway.map { .node($0.id) } ?? .cluster(vpc.id)
            let how = vpc.internetGateway != nil ? "over the internet" : "reached"
            var note = ["\(reached.shortName) in \(reached.region ?? region.name) \(how)"]
            if reached.region != region.name && vpc.gatewayEndpoints.contains(where: { $0.service.shortName == reached.shortName }) {
                note.append("(gateway endpoints serve their own region only)")
            }
            out.append(SceneEdge(.serviceAccess, from: from, to: .node(node), label: note))
        }
        return out
    }

    /// How a route is drawn: a route AWS does not use (blackhole, filtered) or whose target is going
    /// is flagged whatever its origin; a propagated route is told from a static one.
    static func edgeKind(of route: Route) -> EdgeKind {
        if route.state == .blackhole { return .routeBlackhole }
        if route.targetState != nil { return .routeTargetDeleting }
        if route.state == .filtered { return .routeFiltered }
        return route.propagated ? .routePropagated : .route
    }

    /// The egress-only internet gateway: the VPC's, or one its routes name that the input does not list.
    func egressOnlyGateway(of vpc: VPC) -> EgressOnlyInternetGateway? {
        if let eigw = vpc.egressOnlyInternetGateway { return eigw }
        let id = vpc.routeTables.lazy.flatMap(\.routes).first { $0.target.kind == .egressOnlyInternetGateway && $0.targetIsPresent }?.target.id
        return id.map { EgressOnlyInternetGateway(id: $0) }
    }

    /// One dashed node per target that a blackhole route or a route to a resource being deleted
    /// names and that nothing else in the diagram draws (it is not in the input).
    mutating func missingTargetNodes(of vpc: VPC, in region: Region, layer: Int) -> [SceneNode] {
        var known: Set<String> = Set(region.peerings.map(\.id) + region.transitGateways.map(\.id) + vpc.natGateways.map(\.id)
            + vpc.gatewayEndpoints.map(\.id) + vpc.gatewayLoadBalancerEndpoints.map(\.id))
        for id in [vpc.internetGateway?.id, vpc.vpnGateway?.id, egressOnlyGateway(of: vpc)?.id].compactMap({ $0 }) { known.insert(id) }
        var out: [SceneNode] = []
        for table in vpc.routeTables {
            for route in table.routes where !route.targetIsPresent && route.target.kind != .local && !known.contains(route.target.id) {
                known.insert(route.target.id)
                let what = route.target.kind.rawValue.replacing("-", with: " ")
                let why = route.targetState.map { "\($0) (the route still uses it)" } ?? "gone (blackhole route)"
                out.append(SceneNode(id: route.target.id, kind: .missingRouteTarget, label: [.title(what), .detail(route.target.id)],
                                     tooltip: ["\(what) \(route.target.id): \(why)", "not in the input"],
                                     link: href(for: ResourceLink(id: DiagramBuilder.routeTablesSection)),
                                     badges: [Badge(route.targetState ?? "blackhole", tooltip: "\(what) \(why)", tone: route.targetState == nil ? .error : .warning)],
                                     layer: layer))
            }
        }
        return out
    }

    func describe(_ destination: Route.Destination, in vpc: VPC) -> String {
        switch destination {
        case .cidr(let cidr): return cidr.description
        case .prefixList(let id):
            if let endpoint = vpc.gatewayEndpoints.first(where: { $0.prefixListID == id }) {
                return "\(id) (\(endpoint.service.shortName))"
            }
            return id
        }
    }

    static func pendingBadge(_ state: PendingState?) -> [Badge] {
        guard let state else { return [] }
        return [Badge("pending", tooltip: "state: \(state.rawValue) (not yet available)", tone: .warning)]
    }

    /// A subnet as one node: name, CIDR, tier badge, and its ENIs, NAT gateways, GWLB endpoints
    /// and Resolver IPs as chips.
    mutating func subnetNode(_ subnet: Subnet, tierName: String, in vpc: VPC, region: Region) -> SceneNode {
        let detail = options.detail
        let tier = vpc.tier(of: subnet)
        let table = vpc.routeTable(for: subnet)
        var label: [LabelPart] = [.title(subnet.displayName), .line(subnet.cidr.description)]
        if detail != .summary { label += subnet.ipv6CIDRs.map { .detail($0.description) } }
        let acl = vpc.networkACLs.first { $0.subnetIDs.contains(subnet.id) }
        let customACL = acl.flatMap { $0.isDefault ? nil : $0 }
        if detail == .full, let acl = customACL { label.append(.detail("NACL \(acl.name.map { "\($0) · " } ?? "")\(acl.id)")) }
        let sharedFrom = subnet.ownerID.flatMap { $0 == vpc.ownerID ? nil : $0 }
        if detail == .full {
            if subnet.name != nil { label.append(.detail(subnet.id)) }
            if let zoneID = subnet.availabilityZoneID { label.append(.detail(zoneID)) }
        }
        let tooltip = ["subnet \(subnet.id)", subnet.name, "\(subnet.availabilityZone)\(subnet.availabilityZoneID.map { " (\($0))" } ?? ""), \(subnet.cidr), \(tier.rawValue)",
                       table.map { "route table \($0.name.map { "\($0) " } ?? "")\($0.id)\(subnet.routeTableID == nil ? " (main)" : "")" },
                       subnet.mapPublicIPOnLaunch ? "public IPv4 addresses on launch" : nil,
                       subnet.ownerID.map { "owner \($0)" }, subnet.ipv6CIDRs.isEmpty ? nil : "IPv6 \(subnet.ipv6CIDRs.map(\.description).joined(separator: ", "))",
                       acl.map { "network ACL \($0.name.map { "\($0) " } ?? "")\($0.id)\($0.isDefault ? " (the VPC's default)" : "")" }].compactMap { $0 }
        var badges = [Badge(tier.rawValue, tooltip: DiagramBuilder.tierExplanation(tier), tone: .info)]
        if detail != .summary, let owner = sharedFrom {
            badges.append(Badge("shared from \(owner)", tooltip: "owned by account \(owner)\(vpc.ownerID.map { ", shared with this VPC's account \($0)" } ?? "") (a shared VPC)"))
        }
        if detail != .summary, let acl = customACL { badges.append(Badge("NACL", tooltip: DiagramBuilder.rulesText(of: acl))) }
        if subnet.mapPublicIPOnLaunch && detail == .full { badges.append(Badge("IPv4", tooltip: "instances get a public IPv4 address on launch")) }
        var chips: [Chip] = []
        if detail != .summary {
            for nat in vpc.natGateways where nat.subnetID == subnet.id {
                let ips = [nat.privateIP?.description, nat.publicIP?.description].compactMap { $0 }
                let text = detail == .full ? "NAT \(nat.name ?? nat.id)" : "NAT" + (nat.name.map { " \($0)" } ?? "")
                chips.append(Chip(id: nat.id, kind: .natGateway, text: text,
                                  tooltip: ["NAT gateway \(nat.id) (\(nat.connectivity.rawValue))", nat.name, ips.isEmpty ? nil : ips.joined(separator: " · ")].compactMap { $0 },
                                  link: href(for: .natGateway(nat.id, region: region.name)), badges: DiagramBuilder.pendingBadge(nat.pendingState)))
            }
            for gwlb in vpc.gatewayLoadBalancerEndpoints where gwlb.subnetID == subnet.id {
                chips.append(Chip(id: gwlb.id, kind: .gatewayLoadBalancerEndpoint, text: "GWLB " + (gwlb.ip?.description ?? "IP ?"),
                                  tooltip: ["Gateway Load Balancer endpoint \(gwlb.id)", gwlb.name, gwlb.service.fullName,
                                            gwlb.ip.map { "private IP \($0)" } ?? "IP not in the input"].compactMap { $0 },
                                  link: href(for: .endpoint(gwlb.id, region: region.name))))
            }
            for endpoint in vpc.interfaceEndpoints {
                for interface in endpoint.interfaces where interface.subnetID == subnet.id {
                    chips.append(Chip(id: eniName(interface, owner: endpoint.id), kind: .eni, text: "\(endpoint.service.shortName) \(interface.ip)",
                                      tooltip: ["network interface of \(endpoint.id) (\(endpoint.service.fullName))", interface.networkInterfaceID,
                                                "private IP \(interface.ip)"].compactMap { $0 },
                                      link: href(for: .endpoint(endpoint.id, region: region.name)), badges: DiagramBuilder.pendingBadge(endpoint.pendingState)))
                }
                if endpoint.unknownIPSubnetIDs.contains(subnet.id) {
                    chips.append(Chip(id: "\(endpoint.id)_\(subnet.id)", kind: .eni, text: "\(endpoint.service.shortName) IP ?",
                                      tooltip: ["network interface of \(endpoint.id) (\(endpoint.service.fullName))", "not in the input: its IP is unknown"],
                                      link: href(for: .endpoint(endpoint.id, region: region.name))))
                }
            }
            for endpoint in vpc.resolverEndpoints {
                for address in endpoint.ipAddresses where address.subnetID == subnet.id {
                    chips.append(Chip(id: eniName(address, owner: endpoint.id), kind: .resolverIP, text: "Resolver \(endpoint.direction.rawValue) \(address.ip)",
                                      tooltip: ["network interface of Resolver endpoint \(endpoint.id)", address.networkInterfaceID, "private IP \(address.ip)"].compactMap { $0 },
                                      link: href(for: ResourceLink(id: endpoint.id))))
                }
            }
        } else {
            let count = vpc.natGateways.filter { $0.subnetID == subnet.id }.count
            if count > 0 { label.append(.detail(count == 1 ? "NAT gateway" : "\(count) NAT gateways")) }
        }
        _ = tierName
        return SceneNode(id: subnet.id, kind: .subnet, label: label, tooltip: tooltip, link: href(for: .subnet(subnet.id, region: region.name)),
                         badges: badges, chips: chips, tier: TierTone(rawValue: tier.rawValue))
    }

    /// A network ACL's rules in evaluation order, one per line, for a tooltip.
    static func rulesText(of acl: NetworkACL) -> String {
        func line(_ rule: NetworkACLRule) -> String {
            let what: String
            if rule.ipProtocol == .all { what = "all traffic" } else {
                let name: String = if case .number(let n) = rule.ipProtocol { "protocol \(n)" } else { rule.ipProtocol.description }
                what = name + (rule.range.text(for: rule.ipProtocol).map { " \($0)" } ?? "")
            }
            return "\(rule.ruleText) \(rule.action.rawValue) \(what) \(rule.cidr)"
        }
        let head = "network ACL \(acl.name.map { "\($0) " } ?? "")\(acl.id), rules in order"
        return ([head, "inbound:"] + acl.ingress.map { "  " + line($0) } + ["outbound:"] + acl.egress.map { "  " + line($0) }).joined(separator: "\n")
    }

    static func tierExplanation(_ tier: SubnetTier) -> String {
        switch tier {
        case .public: "public: a default route to the internet gateway"
        case .private: "private: reaches out through a NAT gateway, a transit gateway or another target, not the internet gateway"
        case .isolated: "isolated: no route out of the VPC"
        }
    }

    func eniName(_ interface: EndpointInterface, owner: String) -> String {
        interface.networkInterfaceID ?? "\(owner)_\(interface.subnetID)"
    }

    mutating func routeTableNode(_ table: RouteTable, in vpc: VPC, region: Region) -> SceneNode {
        let detail = options.detail
        var label: [LabelPart] = [.title(table.name ?? table.id), .detail("route table\(table.isMain ? " (main)" : "")")]
        if detail == .full && table.name != nil { label.append(.detail(table.id)) }
        let routes = vpc.effectiveRoutes(of: table).map { route in
            let flags = [route.state == .active ? nil : route.state.rawValue, route.propagated ? "propagated" : nil,
                         route.targetState.map { "target \($0)" }].compactMap { $0 }
            return "\(route.destination) → \(route.target)" + (flags.isEmpty ? "" : " (\(flags.joined(separator: ", ")))")
        }
        let ingress = table.gatewayIDs.isEmpty ? [] : ["ingress (edge) route table of \(table.gatewayIDs.joined(separator: ", "))"]
        if !table.gatewayIDs.isEmpty { label[1] = .detail("ingress route table") }
        return SceneNode(id: table.id, kind: .routeTable, label: label,
                         tooltip: ["route table \(table.id)\(table.isMain ? " (main)" : "")", table.name].compactMap { $0 } + ingress + routes,
                         link: href(for: .routeTable(table.id, region: region.name)))
    }

    mutating func gatewayLoadBalancerNode(_ gwlb: GatewayLoadBalancerEndpoint, region: Region) -> SceneNode {
        SceneNode(id: gwlb.id, kind: .gatewayLoadBalancerEndpoint,
                  label: [.title("GWLB endpoint")] + (gwlb.name.map { [.line($0)] } ?? []) + [.detail(gwlb.id)],
                  tooltip: ["Gateway Load Balancer endpoint \(gwlb.id)", gwlb.name, gwlb.service.fullName, "subnet not in the diagram"].compactMap { $0 },
                  link: href(for: .endpoint(gwlb.id, region: region.name)))
    }

    mutating func gatewayEndpointNode(_ endpoint: GatewayEndpoint, in vpc: VPC, region: Region, edges: inout [SceneEdge]) -> SceneNode {
        let detail = options.detail
        var label: [LabelPart] = [.title("\(ServiceNames.displayName(endpoint.service.shortName))")]
        if let name = endpoint.name, name != endpoint.service.shortName { label.append(.line(name)) }
        if detail == .full { label.append(.detail(endpoint.id)) }
        label.append(.detail("prefix list \(endpoint.prefixListID ?? "unknown")"))
        let node = SceneNode(id: endpoint.id, kind: .gatewayEndpoint, label: label,
            tooltip: ["gateway endpoint \(endpoint.id)", endpoint.service.fullName, endpoint.prefixListID.map { "prefix list \($0)" },
                      "route tables: \(endpoint.routeTableIDs.joined(separator: ", "))", endpoint.policy == nil ? "default policy (full access)" : "custom policy"].compactMap { $0 },
            link: href(for: .endpoint(endpoint.id, region: region.name)))
        let serviceNode = service(endpoint.service, fallbackRegion: region.name, usedBy: vpc.id)
        edges.append(SceneEdge(.endpointService, from: .node(endpoint.id), to: .node(serviceNode), downwards: true))
        return node
    }

    mutating func interfaceEndpointNode(_ endpoint: InterfaceEndpoint, in vpc: VPC, region: Region, edges: inout [SceneEdge]) -> SceneNode {
        let detail = options.detail
        let names = endpoint.dnsNames(in: vpc)
        var label: [LabelPart] = [.title("\(ServiceNames.displayName(endpoint.service.shortName))")]
        if let name = endpoint.name, name != endpoint.service.shortName, detail == .full { label.append(.line(name)) }
        if detail == .full { label.append(.detail(endpoint.id)) }
        if let regional = names.first(where: { $0.scope == .regional }) { label.append(.dnsName(regional.name)) }
        label.append(.detail(endpoint.privateDNS ? "private DNS: \(endpoint.privateDNSName ?? "on")" : "private DNS off"))
        let groups = endpoint.securityGroupIDs.map { id in vpc.securityGroup(id)?.name.map { "\($0) (\(id))" } ?? id }
        if detail == .full, !groups.isEmpty { label.append(.detail("SG \(endpoint.securityGroupIDs.map { vpc.securityGroup($0)?.name ?? $0 }.joined(separator: ", "))")) }
        let node = SceneNode(id: endpoint.id, kind: .interfaceEndpoint, label: label,
            tooltip: ["interface endpoint \(endpoint.id)", endpoint.service.fullName]
                + endpoint.interfaces.map { "ENI \($0.ip) in \($0.subnetID)" }
                + endpoint.unknownIPSubnetIDs.map { "ENI in \($0), IP not in the input" }
                + names.map { "DNS \($0.name)" }
                + ["security groups: \(groups.joined(separator: ", "))", endpoint.policy == nil ? "default policy (full access)" : "custom policy"],
            link: href(for: .endpoint(endpoint.id, region: region.name)), badges: DiagramBuilder.pendingBadge(endpoint.pendingState))
        for interface in endpoint.interfaces where vpc.subnet(interface.subnetID) != nil {
            edges.append(SceneEdge(.endpointENI, from: .chip(node: interface.subnetID, chip: eniName(interface, owner: endpoint.id)), to: .node(endpoint.id), downwards: true))
        }
        for subnetID in endpoint.unknownIPSubnetIDs where vpc.subnet(subnetID) != nil {
            edges.append(SceneEdge(.endpointENI, from: .chip(node: subnetID, chip: "\(endpoint.id)_\(subnetID)"), to: .node(endpoint.id), downwards: true))
        }
        let serviceNode = service(endpoint.service, fallbackRegion: region.name, usedBy: vpc.id)
        edges.append(SceneEdge(.endpointService, from: .node(endpoint.id), to: .node(serviceNode), downwards: true))
        return node
    }

    mutating func resolverEndpointNode(_ endpoint: ResolverEndpoint, in vpc: VPC, region: Region, edges: inout [SceneEdge]) -> SceneNode {
        var label: [LabelPart] = [.title("Resolver \(endpoint.direction.rawValue) endpoint")]
        if let name = endpoint.name { label.append(.line(name)) }
        if options.detail == .full { label.append(.detail(endpoint.id)) }
        let node = SceneNode(id: endpoint.id, kind: .resolverEndpoint, label: label,
            tooltip: ["Route 53 Resolver \(endpoint.direction.rawValue) endpoint \(endpoint.id)", endpoint.name].compactMap { $0 }
                + endpoint.ipAddresses.map { "IP \($0.ip) in \($0.subnetID)" }
                + (endpoint.unknownIPAddressCount > 0 ? ["\(endpoint.unknownIPAddressCount) IP addresses not in the input"] : [])
                + ["security groups: \(endpoint.securityGroupIDs.joined(separator: ", "))"],
            link: href(for: ResourceLink(id: endpoint.id)))
        for address in endpoint.ipAddresses where vpc.subnet(address.subnetID) != nil {
            edges.append(SceneEdge(.endpointENI, from: .chip(node: address.subnetID, chip: eniName(address, owner: endpoint.id)), to: .node(endpoint.id), downwards: true))
        }
        return node
    }

    mutating func latticeEndpointNode(_ endpoint: LatticeEndpoint, in vpc: VPC, region: Region) -> SceneNode {
        let detail = options.detail
        var label: [LabelPart] = [.title(endpoint.kind.title)]
        if let name = endpoint.name { label.append(.line(name)) }
        if detail == .full { label.append(.detail(endpoint.id)) }
        let subnets = endpoint.subnetIDs.map { vpc.subnet($0)?.displayName ?? $0 }
        if !subnets.isEmpty { label.append(.detail("in " + subnets.joined(separator: ", "))) }
        let target = endpoint.resourceConfigurationARN ?? endpoint.serviceNetworkARN
        return SceneNode(id: endpoint.id, kind: .latticeEndpoint, label: label,
                         tooltip: ["VPC Lattice \(endpoint.kind.title.lowercased()) \(endpoint.id)", endpoint.name,
                                   endpoint.resourceConfigurationARN.map { "resource configuration \($0)" },
                                   endpoint.serviceNetworkARN.map { "service network \($0)" },
                                   "subnets: \(endpoint.subnetIDs.joined(separator: ", "))",
                                   endpoint.securityGroupIDs.isEmpty ? nil : "security groups: \(endpoint.securityGroupIDs.joined(separator: ", "))",
                                   endpoint.dnsNames.isEmpty ? nil : "DNS " + endpoint.dnsNames.joined(separator: ", "),
                                   target == nil ? "target not in the input" : nil].compactMap { $0 },
                         link: href(for: .endpoint(endpoint.id, region: region.name)), badges: DiagramBuilder.pendingBadge(endpoint.pendingState))
    }

    /// Summary detail: the VPC's endpoints as one node naming their services.
    mutating func endpointGroupNode(_ vpc: VPC, region: Region) -> SceneNode? {
        var lines: [LabelPart] = []
        if !vpc.interfaceEndpoints.isEmpty {
            lines.append(.line("interface: " + vpc.interfaceEndpoints.map(\.service.shortName).joined(separator: ", ")))
        }
        if !vpc.gatewayEndpoints.isEmpty {
            lines.append(.line("gateway: " + vpc.gatewayEndpoints.map(\.service.shortName).joined(separator: ", ")))
        }
        if !vpc.gatewayLoadBalancerEndpoints.isEmpty {
            lines.append(.line("GWLB: " + vpc.gatewayLoadBalancerEndpoints.map { $0.name ?? $0.id }.joined(separator: ", ")))
        }
        if !vpc.latticeEndpoints.isEmpty {
            lines.append(.line("Lattice: " + vpc.latticeEndpoints.map { $0.name ?? $0.id }.joined(separator: ", ")))
        }
        if !vpc.resolverEndpoints.isEmpty {
            lines.append(.line("Resolver: " + vpc.resolverEndpoints.map(\.direction.rawValue).joined(separator: ", ")))
        }
        guard !lines.isEmpty else { return nil }
        let id = "\(vpc.id)_endpoints"
        let count = vpc.interfaceEndpoints.count + vpc.gatewayEndpoints.count + vpc.resolverEndpoints.count
            + vpc.gatewayLoadBalancerEndpoints.count + vpc.latticeEndpoints.count
        // The group names its services: no row of service nodes below it (which made the summary
        // as wide as that row, with the VPC off-centre above it).
        return SceneNode(id: id, kind: .endpointGroup, label: [.title("\(count) VPC endpoint\(count == 1 ? "" : "s")")] + lines,
                         tooltip: vpc.interfaceEndpoints.map { "interface endpoint \($0.id) (\($0.service.fullName))" }
                            + vpc.gatewayEndpoints.map { "gateway endpoint \($0.id) (\($0.service.fullName))" }
                            + vpc.gatewayLoadBalancerEndpoints.map { "Gateway Load Balancer endpoint \($0.id) (\($0.service.fullName))" }
                            + vpc.latticeEndpoints.map { "VPC Lattice \($0.kind.title.lowercased()) \($0.id)" }
                            + vpc.resolverEndpoints.map { "Resolver \($0.direction.rawValue) endpoint \($0.id)" },
                         link: href(for: ResourceLink(id: DiagramBuilder.endpointsSection)))
    }
}
