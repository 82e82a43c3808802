import VPCModel

/// Options that change what the diagram holds.
public struct DiagramOptions: Sendable {
    /// When set, each resource links to `<linkDocs>#<id>` (the Markdown document's anchors).
    public var linkDocs: String?

    public init(linkDocs: String? = nil) {
        self.linkDocs = linkDocs
    }
}

/// Maps a topology onto nested clusters, nodes and edges:
/// region ⊃ VPC ⊃ AZ ⊃ subnet, with ENIs and NAT gateways inside their subnets, route tables,
/// endpoints and gateways at VPC level, peering, transit gateways, hosted zones and AWS services
/// at region level, and on-premises networks outside. Traffic flows downwards: subnets → route
/// tables → gateways and endpoints → services and on-premises.
public func buildDiagram(_ topology: Topology, name: String, options: DiagramOptions = DiagramOptions()) -> DiagramGraph {
    var builder = DiagramBuilder(topology: topology, options: options)
    return builder.build(name: name)
}

struct DiagramBuilder {
    let topology: Topology
    let options: DiagramOptions
    var edges: [DiagramEdge] = []
    var edgeIDs: Set<String> = []
    /// AWS service nodes by region, in first-use order.
    var services: [String: [ServiceName]] = [:]
    /// A node inside each VPC cluster, for edges that start or end at the VPC box.
    var vpcAnchors: [String: String] = [:]

    init(topology: Topology, options: DiagramOptions) {
        self.topology = topology
        self.options = options
    }

    mutating func build(name: String) -> DiagramGraph {
        var root = DiagramCluster("root")
        // First pass: anchors, so edges between VPCs can be drawn wherever they are declared.
        for (_, vpc) in topology.allVPCs { vpcAnchors[vpc.id] = anchorName(of: vpc) }
        var regionClusters: [DiagramCluster] = []
        for region in topology.regions {
            regionClusters.append(regionCluster(region))
        }
        // Services of regions not in the topology (e.g. S3 in another region reached over the internet).
        for regionName in services.keys.sorted() where !topology.regions.contains(where: { $0.name == regionName }) {
            var cluster = DiagramCluster("cluster_region_\(regionName)", regionAttributes(regionName), comment: "region \(regionName) (services only)")
            cluster.nodes = serviceNodes(in: regionName)
            regionClusters.append(cluster)
        }
        for index in regionClusters.indices {
            let regionName = String(regionClusters[index].name.dropFirst("cluster_region_".count))
            if topology.regions.contains(where: { $0.name == regionName }) {
                regionClusters[index].nodes += serviceNodes(in: regionName)
            }
        }
        root.clusters = regionClusters
        for network in topology.onPremises { root.clusters.append(onPremisesCluster(network)) }

        var graph = DiagramGraph(name: name, graphAttributes: Style.graph(title: topology.title),
                                 nodeDefaults: Style.nodeDefaults, edgeDefaults: Style.edgeDefaults, root: root)
        graph.edges = edges
        return graph
    }

    // MARK: - Helpers

    func attributes(_ kind: String, id: String, label: Label, tooltip: [String?]) -> Attributes {
        var a = Style.node(kind)
        a["id"] = .string(id)
        a["label"] = label.value
        a["tooltip"] = plain(tooltip)
        if let docs = options.linkDocs {
            a["URL"] = .string("\(docs)#\(id)")
            a["target"] = .string("_top")
        }
        return a
    }

    mutating func edge(_ tail: String, _ head: String, kind: String, label: String? = nil, _ extra: [(String, AttributeValue)] = []) {
        var id = "\(tail)--\(head)"
        if !edgeIDs.insert(id).inserted {
            var n = 2
            while !edgeIDs.insert("\(id)--\(n)").inserted { n += 1 }
            id = "\(id)--\(n)"
        }
        var a = Attributes([("id", .string(id)), ("class", .string(kind))])
        if let label { a["label"] = .string(label) }
        for (k, v) in extra { a[k] = v }
        edges.append(DiagramEdge(tail, head, a))
    }

    func regionAttributes(_ name: String) -> Attributes {
        var a = Style.cluster("region")
        a["id"] = .string(name)
        a["label"] = .html("<b>\(Label.escape(name))</b>")
        a["tooltip"] = plain(["region \(name)"])
        return a
    }

    func anchorName(of vpc: VPC) -> String {
        if let subnet = vpc.subnets.first { return "\(subnet.id).anchor" }
        return "\(vpc.id).anchor"
    }

    mutating func service(_ name: ServiceName, fallbackRegion: String) -> String {
        let region = name.region ?? fallbackRegion
        if !(services[region]?.contains(name) ?? false) { services[region, default: []].append(name) }
        return name.fullName
    }

    func serviceNodes(in region: String) -> [DiagramNode] {
        (services[region] ?? []).map { service in
            var label = Label()
            label.title(ServiceNames.displayName(service.shortName))
            label.detail(service.fullName)
            return DiagramNode(service.fullName, attributes("aws-service", id: service.fullName, label: label,
                                                            tooltip: ["AWS service", service.fullName, service.publicDNSName]))
        }
    }

    // MARK: - Region

    mutating func regionCluster(_ region: Region) -> DiagramCluster {
        var cluster = DiagramCluster("cluster_region_\(region.name)", regionAttributes(region.name), comment: "region \(region.name)")
        for vpc in region.vpcs { cluster.clusters.append(vpcCluster(vpc, region: region)) }

        for peering in region.peerings {
            var label = Label()
            label.title(peering.name ?? "peering")
            label.detail("\(peering.id) (peering connection)")
            cluster.nodes.append(DiagramNode(peering.id, attributes("peering-connection", id: peering.id, label: label,
                tooltip: ["VPC peering connection \(peering.id)", "requester: \(peering.requesterVPCID)", "accepter: \(peering.accepterVPCID)"])))
            for vpcID in peering.vpcIDs {
                guard let anchor = vpcAnchors[vpcID] else { continue }
                edge(anchor, peering.id, kind: "peering", [("ltail", .string("cluster_vpc_\(vpcID)")), ("dir", .string("none")),
                                                           ("style", .string("bold")), ("color", .string("#8c4fff"))])
            }
        }
        for tgw in region.transitGateways {
            var label = Label()
            label.title(tgw.name ?? "transit gateway")
            label.detail("\(tgw.id) (transit gateway)")
            if let asn = tgw.asn { label.detail("ASN \(asn)") }
            cluster.nodes.append(DiagramNode(tgw.id, attributes("transit-gateway", id: tgw.id, label: label,
                tooltip: ["transit gateway \(tgw.id)", tgw.name, tgw.asn.map { "ASN \($0)" }] + tgw.attachments.map { "attachment \($0.id)" })))
            for attachment in tgw.attachments {
                if case .vpc(let vpcID, _) = attachment.resource, let anchor = vpcAnchors[vpcID] {
                    edge(anchor, tgw.id, kind: "tgw-attachment", label: attachment.id,
                         [("ltail", .string("cluster_vpc_\(vpcID)")), ("dir", .string("none")), ("style", .string("bold")), ("color", .string("#8c4fff"))])
                }
            }
        }
        for zone in region.privateHostedZones {
            var label = Label()
            label.title(zone.name)
            label.detail("private hosted zone\(zone.zoneID.map { " \($0)" } ?? "")")
            for record in zone.records {
                label.detail("\(record.name == zone.name ? "@" : record.name) \(record.type) \(record.value)")
            }
            let id = zone.zoneID ?? "zone-\(zone.name)"
            cluster.nodes.append(DiagramNode(id, attributes("hosted-zone", id: id, label: label,
                tooltip: ["private hosted zone \(zone.name)", zone.zoneID] + zone.vpcIDs.map { "associated with \($0)" })))
            for vpcID in zone.vpcIDs {
                guard let anchor = vpcAnchors[vpcID] else { continue }
                edge(anchor, id, kind: "zone-association", [("ltail", .string("cluster_vpc_\(vpcID)")), ("style", .string("dotted")),
                                                            ("dir", .string("none")), ("color", .string("#c7131f"))])
            }
            for record in zone.records {
                guard case .endpointAlias(let endpointID) = record.value, let (vpc, endpoint) = topology.interfaceEndpoint(endpointID) else { continue }
                let target = endpoint.regionalDNSName(in: vpc) ?? endpointID
                edge(id, endpointID, kind: "dns-alias", label: "\(record.name) → \(target)",
                     [("style", .string("dashed")), ("color", .string("#c7131f")), ("fontcolor", .string("#c7131f"))])
            }
        }
        for vpn in region.vpnConnections {
            let customer = vpn.customerGatewayID ?? "\(vpn.id).customer"
            edge(vpn.gateway.id, customer, kind: "vpn", label: "\(vpn.name ?? vpn.id)\nsite-to-site VPN",
                 [("style", .string("bold")), ("color", .string("#7d8998")), ("dir", .string("both"))])
        }
        for rule in region.resolverRules {
            guard let endpoint = rule.resolverEndpointID else { continue }
            let onPremisesDNS = topology.onPremises.first { network in
                rule.targetIPs.contains { ip in network.dnsServers.contains(ip) || network.cidrs.contains(where: { $0.contains(ip) }) }
            }
            if let network = onPremisesDNS {
                edge(endpoint, "\(network.id).dns", kind: "dns-forward", label: rule.domain,
                     [("style", .string("dashed")), ("color", .string("#c7131f")), ("fontcolor", .string("#c7131f"))])
            }
        }
        return cluster
    }

    // MARK: - VPC

    mutating func vpcCluster(_ vpc: VPC, region: Region) -> DiagramCluster {
        var a = Style.cluster("vpc")
        a["id"] = .string(vpc.id)
        var title = "<b>\(Label.escape(vpc.displayName))</b>"
        title += "<br/><font point-size=\"9\">\(Label.escape(vpc.id)) · \(Label.escape(vpc.cidrs.map(\.description).joined(separator: ", ")))</font>"
        a["label"] = .html(title)
        a["tooltip"] = plain(["VPC \(vpc.id)", vpc.name, "CIDR \(vpc.cidrs.map(\.description).joined(separator: ", "))",
                              "DNS support \(vpc.dnsSupport ? "on" : "off"), DNS hostnames \(vpc.dnsHostnames ? "on" : "off")"])
        if let docs = options.linkDocs { a["URL"] = .string("\(docs)#\(vpc.id)"); a["target"] = .string("_top") }
        var cluster = DiagramCluster("cluster_vpc_\(vpc.id)", a, comment: "vpc \(vpc.id)\(vpc.name.map { " (\($0))" } ?? "")")
        let tiers = Dictionary(vpc.subnets.map { ($0.id, vpc.tier(of: $0)) }, uniquingKeysWith: { first, _ in first })

        if vpc.subnets.isEmpty {
            cluster.nodes.append(DiagramNode("\(vpc.id).anchor", Attributes([("shape", .string("point")), ("style", .string("invis")),
                                                                             ("id", .string("\(vpc.id).anchor"))])))
        }

        // Availability zones, side by side in name order. Inside each, subnets stacked by tier
        // (public above private above isolated) with invisible edges; each subnet is one row.
        for zone in vpc.availabilityZones {
            var za = Style.cluster("az")
            za["id"] = .string("\(vpc.id)_\(zone)")
            za["label"] = .string(zone)
            za["tooltip"] = plain(["availability zone \(zone) of \(vpc.id)"])
            var zoneCluster = DiagramCluster("cluster_az_\(vpc.id)_\(zone)", za)
            let subnets = vpc.subnets.enumerated().filter { $0.element.availabilityZone == zone }
                .sorted { (tiers[$0.element.id]!, $0.offset) < (tiers[$1.element.id]!, $1.offset) }.map(\.element)
            for subnet in subnets { zoneCluster.clusters.append(subnetCluster(subnet, tier: tiers[subnet.id]!, in: vpc)) }
            for (upper, lower) in zip(subnets, subnets.dropFirst()) {
                edge("\(upper.id).anchor", "\(lower.id).anchor", kind: "layout", [("style", .string("invis"))])
            }
            cluster.clusters.append(zoneCluster)
        }

        // VPC-level resources.
        if let igw = vpc.internetGateway {
            var label = Label()
            label.title("internet gateway")
            if let name = igw.name { label.line(name) }
            label.detail(igw.id)
            cluster.nodes.append(DiagramNode(igw.id, attributes("internet-gateway", id: igw.id, label: label, tooltip: ["internet gateway \(igw.id)", igw.name])))
        }
        if let vgw = vpc.vpnGateway {
            var label = Label()
            label.title("virtual private gateway")
            if let name = vgw.name { label.line(name) }
            label.detail(vgw.id)
            cluster.nodes.append(DiagramNode(vgw.id, attributes("vpn-gateway", id: vgw.id, label: label, tooltip: ["virtual private gateway \(vgw.id)", vgw.name])))
        }
        for table in vpc.routeTables { cluster.nodes.append(routeTableNode(table, in: vpc)) }
        for endpoint in vpc.gatewayEndpoints { cluster.nodes.append(gatewayEndpointNode(endpoint, region: region)) }
        for endpoint in vpc.interfaceEndpoints { cluster.nodes.append(interfaceEndpointNode(endpoint, in: vpc, region: region)) }
        for endpoint in vpc.resolverEndpoints { cluster.nodes.append(resolverEndpointNode(endpoint, in: vpc)) }

        // Targets that are not drawn elsewhere (network interfaces of instances or appliances).
        var extra: [String] = []
        for table in vpc.routeTables {
            for route in table.routes where route.target.kind == .networkInterface || route.target.kind == .egressOnlyInternetGateway {
                if !extra.contains(route.target.id) { extra.append(route.target.id) }
            }
        }
        for id in extra {
            var label = Label()
            label.title(id.hasPrefix("eni-") ? "network interface" : "egress-only internet gateway")
            label.detail(id)
            cluster.nodes.append(DiagramNode(id, attributes("network-interface", id: id, label: label, tooltip: [id])))
        }

        // Route edges: one per route table and target, labelled with every destination.
        for table in vpc.routeTables {
            for subnet in vpc.subnets(using: table) {
                edge("\(subnet.id).anchor", table.id, kind: "association",
                     [("ltail", .string("cluster_subnet_\(subnet.id)")), ("style", .string("dashed")), ("arrowhead", .string("none")),
                      ("color", .string("#8c4fff"))])
            }
            var targets: [String] = []
            var destinations: [String: [String]] = [:]
            var blackholes: Set<String> = []
            for route in vpc.effectiveRoutes(of: table) where route.target.kind != .local {
                if destinations[route.target.id] == nil { targets.append(route.target.id) }
                destinations[route.target.id, default: []].append(describe(route.destination, in: vpc))
                if route.state == .blackhole { blackholes.insert(route.target.id) }
            }
            for target in targets {
                let isBlackhole = blackholes.contains(target)
                let label = destinations[target]!.joined(separator: "\n") + (isBlackhole ? "\n(blackhole)" : "")
                edge(table.id, target, kind: isBlackhole ? "route blackhole" : "route", label: label,
                     isBlackhole ? [("color", .string("#d13212")), ("style", .string("dashed"))] : [])
            }
        }

        // Services reached without an endpoint (e.g. another region's S3): out through the internet gateway.
        for reached in vpc.reaches {
            let node = service(reached, fallbackRegion: region.name)
            let served = vpc.gatewayEndpoints.contains { $0.service == reached } || vpc.interfaceEndpoints.contains { $0.service == reached }
            if served { continue }
            let from = vpc.internetGateway?.id ?? vpcAnchors[vpc.id]!
            let how = vpc.internetGateway != nil ? "over the internet" : "reached"
            var note = "\(reached.shortName) in \(reached.region ?? region.name) \(how)"
            if reached.region != region.name && vpc.gatewayEndpoints.contains(where: { $0.service.shortName == reached.shortName }) {
                note += "\n(gateway endpoints serve their own region only)"
            }
            edge(from, node, kind: "service-access", label: note, [("style", .string("dashed")), ("color", .string("#ed7100"))])
        }
        return cluster
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

    /// The subnet's cluster: its anchor, NAT gateways and network interfaces, on one row.
    mutating func subnetCluster(_ subnet: Subnet, tier: SubnetTier, in vpc: VPC) -> DiagramCluster {
        var a = Style.cluster("subnet", tier: SubnetTierStyle(rawValue: tier.rawValue))
        a["id"] = .string(subnet.id)
        var label = "<font point-size=\"11\">\(Label.escape(subnet.displayName))</font>"
        label += "<br/><font point-size=\"9\">\(Label.escape(subnet.cidr.description)) · \(tier.rawValue)</font>"
        label += "<br/><font point-size=\"8\" color=\"#545b64\">\(Label.escape(subnet.id))</font>"
        a["label"] = .html(label)
        let table = vpc.routeTable(for: subnet)
        a["tooltip"] = plain(["subnet \(subnet.id)", subnet.name, "\(subnet.availabilityZone), \(subnet.cidr), \(tier.rawValue)",
                              table.map { "route table \($0.id)\(subnet.routeTableID == nil ? " (main)" : "")" }])
        if let docs = options.linkDocs { a["URL"] = .string("\(docs)#\(subnet.id)"); a["target"] = .string("_top") }
        var cluster = DiagramCluster("cluster_subnet_\(subnet.id)", a)
        let anchor = "\(subnet.id).anchor"
        cluster.nodes.append(DiagramNode(anchor, Attributes([("id", .string(anchor)), ("shape", .string("point")), ("style", .string("invis")),
                                                             ("width", .string("0.01")), ("label", .string(""))])))
        for nat in vpc.natGateways where nat.subnetID == subnet.id {
            var label = Label()
            label.title("NAT gateway")
            if let name = nat.name { label.line(name) }
            label.detail(nat.id)
            let ips = [nat.privateIP?.description, nat.publicIP?.description].compactMap { $0 }
            if !ips.isEmpty { label.detail(ips.joined(separator: " · ")) }
            cluster.nodes.append(DiagramNode(nat.id, attributes("nat-gateway", id: nat.id, label: label,
                tooltip: ["NAT gateway \(nat.id) (\(nat.connectivity.rawValue))", nat.name,
                          nat.privateIP.map { "private IP \($0)" }, nat.publicIP.map { "public IP \($0)" }])))
        }
        for endpoint in vpc.interfaceEndpoints {
            for interface in endpoint.interfaces where interface.subnetID == subnet.id {
                cluster.nodes.append(interfaceNode(interface, of: endpoint.id, kind: "eni", caption: "ENI · \(endpoint.service.shortName)", in: subnet))
            }
        }
        for endpoint in vpc.resolverEndpoints {
            for address in endpoint.ipAddresses where address.subnetID == subnet.id {
                cluster.nodes.append(interfaceNode(address, of: endpoint.id, kind: "resolver-ip", caption: "Resolver \(endpoint.direction.rawValue)", in: subnet))
            }
        }
        if cluster.nodes.count > 1 {
            var row = DiagramCluster("row_\(subnet.id)", Attributes([("rank", .string("same"))]))
            row.nodes = cluster.nodes.map { DiagramNode($0.name) }
            cluster.clusters.append(row)
        }
        return cluster
    }

    /// A network interface of an interface or Resolver endpoint, inside its subnet, labelled with its IP.
    func interfaceNode(_ interface: EndpointInterface, of owner: String, kind: String, caption: String, in subnet: Subnet) -> DiagramNode {
        let id = eniName(interface, owner: owner)
        var label = Label()
        label.title(interface.ip.description)
        label.detail(caption)
        return DiagramNode(id, attributes(kind, id: id, label: label,
            tooltip: ["network interface of \(owner)", interface.networkInterfaceID, "private IP \(interface.ip)",
                      "subnet \(subnet.id) (\(subnet.availabilityZone))"]))
    }

    func eniName(_ interface: EndpointInterface, owner: String) -> String {
        interface.networkInterfaceID ?? "\(owner)_\(interface.subnetID)"
    }

    func routeTableNode(_ table: RouteTable, in vpc: VPC) -> DiagramNode {
        var label = Label()
        label.title(table.name ?? table.id)
        label.detail("route table\(table.isMain ? " (main)" : "")")
        if table.name != nil { label.detail(table.id) }
        let routes = vpc.effectiveRoutes(of: table).map { "\($0.destination) → \($0.target)\($0.state == .blackhole ? " (blackhole)" : "")" }
        return DiagramNode(table.id, attributes("route-table", id: table.id, label: label,
                                                tooltip: ["route table \(table.id)\(table.isMain ? " (main)" : "")", table.name] + routes))
    }

    mutating func gatewayEndpointNode(_ endpoint: GatewayEndpoint, region: Region) -> DiagramNode {
        var label = Label()
        label.title("\(endpoint.service.shortName) gateway endpoint")
        if let name = endpoint.name, name != endpoint.service.shortName { label.line(name) }
        label.detail(endpoint.id)
        label.detail("prefix list \(endpoint.prefixListID ?? "unknown")")
        let node = DiagramNode(endpoint.id, attributes("gateway-endpoint", id: endpoint.id, label: label,
            tooltip: ["gateway endpoint \(endpoint.id)", endpoint.service.fullName, endpoint.prefixListID.map { "prefix list \($0)" },
                      "route tables: \(endpoint.routeTableIDs.joined(separator: ", "))", endpoint.policy == nil ? "default policy (full access)" : "custom policy"]))
        let serviceNode = service(endpoint.service, fallbackRegion: region.name)
        edge(endpoint.id, serviceNode, kind: "endpoint-service", [("color", .string("#8c4fff"))])
        return node
    }

    mutating func interfaceEndpointNode(_ endpoint: InterfaceEndpoint, in vpc: VPC, region: Region) -> DiagramNode {
        let names = endpoint.dnsNames(in: vpc)
        var label = Label()
        label.title("\(endpoint.service.shortName) interface endpoint")
        if let name = endpoint.name, name != endpoint.service.shortName { label.line(name) }
        label.detail(endpoint.id)
        if let regional = names.first(where: { $0.scope == .regional }) { label.dnsName(regional.name) }
        label.detail(endpoint.privateDNS ? "private DNS: \(endpoint.privateDNSName ?? "on")" : "private DNS off")
        let groups = endpoint.securityGroupIDs.map { id in vpc.securityGroup(id)?.name.map { "\($0) (\(id))" } ?? id }
        let node = DiagramNode(endpoint.id, attributes("interface-endpoint", id: endpoint.id, label: label,
            tooltip: ["interface endpoint \(endpoint.id)", endpoint.service.fullName]
                + endpoint.interfaces.map { "ENI \($0.ip) in \($0.subnetID)" }
                + names.map { "DNS \($0.name)" }
                + ["security groups: \(groups.joined(separator: ", "))", endpoint.policy == nil ? "default policy (full access)" : "custom policy"]))
        for interface in endpoint.interfaces where vpc.subnet(interface.subnetID) != nil {
            edge(eniName(interface, owner: endpoint.id), endpoint.id, kind: "endpoint-eni",
                 [("style", .string("dashed")), ("arrowhead", .string("none")), ("color", .string("#8c4fff"))])
        }
        let serviceNode = service(endpoint.service, fallbackRegion: region.name)
        edge(endpoint.id, serviceNode, kind: "endpoint-service", label: "PrivateLink", [("color", .string("#8c4fff"))])
        return node
    }

    mutating func resolverEndpointNode(_ endpoint: ResolverEndpoint, in vpc: VPC) -> DiagramNode {
        var label = Label()
        label.title("Resolver \(endpoint.direction.rawValue) endpoint")
        if let name = endpoint.name { label.line(name) }
        label.detail(endpoint.id)
        let node = DiagramNode(endpoint.id, attributes("resolver-endpoint", id: endpoint.id, label: label,
            tooltip: ["Route 53 Resolver \(endpoint.direction.rawValue) endpoint \(endpoint.id)", endpoint.name]
                + endpoint.ipAddresses.map { "IP \($0.ip) in \($0.subnetID)" }))
        for address in endpoint.ipAddresses where vpc.subnet(address.subnetID) != nil {
            edge(eniName(address, owner: endpoint.id), endpoint.id, kind: "endpoint-eni",
                 [("style", .string("dashed")), ("arrowhead", .string("none")), ("color", .string("#c7131f"))])
        }
        return node
    }

    // MARK: - On-premises

    mutating func onPremisesCluster(_ network: OnPremisesNetwork) -> DiagramCluster {
        var a = Style.cluster("on-premises")
        a["id"] = .string(network.id)
        a["label"] = .html("<b>\(Label.escape(network.name ?? network.id))</b><br/><font point-size=\"9\">on-premises</font>")
        a["tooltip"] = plain(["on-premises network \(network.id)", network.name] + network.cidrs.map(\.description))
        var cluster = DiagramCluster("cluster_onprem_\(network.id)", a, comment: "on-premises \(network.id)")
        var label = Label()
        label.title("network")
        for cidr in network.cidrs { label.line(cidr.description) }
        cluster.nodes.append(DiagramNode("\(network.id).network", attributes("on-premises-network", id: "\(network.id).network", label: label,
                                                                              tooltip: ["on-premises network \(network.id)"] + network.cidrs.map(\.description))))
        if !network.dnsServers.isEmpty || !network.forwardingRules.isEmpty {
            var dns = Label()
            dns.title("DNS servers")
            if !network.dnsServers.isEmpty { dns.line(network.dnsServers.map(\.description).joined(separator: ", ")) }
            for rule in network.forwardingRules { dns.detail("forward \(rule.domain)") }
            cluster.nodes.append(DiagramNode("\(network.id).dns", attributes("dns-servers", id: "\(network.id).dns", label: dns,
                tooltip: ["DNS servers of \(network.id)"] + network.dnsServers.map(\.description)
                    + network.forwardingRules.map { "forward \($0.domain) to \($0.targets.map(\.description).joined(separator: ", "))" })))
        }
        for region in topology.regions {
            for vpn in region.vpnConnections where vpn.onPremisesID == network.id {
                let id = vpn.customerGatewayID ?? "\(vpn.id).customer"
                var cgw = Label()
                cgw.title("customer gateway")
                cgw.detail(vpn.customerGatewayID ?? "")
                cluster.nodes.append(DiagramNode(id, attributes("customer-gateway", id: id, label: cgw, tooltip: ["customer gateway \(id)", "VPN \(vpn.id)"])))
            }
        }
        for rule in network.forwardingRules {
            for case .resolverEndpoint(let endpointID) in rule.targets where topology.resolverEndpoint(endpointID) != nil {
                edge("\(network.id).dns", endpointID, kind: "dns-forward", label: "forward \(rule.domain)",
                     [("style", .string("dashed")), ("color", .string("#c7131f")), ("fontcolor", .string("#c7131f"))])
            }
        }
        return cluster
    }
}

/// Display names of common AWS services for labels.
enum ServiceNames {
    static let known: [String: String] = [
        "s3": "Amazon S3", "dynamodb": "Amazon DynamoDB", "execute-api": "Amazon API Gateway", "ssm": "AWS Systems Manager",
        "ssmmessages": "Systems Manager messages", "ec2messages": "EC2 messages", "ec2": "Amazon EC2", "sts": "AWS STS",
        "kms": "AWS KMS", "secretsmanager": "AWS Secrets Manager", "logs": "CloudWatch Logs", "monitoring": "CloudWatch",
        "ecr.api": "Amazon ECR API", "ecr.dkr": "Amazon ECR Docker", "sqs": "Amazon SQS", "sns": "Amazon SNS",
        "lambda": "AWS Lambda", "kendra-ranking": "Kendra Intelligent Ranking", "elasticloadbalancing": "Elastic Load Balancing",
    ]

    static func displayName(_ short: String) -> String { known[short] ?? short }
}
