import VPCModel

/// The DNS view, left to right the way a query travels: on-premises DNS servers → Route 53
/// Resolver inbound endpoints → the VPC's resolver → the private hosted zones associated with it →
/// the interface endpoint a record points at, with the names and the private IPs they resolve to.
/// Outbound: VPC resolver → Resolver outbound endpoint → the DNS servers a rule forwards to.
/// Only VPCs with something to resolve (endpoints, Resolver endpoints, zones) appear.
public func buildDNSView(_ topology: Topology, name: String, options: DiagramOptions = DiagramOptions()) -> DiagramGraph {
    SceneEncoder.encode(buildDNSScene(topology, name: name, options: options), options: options)
}

/// The DNS view as a scene (drawn left to right).
public func buildDNSScene(_ topology: Topology, name: String, options: DiagramOptions = DiagramOptions()) -> Scene {
    var builder = DNSViewBuilder(topology: topology, options: options)
    return builder.build(name: name)
}

struct DNSViewBuilder {
    let topology: Topology
    let options: DiagramOptions
    let links: Links
    var edges: [SceneEdge] = []

    init(topology: Topology, options: DiagramOptions) {
        self.topology = topology
        self.options = options
        self.links = Links(options.links)
    }

    /// VPCs that take part in DNS: endpoints, Resolver endpoints or rules, zone associations.
    func isInvolved(_ vpc: VPC, in region: Region) -> Bool {
        !vpc.interfaceEndpoints.isEmpty || !vpc.resolverEndpoints.isEmpty
            || topology.regions.contains { $0.privateHostedZones.contains { $0.vpcIDs.contains(vpc.id) } }
            || region.resolverRules.contains { $0.vpcIDs.contains(vpc.id) }
    }

    mutating func build(name: String) -> Scene {
        var root = SceneCluster(id: "root", kind: .root)
        for network in topology.onPremises where !network.dnsServers.isEmpty || !network.forwardingRules.isEmpty {
            root.nodes.append(onPremisesDNS(network))
        }
        for region in topology.regions {
            let cluster = regionCluster(region)
            if !cluster.nodes.isEmpty { root.clusters.append(cluster) }
        }
        if root.nodes.isEmpty && root.clusters.isEmpty {
            root.nodes.append(SceneNode(id: "nothing-to-resolve", kind: .note,
                                        label: [.title("Nothing to resolve"), .line("no interface endpoints, Resolver endpoints,"),
                                                .line("private hosted zones or DNS forwarding"), .line("in this topology")],
                                        tooltip: ["the topology has no DNS resources"], link: links.section("section-dns")))
        }
        var scene = Scene(name: name, title: topology.title.map { "\($0) · DNS" } ?? "DNS", root: root, edges: edges, legend: options.legend)
        scene.leftToRight = true
        scene.rankSeparation = "0.4"
        scene.inlineLabels = true
        return scene
    }

    func node(_ id: String, kind: NodeKind, label: [LabelPart], tooltip: [String?], link: ResourceLink? = nil) -> SceneNode {
        SceneNode(id: id, kind: kind, label: label, tooltip: tooltip.compactMap { $0 }, link: links.href(link ?? ResourceLink(id: id)))
    }

    /// A constraining edge (the query's way, left to right); its label on the line, long DNS names
    /// broken at dots so the columns stay narrow.
    mutating func edge(_ tail: String, _ head: String, kind: EdgeKind, label: String?) {
        let lines = (label ?? "").split(separator: "\n").flatMap { Label.breakAtDots(String($0), width: 16) }
        edges.append(SceneEdge(kind, from: .node(tail), to: .node(head), label: lines, downwards: true))
    }

    func resolverName(_ vpc: VPC) -> String { "\(vpc.id).resolver" }

    mutating func regionCluster(_ region: Region) -> SceneCluster {
        var cluster = SceneCluster(id: region.name, kind: .region, label: [.title(region.name)], tooltip: ["region \(region.name)"],
                                   comment: "region \(region.name)")
        for vpc in region.vpcs where isInvolved(vpc, in: region) {
            // The VPC's own resolver (the ".2" address).
            cluster.nodes.append(node(resolverName(vpc), kind: .vpc,
                                      label: [.title("\(vpc.displayName) resolver"),
                                              .detail("\(vpc.id) · \(vpc.cidrs.first.map { Self.resolverAddress($0) } ?? "")"),
                                              .detail("DNS support \(vpc.dnsSupport ? "on" : "off") · hostnames \(vpc.dnsHostnames ? "on" : "off")")],
                                      tooltip: ["Route 53 Resolver of VPC \(vpc.id)", vpc.name, vpc.cidrs.first.map { "at \(Self.resolverAddress($0))" }],
                                      link: .vpc(vpc.id, region: region.name)))
            for endpoint in vpc.resolverEndpoints {
                var label: [LabelPart] = [.title("Resolver \(endpoint.direction.rawValue) endpoint")]
                if let name = endpoint.name { label.append(.line(name)) }
                label.append(.detail("\(endpoint.id) in \(vpc.displayName)"))
                label.append(.line(endpoint.ipAddresses.map(\.ip.description).joined(separator: ", ")))
                cluster.nodes.append(node(endpoint.id, kind: .resolverEndpoint, label: label,
                    tooltip: ["Route 53 Resolver \(endpoint.direction.rawValue) endpoint \(endpoint.id)"] + endpoint.ipAddresses.map { "\($0.ip) in \($0.subnetID)" },
                    link: .resolverEndpoint(endpoint, region: region.name)))
                switch endpoint.direction {
                case .inbound: edge(endpoint.id, resolverName(vpc), kind: .dnsForwarding, label: "asks")
                case .outbound: edge(resolverName(vpc), endpoint.id, kind: .dnsForwarding, label: nil)
                }
            }
            for endpoint in vpc.interfaceEndpoints {
                cluster.nodes.append(endpointNode(endpoint, in: vpc, region: region))
                if endpoint.privateDNS, let name = endpoint.privateDNSName {
                    edge(resolverName(vpc), endpoint.id, kind: .dnsAlias, label: "\(name)\n(private DNS)")
                }
            }
        }
        for zone in region.privateHostedZones {
            var label: [LabelPart] = [.title(zone.name), .detail("private hosted zone\(zone.zoneID.map { " \($0)" } ?? "")")]
            for record in zone.records {
                label.append(.detail("\(record.name == zone.name ? "@" : record.name) \(record.type) \(record.value)"))
            }
            let id = zone.zoneID ?? "zone-\(zone.name)"
            cluster.nodes.append(node(id, kind: .hostedZone, label: label,
                tooltip: ["private hosted zone \(zone.name)", zone.zoneID] + zone.vpcIDs.map { "associated with \($0)" },
                link: .hostedZone(zone)))
            for vpcID in zone.vpcIDs where topology.vpc(vpcID) != nil {
                edge(resolverName(topology.vpc(vpcID)!), id, kind: .zoneAssociation, label: nil)
            }
            for record in zone.records {
                guard case .endpointAlias(let endpointID) = record.value, topology.interfaceEndpoint(endpointID) != nil else { continue }
                edge(id, endpointID, kind: .dnsAlias, label: "\(record.name)\nalias")
            }
        }
        for rule in region.resolverRules {
            guard let endpoint = rule.resolverEndpointID else { continue }
            if let network = topology.onPremises.first(where: { network in
                rule.targetIPs.contains { ip in network.dnsServers.contains(ip) || network.cidrs.contains(where: { $0.contains(ip) }) }
            }) {
                edge(endpoint, "\(network.id).dns", kind: .dnsForwarding, label: "forward \(rule.domain)")
            }
        }
        return cluster
    }

    /// An interface endpoint's names and the private IPs they resolve to.
    func endpointNode(_ endpoint: InterfaceEndpoint, in vpc: VPC, region: Region) -> SceneNode {
        var label: [LabelPart] = [.title("\(endpoint.service.shortName) endpoint"), .detail("\(endpoint.id) in \(vpc.displayName)")]
        let names = endpoint.dnsNames(in: vpc)
        if let regional = names.first(where: { $0.scope == .regional }) { label.append(.dnsName(regional.name)) }
        label.append(.line("→ " + endpoint.interfaces.map(\.ip.description).joined(separator: ", ")))
        let zonal = names.filter { $0.scope != .regional }.count
        if zonal > 0 { label.append(.detail("+ \(zonal) zonal name\(zonal == 1 ? "" : "s") (one IP each)")) }
        return node(endpoint.id, kind: .interfaceEndpoint, label: label,
                    tooltip: ["interface endpoint \(endpoint.id)", endpoint.service.fullName]
                        + names.map { "\($0.name)" } + endpoint.interfaces.map { "\($0.ip) in \($0.subnetID)" },
                    link: .endpoint(endpoint.id, region: region.name))
    }

    mutating func onPremisesDNS(_ network: OnPremisesNetwork) -> SceneNode {
        var label: [LabelPart] = [.title("\(network.name ?? network.id) DNS")]
        if !network.dnsServers.isEmpty { label.append(.line(network.dnsServers.map(\.description).joined(separator: ", "))) }
        for rule in network.forwardingRules {
            for case .resolverEndpoint(let endpointID) in rule.targets where topology.resolverEndpoint(endpointID) != nil {
                edge("\(network.id).dns", endpointID, kind: .dnsForwarding, label: "forward \(rule.domain)")
            }
            let others = rule.targets.filter { if case .ip = $0 { return true } else { return false } }
            if !others.isEmpty { label.append(.detail("forward \(rule.domain) → \(others.map(\.description).joined(separator: ", "))")) }
        }
        return node("\(network.id).dns", kind: .dnsServers, label: label, tooltip: ["DNS servers of \(network.id)"] + network.dnsServers.map(\.description),
                    link: ResourceLink(id: network.id))
    }

    /// The VPC resolver's address: the VPC's first CIDR's network address plus two.
    static func resolverAddress(_ cidr: CIDR) -> String {
        let parts = cidr.description.split(separator: "/")[0].split(separator: ".").compactMap { Int($0) }
        guard parts.count == 4 else { return "" }
        return "\(parts[0]).\(parts[1]).\(parts[2]).\(parts[3] + 2)"
    }
}
