import VPCModel

/// The DNS view, left to right the way a query travels: on-premises DNS servers → Route 53
/// Resolver inbound endpoints → the VPC's resolver → the private hosted zones associated with it →
/// the interface endpoint a record points at, with the names and the private IPs they resolve to.
/// Outbound: VPC resolver → Resolver outbound endpoint → the DNS servers a rule forwards to.
/// Only VPCs with something to resolve (endpoints, Resolver endpoints, zones) appear.
public func buildDNSView(_ topology: Topology, name: String, options: DiagramOptions = DiagramOptions()) -> DiagramGraph {
    var builder = DNSViewBuilder(topology: topology, options: options)
    return builder.build(name: name)
}

struct DNSViewBuilder {
    let topology: Topology
    let options: DiagramOptions
    let style: Style
    let links: Links
    var edges: [DiagramEdge] = []
    var icons: Set<Icon> = []

    init(topology: Topology, options: DiagramOptions) {
        self.topology = topology
        self.options = options
        self.style = Style(palette: options.theme.palette, icons: options.icons)
        self.links = Links(options.links)
    }

    /// VPCs that take part in DNS: endpoints, Resolver endpoints or rules, zone associations.
    func isInvolved(_ vpc: VPC, in region: Region) -> Bool {
        !vpc.interfaceEndpoints.isEmpty || !vpc.resolverEndpoints.isEmpty
            || topology.regions.contains { $0.privateHostedZones.contains { $0.vpcIDs.contains(vpc.id) } }
            || region.resolverRules.contains { $0.vpcIDs.contains(vpc.id) }
    }

    mutating func build(name: String) -> DiagramGraph {
        var root = DiagramCluster("root")
        for network in topology.onPremises where !network.dnsServers.isEmpty || !network.forwardingRules.isEmpty {
            root.nodes.append(onPremisesDNS(network))
        }
        for region in topology.regions {
            let cluster = regionCluster(region)
            if !cluster.nodes.isEmpty { root.clusters.append(cluster) }
        }
        if root.nodes.isEmpty && root.clusters.isEmpty {
            var label = label(nil)
            label.title("Nothing to resolve")
            label.line("no interface endpoints, Resolver endpoints,")
            label.line("private hosted zones or DNS forwarding")
            label.line("in this topology")
            var note = node("nothing-to-resolve", kind: "note", label: label, tooltip: ["the topology has no DNS resources"])
            note.attributes["URL"] = nil
            note.attributes["target"] = nil
            note.attributes.link(links.section("section-dns"))
            note.attributes["margin"] = .string("0.3,0.25")
            root.nodes.append(note)
        }
        if options.legend, let legend = Legend.node(icons: icons, tiers: [], style: style) { root.nodes.append(legend) }
        var attributes = style.graph(title: topology.title.map { "\($0) · DNS" } ?? "DNS", transparent: options.transparent)
        attributes["rankdir"] = .string("LR")
        attributes["ranksep"] = .string("0.7")
        var graph = DiagramGraph(name: name, graphAttributes: attributes, nodeDefaults: style.nodeDefaults,
                                 edgeDefaults: style.edgeDefaults, root: root)
        graph.edges = edges
        return graph
    }

    mutating func label(_ icon: Icon?) -> Label {
        if let icon { icons.insert(icon) }
        return style.label(icon)
    }

    /// `link`: the resource the node stands for (its document section or console page); nil: the
    /// node's own id, with no console page.
    func node(_ id: String, kind: String, label: Label, tooltip: [String?], link: ResourceLink? = nil) -> DiagramNode {
        var a = style.node(kind)
        a["id"] = .string(id)
        a["label"] = label.value
        a["tooltip"] = plain(tooltip)
        a.link(links.href(link ?? ResourceLink(id: id)))
        return DiagramNode(id, a)
    }

    mutating func edge(_ tail: String, _ head: String, kind: String, label: String?, style edgeStyle: String = "solid") {
        var a = Attributes([("id", .string("\(tail)--\(head)")), ("class", .string(kind))])
        if let label { a["label"] = plainLabel(label) }
        a["color"] = .string(style.palette.dnsLine)
        a["fontcolor"] = .string(style.palette.dnsLine)
        if edgeStyle != "solid" { a["style"] = .string(edgeStyle) }
        edges.append(DiagramEdge(tail, head, a))
    }

    func resolverName(_ vpc: VPC) -> String { "\(vpc.id).resolver" }

    mutating func regionCluster(_ region: Region) -> DiagramCluster {
        var a = style.cluster("region")
        a["id"] = .string(region.name)
        a["label"] = .html("<font point-size=\"13\">\(Label.escape(region.name))</font>")
        a["tooltip"] = plain(["region \(region.name)"])
        var cluster = DiagramCluster("cluster_region_\(region.name)", a, comment: "region \(region.name)")
        for vpc in region.vpcs where isInvolved(vpc, in: region) {
            // The VPC's own resolver (the ".2" address).
            var label = label(.vpc)
            label.title("\(vpc.displayName) resolver")
            label.detail("\(vpc.id) · \(vpc.cidrs.first.map { Self.resolverAddress($0) } ?? "")", size: 9)
            label.detail("DNS support \(vpc.dnsSupport ? "on" : "off") · hostnames \(vpc.dnsHostnames ? "on" : "off")", size: 9)
            cluster.nodes.append(node(resolverName(vpc), kind: "vpc", label: label,
                                      tooltip: ["Route 53 Resolver of VPC \(vpc.id)", vpc.name, vpc.cidrs.first.map { "at \(Self.resolverAddress($0))" }],
                                      link: .vpc(vpc.id, region: region.name)))
            for endpoint in vpc.resolverEndpoints {
                var label = self.label(.resolverEndpoint)
                label.title("Resolver \(endpoint.direction.rawValue) endpoint")
                if let name = endpoint.name { label.line(name) }
                label.detail("\(endpoint.id) in \(vpc.displayName)", size: 9)
                label.line(endpoint.ipAddresses.map(\.ip.description).joined(separator: ", "))
                cluster.nodes.append(node(endpoint.id, kind: "resolver-endpoint", label: label,
                    tooltip: ["Route 53 Resolver \(endpoint.direction.rawValue) endpoint \(endpoint.id)"] + endpoint.ipAddresses.map { "\($0.ip) in \($0.subnetID)" },
                    link: .resolverEndpoint(endpoint, region: region.name)))
                switch endpoint.direction {
                case .inbound: edge(endpoint.id, resolverName(vpc), kind: "dns-resolve", label: "asks")
                case .outbound: edge(resolverName(vpc), endpoint.id, kind: "dns-resolve", label: nil)
                }
            }
            for endpoint in vpc.interfaceEndpoints {
                cluster.nodes.append(self.endpointNode(endpoint, in: vpc, region: region))
                if endpoint.privateDNS, let name = endpoint.privateDNSName {
                    edge(resolverName(vpc), endpoint.id, kind: "dns-private", label: "\(name)\n(private DNS)")
                }
            }
        }
        for zone in region.privateHostedZones {
            var label = label(.hostedZone)
            label.title(zone.name)
            label.detail("private hosted zone\(zone.zoneID.map { " \($0)" } ?? "")", size: 9)
            for record in zone.records {
                label.detail("\(record.name == zone.name ? "@" : record.name) \(record.type) \(record.value)", size: 9)
            }
            let id = zone.zoneID ?? "zone-\(zone.name)"
            cluster.nodes.append(node(id, kind: "hosted-zone", label: label,
                tooltip: ["private hosted zone \(zone.name)", zone.zoneID] + zone.vpcIDs.map { "associated with \($0)" },
                link: .hostedZone(zone)))
            for vpcID in zone.vpcIDs where topology.vpc(vpcID) != nil {
                edge(resolverName(topology.vpc(vpcID)!), id, kind: "zone-association", label: nil, style: "dotted")
            }
            for record in zone.records {
                guard case .endpointAlias(let endpointID) = record.value, topology.interfaceEndpoint(endpointID) != nil else { continue }
                edge(id, endpointID, kind: "dns-alias", label: "\(record.name)\nalias", style: "dashed")
            }
        }
        for rule in region.resolverRules {
            guard let endpoint = rule.resolverEndpointID else { continue }
            if let network = topology.onPremises.first(where: { network in
                rule.targetIPs.contains { ip in network.dnsServers.contains(ip) || network.cidrs.contains(where: { $0.contains(ip) }) }
            }) {
                edge(endpoint, "\(network.id).dns", kind: "dns-forward", label: "forward \(rule.domain)", style: "dashed")
            }
        }
        return cluster
    }

    /// An interface endpoint's names and the private IPs they resolve to.
    mutating func endpointNode(_ endpoint: InterfaceEndpoint, in vpc: VPC, region: Region) -> DiagramNode {
        var label = label(.interfaceEndpoint)
        label.title("\(endpoint.service.shortName) endpoint")
        label.detail("\(endpoint.id) in \(vpc.displayName)", size: 9)
        let names = endpoint.dnsNames(in: vpc)
        if let regional = names.first(where: { $0.scope == .regional }) {
            for part in Label.breakAtDots(Label.shortened(regional.name, limit: 4 * 34), width: 34) { label.detail(part, size: 9) }
        }
        label.line("→ " + endpoint.interfaces.map(\.ip.description).joined(separator: ", "))
        let zonal = names.filter { $0.scope != .regional }.count
        if zonal > 0 { label.detail("+ \(zonal) zonal name\(zonal == 1 ? "" : "s") (one IP each)", size: 9) }
        return node(endpoint.id, kind: "interface-endpoint", label: label,
                    tooltip: ["interface endpoint \(endpoint.id)", endpoint.service.fullName]
                        + names.map { "\($0.name)" } + endpoint.interfaces.map { "\($0.ip) in \($0.subnetID)" },
                    link: .endpoint(endpoint.id, region: region.name))
    }

    mutating func onPremisesDNS(_ network: OnPremisesNetwork) -> DiagramNode {
        var label = label(.onPremises)
        label.title("\(network.name ?? network.id) DNS")
        if !network.dnsServers.isEmpty { label.line(network.dnsServers.map(\.description).joined(separator: ", ")) }
        for rule in network.forwardingRules {
            for case .resolverEndpoint(let endpointID) in rule.targets where topology.resolverEndpoint(endpointID) != nil {
                edge("\(network.id).dns", endpointID, kind: "dns-forward", label: "forward \(rule.domain)", style: "dashed")
            }
            let others = rule.targets.filter { if case .ip = $0 { return true } else { return false } }
            if !others.isEmpty { label.detail("forward \(rule.domain) → \(others.map(\.description).joined(separator: ", "))", size: 9) }
        }
        return node("\(network.id).dns", kind: "dns-servers", label: label, tooltip: ["DNS servers of \(network.id)"] + network.dnsServers.map(\.description),
                    link: ResourceLink(id: network.id))
    }

    /// The VPC resolver's address: the VPC's first CIDR's network address plus two.
    static func resolverAddress(_ cidr: CIDR) -> String {
        let parts = cidr.description.split(separator: "/")[0].split(separator: ".").compactMap { Int($0) }
        guard parts.count == 4 else { return "" }
        return "\(parts[0]).\(parts[1]).\(parts[2]).\(parts[3] + 2)"
    }
}
