import VPCModel

/// The overview: regions side by side, each VPC as one node (name, id, CIDRs, AZs and subnets,
/// endpoints), and what connects them: peering, transit gateways (attachments and peering, also
/// across regions), VPN to on-premises networks. Where each VPC goes is `OverviewOrder`'s
/// decision (by connectivity); a dense peering mesh is bundled through one node. The builder makes
/// a `Scene`; `SceneEncoder` draws it. With per-VPC files, each VPC node links to its own diagram.
public func buildOverview(_ topology: Topology, name: String, options: DiagramOptions = DiagramOptions()) -> DiagramGraph {
    SceneEncoder.encode(buildOverviewScene(topology, name: name, options: options), options: options)
}

/// The overview as a scene.
public func buildOverviewScene(_ topology: Topology, name: String, options: DiagramOptions = DiagramOptions()) -> Scene {
    var builder = OverviewBuilder(topology: topology, options: options)
    return builder.build(name: name)
}

struct OverviewBuilder {
    let topology: Topology
    let options: DiagramOptions
    let links: Links
    var edges: [SceneEdge] = []
    /// VPC CIDRs by id, for tooltips.
    let cidrs: [String: String]
    /// The region of every VPC and transit gateway, by id.
    let regionOf: [String: String]

    /// Past this many peerings per VPC of a region, its peerings are drawn through one node.
    static let meshRatio = 2

    init(topology: Topology, options: DiagramOptions) {
        self.topology = topology
        self.options = options
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

    mutating func build(name: String) -> Scene {
        var root = SceneCluster(id: "root", kind: .root)
        root.nodes = topology.onPremises.map(onPremisesNode)
        let columns = regionColumns()
        root.clusters = topology.regions.map { regionCluster($0, columns: columns[$0.name] ?? 1) }
        transitGatewayPeeringEdges()
        vpnEdges()
        root.nodes += directConnect()
        var scene = Scene(name: name, title: topology.title.map { "\($0) · overview" } ?? "Overview", root: root, edges: edges, legend: options.legend)
        scene.rankSeparation = "0.6"
        return scene
    }

    /// `vpc-0 vpc-0a… (10.0.0.0/16)` for tooltips.
    func vpcText(_ id: String) -> String {
        let name = topology.vpc(id)?.name.map { "\($0) " } ?? ""
        return "\(name)\(id)" + (cidrs[id].map { " (\($0))" } ?? "")
    }

    mutating func regionCluster(_ region: Region, columns: Int) -> SceneCluster {
        var cluster = SceneCluster(id: region.name, kind: .region, label: [.title(region.name)],
                                   tooltip: ["region \(region.name)", "\(region.vpcs.count) VPCs"], layered: true,
                                   comment: "region \(region.name)")
        cluster.keepsRowOrder = true
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
        // VPCs outside the input that a peering of this region reaches, placed next to their peers.
        let externals = region.externalVPCs.filter { external in
            topology.vpc(external.id) == nil && region.peerings.contains { $0.vpcIDs.contains(external.id) }
        }
        let externalIDs = Set(externals.map(\.id))
        let toExternals = region.peerings.filter { p in
            p.vpcIDs.contains(where: externalIDs.contains) && p.vpcIDs.allSatisfy { ids.contains($0) || externalIDs.contains($0) }
        }
        let order = OverviewOrder(vpcs: region.vpcs.map(\.id) + externals.map(\.id),
                                  links: (mesh ? [] : inside.map { ($0.requesterVPCID, $0.accepterVPCID) }) + toExternals.map { ($0.requesterVPCID, $0.accepterVPCID) },
                                  hubs: hubs, columns: columns)

        var nodes: [String: SceneNode] = [:]
        for vpc in region.vpcs where nodes[vpc.id] == nil { nodes[vpc.id] = vpcNode(vpc, region: region) }
        for external in externals where nodes[external.id] == nil { nodes[external.id] = externalVPCNode(external, region: region.name, links: links) }
        for tgw in region.transitGateways where nodes[tgw.id] == nil { nodes[tgw.id] = transitGatewayNode(tgw, region: region) }
        if mesh { nodes[OverviewBuilder.meshNodeName(region)] = meshNode(region, peerings: inside) }

        // Rows top to bottom: connected VPCs, the hubs in their middle, then the unconnected VPCs.
        var rows = Array(order.rows[..<order.hubRow])
        if !order.hubs.isEmpty { rows.append(order.hubs) }
        rows += order.rows[order.hubRow...]
        rows += order.loose
        for (index, row) in rows.enumerated() {
            for id in row {
                guard var node = nodes.removeValue(forKey: id) else { continue }
                node.layer = index
                cluster.nodes.append(node)
            }
        }

        for peering in region.peerings where !(mesh && ids.contains(peering.requesterVPCID) && ids.contains(peering.accepterVPCID)) {
            guard peering.vpcIDs.allSatisfy({ topology.vpc($0) != nil || externalIDs.contains($0) }) else { continue }
            edges.append(SceneEdge(.peering, from: .node(peering.requesterVPCID), to: .node(peering.accepterVPCID),
                                   tooltip: ["VPC peering connection \(peering.id)", peering.name,
                                             "\(vpcText(peering.requesterVPCID)) ↔ \(vpcText(peering.accepterVPCID))"].compactMap { $0 },
                                   link: links.href(.peering(peering.id, region: region.name))))
        }
        if mesh {
            let meshName = OverviewBuilder.meshNodeName(region)
            for vpc in region.vpcs {
                let peers = inside.compactMap { p -> String? in
                    p.requesterVPCID == vpc.id ? p.accepterVPCID : p.accepterVPCID == vpc.id ? p.requesterVPCID : nil
                }
                guard !peers.isEmpty else { continue }
                edges.append(SceneEdge(.peering, from: .node(vpc.id), to: .node(meshName),
                                       tooltip: ["\(vpcText(vpc.id)): peered with \(peers.count) VPC\(peers.count == 1 ? "" : "s")"] + peers.map { "↔ \(vpcText($0))" },
                                       link: links.section("section-peerings")))
            }
        }
        for tgw in region.transitGateways {
            for attachment in tgw.attachments {
                guard case .vpc(let vpcID, _) = attachment.resource, topology.vpc(vpcID) != nil else { continue }
                edges.append(SceneEdge(.transitGatewayAttachment, from: .node(vpcID), to: .node(tgw.id),
                                       tooltip: ["transit gateway attachment \(attachment.id)", "\(vpcText(vpcID)) ↔ \(tgw.name ?? tgw.id)"],
                                       link: links.href(.transitGatewayAttachment(attachment.id, region: region.name))))
            }
        }
        return cluster
    }

    func transitGatewayNode(_ tgw: TransitGateway, region: Region) -> SceneNode {
        let vpcs = tgw.attachments.filter { if case .vpc = $0.resource { true } else { false } }.count
        let peers = tgw.attachments.filter { if case .peering = $0.resource { true } else { false } }.count
        var label: [LabelPart] = [.title(tgw.name ?? "transit gateway"), .detail(tgw.id)]
        if let asn = tgw.asn { label.append(.detail("ASN \(asn)")) }
        let counts = [vpcs > 0 ? "\(vpcs) VPC\(vpcs == 1 ? "" : "s")" : nil, peers > 0 ? "\(peers) peering" : nil].compactMap { $0 }
        if !counts.isEmpty { label.append(.detail(counts.joined(separator: " · "))) }
        return SceneNode(id: tgw.id, kind: .transitGateway, label: label,
                         tooltip: ["transit gateway \(tgw.id)", tgw.name].compactMap { $0 } + tgw.attachments.map { "attachment \($0.id)" },
                         link: links.href(.transitGateway(tgw.id, region: region.name)))
    }

    /// The node every VPC of a dense peering mesh connects to, instead of one edge per peering.
    func meshNode(_ region: Region, peerings: [PeeringConnection]) -> SceneNode {
        let vpcs = Set(peerings.flatMap(\.vpcIDs)).count
        return SceneNode(id: OverviewBuilder.meshNodeName(region), kind: .peeringConnection,
                         label: [.title("VPC peering mesh"), .line("\(peerings.count) peering connections among \(vpcs) VPCs"),
                                 .detail("who peers with whom: the peering table of the document")],
                         tooltip: ["\(peerings.count) VPC peering connections in \(region.name)"],
                         link: links.section("section-peerings"))
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
                    edges.append(SceneEdge(.transitGatewayPeering, from: .node(tgw.id), to: .node(peerID),
                                           tooltip: ["transit gateway peering attachment \(attachment.id)",
                                                     "\(tgw.id) (\(region.name)) ↔ \(peerID) (\(peerRegion))"],
                                           link: links.href(.transitGatewayAttachment(attachment.id, region: region.name))))
                }
            }
        }
    }

    func vpcNode(_ vpc: VPC, region: Region) -> SceneNode {
        // The id under the name; without a name, the title is the id already.
        var label: [LabelPart] = [.title(vpc.displayName),
                                  .detail(([vpc.name == nil ? nil : vpc.id] + vpc.cidrs.map(\.description)).compactMap { $0 }.joined(separator: " · "))]
        let tiers = SubnetTier.allCases.compactMap { tier -> String? in
            let n = vpc.subnets.filter { vpc.tier(of: $0) == tier }.count
            return n == 0 ? nil : "\(n) \(tier.rawValue)"
        }
        let azs = vpc.availabilityZones.count, subnets = vpc.subnets.count
        label.append(.line("\(azs) AZ\(azs == 1 ? "" : "s") · \(subnets) subnet\(subnets == 1 ? "" : "s")"))
        if !tiers.isEmpty { label.append(.detail(tiers.joined(separator: " · "))) }
        let endpoints = vpc.gatewayEndpoints.map { "\($0.service.shortName) (gateway)" } + vpc.interfaceEndpoints.map(\.service.shortName)
        if !endpoints.isEmpty {
            label += DiagramBuilder.wrap(endpoints, prefix: "endpoints: ", width: 40).map { .detail($0) }
        }
        var gateways: [String] = []
        if vpc.internetGateway != nil { gateways.append("internet gateway") }
        if !vpc.natGateways.isEmpty { gateways.append("\(vpc.natGateways.count) NAT") }
        if vpc.vpnGateway != nil { gateways.append("VPN gateway") }
        if !vpc.resolverEndpoints.isEmpty { gateways.append("\(vpc.resolverEndpoints.count) Resolver endpoint\(vpc.resolverEndpoints.count == 1 ? "" : "s")") }
        if !gateways.isEmpty { label.append(.detail(gateways.joined(separator: " · "))) }
        let tooltip = ["VPC \(vpc.id)", vpc.name, "CIDR \(vpc.cidrs.map(\.description).joined(separator: ", "))",
                       "\(vpc.subnets.count) subnets in \(vpc.availabilityZones.joined(separator: ", "))",
                       endpoints.isEmpty ? nil : "endpoints: \(endpoints.joined(separator: ", "))"].compactMap { $0 }
        let link = options.vpcFiles[vpc.id].map { Href.diagram($0) } ?? links.href(.vpc(vpc.id, region: region.name))
        return SceneNode(id: vpc.id, kind: .vpc, label: label, tooltip: tooltip, link: link)
    }

    func onPremisesNode(_ network: OnPremisesNetwork) -> SceneNode {
        var label: [LabelPart] = [.title(network.name ?? network.id), .detail("on-premises")]
        label += network.cidrs.map { .line($0.description) }
        if !network.dnsServers.isEmpty { label.append(.detail("DNS \(network.dnsServers.map(\.description).joined(separator: ", "))")) }
        return SceneNode(id: network.id, kind: .onPremisesNetwork, label: label,
                         tooltip: ["on-premises network \(network.id)", network.name].compactMap { $0 } + network.cidrs.map(\.description),
                         link: links.href(ResourceLink(id: network.id)))
    }

    /// VPN connections: from the VPC (its virtual private gateway) or the transit gateway to the
    /// on-premises network. They order rows, so on-premises networks sit below.
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
                edges.append(SceneEdge(.vpn, from: .node(from), to: .node(network), label: [vpn.name ?? vpn.id, "site-to-site VPN"],
                                       tooltip: ["site-to-site VPN \(vpn.id)", vpn.name, "gateway \(vpn.gateway.id)",
                                                 vpn.customerGatewayID.map { "customer gateway \($0)" }].compactMap { $0 },
                                       link: links.href(.vpnConnection(vpn.id, region: region.name)), downwards: true))
            }
        }
    }

    /// Direct Connect gateways, each linked to the VPCs (through their virtual private gateways)
    /// and transit gateways it is associated with, and to the on-premises network at its other end
    /// when the input names it (a transit gateway's attachment does not: then the one a virtual
    /// private gateway's link to the same gateway names). They order rows: below the gateways, the
    /// on-premises network below them.
    mutating func directConnect() -> [SceneNode] {
        var onPremises: [String: String] = [:]
        for (_, vpc) in topology.allVPCs {
            for link in vpc.vpnGateway?.directConnectGateways ?? [] where onPremises[link.directConnectGatewayID] == nil {
                if let id = link.onPremisesID, topology.onPremises.contains(where: { $0.id == id }) { onPremises[link.directConnectGatewayID] = id }
            }
        }
        var order: [String] = []
        var from: [String: [String]] = [:]
        var pairs: Set<[String]> = []
        func link(_ gateway: String, _ dx: String, tooltip: [String], href: Href?) {
            if from[dx] == nil { order.append(dx) }
            from[dx, default: []].append(gateway)
            guard pairs.insert([gateway, dx]).inserted else { return }
            edges.append(SceneEdge(.directConnect, from: .node(gateway), to: .node(dx), tooltip: tooltip, link: href, downwards: true))
        }
        for region in topology.regions {
            for vpc in region.vpcs {
                for dx in vpc.vpnGateway?.directConnectGateways ?? [] {
                    link(vpc.id, dx.directConnectGatewayID, tooltip: ["Direct Connect: \(vpcText(vpc.id)) (virtual private gateway \(vpc.vpnGateway!.id)) ↔ \(dx.directConnectGatewayID)"],
                         href: links.href(.vpnGateway(vpc.vpnGateway!.id, region: region.name)))
                    if let id = dx.onPremisesID, topology.onPremises.contains(where: { $0.id == id }), onPremises[dx.directConnectGatewayID] == nil {
                        onPremises[dx.directConnectGatewayID] = id
                    }
                }
            }
            for tgw in region.transitGateways {
                for attachment in tgw.attachments {
                    guard case .directConnectGateway(let dx) = attachment.resource else { continue }
                    link(tgw.id, dx, tooltip: ["Direct Connect: transit gateway \(tgw.name ?? tgw.id) ↔ \(dx)", "attachment \(attachment.id)"],
                         href: links.href(.transitGatewayAttachment(attachment.id, region: region.name)))
                }
            }
        }
        return order.map { dx in
            let network = onPremises[dx]
            if let network {
                edges.append(SceneEdge(.directConnect, from: .node(dx), to: .node(network), tooltip: ["Direct Connect: \(dx) ↔ on-premises network \(network)"],
                                       link: links.href(ResourceLink(id: network)), downwards: true))
            }
            return SceneNode(id: dx, kind: .directConnectGateway,
                             label: [.title("Direct Connect gateway"), .detail(dx)] + (network == nil ? [.detail("on-premises end not in the input")] : []),
                             tooltip: ["Direct Connect gateway \(dx)"] + from[dx]!.map { "associated with \($0)" }
                                + [network.map { "on premises: \($0)" } ?? "the on-premises network it reaches is not in the input"],
                             link: links.href(ResourceLink(id: from[dx]!.first!)))
        }
    }
}
