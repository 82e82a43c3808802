import VPCModel

/// The region layer of the full view, as scene content: each region's VPCs in a grid (input order,
/// left to right then top to bottom), and in the row below each row of VPCs what connects them:
/// peering connections, transit gateways, hosted zones, AWS services, left to right by where
/// their VPCs are. VPCs outside the focus or outside the input are single nodes below what links
/// them. On the left: on-premises networks (customer gateways, the network, its DNS servers) and
/// the Direct Connect gateways. Rows are layers: VPC row `r` is layer `3r`, what connects it
/// layer `3r + 1`; `SceneEncoder.stack` turns them into ranks.
extension DiagramBuilder {
    /// Items in grid rows: up to three in one row, else about √n per row.
    static func gridRows<T>(_ items: [T]) -> [[T]] {
        let n = items.count
        guard n > 3 else { return n == 0 ? [] : [items] }
        let columns = Int(Double(n).squareRoot().rounded(.up))
        return stride(from: 0, to: n, by: columns).map { Array(items[$0..<min($0 + columns, n)]) }
    }

    /// Where a region's VPCs are: each detailed VPC's grid row and column.
    struct RegionGrid {
        var row: [String: Int] = [:]
        var column: [String: Int] = [:]
    }

    /// A node of the region waiting for its place in its row: the mean column and row of the VPCs
    /// it is about, and the order it was made in.
    struct Placed {
        var node: SceneNode
        var meanColumn: Double
        var meanRow: Double
    }

    /// A Direct Connect gateway's association with a virtual private gateway or a transit gateway
    /// drawn in the diagram, with the on-premises network at its other end when known.
    struct DirectConnectLink {
        var gatewayID: String
        /// The virtual private gateway or transit gateway.
        var from: String
        /// The transit gateway attachment, for a transit gateway.
        var attachmentID: String?
        var onPremisesID: String?
        var region: String
    }

    /// Layer of VPC grid row `row`, and of what sits below it.
    static func vpcLayer(_ row: Int) -> Int { 3 * row }
    static func connectorLayer(_ row: Int) -> Int { 3 * row + 1 }

    // MARK: - VPCs

    /// A VPC as a box of its region (see `vpcScene`), in grid layer `layer`.
    mutating func vpcCluster(_ vpc: VPC, region: Region, above: Set<String>, layer: Int) -> SceneCluster {
        if options.legacyVPCLayout {
            let cluster = legacyVpcCluster(vpc, region: region, above: above)
            let shift = topRows[vpc.id] == true ? 1 : 0
            legacy[vpc.id] = LegacyBox(cluster: cluster, top: vpcTops[vpc.id]!, bottom: vpcBottoms[vpc.id]!,
                                       heads: legacyHeads(of: vpc).map { LegacyBox.Head(node: $0.node, row: $0.row + shift) },
                                       nodeNames: cluster.allNodes.map(\.name))
            return SceneCluster(id: vpc.id, kind: .vpc, layer: layer, layered: true)
        }
        var (cluster, edges) = vpcScene(vpc, region: region, above: above)
        cluster.layer = layer
        sceneEdges += edges
        return cluster
    }

    /// A region's box with its VPCs. What connects them comes after every region's VPCs exist (see
    /// `addConnectors`), since a peering or transit gateway may reach into another region.
    mutating func regionCluster(_ region: Region) -> SceneCluster {
        var cluster = SceneCluster(id: region.name, kind: .region, label: [.title(region.name)], tooltip: ["region \(region.name)"],
                                   layered: true, comment: "region \(region.name)")
        var grid = RegionGrid()
        let gridRows = DiagramBuilder.gridRows(region.vpcs.filter { isDetailed($0.id) })
        for (index, row) in gridRows.enumerated() {
            for (column, vpc) in row.enumerated() {
                grid.row[vpc.id] = index
                grid.column[vpc.id] = column
            }
        }
        // Peering connections and transit gateways sit below a row of VPCs; those in lower rows
        // have them above.
        var connectorRows: [String: Int] = [:]
        for peering in region.peerings { connectorRows[peering.id] = peering.vpcIDs.compactMap { grid.row[$0] }.min() }
        for tgw in region.transitGateways {
            let rows = tgw.vpcIDs.compactMap { grid.row[$0] }
            connectorRows[tgw.id] = rows.count > 2 ? rows.max() : rows.min()
        }
        for (index, row) in gridRows.enumerated() {
            for vpc in row {
                let above = Set(connectorRows.filter { $0.value < index }.keys)
                cluster.clusters.append(vpcCluster(vpc, region: region, above: above, layer: DiagramBuilder.vpcLayer(index)))
            }
        }
        grids[region.name] = grid
        return cluster
    }

    // MARK: - What connects VPCs

    /// Peering connections, transit gateways, hosted zones, VPN and DNS forwarding of a region.
    mutating func addConnectors(_ region: Region, into cluster: inout SceneCluster) {
        let grid = grids[region.name] ?? RegionGrid()
        let full = options.detail == .full
        var placed: [Placed] = []
        for peering in region.peerings where peering.vpcIDs.contains(where: isDetailed) {
            var label: [LabelPart] = [.title(peering.name ?? "VPC peering")]
            if full { label.append(.detail(peering.id)) }
            // Which peering it is, without ids: the names of the two sides.
            if peering.name == nil { label.append(.detail(peering.vpcIDs.map(vpcName).joined(separator: " ↔ "))) }
            let node = SceneNode(id: peering.id, kind: .peeringConnection, label: label,
                                 tooltip: ["VPC peering connection \(peering.id)", peering.name, "requester: \(vpcText(peering.requesterVPCID))",
                                           "accepter: \(vpcText(peering.accepterVPCID))"].compactMap { $0 },
                                 link: href(for: .peering(peering.id, region: region.name)))
            placed.append(place(node, touching: peering.vpcIDs, hub: false, grid: grid))
            for vpcID in peering.vpcIDs where !routedConnections.contains("\(vpcID) \(peering.id)") || !isDetailed(vpcID) {
                connect(vpcID, to: peering.id, kind: .peering, tooltip: ["VPC peering \(peering.id): \(vpcText(vpcID))"],
                        link: href(for: .peering(peering.id, region: region.name)), region: region, into: &cluster)
            }
        }
        for tgw in region.transitGateways where isDrawn(tgw) {
            let vpcIDs = tgw.vpcIDs
            var label: [LabelPart] = [.title(tgw.name ?? "transit gateway")]
            if full || tgw.name == nil { label.append(.detail(tgw.id)) }
            if let asn = tgw.asn { label.append(.detail("ASN \(asn)")) }
            // In a diagram of a few VPCs, a hub's other VPCs are counted, not drawn.
            let others = vpcIDs.filter { !isDetailed($0) }
            let drawsOthers = others.count + vpcIDs.filter(isDetailed).count <= 2
            if !drawsOthers && !others.isEmpty { label.append(.detail("+ \(others.count) other VPC\(others.count == 1 ? "" : "s") attached")) }
            let node = SceneNode(id: tgw.id, kind: .transitGateway, label: label,
                                 tooltip: ["transit gateway \(tgw.id)", tgw.name, tgw.asn.map { "ASN \($0)" }].compactMap { $0 } + tgw.attachments.map { "attachment \($0.id)" },
                                 link: href(for: .transitGateway(tgw.id, region: region.name)))
            placed.append(place(node, touching: vpcIDs, hub: vpcIDs.count > 2, grid: grid))
            for attachment in tgw.attachments {
                guard case .vpc(let vpcID, _) = attachment.resource,
                      !routedConnections.contains("\(vpcID) \(tgw.id)") || !isDetailed(vpcID),
                      isDetailed(vpcID) || drawsOthers else { continue }
                connect(vpcID, to: tgw.id, kind: .transitGatewayAttachment, label: full ? [attachment.id] : [],
                        tooltip: ["transit gateway attachment \(attachment.id)", "\(vpcText(vpcID)) ↔ \(tgw.name ?? tgw.id)"],
                        link: href(for: .transitGatewayAttachment(attachment.id, region: region.name)), region: region, into: &cluster)
            }
        }
        for zone in region.privateHostedZones {
            let aliasVPCs = zone.records.compactMap { record -> String? in
                if case .endpointAlias(let id) = record.value { return topology.interfaceEndpoint(id)?.vpc.id }
                return nil
            }
            guard focus == nil || (zone.vpcIDs + aliasVPCs).contains(where: isDetailed) else { continue }
            var label: [LabelPart] = [.title(zone.name), .detail("private hosted zone\(full ? zone.zoneID.map { " \($0)" } ?? "" : "")")]
            for record in zone.records {
                label.append(.detail("\(record.name == zone.name ? "@" : record.name) \(record.type) \(record.value)"))
            }
            // Associations are listed, not drawn: the DNS view draws them.
            let associated = zone.vpcIDs.map { id in topology.vpc(id)?.displayName ?? id }
            label += DiagramBuilder.wrap(associated, prefix: "associated with ", width: 48).map { .detail($0) }
            let id = zone.zoneID ?? "zone-\(zone.name)"
            let node = SceneNode(id: id, kind: .hostedZone, label: label,
                                 tooltip: ["private hosted zone \(zone.name)", zone.zoneID].compactMap { $0 } + zone.records.map { "\($0.name) \($0.type) \($0.value)" }
                                    + zone.vpcIDs.map { "associated with \($0)" },
                                 link: href(for: .hostedZone(zone)))
            placed.append(place(node, touching: aliasVPCs.isEmpty ? zone.vpcIDs : aliasVPCs, hub: false, grid: grid))
            for record in zone.records {
                guard case .endpointAlias(let endpointID) = record.value, let (vpc, _) = topology.interfaceEndpoint(endpointID),
                      isDetailed(vpc.id), let target = endpointNode(endpointID, in: vpc) else { continue }
                sceneEdges.append(SceneEdge(.dnsAlias, from: .node(id), to: .node(target),
                                            label: [record.name] + (full ? ["alias → \(endpointID)"] : ["alias"]),
                                            tooltip: ["\(record.name) \(record.type): alias to \(endpointID)"]))
            }
        }
        for vpn in region.vpnConnections where isDrawn(vpn.gateway.id) {
            let customer = vpn.customerGatewayID ?? "\(vpn.id).customer"
            guard customerGateways.contains(customer) else { continue }
            sceneEdges.append(SceneEdge(.vpn, from: .node(vpn.gateway.id), to: .node(customer),
                                        label: [vpn.name ?? (full ? vpn.id : nil), "site-to-site VPN"].compactMap { $0 },
                                        tooltip: ["site-to-site VPN \(vpn.id)", vpn.name, "gateway \(vpn.gateway.id)", "customer gateway \(customer)"].compactMap { $0 }
                                            + vpn.tunnels.map { "tunnel \($0.outsideIP)\($0.status.map { " \($0)" } ?? "")" },
                                        link: href(for: .vpnConnection(vpn.id, region: region.name)), downwards: true))
        }
        for rule in region.resolverRules {
            guard let endpoint = rule.resolverEndpointID, let (vpc, _) = topology.resolverEndpoint(endpoint), isDetailed(vpc.id),
                  let from = endpointNode(endpoint, in: vpc) else { continue }
            let onPremisesDNS = topology.onPremises.first { network in
                rule.targetIPs.contains { ip in network.dnsServers.contains(ip) || network.cidrs.contains(where: { $0.contains(ip) }) }
            }
            guard let network = onPremisesDNS, shownOnPremises.contains(network.id) else { continue }
            let target = DiagramBuilder.hasDNSNode(network) ? "\(network.id).dns" : "\(network.id).network"
            sceneEdges.append(SceneEdge(.dnsForwarding, from: .node(from), to: .node(target), label: [rule.domain],
                                        tooltip: ["Resolver rule: forward \(rule.domain) to \(rule.targetIPs.map(\.description).joined(separator: ", "))"]))
        }
        pending[region.name, default: []] += placed
    }

    /// Services, then every node waiting for its row, left to right by where its VPCs are.
    mutating func addServices(_ region: Region, into cluster: inout SceneCluster) {
        let grid = grids[region.name] ?? RegionGrid()
        var placed = pending[region.name] ?? []
        for node in serviceNodes(in: region.name) {
            // Below the first row of VPCs that uses it.
            let users = (serviceUsers[node.id] ?? []).filter { grid.row[$0] != nil }
            let row = users.first.flatMap { grid.row[$0] }
            placed.append(place(node, touching: users.filter { grid.row[$0] == row }, hub: false, grid: grid))
        }
        let ordered = placed.enumerated().sorted { a, b in
            let (la, lb) = (a.element.node.layer ?? Int.max, b.element.node.layer ?? Int.max)
            return (la, a.element.meanColumn, a.element.meanRow, a.offset) < (lb, b.element.meanColumn, b.element.meanRow, b.offset)
        }
        cluster.nodes += ordered.map(\.element.node)
    }

    /// A node's row: below the first row of VPCs it touches (below the last such row for hubs,
    /// which touch many); none when it touches no VPC of this region's grid.
    func place(_ node: SceneNode, touching vpcIDs: [String], hub: Bool, grid: RegionGrid) -> Placed {
        var node = node
        let rows = vpcIDs.compactMap { grid.row[$0] }
        let columns = vpcIDs.compactMap { grid.column[$0] }
        if let row = hub ? rows.max() : rows.min() { node.layer = DiagramBuilder.connectorLayer(row) }
        return Placed(node: node, meanColumn: columns.isEmpty ? 0 : Double(columns.reduce(0, +)) / Double(columns.count),
                      meanRow: rows.isEmpty ? 0 : Double(rows.reduce(0, +)) / Double(rows.count))
    }

    /// An edge between a VPC and what connects it: from the VPC's box when it is drawn in detail,
    /// else from its single node (made once, below the connector).
    mutating func connect(_ vpcID: String, to connector: String, kind: EdgeKind, label: [String] = [], tooltip: [String], link: Href?,
                          region: Region, into cluster: inout SceneCluster) {
        if isDetailed(vpcID), topology.vpc(vpcID) != nil {
            sceneEdges.append(SceneEdge(kind, from: .cluster(vpcID), to: .node(connector), label: label, tooltip: tooltip, link: link))
            return
        }
        if stubs.insert(vpcID).inserted { cluster.nodes.append(singleVPCNode(vpcID, region: region)) }
        sceneEdges.append(SceneEdge(kind, from: .node(connector), to: .node(vpcID), label: label, tooltip: tooltip, link: link, downwards: true))
    }

    /// Transit gateway peering attachments between gateways drawn, also across regions: one edge per
    /// pair (AWS lists the attachment on both sides).
    mutating func transitGatewayPeeringEdges(_ regions: [Region]) {
        let drawn = Set(regions.flatMap { $0.transitGateways.filter(isDrawn).map(\.id) })
        var pairs = Set<[String]>()
        for region in regions {
            for tgw in region.transitGateways where drawn.contains(tgw.id) {
                for attachment in tgw.attachments {
                    guard case .peering(let peer) = attachment.resource, peer != tgw.id, drawn.contains(peer),
                          pairs.insert([tgw.id, peer].sorted()).inserted else { continue }
                    sceneEdges.append(SceneEdge(.transitGatewayPeering, from: .node(tgw.id), to: .node(peer),
                                                tooltip: ["transit gateway peering attachment \(attachment.id)", "\(tgw.id) (\(region.name)) ↔ \(peer)"],
                                                link: href(for: .transitGatewayAttachment(attachment.id, region: region.name))))
                }
            }
        }
    }

    /// "shared-services vpc-0b2c… (10.10.0.0/16)" for tooltips; external VPCs with their owner.
    func vpcText(_ id: String) -> String {
        if let vpc = topology.vpc(id) { return "\(vpc.name.map { "\($0) " } ?? "")\(id) (\(vpc.cidrs.map(\.description).joined(separator: ", ")))" }
        if let external = externalVPC(id) {
            return "\(external.name.map { "\($0) " } ?? "")\(id)" + (external.cidrs.isEmpty ? "" : " (\(external.cidrs.map(\.description).joined(separator: ", ")))")
                + (external.ownerID.map { ", account \($0)" } ?? "")
        }
        return id
    }

    /// A VPC's name, else its id (also for external VPCs).
    func vpcName(_ id: String) -> String {
        topology.vpc(id)?.name ?? externalVPC(id)?.name ?? id
    }

    func externalVPC(_ id: String) -> ExternalVPC? {
        guard topology.vpc(id) == nil else { return nil }
        for region in topology.regions { if let found = region.externalVPCs.first(where: { $0.id == id }) { return found } }
        return nil
    }

    /// The node an endpoint is drawn as: its own, or (summary detail) its VPC's endpoint group.
    func endpointNode(_ endpointID: String, in vpc: VPC) -> String? {
        if options.legacyVPCLayout { return endpointID }
        return options.detail == .summary ? "\(vpc.id)_endpoints" : endpointID
    }

    /// Names joined with commas into lines of at most about `width` characters.
    static func wrap(_ names: [String], prefix: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = prefix
        for (index, name) in names.enumerated() {
            let piece = name + (index < names.count - 1 ? "," : "")
            if current.count + piece.count > width && current != prefix {
                lines.append(current)
                current = "  "
            }
            current += (current == prefix || current == "  " ? "" : " ") + piece
        }
        if current != prefix { lines.append(current) }
        return lines
    }

    /// Whether a transit gateway is drawn: always in the full view, else when a VPC in focus is attached.
    func isDrawn(_ tgw: TransitGateway) -> Bool {
        focus == nil || tgw.vpcIDs.contains(where: isDetailed)
    }

    /// True when the node with this id is in the diagram (a gateway of a detailed VPC, or a
    /// transit gateway drawn in its region).
    func isDrawn(_ gatewayID: String) -> Bool {
        for (region, vpc) in topology.allVPCs where vpc.vpnGateway?.id == gatewayID { return isShown(region) && isDetailed(vpc.id) }
        for region in topology.regions {
            for tgw in region.transitGateways where tgw.id == gatewayID { return isDrawn(tgw) }
        }
        return false
    }

    /// A VPC outside the focus (linking to its own diagram when there is one), or outside the
    /// input (another account's or region's: its id, owner and CIDRs), as one node.
    func singleVPCNode(_ vpcID: String, region: Region) -> SceneNode {
        if let external = externalVPC(vpcID) { return externalVPCNode(external, region: region.name, links: Links(options.links)) }
        let found = topology.allVPCs.first { $0.vpc.id == vpcID }
        var label: [LabelPart] = [.title(found?.vpc.displayName ?? vpcID)]
        let cidrs = found?.vpc.cidrs.map(\.description).joined(separator: ", ") ?? ""
        label.append(.detail(options.detail == .full || found?.vpc.name == nil ? "\(vpcID) · \(cidrs)" : cidrs))
        if let file = options.vpcFiles[vpcID] { label.append(.detail("details: \(file)")) }
        let link = options.vpcFiles[vpcID].map { Href.diagram($0) } ?? found.flatMap { href(for: .vpc(vpcID, region: $0.region.name)) }
        return SceneNode(id: vpcID, kind: .vpc, label: label,
                         tooltip: ["VPC \(vpcID)", found?.vpc.name, found.map { "region \($0.region.name)" }].compactMap { $0 }, link: link)
    }

    // MARK: - On-premises and Direct Connect

    static func hasDNSNode(_ network: OnPremisesNetwork) -> Bool {
        !network.dnsServers.isEmpty || !network.forwardingRules.isEmpty
    }

    /// An on-premises network's box: its customer gateways, the network, its DNS servers, in one row.
    mutating func onPremisesCluster(_ network: OnPremisesNetwork) -> SceneCluster {
        shownOnPremises.insert(network.id)
        let full = options.detail == .full
        var cluster = SceneCluster(id: network.id, kind: .onPremises, label: [.title(network.name ?? network.id), .detail("on-premises")],
                                   tooltip: ["on-premises network \(network.id)", network.name].compactMap { $0 } + network.cidrs.map(\.description),
                                   layered: true, comment: "on-premises \(network.id)")
        for region in topology.regions {
            for vpn in region.vpnConnections where vpn.onPremisesID == network.id && isDrawn(vpn.gateway.id) {
                let id = vpn.customerGatewayID ?? "\(vpn.id).customer"
                guard customerGateways.insert(id).inserted else { continue }
                var label: [LabelPart] = [.title("customer gateway")]
                if let ip = vpn.customerGatewayIP { label.append(.line(ip.description)) }
                if let asn = vpn.customerGatewayASN { label.append(.detail("ASN \(asn)")) }
                if full || (vpn.customerGatewayIP == nil && vpn.customerGatewayID != nil) { label.append(.detail(vpn.customerGatewayID ?? vpn.id)) }
                cluster.nodes.append(SceneNode(id: id, kind: .customerGateway, label: label,
                    tooltip: ["customer gateway \(id)", "VPN \(vpn.id)", vpn.customerGatewayIP.map { "IP \($0)" }, vpn.customerGatewayASN.map { "BGP ASN \($0)" }].compactMap { $0 },
                    link: href(for: ResourceLink(id: vpn.id)), layer: 0))
            }
        }
        cluster.nodes.append(SceneNode(id: "\(network.id).network", kind: .onPremisesNetwork, label: [.title("network")] + network.cidrs.map { .line($0.description) },
                                       tooltip: ["on-premises network \(network.id)"] + network.cidrs.map(\.description),
                                       link: href(for: ResourceLink(id: network.id)), layer: 0))
        if DiagramBuilder.hasDNSNode(network) {
            var label: [LabelPart] = [.title("DNS servers")]
            if !network.dnsServers.isEmpty { label.append(.line(network.dnsServers.map(\.description).joined(separator: ", "))) }
            label += network.forwardingRules.map { .detail("forward \($0.domain)") }
            cluster.nodes.append(SceneNode(id: "\(network.id).dns", kind: .dnsServers, label: label,
                tooltip: ["DNS servers of \(network.id)"] + network.dnsServers.map(\.description)
                    + network.forwardingRules.map { "forward \($0.domain) to \($0.targets.map(\.description).joined(separator: ", "))" },
                link: href(for: ResourceLink(id: network.id)), layer: 0))
        }
        for rule in network.forwardingRules {
            for case .resolverEndpoint(let endpointID) in rule.targets {
                guard let (vpc, _) = topology.resolverEndpoint(endpointID), isDetailed(vpc.id), let target = endpointNode(endpointID, in: vpc) else { continue }
                sceneEdges.append(SceneEdge(.dnsForwarding, from: .node("\(network.id).dns"), to: .node(target), label: ["forward \(rule.domain)"],
                                            tooltip: ["the DNS servers of \(network.name ?? network.id) forward \(rule.domain) to \(endpointID)"]))
            }
        }
        return cluster
    }

    /// Direct Connect gateways associated with the virtual private gateways of VPCs drawn in detail
    /// and with transit gateways drawn, in input order. A transit gateway's attachment does not name
    /// the on-premises end: it is the one a virtual private gateway's link to the same Direct
    /// Connect gateway names, if any.
    func directConnectLinks() -> [DirectConnectLink] {
        var onPremises: [String: String] = [:]
        for (_, vpc) in topology.allVPCs {
            for link in vpc.vpnGateway?.directConnectGateways ?? [] where onPremises[link.directConnectGatewayID] == nil {
                if let id = link.onPremisesID { onPremises[link.directConnectGatewayID] = id }
            }
        }
        let known = Set(topology.onPremises.map(\.id))
        var links: [DirectConnectLink] = []
        for region in topology.regions where isShown(region) {
            for vpc in region.vpcs where isDetailed(vpc.id) {
                guard let vgw = vpc.vpnGateway else { continue }
                for link in vgw.directConnectGateways {
                    links.append(DirectConnectLink(gatewayID: link.directConnectGatewayID, from: vgw.id,
                                                   onPremisesID: (link.onPremisesID ?? onPremises[link.directConnectGatewayID]).flatMap { known.contains($0) ? $0 : nil },
                                                   region: region.name))
                }
            }
            for tgw in region.transitGateways where isDrawn(tgw) {
                for attachment in tgw.attachments {
                    guard case .directConnectGateway(let id) = attachment.resource else { continue }
                    links.append(DirectConnectLink(gatewayID: id, from: tgw.id, attachmentID: attachment.id,
                                                   onPremisesID: onPremises[id].flatMap { known.contains($0) ? $0 : nil }, region: region.name))
                }
            }
        }
        return links
    }

    /// The Direct Connect gateways (global resources, outside any region), in a box of their own
    /// between the on-premises networks and the regions.
    func directConnectCluster(_ links: [DirectConnectLink]) -> SceneCluster? {
        guard !links.isEmpty else { return nil }
        var cluster = SceneCluster(id: "direct-connect", kind: .group, label: [.title("AWS Direct Connect")],
                                   tooltip: ["Direct Connect gateways: private links from on premises to AWS"], comment: "Direct Connect")
        var seen: Set<String> = []
        for link in links where seen.insert(link.gatewayID).inserted {
            let all = links.filter { $0.gatewayID == link.gatewayID }
            let ends = Set(all.compactMap(\.onPremisesID))
            var label: [LabelPart] = [.title("Direct Connect gateway"), .detail(link.gatewayID)]
            if ends.isEmpty { label.append(.detail("on-premises end not in the input")) }
            let tooltip = ["Direct Connect gateway \(link.gatewayID)"]
                + all.map { "associated with \($0.from)\($0.attachmentID.map { " (attachment \($0))" } ?? "") in \($0.region)" }
                + (ends.isEmpty ? ["the on-premises network it reaches is not in the input"] : ends.sorted().map { "on premises: \($0)" })
            cluster.nodes.append(SceneNode(id: link.gatewayID, kind: .directConnectGateway, label: label, tooltip: tooltip,
                                           link: href(for: ResourceLink(id: link.attachmentID ?? link.from))))
        }
        return cluster
    }

    /// Gateway → Direct Connect gateway (downwards: it hangs below the gateway), and Direct Connect
    /// gateway → on-premises network.
    mutating func directConnectEdges(_ links: [DirectConnectLink]) {
        var pairs: Set<[String]> = []
        for link in links where pairs.insert([link.from, link.gatewayID]).inserted {
            sceneEdges.append(SceneEdge(.directConnect, from: .node(link.from), to: .node(link.gatewayID),
                                        tooltip: ["Direct Connect: \(link.from) ↔ Direct Connect gateway \(link.gatewayID)"] + (link.attachmentID.map { ["attachment \($0)"] } ?? []),
                                        link: href(for: ResourceLink(id: link.attachmentID ?? link.from)), downwards: true))
        }
        for link in links {
            guard let network = link.onPremisesID, shownOnPremises.contains(network), pairs.insert([link.gatewayID, network]).inserted else { continue }
            sceneEdges.append(SceneEdge(.directConnect, from: .node(link.gatewayID), to: .node("\(network).network"),
                                        tooltip: ["Direct Connect: gateway \(link.gatewayID) ↔ on-premises network \(network)"],
                                        link: href(for: ResourceLink(id: network))))
        }
    }
}

/// An external VPC (another account's or region's, reached by a peering) as one node: id, owner,
/// CIDRs, in a dashed box. Shared by the full view and the overview.
func externalVPCNode(_ external: ExternalVPC, region: String, links: Links) -> SceneNode {
    var label: [LabelPart] = [.title(external.name ?? external.id)]
    if external.name != nil { label.append(.detail(external.id)) }
    label += external.cidrs.map { .line($0.description) }
    let whose = [external.ownerID.map { "account \($0)" }, external.region.map { "region \($0)" }].compactMap { $0 }
    label.append(.detail(whose.isEmpty ? "outside the input" : whose.joined(separator: " · ")))
    return SceneNode(id: external.id, kind: .externalVPC, label: label,
                     tooltip: ["VPC \(external.id) outside the input (reached by a peering)", external.name, external.ownerID.map { "owner account \($0)" },
                               "region \(external.region ?? region)"].compactMap { $0 } + (external.cidrs + external.ipv6CIDRs).map { "CIDR \($0)" },
                     link: links.section("section-peerings"))
}

extension TransitGateway {
    /// The VPCs attached, in attachment order.
    var vpcIDs: [String] {
        attachments.compactMap { attachment -> String? in
            if case .vpc(let id, _) = attachment.resource { return id }
            return nil
        }
    }
}
