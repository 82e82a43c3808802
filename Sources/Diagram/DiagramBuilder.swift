import VPCModel

/// Options that change what a diagram holds and how it looks.
public struct DiagramOptions: Sendable {
    /// Where resources link to.
    public var links: LinkTarget
    public var theme: Theme
    /// Leave the background unpainted (for pages with their own background).
    public var transparent: Bool
    public var icons: IconRendering
    /// Draw a legend of the kinds present.
    public var legend: Bool
    /// Files that show each VPC in detail (VPC id → file name), for links from overviews and from
    /// neighbouring VPCs; empty when everything is in one diagram.
    public var vpcFiles: [String: String]
    /// The overview file that detail diagrams link back to.
    public var overviewFile: String?
    /// How much each diagram shows (`--detail`).
    public var detail: DetailLevel = .standard
    /// The per-VPC layout before the scene layer, for `make bench` only (VPCGRAPH_BENCH_OLD_VPC_LAYOUT=1).
    public var legacyVPCLayout = false
    /// The article's advice (`Topology.advise()`), drawn as badges on the resources it is about.
    public var findings: [Finding] = []

    public init(links: LinkTarget = .none, theme: Theme = .auto, transparent: Bool = false, icons: IconRendering = .placeholder,
                legend: Bool = true, vpcFiles: [String: String] = [:], overviewFile: String? = nil) {
        self.links = links
        self.theme = theme
        self.transparent = transparent
        self.icons = icons
        self.legend = legend
        self.vpcFiles = vpcFiles
        self.overviewFile = overviewFile
    }

    /// The older spelling: link to `<linkDocs>#<id>`.
    public init(linkDocs: String?) {
        self.init(links: linkDocs.map { .docs($0) } ?? .none)
    }
}

/// Maps a topology onto nested clusters, nodes and edges (the full view):
/// region ⊃ VPC ⊃ AZ ⊃ subnet, with ENIs and NAT gateways inside their subnets, route tables and
/// then gateways and endpoints along the bottom of each VPC, peering, transit gateways, hosted
/// zones and AWS services below the VPCs in their region, and on-premises networks on the left.
/// Traffic flows downwards: subnets → route tables → gateways and endpoints → services.
///
/// `focus` draws only those VPCs in detail (others that share a peering, transit gateway or zone
/// with them appear as single linked nodes).
public func buildDiagram(_ topology: Topology, name: String, options: DiagramOptions = DiagramOptions(), focus: Set<String>? = nil) -> DiagramGraph {
    var builder = DiagramBuilder(topology: topology, options: options, focus: focus)
    return builder.build(name: name)
}

/// Holds what the full view needs while it is built. Layout is decided here, not left to dot's
/// heuristics: semantic edges do not constrain ranks (`constraint=false`); invisible `layout`
/// edges give every row its rank, and invisible "rails" (see `Rails`) give left-to-right order.
struct DiagramBuilder {
    let topology: Topology
    let options: DiagramOptions
    let style: Style
    /// VPCs drawn in detail; nil means all.
    let focus: Set<String>?
    var edges: [DiagramEdge] = []
    var edgeIDs: Set<String> = []
    /// AWS service nodes by region, in first-use order, with the VPCs that use them.
    var services: [String: [ServiceName]] = [:]
    var serviceUsers: [String: [String]] = [:]
    /// Per VPC: a node at its top and one at its bottom rank, for edges to the VPC box and for
    /// placing things below it.
    var vpcTops: [String: String] = [:]
    var vpcBottoms: [String: String] = [:]
    /// VPCs shown as a single node (outside the focus), by id.
    var stubs: [String: String] = [:]
    /// The first rail point of the grid row below each VPC's, where there is one.
    var nextRowRails: [String: String] = [:]
    /// Where each region's rows are.
    var grids: [String: RegionGrid] = [:]
    /// The connectors of the region being built, for ordering them.
    var placedConnectors: [PlacedConnector] = []
    /// VPCs with a row above their AZs (internet gateway, public route tables).
    var topRows: [String: Bool] = [:]
    /// "<vpc id> <peering or transit gateway id>" for VPCs whose route tables route over it.
    var routedConnections: Set<String> = []
    /// What the legend lists: icons and subnet tiers drawn.
    var icons: Set<Icon> = []
    var tiers: Set<SubnetTierStyle> = []
    /// What the VPCs' scenes drew (node, chip and edge kinds), for the legend.
    var sceneLegend = LegendContent()
    /// Per VPC: its top node and row, for the region's rails.
    var vpcHeads: [String: [(node: String, row: Int)]] = [:]

    init(topology: Topology, options: DiagramOptions, focus: Set<String>?) {
        self.topology = topology
        self.options = options
        self.style = Style(palette: options.theme.palette, icons: options.icons)
        self.focus = focus
    }

    func isDetailed(_ vpcID: String) -> Bool { focus?.contains(vpcID) ?? true }

    mutating func build(name: String) -> DiagramGraph {
        var root = DiagramCluster("root")
        var rootClusters: [DiagramCluster] = []
        for network in topology.onPremises where isShown(network) { rootClusters.append(onPremisesCluster(network)) }
        let shownRegions = topology.regions.filter(isShown)
        var regionClusters = shownRegions.map { regionCluster($0) }
        for index in shownRegions.indices { addConnectors(shownRegions[index], into: &regionClusters[index]) }
        rootClusters += regionClusters
        // Services of regions not in the topology (e.g. S3 in another region reached over the internet).
        for regionName in services.keys.sorted() where !topology.regions.contains(where: { $0.name == regionName && isShown($0) }) {
            var cluster = DiagramCluster("cluster_region_\(regionName)", regionAttributes(regionName), comment: "region \(regionName) (services only)")
            cluster.nodes = serviceNodes(in: regionName)
            rootClusters.append(cluster)
        }
        for index in rootClusters.indices where rootClusters[index].name.hasPrefix("cluster_region_") {
            let regionName = String(rootClusters[index].name.dropFirst("cluster_region_".count))
            if topology.regions.contains(where: { $0.name == regionName && isShown($0) }) {
                let nodes = serviceNodes(in: regionName)
                rootClusters[index].nodes += nodes
                // Services sit below the first row of VPCs that uses them.
                for node in nodes {
                    let users = serviceUsers[node.name] ?? []
                    if let user = users.first(where: { vpcBottoms[$0] != nil }) {
                        layoutEdge(vpcBottoms[user]!, node.name, minlen: 1, weight: 1)
                        if let next = nextRowRails[user] { layoutEdge(node.name, next, minlen: 1, weight: 1) }
                    }
                }
            }
        }
        // Left to right: on-premises, then regions in input order.
        var rails = Rails(prefix: "root")
        for cluster in rootClusters {
            if let first = firstNode(of: cluster) { rails.add(first) }
        }
        root.nodes += rails.nodes
        edges += rails.edges
        root.clusters = rootClusters

        var legendContent = sceneLegend
        legendContent.icons.formUnion(icons)
        legendContent.tiers.formUnion(tiers)
        for edge in edges {
            guard case .string(let kind)? = edge.attributes["class"], kind != "layout" else { continue }
            if let known = DiagramBuilder.edgeKinds[kind] { legendContent.edges.insert(known) }
        }
        if options.legend, let legend = Legend.node(legendContent, style: style) {
            // A single VPC's legend goes inside its region's box, below the services: outside it,
            // dot puts it to the right of the whole region, which only widens the picture.
            if let focus, focus.count == 1, let (region, _) = topology.allVPCs.first(where: { focus.contains($0.vpc.id) }),
               let index = root.clusters.firstIndex(where: { $0.name == "cluster_region_\(region.name)" }) {
                root.clusters[index].nodes.append(legend)
            } else {
                root.nodes.append(legend)
            }
            for bottom in vpcBottoms.keys.sorted().compactMap({ vpcBottoms[$0] }) { layoutEdge(bottom, Legend.nodeName, minlen: 2, weight: focus?.count == 1 ? 5 : 0) }
        }

        let title = focus.flatMap { ids in ids.count == 1 ? topology.vpc(ids.first!).map { "\(topology.title.map { "\($0) · " } ?? "")VPC \($0.displayName)" } : nil } ?? topology.title
        let graphAttributes = style.graph(title: title, transparent: options.transparent)
        if let focus, let overview = options.overviewFile {
            // A visible way back (a graph URL would be inherited by every cluster).
            var label = label(nil)
            label.title("↑ overview", size: 10)
            label.detail(overview)
            var a = style.node("overview-link")
            a["id"] = .string("overview-link")
            a["label"] = label.value
            a["tooltip"] = .string("back to the overview")
            a.link(.diagram(overview, element: focus.count == 1 ? focus.first! : nil))
            root.nodes.insert(DiagramNode("overview-link", a), at: 0)
        }
        var graph = DiagramGraph(name: name, graphAttributes: graphAttributes,
                                 nodeDefaults: style.nodeDefaults, edgeDefaults: style.edgeDefaults, root: root)
        graph.edges = edges
        return graph
    }

    /// A region is drawn when it holds a VPC in focus, or a peering connection or transit gateway
    /// that reaches one (they live in one region and may connect VPCs of others).
    func isShown(_ region: Region) -> Bool {
        guard let focus else { return true }
        return region.vpcs.contains { focus.contains($0.id) }
            || region.peerings.contains { $0.vpcIDs.contains(where: focus.contains) }
            || region.transitGateways.contains { tgw in
                tgw.attachments.contains { attachment in
                    if case .vpc(let id, _) = attachment.resource { return focus.contains(id) }
                    return false
                }
            }
    }

    func isShown(_ network: OnPremisesNetwork) -> Bool {
        guard let focus else { return true }
        for region in topology.regions {
            for vpn in region.vpnConnections where vpn.onPremisesID == network.id {
                if case .vpnGateway(let id) = vpn.gateway, region.vpcs.contains(where: { focus.contains($0.id) && $0.vpnGateway?.id == id }) { return true }
                if case .transitGateway(let id) = vpn.gateway,
                   region.transitGateways.first(where: { $0.id == id })?.attachments.contains(where: { attachment in
                       if case .vpc(let vpcID, _) = attachment.resource { return focus.contains(vpcID) }
                       return false
                   }) == true { return true }
            }
        }
        for rule in network.forwardingRules {
            for case .resolverEndpoint(let id) in rule.targets {
                if let (vpc, _) = topology.resolverEndpoint(id), focus.contains(vpc.id) { return true }
            }
        }
        return false
    }

    /// The first node declared in a cluster or below it.
    func firstNode(of cluster: DiagramCluster) -> String? {
        cluster.nodes.first?.name ?? cluster.clusters.lazy.compactMap(firstNode).first
    }

    // MARK: - Helpers

    mutating func attributes(_ kind: String, id: String, label: Label, tooltip: [String?], link: ResourceLink? = nil) -> Attributes {
        var a = style.node(kind)
        a["id"] = .string(id)
        a["label"] = label.value
        a["tooltip"] = plain(tooltip)
        if let icon = label.icon { icons.insert(icon) }
        a.link(href(for: link ?? ResourceLink(id: id)))
        return a
    }

    /// The link of a resource under the chosen link target, if any.
    func href(for link: ResourceLink) -> Href? {
        switch options.links {
        case .none: nil
        case .docs(let file): .document(file, resource: link.id)
        case .console: link.console
        }
    }

    mutating func label(_ icon: Icon?) -> Label {
        if let icon { icons.insert(icon) }
        return style.label(icon)
    }

    mutating func edge(_ tail: String, _ head: String, kind: String, label: String? = nil, _ extra: [(String, AttributeValue)] = []) {
        var id = "\(tail)--\(head)"
        if !edgeIDs.insert(id).inserted {
            var n = 2
            while !edgeIDs.insert("\(id)--\(n)").inserted { n += 1 }
            id = "\(id)--\(n)"
        }
        var a = Attributes([("id", .string(id)), ("class", .string(kind))])
        if let label { a["label"] = plainLabel(label) }
        // Ranks come from layout edges; resource edges only pull nodes towards each other.
        a["constraint"] = .string("false")
        for (k, v) in extra { a[k] = v }
        // Edges that always point down the rows may constrain: dot then also weighs them when it
        // orders each row.
        if a["constraint"] == .string("true") { a["constraint"] = nil }
        edges.append(DiagramEdge(tail, head, a))
    }

    /// An invisible edge that only places nodes: `head` at least `minlen` ranks below `tail`.
    mutating func layoutEdge(_ tail: String, _ head: String, minlen: Int, weight: Int, copies: Int = 1) {
        edges += Rails.layoutEdges(tail, head, minlen: minlen, weight: weight, copies: copies)
    }

    func regionAttributes(_ name: String) -> Attributes {
        var a = style.cluster("region")
        a["id"] = .string(name)
        a["label"] = .html("<font point-size=\"13\">\(Label.escape(name))</font>")
        a["tooltip"] = plain(["region \(name)"])
        return a
    }

    mutating func service(_ name: ServiceName, fallbackRegion: String, usedBy vpcID: String) -> String {
        let region = name.region ?? fallbackRegion
        if !(services[region]?.contains(name) ?? false) { services[region, default: []].append(name) }
        if !(serviceUsers[name.fullName]?.contains(vpcID) ?? false) { serviceUsers[name.fullName, default: []].append(vpcID) }
        return name.fullName
    }

    mutating func serviceNodes(in region: String) -> [DiagramNode] {
        (services[region] ?? []).map { service in
            var label = label(Icon.service(service.shortName))
            label.title(ServiceNames.displayName(service.shortName))
            label.detail(service.fullName)
            return DiagramNode(service.fullName, attributes("aws-service", id: service.fullName, label: label,
                                                            tooltip: ["AWS service", service.fullName, service.publicDNSName],
                                                            link: ResourceLink(id: DiagramBuilder.endpointsSection)))
        }
    }
}

extension DiagramBuilder {
    /// The edge kinds of edges the builders still write as attributes, by CSS class.
    static let edgeKinds: [String: EdgeKind] = [
        "peering": .peering, "tgw-attachment": .transitGatewayAttachment, "dns-alias": .dnsAlias, "vpn": .vpn,
        "dns-forward": .dnsForwarding,
    ]

    /// Sections of the Markdown document for things without a section of their own.
    static let endpointsSection = "section-endpoints"
    static let routeTablesSection = "section-route-tables"
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
