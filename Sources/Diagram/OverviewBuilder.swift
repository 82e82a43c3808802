import VPCModel

/// The overview: regions, each VPC as one node (name, id, CIDRs, AZs and subnets, endpoints), and
/// what connects them: peering, transit gateways, VPN to on-premises networks. VPCs sit in a grid
/// (input order, left to right, then the next row) so a big account stays about as wide as tall.
/// With per-VPC files, each VPC node links to its own diagram.
public func buildOverview(_ topology: Topology, name: String, options: DiagramOptions = DiagramOptions()) -> DiagramGraph {
    var builder = OverviewBuilder(topology: topology, options: options)
    return builder.build(name: name)
}

struct OverviewBuilder {
    let topology: Topology
    let options: DiagramOptions
    let style: Style
    let links: Links
    var edges: [DiagramEdge] = []
    var icons: Set<Icon> = []
    /// The node in the last grid row of each region, for placing what goes below.
    var lastRowNode: [String: String] = [:]
    /// VPC CIDRs by id, for tooltips.
    let cidrs: [String: String]
    /// The region of every VPC and transit gateway, by id.
    let regionOf: [String: String]

    /// Past this many peerings per VPC of a region, its peerings are drawn through one node.
    static let meshRatio = 2

    init(topology: Topology, options: DiagramOptions) {
        self.topology = topology
        self.options = options
        self.style = Style(palette: options.theme.palette, icons: options.icons)
        self.links = Links(options.links)
        var cidrs: [String: String] = [:], regionOf: [String: String] = [:]
        for region in topology.regions {
            for vpc in region.vpcs where cidrs[vpc.id] == nil {
                cidrs[vpc.id] = vpc.cidrs.map(\.description).joined(separator: ", ")
                regionOf[vpc.id] = region.name
            }
            for tgw in region.transitGateways where regionOf[tgw.id] == nil { regionOf[tgw.id] = region.name }
        }
        self.cidrs = cidrs
        self.regionOf = regionOf
    }

    /// Columns of the VPC grid: about √(1.2 n), so rows of wide nodes (and the hub row between
    /// them) come out near a 2:1 shape.
    static func columns(_ count: Int) -> Int {
        max(1, min(count, Int((1.2 * Double(count)).squareRoot().rounded(.up))))
    }

    /// Columns for each region, side by side: the account's columns shared by VPC count.
    func regionColumns() -> [String: Int] {
        let total = topology.regions.reduce(0) { $0 + $1.vpcs.count }
        let columns = OverviewBuilder.columns(total)
        var result: [String: Int] = [:]
        for region in topology.regions {
            let share = total == 0 ? 1 : Int((Double(columns) * Double(region.vpcs.count) / Double(total)).rounded())
            result[region.name] = max(1, min(region.vpcs.count, share))
        }
        return result
    }

    /// Whether the region's peerings are too many to draw one by one.
    static func isMesh(_ region: Region) -> Bool {
        let ids = Set(region.vpcs.map(\.id))
        let inside = region.peerings.filter { ids.contains($0.requesterVPCID) && ids.contains($0.accepterVPCID) }.count
        return inside > meshRatio * region.vpcs.count
    }

    static func meshNodeName(_ region: Region) -> String { "\(region.name).peering-mesh" }

    mutating func build(name: String) -> DiagramGraph {
        var root = DiagramCluster("root")
        var rails = Rails(prefix: "root")
        for network in topology.onPremises {
            let node = onPremisesNode(network)
            root.nodes.append(node)
        }
        var regionClusters: [DiagramCluster] = []
        let columns = regionColumns()
        for region in topology.regions { regionClusters.append(regionCluster(region, columns: columns[region.name] ?? 1)) }
        for node in root.nodes { rails.add(node.name, weight: 0) }
        for cluster in regionClusters { if let first = cluster.nodes.first(where: { $0.attributes["class"] != .string("layout") }) { rails.add(first.name, weight: 0) } }
        root.nodes += rails.nodes
        edges += rails.edges
        root.clusters = regionClusters
        transitGatewayPeeringEdges()
        vpnEdges()
        if options.legend, let legend = Legend.node(icons: icons, tiers: [], style: style) {
            root.nodes.append(legend)
            for key in lastRowNode.keys.sorted() { edges += Rails.layoutEdges(lastRowNode[key]!, Legend.nodeName, minlen: 2, weight: 0, copies: 1) }
        }
        var graph = DiagramGraph(name: name, graphAttributes: style.graph(title: topology.title.map { "\($0) · overview" } ?? "Overview",
                                                                        transparent: options.transparent),
                                 nodeDefaults: style.nodeDefaults, edgeDefaults: style.edgeDefaults, root: root)
        graph.graphAttributes["ranksep"] = .string("0.6")
        graph.edges = edges
        return graph
    }

    mutating func label(_ icon: Icon?) -> Label {
        if let icon { icons.insert(icon) }
        return style.label(icon)
    }

    /// `vpc-0a… (10.0.0.0/16)` for tooltips.
    func vpcText(_ id: String) -> String {
        let vpc = topology.vpc(id)
        let name = vpc?.name.map { "\($0) " } ?? ""
        return "\(name)\(id)" + (cidrs[id].map { " (\($0))" } ?? "")
    }

    mutating func regionCluster(_ region: Region, columns: Int) -> DiagramCluster {
        var a = style.cluster("region")
        a["id"] = .string(region.name)
        a["label"] = .html("<font point-size=\"13\">\(Label.escape(region.name))</font>")
        a["tooltip"] = plain(["region \(region.name)", "\(region.vpcs.count) VPCs"])
        var cluster = DiagramCluster("cluster_region_\(region.name)", a, comment: "region \(region.name)")
        let ids = Set(region.vpcs.map(\.id))
        let mesh = OverviewBuilder.isMesh(region)
        let inside = region.peerings.filter { ids.contains($0.requesterVPCID) && ids.contains($0.accepterVPCID) }

        var hubs = region.transitGateways.map { tgw in
            OverviewOrder.Hub(id: tgw.id, members: tgw.attachments.compactMap { if case .vpc(let id, _) = $0.resource { id } else { nil } })
        }
        if mesh {
            var members: [String] = []
            for peering in inside { for id in peering.vpcIDs where !members.contains(id) { members.append(id) } }
            hubs.append(OverviewOrder.Hub(id: OverviewBuilder.meshNodeName(region), members: members))
        }
        let order = OverviewOrder(vpcs: region.vpcs.map(\.id), links: mesh ? [] : inside.map { ($0.requesterVPCID, $0.accepterVPCID) },
                                  hubs: hubs, columns: columns)

        for vpc in region.vpcs { cluster.nodes.append(vpcNode(vpc, region: region)) }
        for tgw in region.transitGateways { cluster.nodes.append(transitGatewayNode(tgw, region: region)) }
        if mesh { cluster.nodes.append(meshNode(region, peerings: inside)) }

        // Rows top to bottom: connected VPCs, the hubs in their middle, then the unconnected VPCs.
        var rows = Array(order.rows[..<order.hubRow])
        if !order.hubs.isEmpty { rows.append(order.hubs) }
        rows += order.rows[order.hubRow...]
        rows += order.loose
        for (index, row) in rows.enumerated() {
            var same = DiagramCluster("row_\(region.name)_\(index + 1)", Attributes([("rank", .string("same"))]))
            same.nodes = row.map { DiagramNode($0) }
            cluster.clusters.append(same)
            // Left to right (flat edges between plain nodes of one cluster keep it).
            for (left, right) in zip(row, row.dropFirst()) { edges += Rails.layoutEdges(left, right, minlen: 0, weight: 1, copies: 1) }
            guard index > 0 else { continue }
            let above = rows[index - 1]
            if !order.hubs.isEmpty && (row == order.hubs || above == order.hubs) {
                // The hubs centred between the rows above and below them.
                edges += Rails.layoutEdges(above[above.count / 2], row[row.count / 2], minlen: 1, weight: 10, copies: 1)
                if index > 1 && above == order.hubs { edges += Rails.layoutEdges(rows[index - 2][0], row[0], minlen: 2, weight: 10, copies: 1) }
            } else {
                edges += Rails.layoutEdges(above[0], row[0], minlen: 1, weight: 10, copies: 1)
            }
        }
        if let last = rows.last?.first { lastRowNode[region.name] = last }

        for peering in region.peerings where !(mesh && ids.contains(peering.requesterVPCID) && ids.contains(peering.accepterVPCID)) {
            guard topology.vpc(peering.requesterVPCID) != nil, topology.vpc(peering.accepterVPCID) != nil else { continue }
            icons.insert(.peering)
            var a = Attributes([
                ("id", .string(peering.id)), ("class", .string("peering")),
                ("tooltip", plain(["VPC peering connection \(peering.id)", peering.name,
                                   "\(vpcText(peering.requesterVPCID)) ↔ \(vpcText(peering.accepterVPCID))"])),
                ("dir", .string("none")), ("penwidth", .string("2")), ("color", .string(style.palette.networkLine)),
                ("constraint", .string("false")),
            ])
            a.link(links.href(.peering(peering.id, region: region.name)))
            edges.append(DiagramEdge(peering.requesterVPCID, peering.accepterVPCID, a))
        }
        if mesh {
            let meshName = OverviewBuilder.meshNodeName(region)
            for vpc in region.vpcs {
                let peers = inside.compactMap { p -> String? in
                    p.requesterVPCID == vpc.id ? p.accepterVPCID : p.accepterVPCID == vpc.id ? p.requesterVPCID : nil
                }
                guard !peers.isEmpty else { continue }
                var a = Attributes([
                    ("id", .string("\(vpc.id)--\(meshName)")), ("class", .string("peering-mesh")),
                    ("tooltip", plain(["\(vpcText(vpc.id)): peered with \(peers.count) VPC\(peers.count == 1 ? "" : "s")"] + peers.map { "↔ \(vpcText($0))" })),
                    ("dir", .string("none")), ("penwidth", .string("1.5")), ("color", .string(style.palette.networkLine)),
                    ("constraint", .string("false")),
                ])
                a.link(links.section("section-peerings"))
                edges.append(DiagramEdge(vpc.id, meshName, a))
            }
        }
        for tgw in region.transitGateways {
            for attachment in tgw.attachments {
                guard case .vpc(let vpcID, _) = attachment.resource, topology.vpc(vpcID) != nil else { continue }
                var a = Attributes([
                    ("id", .string(attachment.id)), ("class", .string("tgw-attachment")),
                    ("tooltip", plain(["transit gateway attachment \(attachment.id)", "\(vpcText(vpcID)) ↔ \(tgw.name ?? tgw.id)"])),
                    ("dir", .string("none")), ("penwidth", .string("2")),
                    ("color", .string(style.palette.networkLine)), ("constraint", .string("false")),
                ])
                a.link(links.href(.transitGatewayAttachment(attachment.id, region: region.name)))
                edges.append(DiagramEdge(vpcID, tgw.id, a))
            }
        }
        return cluster
    }

    mutating func transitGatewayNode(_ tgw: TransitGateway, region: Region) -> DiagramNode {
        var label = label(.transitGateway)
        label.title(tgw.name ?? "transit gateway")
        label.detail(tgw.id, size: 9)
        if let asn = tgw.asn { label.detail("ASN \(asn)", size: 9) }
        let vpcs = tgw.attachments.filter { if case .vpc = $0.resource { true } else { false } }.count
        let peers = tgw.attachments.filter { if case .peering = $0.resource { true } else { false } }.count
        label.detail([vpcs > 0 ? "\(vpcs) VPC\(vpcs == 1 ? "" : "s")" : nil, peers > 0 ? "\(peers) peering" : nil]
            .compactMap { $0 }.joined(separator: " · "), size: 9)
        var a = style.node("transit-gateway")
        a["id"] = .string(tgw.id)
        a["label"] = label.value
        a["tooltip"] = plain(["transit gateway \(tgw.id)", tgw.name] + tgw.attachments.map { "attachment \($0.id)" })
        a.link(links.href(.transitGateway(tgw.id, region: region.name)))
        return DiagramNode(tgw.id, a)
    }

    /// The node every VPC of a dense peering mesh connects to, instead of one edge per peering.
    mutating func meshNode(_ region: Region, peerings: [PeeringConnection]) -> DiagramNode {
        var label = label(.peering)
        let vpcs = Set(peerings.flatMap(\.vpcIDs)).count
        label.title("VPC peering mesh")
        label.line("\(peerings.count) peering connections among \(vpcs) VPCs")
        label.detail("who peers with whom: the peering table of the document", size: 9)
        var a = style.node("transit-gateway")
        a["id"] = .string(OverviewBuilder.meshNodeName(region))
        a["class"] = .string("peering-mesh")
        a["label"] = label.value
        a["tooltip"] = plain(["\(peerings.count) VPC peering connections in \(region.name)"])
        a.link(links.section("section-peerings"))
        return DiagramNode(OverviewBuilder.meshNodeName(region), a)
    }

    /// Transit gateway peering attachments, also across regions: one edge per pair of gateways
    /// (AWS lists the attachment on both sides).
    mutating func transitGatewayPeeringEdges() {
        var drawn = Set<[String]>()
        for region in topology.regions {
            for tgw in region.transitGateways {
                for attachment in tgw.attachments {
                    guard case .peering(let peerID) = attachment.resource, regionOf[peerID] != nil, peerID != tgw.id else { continue }
                    guard drawn.insert([tgw.id, peerID].sorted()).inserted else { continue }
                    let peerRegion = regionOf[peerID] ?? region.name
                    var a = Attributes([
                        ("id", .string(attachment.id)), ("class", .string("tgw-peering")),
                        ("tooltip", plain(["transit gateway peering attachment \(attachment.id)",
                                           "\(tgw.id) (\(region.name)) ↔ \(peerID) (\(peerRegion))"])),
                        ("dir", .string("none")), ("penwidth", .string("3")), ("style", .string("dashed")),
                        ("color", .string(style.palette.networkLine)), ("constraint", .string("false")),
                    ])
                    a.link(links.href(.transitGatewayAttachment(attachment.id, region: region.name)))
                    edges.append(DiagramEdge(tgw.id, peerID, a))
                }
            }
        }
    }

    mutating func vpcNode(_ vpc: VPC, region: Region) -> DiagramNode {
        var label = label(.vpc)
        label.title(vpc.displayName)
        // The id under the name; without a name, the title is the id already.
        label.detail(([vpc.name == nil ? nil : vpc.id] + vpc.cidrs.map(\.description)).compactMap { $0 }.joined(separator: " · "), size: 9)
        let tiers = SubnetTier.allCases.compactMap { tier -> String? in
            let n = vpc.subnets.filter { vpc.tier(of: $0) == tier }.count
            return n == 0 ? nil : "\(n) \(tier.rawValue)"
        }
        let azs = vpc.availabilityZones.count, subnets = vpc.subnets.count
        label.line("\(azs) AZ\(azs == 1 ? "" : "s") · \(subnets) subnet\(subnets == 1 ? "" : "s")")
        if !tiers.isEmpty { label.detail(tiers.joined(separator: " · "), size: 9) }
        let endpoints = vpc.gatewayEndpoints.map { "\($0.service.shortName) (gateway)" } + vpc.interfaceEndpoints.map(\.service.shortName)
        if !endpoints.isEmpty {
            for line in DiagramBuilder.wrap(endpoints, prefix: "endpoints: ", width: 40) { label.detail(line, size: 9) }
        }
        var gateways: [String] = []
        if vpc.internetGateway != nil { gateways.append("internet gateway") }
        if !vpc.natGateways.isEmpty { gateways.append("\(vpc.natGateways.count) NAT") }
        if vpc.vpnGateway != nil { gateways.append("VPN gateway") }
        if !vpc.resolverEndpoints.isEmpty { gateways.append("\(vpc.resolverEndpoints.count) Resolver endpoint\(vpc.resolverEndpoints.count == 1 ? "" : "s")") }
        if !gateways.isEmpty { label.detail(gateways.joined(separator: " · "), size: 9) }
        var a = style.node("vpc")
        a["id"] = .string(vpc.id)
        a["class"] = .string("vpc vpc-summary")
        a["label"] = label.value
        a["tooltip"] = plain(["VPC \(vpc.id)", vpc.name, "CIDR \(vpc.cidrs.map(\.description).joined(separator: ", "))",
                              "\(vpc.subnets.count) subnets in \(vpc.availabilityZones.joined(separator: ", "))",
                              endpoints.isEmpty ? nil : "endpoints: \(endpoints.joined(separator: ", "))"])
        if let file = options.vpcFiles[vpc.id] {
            a.link(.diagram(file))
        } else {
            a.link(links.href(.vpc(vpc.id, region: region.name)))
        }
        return DiagramNode(vpc.id, a)
    }

    mutating func onPremisesNode(_ network: OnPremisesNetwork) -> DiagramNode {
        var label = label(.onPremises)
        label.title(network.name ?? network.id)
        label.detail("on-premises", size: 9)
        for cidr in network.cidrs { label.line(cidr.description) }
        if !network.dnsServers.isEmpty { label.detail("DNS \(network.dnsServers.map(\.description).joined(separator: ", "))", size: 9) }
        var a = style.node("on-premises-network")
        a["id"] = .string(network.id)
        a["class"] = .string("on-premises")
        a["label"] = label.value
        a["tooltip"] = plain(["on-premises network \(network.id)", network.name] + network.cidrs.map(\.description))
        a.link(links.href(ResourceLink(id: network.id)))
        return DiagramNode(network.id, a)
    }

    /// VPN connections: from the VPC (its virtual private gateway) or the transit gateway to the
    /// on-premises network. They constrain, so on-premises networks sit one row below.
    mutating func vpnEdges() {
        for region in topology.regions {
            for vpn in region.vpnConnections {
                guard let network = vpn.onPremisesID, topology.onPremises.contains(where: { $0.id == network }) else { continue }
                let from: String
                switch vpn.gateway {
                case .vpnGateway(let id):
                    guard let vpc = region.vpcs.first(where: { $0.vpnGateway?.id == id }) else { continue }
                    from = vpc.id
                case .transitGateway(let id):
                    from = id
                }
                icons.insert(.vpn)
                edges.append(DiagramEdge(from, network, Attributes([
                    ("id", .string(vpn.id)), ("class", .string("vpn")), ("label", plainLabel("\(vpn.name ?? vpn.id)\nsite-to-site VPN")),
                    ("tooltip", plain(["site-to-site VPN \(vpn.id)", vpn.name, "gateway \(vpn.gateway.id)", vpn.customerGatewayID.map { "customer gateway \($0)" }])),
                    ("penwidth", .string("2")), ("color", .string(style.palette.onPremisesLine)), ("dir", .string("both")),
                ]).linked(links.href(.vpnConnection(vpn.id, region: region.name)))))
            }
        }
    }
}
