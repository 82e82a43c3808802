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

/// The full view as a scene: region ⊃ VPC ⊃ AZ columns × tier rows (see `vpcScene`), and around
/// the VPCs what connects them (see `DiagramBuilder+Region`): peering connections, transit
/// gateways with their attachments and peering, hosted zones and AWS services below the VPCs in
/// their region; VPN, Direct Connect and on-premises networks (customer gateways, DNS servers) on
/// the left. `SceneEncoder` draws it.
///
/// `focus` draws only those VPCs in detail (others that share a peering, transit gateway or zone
/// with them appear as single linked nodes).
public func buildDiagram(_ topology: Topology, name: String, options: DiagramOptions = DiagramOptions(), focus: Set<String>? = nil) -> DiagramGraph {
    SceneEncoder.encode(buildDiagramScene(topology, name: name, options: options, focus: focus), options: options)
}

/// The full view (or a VPC's own diagram, with `focus`) as a scene.
public func buildDiagramScene(_ topology: Topology, name: String, options: DiagramOptions = DiagramOptions(), focus: Set<String>? = nil) -> Scene {
    var builder = DiagramBuilder(topology: topology, options: options, focus: focus)
    return builder.build(name: name)
}

/// Holds what the full view needs while its scene is built. It decides what is drawn and in which
/// row of its region (`SceneNode.layer`, `SceneCluster.layer`: a VPC row, then the row of what
/// connects those VPCs); `SceneEncoder` turns rows into ranks, rails and invisible helpers.
struct DiagramBuilder {
    let topology: Topology
    let options: DiagramOptions
    let style: Style
    /// VPCs drawn in detail; nil means all.
    let focus: Set<String>?
    /// The scene's edges.
    var sceneEdges: [SceneEdge] = []
    /// AWS service nodes by region, in first-use order, with the VPCs that use them.
    var services: [String: [ServiceName]] = [:]
    var serviceUsers: [String: [String]] = [:]
    /// VPCs shown as a single node (outside the focus, or outside the input), by id.
    var stubs: Set<String> = []
    /// Where each region's VPCs are.
    var grids: [String: RegionGrid] = [:]
    /// "<vpc id> <peering or transit gateway id>" for VPCs whose route tables route over it.
    var routedConnections: Set<String> = []
    /// Nodes of each region waiting for their place in its rows.
    var pending: [String: [Placed]] = [:]
    /// Customer gateway nodes and on-premises networks drawn.
    var customerGateways: Set<String> = []
    var shownOnPremises: Set<String> = []

    // Only for the old per-VPC layout (`LegacyVPCLayout`, for `make bench` only), which writes
    // Graphviz directly; `vpcCluster` hands what it made to the encoder as a `LegacyBox`:
    var edges: [DiagramEdge] = []
    var edgeIDs: Set<String> = []
    var vpcTops: [String: String] = [:]
    var vpcBottoms: [String: String] = [:]
    var topRows: [String: Bool] = [:]
    var icons: Set<Icon> = []
    var tiers: Set<SubnetTierStyle> = []
    var legacy: [String: LegacyBox] = [:]

    init(topology: Topology, options: DiagramOptions, focus: Set<String>?) {
        self.topology = topology
        self.options = options
        self.style = Style(palette: options.theme.palette, icons: options.icons)
        self.focus = focus
    }

    func isDetailed(_ vpcID: String) -> Bool { focus?.contains(vpcID) ?? true }

    mutating func build(name: String) -> Scene {
        var root = SceneCluster(id: "root", kind: .root)
        if let focus, let overview = options.overviewFile {
            // A visible way back (a graph URL would be inherited by every cluster).
            root.nodes.append(SceneNode(id: "overview-link", kind: .diagramLink, label: [.title("↑ overview"), .detail(overview)],
                                        tooltip: ["back to the overview"], link: .diagram(overview, element: focus.count == 1 ? focus.first! : nil)))
        }
        let links = directConnectLinks()
        for network in topology.onPremises where isShown(network, directConnect: links) { root.clusters.append(onPremisesCluster(network)) }
        if let cluster = directConnectCluster(links) { root.clusters.append(cluster) }
        let shownRegions = topology.regions.filter(isShown)
        var regionClusters = shownRegions.map { regionCluster($0) }
        for index in shownRegions.indices { addConnectors(shownRegions[index], into: &regionClusters[index]) }
        transitGatewayPeeringEdges(shownRegions)
        directConnectEdges(links)
        for index in shownRegions.indices { addServices(shownRegions[index], into: &regionClusters[index]) }
        root.clusters += regionClusters
        // Services of regions not in the topology (e.g. S3 in another region reached over the internet).
        for regionName in services.keys.sorted() where !shownRegions.contains(where: { $0.name == regionName }) {
            var cluster = SceneCluster(id: regionName, kind: .region, label: [.title(regionName)], tooltip: ["region \(regionName)"],
                                       comment: "region \(regionName) (services only)")
            cluster.nodes = serviceNodes(in: regionName)
            root.clusters.append(cluster)
        }

        let title = focus.flatMap { ids in ids.count == 1 ? topology.vpc(ids.first!).map { "\(topology.title.map { "\($0) · " } ?? "")VPC \($0.displayName)" } : nil } ?? topology.title
        var scene = Scene(name: name, title: title, root: root, edges: sceneEdges, legend: options.legend)
        scene.legacy = legacy
        scene.legacyEdges = edges
        return scene
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

    func isShown(_ network: OnPremisesNetwork, directConnect: [DirectConnectLink]) -> Bool {
        guard let focus else { return true }
        if directConnect.contains(where: { $0.onPremisesID == network.id }) { return true }
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

    // MARK: - Helpers (`attributes`, `label`, `edge` and `layoutEdge` only for `LegacyVPCLayout`)

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

    mutating func service(_ name: ServiceName, fallbackRegion: String, usedBy vpcID: String) -> String {
        let region = name.region ?? fallbackRegion
        if !(services[region]?.contains(name) ?? false) { services[region, default: []].append(name) }
        if !(serviceUsers[name.fullName]?.contains(vpcID) ?? false) { serviceUsers[name.fullName, default: []].append(vpcID) }
        return name.fullName
    }

    func serviceNodes(in region: String) -> [SceneNode] {
        (services[region] ?? []).map { service in
            SceneNode(id: service.fullName, kind: .awsService,
                      label: [.title(ServiceNames.displayName(service.shortName))] + (options.detail == .summary ? [] : [.detail(service.fullName)]),
                      tooltip: ["AWS service", service.fullName, service.publicDNSName].compactMap { $0 },
                      link: href(for: ResourceLink(id: DiagramBuilder.endpointsSection)), icon: Icon.service(service.shortName))
        }
    }
}

extension DiagramBuilder {
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
