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
    var edges: [DiagramEdge] = []
    var icons: Set<Icon> = []
    /// The node in the last grid row of each region, for placing what goes below.
    var lastRowNode: [String: String] = [:]

    init(topology: Topology, options: DiagramOptions) {
        self.topology = topology
        self.options = options
        self.style = Style(palette: options.theme.palette, icons: options.icons)
    }

    /// Columns of the VPC grid: about √(1.5 n), so rows of wide nodes come out near a 2:1 shape.
    static func columns(_ count: Int) -> Int {
        max(1, min(count, Int((1.5 * Double(count)).squareRoot().rounded(.up))))
    }

    mutating func build(name: String) -> DiagramGraph {
        var root = DiagramCluster("root")
        var rails = Rails(prefix: "root")
        for network in topology.onPremises {
            let node = onPremisesNode(network)
            root.nodes.append(node)
        }
        var regionClusters: [DiagramCluster] = []
        for region in topology.regions { regionClusters.append(regionCluster(region)) }
        for node in root.nodes { rails.add(node.name, weight: 0) }
        for cluster in regionClusters { if let first = cluster.nodes.first(where: { $0.attributes["class"] != .string("layout") }) { rails.add(first.name, weight: 0) } }
        root.nodes += rails.nodes
        edges += rails.edges
        root.clusters = regionClusters
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

    mutating func regionCluster(_ region: Region) -> DiagramCluster {
        var a = style.cluster("region")
        a["id"] = .string(region.name)
        a["label"] = .html("<font point-size=\"13\">\(Label.escape(region.name))</font>")
        a["tooltip"] = plain(["region \(region.name)", "\(region.vpcs.count) VPCs"])
        var cluster = DiagramCluster("cluster_region_\(region.name)", a, comment: "region \(region.name)")
        let columns = OverviewBuilder.columns(region.vpcs.count)
        let rows = stride(from: 0, to: region.vpcs.count, by: columns).map { Array(region.vpcs[$0..<min($0 + columns, region.vpcs.count)]) }
        for (index, row) in rows.enumerated() {
            for vpc in row { cluster.nodes.append(vpcNode(vpc, region: region)) }
            var same = DiagramCluster("row_\(region.name)_\(index + 1)", Attributes([("rank", .string("same"))]))
            same.nodes = row.map { DiagramNode($0.id) }
            cluster.clusters.append(same)
            // Input order, left to right (flat edges between plain nodes of one cluster keep it).
            for (left, right) in zip(row, row.dropFirst()) { edges += Rails.layoutEdges(left.id, right.id, minlen: 0, weight: 1, copies: 1) }
            if index > 0 { edges += Rails.layoutEdges(rows[index - 1][0].id, row[0].id, minlen: 1, weight: 10, copies: 1) }
        }
        if let last = rows.last?.first { lastRowNode[region.name] = last.id }

        for peering in region.peerings {
            edges.append(DiagramEdge(peering.requesterVPCID, peering.accepterVPCID, Attributes([
                ("id", .string(peering.id)), ("class", .string("peering")),
                ("tooltip", plain(["VPC peering connection \(peering.id)", peering.name,
                                   "\(peering.requesterVPCID) ↔ \(peering.accepterVPCID)"])),
                ("dir", .string("none")), ("penwidth", .string("2")), ("color", .string(style.palette.networkLine)),
                ("constraint", .string("false")),
            ])))
        }
        for tgw in region.transitGateways {
            var label = label(.transitGateway)
            label.title(tgw.name ?? "transit gateway")
            label.detail(tgw.id)
            if let asn = tgw.asn { label.detail("ASN \(asn)") }
            var a = style.node("transit-gateway")
            a["id"] = .string(tgw.id)
            a["label"] = label.value
            a["tooltip"] = plain(["transit gateway \(tgw.id)", tgw.name] + tgw.attachments.map { "attachment \($0.id)" })
            cluster.nodes.append(DiagramNode(tgw.id, a))
            if let last = rows.last?.first { edges += Rails.layoutEdges(last.id, tgw.id, minlen: 1, weight: 1, copies: 1) }
            for attachment in tgw.attachments {
                guard case .vpc(let vpcID, _) = attachment.resource else { continue }
                edges.append(DiagramEdge(vpcID, tgw.id, Attributes([
                    ("id", .string(attachment.id)), ("class", .string("tgw-attachment")),
                    ("tooltip", .string("attachment \(attachment.id)")), ("dir", .string("none")), ("penwidth", .string("2")),
                    ("color", .string(style.palette.networkLine)), ("constraint", .string("false")),
                ])))
            }
        }
        return cluster
    }

    mutating func vpcNode(_ vpc: VPC, region: Region) -> DiagramNode {
        var label = label(.vpc)
        label.title(vpc.displayName)
        label.detail("\(vpc.id) · \(vpc.cidrs.map(\.description).joined(separator: ", "))")
        let tiers = SubnetTier.allCases.compactMap { tier -> String? in
            let n = vpc.subnets.filter { vpc.tier(of: $0) == tier }.count
            return n == 0 ? nil : "\(n) \(tier.rawValue)"
        }
        label.line("\(vpc.availabilityZones.count) AZs · \(vpc.subnets.count) subnets")
        if !tiers.isEmpty { label.detail(tiers.joined(separator: " · ")) }
        let endpoints = vpc.gatewayEndpoints.map { "\($0.service.shortName) (gateway)" } + vpc.interfaceEndpoints.map(\.service.shortName)
        if !endpoints.isEmpty {
            for line in DiagramBuilder.wrap(endpoints, prefix: "endpoints: ", width: 40) { label.detail(line) }
        }
        var gateways: [String] = []
        if vpc.internetGateway != nil { gateways.append("internet gateway") }
        if !vpc.natGateways.isEmpty { gateways.append("\(vpc.natGateways.count) NAT") }
        if vpc.vpnGateway != nil { gateways.append("VPN gateway") }
        if !vpc.resolverEndpoints.isEmpty { gateways.append("\(vpc.resolverEndpoints.count) Resolver endpoint\(vpc.resolverEndpoints.count == 1 ? "" : "s")") }
        if !gateways.isEmpty { label.detail(gateways.joined(separator: " · ")) }
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
            switch options.links {
            case .none: break
            case .docs(let file): a.link(.document(file, resource: vpc.id))
            case .console: a.link(ResourceLink.vpc(vpc.id, region: region.name).console)
            }
        }
        return DiagramNode(vpc.id, a)
    }

    mutating func onPremisesNode(_ network: OnPremisesNetwork) -> DiagramNode {
        var label = label(.onPremises)
        label.title(network.name ?? network.id)
        label.detail("on-premises")
        for cidr in network.cidrs { label.line(cidr.description) }
        if !network.dnsServers.isEmpty { label.detail("DNS \(network.dnsServers.map(\.description).joined(separator: ", "))") }
        var a = style.node("on-premises-network")
        a["id"] = .string(network.id)
        a["class"] = .string("on-premises")
        a["label"] = label.value
        a["tooltip"] = plain(["on-premises network \(network.id)", network.name] + network.cidrs.map(\.description))
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
                ])))
            }
        }
    }
}
