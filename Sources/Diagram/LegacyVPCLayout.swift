// The per-VPC layout before issue 9 (subnets as clusters), kept only so that `make bench` can
// measure the new layout against it in one binary: reachable through the hidden environment
// variable VPCGRAPH_BENCH_OLD_VPC_LAYOUT=1 (see `DiagramOptions.legacyVPCLayout`). Not a feature.
import VPCModel

/// The VPC cluster of the full view. Rows, top to bottom:
///
///     the internet side: internet gateway, and route tables whose subnets are all in the first row
///     subnet rows (the AZ boxes side by side in name order, each starting at its first subnet): public, then private, then isolated; one row per subnet of a tier in an AZ,
///                  so a tier is on the same row across AZs. A route table used by subnets of one
///                  AZ only sits beside the first of them, inside the AZ
///     other route tables
///     the VPC's edge: virtual private gateway, gateway, interface and Resolver endpoints
///
/// Edges that leave an AZ box from a middle row have to go round it (dot keeps an edge's bends
/// outside clusters it does not belong to), so each route table sits where its edges are short.
extension DiagramBuilder {
    /// The top node of each AZ, left to right, with its row: the anchor of the AZ's first subnet
    /// (the VPC's anchor, row 0, when it has no subnets). The rails order these and put each on
    /// its row, so an AZ without a public subnet starts at its first (private) subnet.
    func legacyHeads(of vpc: VPC) -> [(node: String, row: Int)] {
        guard !vpc.subnets.isEmpty else { return [("\(vpc.id).anchor", 0)] }
        let rows = DiagramBuilder.legacySubnetRows(of: vpc).row
        return vpc.availabilityZones.map { zone in
            let first = vpc.subnets.filter { $0.availabilityZone == zone }.min { rows[$0.id]! < rows[$1.id]! }!
            return ("\(first.id).anchor", rows[first.id]!)
        }
    }

    /// Each subnet's row, counted from 0, and the number of rows.
    static func legacySubnetRows(of vpc: VPC) -> (row: [String: Int], count: Int) {
        var row: [String: Int] = [:]
        var offset = 0
        for tier in SubnetTier.allCases {
            var deepest = 0
            for zone in vpc.availabilityZones {
                let subnets = vpc.subnets.filter { $0.availabilityZone == zone && vpc.tier(of: $0) == tier }
                for (index, subnet) in subnets.enumerated() { row[subnet.id] = offset + index }
                deepest = max(deepest, subnets.count)
            }
            offset += deepest
        }
        return (row, offset)
    }

    enum LegacyRouteTablePlace: Equatable {
        case top
        /// Beside its (first) subnet: all its subnets are in one AZ.
        case beside(zone: String, row: Int)
        case bottom
    }

    /// `above`: peering connections and transit gateways drawn above this VPC (it is in a lower
    /// grid row than they are).
    static func legacyPlace(of table: RouteTable, in vpc: VPC, rows: [String: Int], above: Set<String>) -> LegacyRouteTablePlace {
        let subnets = vpc.subnets(using: table)
        guard let first = subnets.first else { return .bottom }
        if subnets.allSatisfy({ $0.availabilityZone == first.availabilityZone }) {
            return .beside(zone: first.availabilityZone, row: subnets.map { rows[$0.id]! }.min()!)
        }
        let targets = vpc.effectiveRoutes(of: table).filter { $0.target.kind != .local }.map(\.target)
        let upwards = !targets.isEmpty && targets.allSatisfy { $0.kind == .internetGateway || above.contains($0.id) }
        if upwards && subnets.allSatisfy({ rows[$0.id] == 0 }) { return .top }
        return .bottom
    }

    mutating func legacyVpcCluster(_ vpc: VPC, region: Region, above: Set<String> = []) -> DiagramCluster {
        var a = style.cluster("vpc")
        a["id"] = .string(vpc.id)
        var title = label(.vpc)
        title.iconSize = 22
        title.title(vpc.displayName, size: 13)
        title.detail("\(vpc.id) · \(vpc.cidrs.map(\.description).joined(separator: ", "))", size: 9)
        a["label"] = title.value
        a["tooltip"] = plain(["VPC \(vpc.id)", vpc.name, "CIDR \(vpc.cidrs.map(\.description).joined(separator: ", "))",
                              "DNS support \(vpc.dnsSupport ? "on" : "off"), DNS hostnames \(vpc.dnsHostnames ? "on" : "off")"])
        a.link(href(for: .vpc(vpc.id, region: region.name)))
        var cluster = DiagramCluster("cluster_vpc_\(vpc.id)", a, comment: "vpc \(vpc.id)\(vpc.name.map { " (\($0))" } ?? "")")

        let rowOf = DiagramBuilder.legacySubnetRows(of: vpc).row
        let places = vpc.routeTables.map { DiagramBuilder.legacyPlace(of: $0, in: vpc, rows: rowOf, above: above) }
        let zoneHeads = legacyHeads(of: vpc)
        let (firstHead, firstHeadRow) = zoneHeads[0]

        // The internet side, one row above the AZs.
        var topRow: [DiagramNode] = []
        if let igw = vpc.internetGateway {
            var label = label(.internetGateway)
            label.title("internet gateway")
            if let name = igw.name { label.line(name) }
            label.detail(igw.id)
            topRow.append(DiagramNode(igw.id, attributes("internet-gateway", id: igw.id, label: label,
                tooltip: ["internet gateway \(igw.id)", igw.name], link: .internetGateway(igw.id, region: region.name))))
        }
        for (table, place) in zip(vpc.routeTables, places) where place == .top {
            topRow.append(legacyRouteTableNode(table, in: vpc, region: region))
        }
        for node in topRow { layoutEdge(node.name, firstHead, minlen: 1 + firstHeadRow, weight: 10) }
        cluster.nodes += topRow

        // Availability zones with their subnets, and route tables beside their subnets.
        for zone in vpc.availabilityZones {
            var za = style.cluster("az")
            za["id"] = .string("\(vpc.id)_\(zone)")
            za["label"] = plainLabel(zone)
            za["tooltip"] = plain(["availability zone \(zone) of \(vpc.id)"])
            var zoneCluster = DiagramCluster("cluster_az_\(vpc.id)_\(zone)", za)
            let (head, headRow) = zoneHeads[vpc.availabilityZones.firstIndex(of: zone)!]
            let subnets = vpc.subnets.filter { $0.availabilityZone == zone }.sorted { rowOf[$0.id]! < rowOf[$1.id]! }
            for subnet in subnets {
                zoneCluster.clusters.append(legacySubnetCluster(subnet, in: vpc, region: region))
                if "\(subnet.id).anchor" != head { layoutEdge(head, "\(subnet.id).anchor", minlen: rowOf[subnet.id]! - headRow, weight: 100) }
            }
            for (table, place) in zip(vpc.routeTables, places) {
                guard case .beside(zone, let row) = place else { continue }
                zoneCluster.nodes.append(legacyRouteTableNode(table, in: vpc, region: region))
                layoutEdge(head, table.id, minlen: row - headRow, weight: 100)
            }
            cluster.clusters.append(zoneCluster)
        }
        if vpc.subnets.isEmpty { cluster.nodes.append(Rails.point("\(vpc.id).anchor")) }

        // Below the AZs: the other route tables, then the VPC's edge. A point one row below every
        // subnet marks where that starts (edges from each subnet, so adding a subnet adds lines
        // about it and changes no other line).
        let bottom = "\(vpc.id).bottom"
        cluster.nodes.append(Rails.point(bottom))
        for subnet in vpc.subnets { layoutEdge("\(subnet.id).anchor", bottom, minlen: 1, weight: 1) }
        if vpc.subnets.isEmpty { layoutEdge("\(vpc.id).anchor", bottom, minlen: 1, weight: 1) }
        var bottomTables: [DiagramNode] = []
        for (table, place) in zip(vpc.routeTables, places) where place == .bottom {
            bottomTables.append(legacyRouteTableNode(table, in: vpc, region: region))
            layoutEdge(bottom, table.id, minlen: 0, weight: 1)
        }
        cluster.nodes += bottomTables
        var edgeRow: [DiagramNode] = []
        if let vgw = vpc.vpnGateway {
            var label = label(.vpn)
            label.title("virtual private gateway")
            if let name = vgw.name { label.line(name) }
            label.detail(vgw.id)
            edgeRow.append(DiagramNode(vgw.id, attributes("vpn-gateway", id: vgw.id, label: label,
                tooltip: ["virtual private gateway \(vgw.id)", vgw.name], link: .vpnGateway(vgw.id, region: region.name))))
        }
        for endpoint in vpc.gatewayEndpoints { edgeRow.append(legacyGatewayEndpointNode(endpoint, in: vpc, region: region)) }
        for endpoint in vpc.interfaceEndpoints { edgeRow.append(legacyInterfaceEndpointNode(endpoint, in: vpc, region: region)) }
        for endpoint in vpc.resolverEndpoints { edgeRow.append(legacyResolverEndpointNode(endpoint, in: vpc, region: region)) }
        // Route targets that are not drawn elsewhere (network interfaces of appliances, egress-only gateways).
        var extra: [String] = []
        for table in vpc.routeTables {
            for route in table.routes where route.target.kind == .networkInterface || route.target.kind == .egressOnlyInternetGateway {
                if !extra.contains(route.target.id) { extra.append(route.target.id) }
            }
        }
        for id in extra {
            let isENI = id.hasPrefix("eni-")
            var label = label(isENI ? .eni : .internetGateway)
            label.title(isENI ? "network interface" : "egress-only internet gateway")
            label.detail(id)
            edgeRow.append(DiagramNode(id, attributes("network-interface", id: id, label: label, tooltip: [id],
                                                                  link: ResourceLink(id: DiagramBuilder.routeTablesSection))))
        }
        for node in edgeRow { layoutEdge(bottom, node.name, minlen: bottomTables.isEmpty ? 0 : 1, weight: 1) }
        cluster.nodes += edgeRow

        vpcTops[vpc.id] = topRow.first?.name ?? firstHead
        vpcBottoms[vpc.id] = edgeRow.first?.name ?? bottomTables.first?.name ?? bottom
        topRows[vpc.id] = !topRow.isEmpty

        legacyRouteEdges(of: vpc, places: places)
        legacyReachEdges(of: vpc, region: region)
        return cluster
    }

    /// Subnet → route table (association) and route table → target edges: one per route table and
    /// target, labelled with every destination, never one per subnet.
    mutating func legacyRouteEdges(of vpc: VPC, places: [LegacyRouteTablePlace]) {
        for (table, place) in zip(vpc.routeTables, places) {
            for subnet in vpc.subnets(using: table) {
                edge("\(subnet.id).anchor", table.id, kind: "association",
                     [("ltail", .string("cluster_subnet_\(subnet.id)")), ("style", .string("dashed")), ("arrowhead", .string("none")),
                      ("color", .string(style.palette.networkLine)), ("constraint", .string(place == .bottom ? "true" : "false"))])
            }
            var targets: [String] = []
            var destinations: [String: [String]] = [:]
            var blackholes: Set<String> = []
            for route in vpc.effectiveRoutes(of: table) where route.target.kind != .local {
                if destinations[route.target.id] == nil { targets.append(route.target.id) }
                destinations[route.target.id, default: []].append(legacyDescribe(route.destination, in: vpc))
                if route.state == .blackhole { blackholes.insert(route.target.id) }
            }
            for target in targets {
                let isBlackhole = blackholes.contains(target)
                let label = destinations[target]!.joined(separator: "\n") + (isBlackhole ? "\n(blackhole)" : "")
                var extra: [(String, AttributeValue)] = isBlackhole ? [("color", .string(style.palette.blackhole)), ("style", .string("dashed"))] : []
                // A route over a peering connection or transit gateway is drawn as the VPC's
                // connection to it (no second edge from the VPC box).
                // Targets on the VPC's bottom row are always below the table.
                let onEdgeRow = vpc.gatewayEndpoints.contains { $0.id == target } || vpc.vpnGateway?.id == target
                    || target.hasPrefix("eni-") || target.hasPrefix("eigw-")
                if onEdgeRow { extra.append(("constraint", .string("true"))) }
                if target.hasPrefix("pcx-") || target.hasPrefix("tgw-") {
                    routedConnections.insert("\(vpc.id) \(target)")
                    if !isBlackhole { extra += [("penwidth", .string("2")), ("color", .string(style.palette.networkLine))] }
                }
                edge(table.id, target, kind: isBlackhole ? "route blackhole" : "route", label: label, extra)
            }
        }
    }

    /// Services reached without an endpoint (e.g. another region's S3): out through the internet gateway.
    mutating func legacyReachEdges(of vpc: VPC, region: Region) {
        for reached in vpc.reaches {
            let served = vpc.gatewayEndpoints.contains { $0.service == reached } || vpc.interfaceEndpoints.contains { $0.service == reached }
            if served { continue }
            let node = service(reached, fallbackRegion: region.name, usedBy: vpc.id)
            let from = vpc.internetGateway?.id ?? vpcBottoms[vpc.id]!
            let how = vpc.internetGateway != nil ? "over the internet" : "reached"
            var note = "\(reached.shortName) in \(reached.region ?? region.name) \(how)"
            if reached.region != region.name && vpc.gatewayEndpoints.contains(where: { $0.service.shortName == reached.shortName }) {
                note += "\n(gateway endpoints serve their own region only)"
            }
            var extra: [(String, AttributeValue)] = [("style", .string("dashed")), ("color", .string(style.palette.serviceLine))]
            if vpc.internetGateway == nil { extra.append(("ltail", .string("cluster_vpc_\(vpc.id)"))) }
            edge(from, node, kind: "service-access", label: note, extra)
        }
    }

    func legacyDescribe(_ destination: Route.Destination, in vpc: VPC) -> String {
        switch destination {
        case .cidr(let cidr): return cidr.description
        case .prefixList(let id):
            if let endpoint = vpc.gatewayEndpoints.first(where: { $0.prefixListID == id }) {
                return "\(id) (\(endpoint.service.shortName))"
            }
            return id
        }
    }

    /// The subnet's cluster: its anchor, NAT gateways and network interfaces, on one row.
    mutating func legacySubnetCluster(_ subnet: Subnet, in vpc: VPC, region: Region) -> DiagramCluster {
        let tier = vpc.tier(of: subnet)
        let tierStyle = SubnetTierStyle(rawValue: tier.rawValue)!
        tiers.insert(tierStyle)
        var a = style.cluster("subnet", tier: tierStyle)
        a["id"] = .string(subnet.id)
        var title = label(.subnet)
        title.title("\(subnet.displayName) (\(tier.rawValue))")
        title.line(subnet.cidr.description)
        if subnet.name != nil { title.detail(subnet.id) }
        a["label"] = title.value
        let table = vpc.routeTable(for: subnet)
        a["tooltip"] = plain(["subnet \(subnet.id)", subnet.name, "\(subnet.availabilityZone), \(subnet.cidr), \(tier.rawValue)",
                              table.map { "route table \($0.id)\(subnet.routeTableID == nil ? " (main)" : "")" }])
        a.link(href(for: .subnet(subnet.id, region: region.name)))
        var cluster = DiagramCluster("cluster_subnet_\(subnet.id)", a)
        let anchor = "\(subnet.id).anchor"
        cluster.nodes.append(Rails.point(anchor))
        for nat in vpc.natGateways where nat.subnetID == subnet.id {
            var label = label(.natGateway)
            label.title("NAT gateway")
            if let name = nat.name { label.line(name) }
            label.detail(nat.id)
            let ips = [nat.privateIP?.description, nat.publicIP?.description].compactMap { $0 }
            if !ips.isEmpty { label.detail(ips.joined(separator: " · ")) }
            cluster.nodes.append(DiagramNode(nat.id, attributes("nat-gateway", id: nat.id, label: label,
                tooltip: ["NAT gateway \(nat.id) (\(nat.connectivity.rawValue))", nat.name,
                          nat.privateIP.map { "private IP \($0)" }, nat.publicIP.map { "public IP \($0)" }],
                link: .natGateway(nat.id, region: region.name))))
        }
        for endpoint in vpc.interfaceEndpoints {
            for interface in endpoint.interfaces where interface.subnetID == subnet.id {
                cluster.nodes.append(legacyInterfaceNode(interface, of: endpoint.id, kind: "eni", icon: .eni, caption: "\(endpoint.service.shortName) endpoint",
                                                   owner: "\(endpoint.id) (\(endpoint.service.fullName))", in: subnet,
                                                   link: .endpoint(endpoint.id, region: region.name)))
            }
        }
        for endpoint in vpc.resolverEndpoints {
            for address in endpoint.ipAddresses where address.subnetID == subnet.id {
                cluster.nodes.append(legacyInterfaceNode(address, of: endpoint.id, kind: "resolver-ip", icon: .resolverEndpoint,
                                                   caption: "Resolver \(endpoint.direction.rawValue)", owner: "Resolver endpoint \(endpoint.id)",
                                                   in: subnet, link: ResourceLink(id: endpoint.id)))
            }
        }
        if cluster.nodes.count > 1 {
            var row = DiagramCluster("row_\(subnet.id)", Attributes([("rank", .string("same"))]))
            row.nodes = cluster.nodes.map { DiagramNode($0.name) }
            cluster.clusters.append(row)
            // Left to right in input order (flat edges inside one cluster keep their order).
            for (left, right) in zip(cluster.nodes, cluster.nodes.dropFirst()) {
                layoutEdge(left.name, right.name, minlen: 0, weight: 1)
            }
        }
        return cluster
    }

    /// A network interface of an interface or Resolver endpoint, inside its subnet: its IP and
    /// what it belongs to.
    mutating func legacyInterfaceNode(_ interface: EndpointInterface, of endpointID: String, kind: String, icon: Icon, caption: String,
                                owner: String, in subnet: Subnet, link: ResourceLink) -> DiagramNode {
        let id = legacyEniName(interface, owner: endpointID)
        var label = label(icon)
        label.title(interface.ip.description)
        label.detail(caption)
        return DiagramNode(id, attributes(kind, id: id, label: label,
            tooltip: ["network interface of \(owner)", interface.networkInterfaceID, "private IP \(interface.ip)",
                      "subnet \(subnet.id) (\(subnet.availabilityZone))"],
            link: link))
    }

    func legacyEniName(_ interface: EndpointInterface, owner: String) -> String {
        interface.networkInterfaceID ?? "\(owner)_\(interface.subnetID)"
    }

    mutating func legacyRouteTableNode(_ table: RouteTable, in vpc: VPC, region: Region) -> DiagramNode {
        var label = label(.routeTable)
        label.title(table.name ?? table.id)
        label.detail("route table\(table.isMain ? " (main)" : "")")
        if table.name != nil { label.detail(table.id) }
        let routes = vpc.effectiveRoutes(of: table).map { "\($0.destination) → \($0.target)\($0.state == .blackhole ? " (blackhole)" : "")" }
        return DiagramNode(table.id, attributes("route-table", id: table.id, label: label,
            tooltip: ["route table \(table.id)\(table.isMain ? " (main)" : "")", table.name] + routes,
            link: .routeTable(table.id, region: region.name)))
    }

    mutating func legacyGatewayEndpointNode(_ endpoint: GatewayEndpoint, in vpc: VPC, region: Region) -> DiagramNode {
        var label = label(.gatewayEndpoint)
        label.title("\(endpoint.service.shortName) gateway endpoint")
        if let name = endpoint.name, name != endpoint.service.shortName { label.line(name) }
        label.detail(endpoint.id)
        label.detail("prefix list \(endpoint.prefixListID ?? "unknown")")
        let node = DiagramNode(endpoint.id, attributes("gateway-endpoint", id: endpoint.id, label: label,
            tooltip: ["gateway endpoint \(endpoint.id)", endpoint.service.fullName, endpoint.prefixListID.map { "prefix list \($0)" },
                      "route tables: \(endpoint.routeTableIDs.joined(separator: ", "))", endpoint.policy == nil ? "default policy (full access)" : "custom policy"],
            link: .endpoint(endpoint.id, region: region.name)))
        let serviceNode = service(endpoint.service, fallbackRegion: region.name, usedBy: vpc.id)
        edge(endpoint.id, serviceNode, kind: "endpoint-service", [("color", .string(style.palette.networkLine)), ("constraint", .string("true"))])
        return node
    }

    mutating func legacyInterfaceEndpointNode(_ endpoint: InterfaceEndpoint, in vpc: VPC, region: Region) -> DiagramNode {
        let names = endpoint.dnsNames(in: vpc)
        var label = label(.interfaceEndpoint)
        label.title("\(endpoint.service.shortName) interface endpoint")
        if let name = endpoint.name, name != endpoint.service.shortName { label.line(name) }
        label.detail(endpoint.id)
        if let regional = names.first(where: { $0.scope == .regional }) { label.dnsName(regional.name) }
        label.detail(endpoint.privateDNS ? "private DNS: \(endpoint.privateDNSName ?? "on")" : "private DNS off")
        let groups = endpoint.securityGroupIDs.map { id in vpc.securityGroup(id)?.name.map { "\($0) (\(id))" } ?? id }
        if !groups.isEmpty { label.detail("SG \(endpoint.securityGroupIDs.map { vpc.securityGroup($0)?.name ?? $0 }.joined(separator: ", "))") }
        let node = DiagramNode(endpoint.id, attributes("interface-endpoint", id: endpoint.id, label: label,
            tooltip: ["interface endpoint \(endpoint.id)", endpoint.service.fullName]
                + endpoint.interfaces.map { "ENI \($0.ip) in \($0.subnetID)" }
                + names.map { "DNS \($0.name)" }
                + ["security groups: \(groups.joined(separator: ", "))", endpoint.policy == nil ? "default policy (full access)" : "custom policy"],
            link: .endpoint(endpoint.id, region: region.name)))
        for interface in endpoint.interfaces where vpc.subnet(interface.subnetID) != nil {
            edge(legacyEniName(interface, owner: endpoint.id), endpoint.id, kind: "endpoint-eni",
                 [("constraint", .string("true")), ("style", .string("dashed")), ("arrowhead", .string("none")), ("color", .string(style.palette.networkLine))])
        }
        let serviceNode = service(endpoint.service, fallbackRegion: region.name, usedBy: vpc.id)
        edge(endpoint.id, serviceNode, kind: "endpoint-service", [("color", .string(style.palette.networkLine)), ("constraint", .string("true"))])
        return node
    }

    mutating func legacyResolverEndpointNode(_ endpoint: ResolverEndpoint, in vpc: VPC, region: Region) -> DiagramNode {
        var label = label(.resolverEndpoint)
        label.title("Resolver \(endpoint.direction.rawValue) endpoint")
        if let name = endpoint.name { label.line(name) }
        label.detail(endpoint.id)
        let node = DiagramNode(endpoint.id, attributes("resolver-endpoint", id: endpoint.id, label: label,
            tooltip: ["Route 53 Resolver \(endpoint.direction.rawValue) endpoint \(endpoint.id)", endpoint.name]
                + endpoint.ipAddresses.map { "IP \($0.ip) in \($0.subnetID)" }
                + ["security groups: \(endpoint.securityGroupIDs.joined(separator: ", "))"]))
        for address in endpoint.ipAddresses where vpc.subnet(address.subnetID) != nil {
            edge(legacyEniName(address, owner: endpoint.id), endpoint.id, kind: "endpoint-eni",
                 [("style", .string("dashed")), ("arrowhead", .string("none")), ("color", .string(style.palette.dnsLine))])
        }
        return node
    }
}
