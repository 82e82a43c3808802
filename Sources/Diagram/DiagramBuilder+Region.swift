import VPCModel

/// A region of the full view: its VPCs in a grid (input order, left to right then top to bottom),
/// and below each row of VPCs what connects them: peering connections, transit gateways, hosted
/// zones, AWS services.
extension DiagramBuilder {
    /// Items in grid rows: up to three in one row, else about √n per row.
    static func gridRows<T>(_ items: [T]) -> [[T]] {
        let n = items.count
        guard n > 3 else { return n == 0 ? [] : [items] }
        let columns = Int(Double(n).squareRoot().rounded(.up))
        return stride(from: 0, to: n, by: columns).map { Array(items[$0..<min($0 + columns, n)]) }
    }

    /// Where a region's rows are: each detailed VPC's row, and the first rail point of each row.
    struct RegionGrid {
        var row: [String: Int] = [:]
        var column: [String: Int] = [:]
        var rails: [String] = []
    }

    /// A connector placed below a grid row, with where its VPCs are (to order a row of them).
    struct PlacedConnector {
        var node: String
        var row: Int
        var meanColumn: Double
        var meanRow: Double
    }

    /// A region's cluster with its VPCs. Connectors come after every region's VPCs exist (see
    /// `addConnectors`), since a peering or transit gateway may reach into another region.
    mutating func regionCluster(_ region: Region) -> DiagramCluster {
        var cluster = DiagramCluster("cluster_region_\(region.name)", regionAttributes(region.name), comment: "region \(region.name)")
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
            let rows = tgw.attachments.compactMap { attachment -> Int? in
                if case .vpc(let id, _) = attachment.resource { return grid.row[id] }
                return nil
            }
            connectorRows[tgw.id] = rows.count > 2 ? rows.max() : rows.min()
        }
        for (index, row) in gridRows.enumerated() {
            var rails = Rails(prefix: "\(region.name).row\(index + 1)")
            for vpc in row {
                grid.row[vpc.id] = index
                let above = Set(connectorRows.filter { $0.value < index }.keys)
                cluster.clusters.append(vpcCluster(vpc, region: region, above: above))
                for head in heads(of: vpc) { rails.add(head.node, minlen: (topRows[vpc.id]! ? 2 : 1) + head.row) }
            }
            cluster.nodes += rails.nodes
            edges += rails.edges
            grid.rails.append(rails.first!)
            if index > 0 {
                for (vpcID, vpcRow) in grid.row.sorted(by: { $0.key < $1.key }) where vpcRow == index - 1 {
                    layoutEdge(vpcBottoms[vpcID]!, rails.first!, minlen: 2, weight: 1)
                    nextRowRails[vpcID] = rails.first!
                }
            }
        }

        grids[region.name] = grid
        return cluster
    }

    /// Peering connections, transit gateways, hosted zones, VPN and DNS forwarding of a region.
    mutating func addConnectors(_ region: Region, into cluster: inout DiagramCluster) {
        let grid = grids[region.name] ?? RegionGrid()
        placedConnectors = []
        defer { orderConnectors(region, into: &cluster) }
        for peering in region.peerings where peering.vpcIDs.contains(where: isDetailed) {
            var label = label(.peering)
            label.title(peering.name ?? "peering")
            label.detail(peering.id)
            cluster.nodes.append(DiagramNode(peering.id, attributes("peering-connection", id: peering.id, label: label,
                tooltip: ["VPC peering connection \(peering.id)", "requester: \(peering.requesterVPCID)", "accepter: \(peering.accepterVPCID)"],
                link: .peering(peering.id, region: region.name))))
            let row = place(peering.id, touching: peering.vpcIDs, hub: false, grid: grid)
            for vpcID in peering.vpcIDs where !routedConnections.contains("\(vpcID) \(peering.id)") || !isDetailed(vpcID) {
                let end = vpcEnd(vpcID, connector: peering.id, row: row, grid: grid, into: &cluster)
                edge(end.node, peering.id, kind: "peering", end.attributes + [("dir", .string("none")), ("penwidth", .string("2")),
                                                                               ("color", .string(style.palette.networkLine))])
            }
        }
        for tgw in region.transitGateways {
            let vpcIDs = tgw.attachments.compactMap { attachment -> String? in
                if case .vpc(let id, _) = attachment.resource { return id }
                return nil
            }
            guard focus == nil || vpcIDs.contains(where: isDetailed) else { continue }
            var label = label(.transitGateway)
            label.title(tgw.name ?? "transit gateway")
            label.detail(tgw.id)
            if let asn = tgw.asn { label.detail("ASN \(asn)") }
            // In a diagram of a few VPCs, a hub's other VPCs are counted, not drawn.
            let others = vpcIDs.filter { !isDetailed($0) }
            let drawsOthers = others.count + vpcIDs.filter(isDetailed).count <= 2
            if !drawsOthers && !others.isEmpty { label.detail("+ \(others.count) other VPC\(others.count == 1 ? "" : "s") attached") }
            cluster.nodes.append(DiagramNode(tgw.id, attributes("transit-gateway", id: tgw.id, label: label,
                tooltip: ["transit gateway \(tgw.id)", tgw.name, tgw.asn.map { "ASN \($0)" }] + tgw.attachments.map { "attachment \($0.id)" },
                link: .transitGateway(tgw.id, region: region.name))))
            let row = place(tgw.id, touching: vpcIDs, hub: vpcIDs.count > 2, grid: grid)
            for attachment in tgw.attachments {
                guard case .vpc(let vpcID, _) = attachment.resource,
                      !routedConnections.contains("\(vpcID) \(tgw.id)") || !isDetailed(vpcID),
                      isDetailed(vpcID) || drawsOthers else { continue }
                let end = vpcEnd(vpcID, connector: tgw.id, row: row, grid: grid, into: &cluster)
                edge(end.node, tgw.id, kind: "tgw-attachment", label: attachment.id,
                     end.attributes + [("dir", .string("none")), ("penwidth", .string("2")), ("color", .string(style.palette.networkLine))])
            }
        }
        for zone in region.privateHostedZones {
            let aliasVPCs = zone.records.compactMap { record -> String? in
                if case .endpointAlias(let id) = record.value { return topology.interfaceEndpoint(id)?.vpc.id }
                return nil
            }
            guard focus == nil || (zone.vpcIDs + aliasVPCs).contains(where: isDetailed) else { continue }
            var label = label(.hostedZone)
            label.title(zone.name)
            label.detail("private hosted zone\(zone.zoneID.map { " \($0)" } ?? "")")
            for record in zone.records {
                label.detail("\(record.name == zone.name ? "@" : record.name) \(record.type) \(record.value)")
            }
            // Associations are listed, not drawn: the DNS view draws them.
            let associated = zone.vpcIDs.map { id in topology.vpc(id)?.displayName ?? id }
            for line in DiagramBuilder.wrap(associated, prefix: "associated with ", width: 48) { label.detail(line) }
            let id = zone.zoneID ?? "zone-\(zone.name)"
            cluster.nodes.append(DiagramNode(id, attributes("hosted-zone", id: id, label: label,
                tooltip: ["private hosted zone \(zone.name)", zone.zoneID] + zone.records.map { "\($0.name) \($0.type) \($0.value)" }
                    + zone.vpcIDs.map { "associated with \($0)" }, link: .hostedZone(zone))))
            place(id, touching: aliasVPCs.isEmpty ? zone.vpcIDs : aliasVPCs, hub: false, grid: grid)
            for record in zone.records {
                guard case .endpointAlias(let endpointID) = record.value, let (vpc, _) = topology.interfaceEndpoint(endpointID),
                      isDetailed(vpc.id) else { continue }
                edge(id, endpointID, kind: "dns-alias", label: "\(record.name)\nalias → \(endpointID)",
                     [("style", .string("dashed")), ("color", .string(style.palette.dnsLine)), ("fontcolor", .string(style.palette.dnsLine))])
            }
        }
        for vpn in region.vpnConnections where isDrawn(vpn.gateway.id) {
            let customer = vpn.customerGatewayID ?? "\(vpn.id).customer"
            edge(vpn.gateway.id, customer, kind: "vpn", label: "\(vpn.name ?? vpn.id)\nsite-to-site VPN",
                 [("penwidth", .string("2")), ("color", .string(style.palette.onPremisesLine)), ("dir", .string("both"))])
            layoutEdge(vpn.gateway.id, customer, minlen: 1, weight: 1)
        }
        for rule in region.resolverRules {
            guard let endpoint = rule.resolverEndpointID, let (vpc, _) = topology.resolverEndpoint(endpoint), isDetailed(vpc.id) else { continue }
            let onPremisesDNS = topology.onPremises.first { network in
                rule.targetIPs.contains { ip in network.dnsServers.contains(ip) || network.cidrs.contains(where: { $0.contains(ip) }) }
            }
            if let network = onPremisesDNS {
                edge(endpoint, "\(network.id).dns", kind: "dns-forward", label: rule.domain,
                     [("style", .string("dashed")), ("color", .string(style.palette.dnsLine)), ("fontcolor", .string(style.palette.dnsLine))])
            }
        }
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

    /// True when the node with this id is in the diagram (a gateway of a detailed VPC, or a
    /// transit gateway drawn in its region).
    func isDrawn(_ gatewayID: String) -> Bool {
        for (region, vpc) in topology.allVPCs where vpc.vpnGateway?.id == gatewayID { return isShown(region) && isDetailed(vpc.id) }
        for region in topology.regions {
            for tgw in region.transitGateways where tgw.id == gatewayID {
                return focus == nil || tgw.attachments.contains { attachment in
                    if case .vpc(let id, _) = attachment.resource { return isDetailed(id) }
                    return false
                }
            }
        }
        return false
    }

    /// Gives a connector its rank: one row below the first row of VPCs it touches (below the last
    /// such row for hubs, which touch many), above the next row. Returns that row.
    @discardableResult
    mutating func place(_ node: String, touching vpcIDs: [String], hub: Bool, grid: RegionGrid) -> Int? {
        let rows = vpcIDs.compactMap { grid.row[$0] }
        guard let row = hub ? rows.max() : rows.min() else { return nil }
        let columns = vpcIDs.compactMap { grid.column[$0] }
        placedConnectors.append(PlacedConnector(node: node, row: row, meanColumn: Double(columns.reduce(0, +)) / Double(columns.count),
                                                meanRow: Double(rows.reduce(0, +)) / Double(rows.count)))
        var placed: Set<String> = []
        for id in vpcIDs where grid.row[id] == row && placed.insert(id).inserted {
            layoutEdge(vpcBottoms[id]!, node, minlen: 1, weight: 1)
        }
        if row + 1 < grid.rails.count { layoutEdge(node, grid.rails[row + 1], minlen: 1, weight: 1) }
        return row
    }

    /// Below each grid row, connectors left to right by where their VPCs are (mean column, then
    /// mean row), so edges to them do not cross the picture.
    mutating func orderConnectors(_ region: Region, into cluster: inout DiagramCluster) {
        for row in Set(placedConnectors.map(\.row)).sorted() {
            let connectors = placedConnectors.enumerated().filter { $0.element.row == row }
                .sorted { ($0.element.meanColumn, $0.element.meanRow, $0.offset) < ($1.element.meanColumn, $1.element.meanRow, $1.offset) }
                .map(\.element.node)
            guard connectors.count > 1 else { continue }
            var rails = Rails(prefix: "\(region.name).below\(row + 1)")
            for node in connectors { rails.add(node, weight: 1) }
            cluster.nodes += rails.nodes
            edges += rails.edges
        }
    }

    /// Where an edge between a VPC and a connector starts: the VPC box's bottom when the VPC is
    /// above the connector, its top when below, or the VPC's single node when it is not detailed.
    mutating func vpcEnd(_ vpcID: String, connector: String, row: Int?, grid: RegionGrid,
                         into cluster: inout DiagramCluster) -> (node: String, attributes: [(String, AttributeValue)]) {
        if isDetailed(vpcID), let top = vpcTops[vpcID], let bottom = vpcBottoms[vpcID] {
            let below = (grid.row[vpcID] ?? 0) > (row ?? Int.max)
            return (below ? top : bottom, [("ltail", .string("cluster_vpc_\(vpcID)"))])
        }
        if stubs[vpcID] == nil {
            stubs[vpcID] = vpcID
            cluster.nodes.append(stubNode(vpcID))
            layoutEdge(connector, vpcID, minlen: 1, weight: 1)
        }
        return (vpcID, [])
    }

    /// A VPC outside the focus as one node, linking to its own diagram when there is one.
    mutating func stubNode(_ vpcID: String) -> DiagramNode {
        let found = topology.allVPCs.first { $0.vpc.id == vpcID }
        var label = label(.vpc)
        label.title(found?.vpc.displayName ?? vpcID)
        label.detail("\(vpcID) · \(found?.vpc.cidrs.map(\.description).joined(separator: ", ") ?? "")")
        if let file = options.vpcFiles[vpcID] { label.detail("details: \(file)") }
        var a = attributes("vpc", id: vpcID, label: label, tooltip: ["VPC \(vpcID)", found?.vpc.name, found.map { "region \($0.region.name)" }],
                           link: found.map { .vpc(vpcID, region: $0.region.name) })
        if let file = options.vpcFiles[vpcID] { a.link(.diagram(file)) }
        a["class"] = .string("vpc vpc-summary")
        return DiagramNode(vpcID, a)
    }

    // MARK: - On-premises

    mutating func onPremisesCluster(_ network: OnPremisesNetwork) -> DiagramCluster {
        var a = style.cluster("on-premises")
        a["id"] = .string(network.id)
        var title = label(.onPremises)
        title.iconSize = 22
        title.title(network.name ?? network.id, size: 13)
        title.detail("on-premises", size: 9)
        a["label"] = title.value
        a["tooltip"] = plain(["on-premises network \(network.id)", network.name] + network.cidrs.map(\.description))
        var cluster = DiagramCluster("cluster_onprem_\(network.id)", a, comment: "on-premises \(network.id)")
        for region in topology.regions {
            for vpn in region.vpnConnections where vpn.onPremisesID == network.id && isDrawn(vpn.gateway.id) {
                let id = vpn.customerGatewayID ?? "\(vpn.id).customer"
                var cgw = label(.vpn)
                cgw.title("customer gateway")
                cgw.detail(vpn.customerGatewayID ?? vpn.id)
                cluster.nodes.append(DiagramNode(id, attributes("customer-gateway", id: id, label: cgw, tooltip: ["customer gateway \(id)", "VPN \(vpn.id)"],
                                                                 link: ResourceLink(id: vpn.id))))
            }
        }
        var label = label(nil)
        label.title("network")
        for cidr in network.cidrs { label.line(cidr.description) }
        cluster.nodes.append(DiagramNode("\(network.id).network", attributes("on-premises-network", id: "\(network.id).network", label: label,
                                                                              tooltip: ["on-premises network \(network.id)"] + network.cidrs.map(\.description),
                                                                              link: ResourceLink(id: network.id))))
        if !network.dnsServers.isEmpty || !network.forwardingRules.isEmpty {
            var dns = self.label(nil)
            dns.title("DNS servers")
            if !network.dnsServers.isEmpty { dns.line(network.dnsServers.map(\.description).joined(separator: ", ")) }
            for rule in network.forwardingRules { dns.detail("forward \(rule.domain)") }
            cluster.nodes.append(DiagramNode("\(network.id).dns", attributes("dns-servers", id: "\(network.id).dns", label: dns,
                tooltip: ["DNS servers of \(network.id)"] + network.dnsServers.map(\.description)
                    + network.forwardingRules.map { "forward \($0.domain) to \($0.targets.map(\.description).joined(separator: ", "))" },
                link: ResourceLink(id: network.id))))
        }
        // One row: customer gateways, the network, the DNS servers.
        var row = DiagramCluster("row_\(network.id)", Attributes([("rank", .string("same"))]))
        row.nodes = cluster.nodes.map { DiagramNode($0.name) }
        cluster.clusters.append(row)
        for rule in network.forwardingRules {
            for case .resolverEndpoint(let endpointID) in rule.targets {
                guard let (vpc, _) = topology.resolverEndpoint(endpointID), isDetailed(vpc.id) else { continue }
                edge("\(network.id).dns", endpointID, kind: "dns-forward", label: "forward \(rule.domain)",
                     [("style", .string("dashed")), ("color", .string(style.palette.dnsLine)), ("fontcolor", .string(style.palette.dnsLine))])
                if !cluster.nodes.contains(where: { $0.attributes["class"] == .string("customer-gateway") }) {
                    layoutEdge(endpointID, "\(network.id).dns", minlen: 1, weight: 1)
                }
            }
        }
        return cluster
    }
}
