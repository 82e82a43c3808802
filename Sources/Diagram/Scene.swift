import VPCModel

/// What a diagram shows, before any Graphviz trick: clusters (region, VPC, availability-zone
/// column, tier row, bands), nodes and edges, each with its kind, resource id, label parts,
/// tooltip, link and badges. Builders decide *what* to draw and make a scene; `SceneEncoder` alone
/// decides *how* Graphviz draws it (ranks, rails, invisible helpers, colours, the legend).
///
/// Everything here is plain text from the model: the encoder escapes it (through `Label`,
/// `plainLabel`, `plain` and `DOTWriter.quote`), so no builder writes DOT or HTML.
public struct Scene: Sendable, Equatable {
    /// The diagram's name (the DOT graph name).
    public var name: String
    /// The title drawn at the top; nil for none.
    public var title: String?
    /// The top level: its nodes and clusters are drawn left to right in order.
    public var root: SceneCluster
    public var edges: [SceneEdge] = []
    /// Draw a legend of the node and edge kinds present.
    public var legend = true
    /// Ranks run left to right (the DNS view: the way a query travels), not top to bottom.
    public var leftToRight = false
    /// Space between ranks, in inches (Graphviz's `ranksep`); nil: the style's.
    public var rankSeparation: String?
    /// Labels of `downwards` edges drawn on the line (Graphviz `label`, which makes room for the
    /// text between the ranks) instead of next to it (`xlabel`, which may cover a node). Only for
    /// downwards edges: they never join two nodes of one rank (see GUIDE §4 on dot 2.42).
    public var inlineLabels = false
    /// The per-VPC layout before the scene layer (`DiagramOptions.legacyVPCLayout`, for `make
    /// bench` only): VPC clusters already encoded, by the id of the empty scene cluster that holds
    /// their place, and their edges.
    var legacy: [String: LegacyBox] = [:]
    var legacyEdges: [DiagramEdge] = []

    public init(name: String, title: String? = nil, root: SceneCluster = SceneCluster(id: "root", kind: .root), edges: [SceneEdge] = [], legend: Bool = true) {
        self.name = name
        self.title = title
        self.root = root
        self.edges = edges
        self.legend = legend
    }

    /// Every node, depth first in declaration order.
    public var allNodes: [SceneNode] { root.allNodes }
}

/// How much a diagram shows (`--detail`).
public enum DetailLevel: String, CaseIterable, Sendable, Comparable {
    /// VPC, AZ columns, subnet tiers, gateways, endpoints as one labelled group.
    case summary
    /// What a wiki reader needs: names, CIDRs, endpoint DNS names, route destinations; AWS ids
    /// only in tooltips.
    case standard
    /// Everything: ids, every network interface, security groups.
    case full

    public static func < (a: DetailLevel, b: DetailLevel) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A small marker on a node or cluster: a short text drawn, the explanation in its tooltip
/// (pending state, unknown facts, findings).
public struct Badge: Sendable, Hashable {
    public enum Tone: String, Sendable, Hashable, CaseIterable {
        case info, warning, error
    }

    /// A few characters drawn in the marker.
    public var text: String
    /// The full explanation, shown on hover.
    public var tooltip: String
    public var tone: Tone

    public init(_ text: String, tooltip: String, tone: Tone = .info) {
        self.text = text
        self.tooltip = tooltip
        self.tone = tone
    }

    /// The tooltip one line at a time (a network ACL's rules are one per line).
    var tooltipLines: [String] { tooltip.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
}

/// One line of a node's or cluster's label, by what it says (the encoder picks its size).
public struct LabelPart: Sendable, Hashable {
    public enum Role: String, Sendable, Hashable {
        /// The name: the largest text.
        case title
        /// A fact worth reading (a CIDR, a service).
        case line
        /// A smaller, grey fact (an id, a kind).
        case detail
        /// A DNS name, broken at dots.
        case dnsName
    }

    public var role: Role
    public var text: String

    public init(_ role: Role, _ text: String) {
        self.role = role
        self.text = text
    }

    public static func title(_ text: String) -> LabelPart { LabelPart(.title, text) }
    public static func line(_ text: String) -> LabelPart { LabelPart(.line, text) }
    public static func detail(_ text: String) -> LabelPart { LabelPart(.detail, text) }
    public static func dnsName(_ text: String) -> LabelPart { LabelPart(.dnsName, text) }
}

/// Kinds of node. The raw value is the CSS class in the SVG.
public enum NodeKind: String, CaseIterable, Sendable, Comparable {
    case subnet
    case internetGateway = "internet-gateway"
    case egressOnlyInternetGateway = "egress-only-internet-gateway"
    case natGateway = "nat-gateway"
    case vpnGateway = "vpn-gateway"
    case routeTable = "route-table"
    case eni
    case resolverIP = "resolver-ip"
    case networkInterface = "network-interface"
    case interfaceEndpoint = "interface-endpoint"
    case gatewayEndpoint = "gateway-endpoint"
    case gatewayLoadBalancerEndpoint = "gateway-load-balancer-endpoint"
    /// Summary detail: a VPC's endpoints as one node.
    case endpointGroup = "endpoint-group"
    case resolverEndpoint = "resolver-endpoint"
    case awsService = "aws-service"
    case peeringConnection = "peering-connection"
    case transitGateway = "transit-gateway"
    /// A VPC drawn as one node (overviews, neighbours of a VPC in focus).
    case vpc
    case hostedZone = "hosted-zone"
    case onPremisesNetwork = "on-premises-network"
    case customerGateway = "customer-gateway"
    case dnsServers = "dns-servers"
    case vpnConnection = "vpn-connection"
    case directConnectGateway = "direct-connect-gateway"
    /// A link to another diagram (e.g. back to the overview).
    case diagramLink = "overview-link"
    /// A text box (an explanation, a count of what was left out).
    case note
    /// A VPC outside the input (another account's or region's) that a peering reaches.
    case externalVPC = "external-vpc"
    /// A VPC Lattice Resource or Service-Network endpoint (in the endpoints band).
    case latticeEndpoint = "lattice-endpoint"
    /// What a blackhole route, or a route to a resource being deleted, still names: the target is
    /// not in the input (a dashed box with its id).
    case missingRouteTarget = "missing-route-target"

    public static func < (a: NodeKind, b: NodeKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The icon drawn for the kind, if any (AWS services pick theirs by name, see `SceneNode.icon`).
    public var icon: Icon? {
        switch self {
        case .subnet: .subnet
        case .internetGateway, .egressOnlyInternetGateway: .internetGateway
        case .natGateway: .natGateway
        case .vpnGateway, .vpnConnection, .customerGateway: .vpn
        case .directConnectGateway: .directConnect
        case .routeTable: .routeTable
        case .eni, .networkInterface: .eni
        case .resolverIP, .resolverEndpoint, .dnsServers: .resolverEndpoint
        case .interfaceEndpoint, .endpointGroup: .interfaceEndpoint
        case .gatewayEndpoint: .gatewayEndpoint
        case .gatewayLoadBalancerEndpoint: .interfaceEndpoint
        case .awsService: .awsService
        case .peeringConnection: .peering
        case .transitGateway: .transitGateway
        case .vpc, .externalVPC: .vpc
        case .hostedZone: .hostedZone
        case .onPremisesNetwork: .onPremises
        case .latticeEndpoint: .interfaceEndpoint
        case .diagramLink, .note, .missingRouteTarget: nil
        }
    }

    /// What the legend calls it.
    public var title: String {
        switch self {
        case .subnet: "subnet"
        case .internetGateway: "internet gateway"
        case .egressOnlyInternetGateway: "egress-only internet gateway"
        case .natGateway: "NAT gateway"
        case .vpnGateway: "virtual private gateway"
        case .routeTable: "route table"
        case .eni: "network interface (ENI)"
        case .resolverIP: "Resolver endpoint IP"
        case .networkInterface: "network interface (route target)"
        case .interfaceEndpoint: "interface endpoint"
        case .gatewayEndpoint: "gateway endpoint"
        case .gatewayLoadBalancerEndpoint: "Gateway Load Balancer endpoint"
        case .endpointGroup: "VPC endpoints"
        case .resolverEndpoint: "Route 53 Resolver endpoint"
        case .awsService: "AWS service"
        case .peeringConnection: "VPC peering connection"
        case .transitGateway: "transit gateway"
        case .vpc: "VPC"
        case .hostedZone: "private hosted zone"
        case .onPremisesNetwork: "on-premises network"
        case .customerGateway: "customer gateway"
        case .dnsServers: "DNS servers"
        case .vpnConnection: "VPN connection"
        case .directConnectGateway: "Direct Connect gateway"
        case .diagramLink: "link to another diagram"
        case .note: "note"
        case .externalVPC: "VPC outside the input (peer)"
        case .latticeEndpoint: "VPC Lattice endpoint"
        case .missingRouteTarget: "route target not in the input"
        }
    }
}

/// Kinds of edge. The raw value is the CSS class in the SVG; each has one line style (see
/// `SceneEncoder.look`), which the legend draws.
public enum EdgeKind: String, CaseIterable, Sendable, Comparable {
    /// Route table → target, labelled with the destinations. Arrow: traffic direction.
    case route
    /// A route whose target is gone.
    case routeBlackhole = "route-blackhole"
    /// Subnet — its route table. No direction.
    case association
    /// An endpoint's network interface (in a subnet) — the endpoint.
    case endpointENI = "endpoint-eni"
    /// Endpoint → the AWS service it reaches.
    case endpointService = "endpoint-service"
    /// A VPC reaches a service without an endpoint (over the internet).
    case serviceAccess = "service-access"
    case peering
    case transitGatewayAttachment = "transit-gateway-attachment"
    case transitGatewayPeering = "transit-gateway-peering"
    case vpn
    case directConnect = "direct-connect"
    /// DNS queries forwarded (Resolver rules, on-premises forwarders).
    case dnsForwarding = "dns-forwarding"
    /// A private hosted zone associated with a VPC.
    case zoneAssociation = "zone-association"
    /// A name that resolves to an endpoint.
    case dnsAlias = "dns-alias"
    /// Internet (or virtual private) gateway — its ingress (edge) route table, which routes the
    /// traffic entering the VPC through it. No direction.
    case edgeAssociation = "edge-association"
    /// A route the virtual private gateway propagated (`EnableVgwRoutePropagation`).
    case routePropagated = "route-propagated"
    /// A route AWS keeps but does not use (`filtered`).
    case routeFiltered = "route-filtered"
    /// A route whose target is being deleted (a NAT gateway `deleting`, an internet gateway
    /// `detaching`): still in the table, flagged.
    case routeTargetDeleting = "route-target-deleting"

    public static func < (a: EdgeKind, b: EdgeKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    public var title: String {
        switch self {
        case .route: "route (to its target)"
        case .routeBlackhole: "blackhole route"
        case .association: "route table association"
        case .endpointENI: "endpoint network interface"
        case .endpointService: "endpoint to service"
        case .serviceAccess: "service reached over the internet"
        case .peering: "VPC peering"
        case .transitGatewayAttachment: "transit gateway attachment"
        case .transitGatewayPeering: "transit gateway peering"
        case .vpn: "VPN"
        case .directConnect: "Direct Connect"
        case .dnsForwarding: "DNS forwarding"
        case .zoneAssociation: "hosted zone association"
        case .dnsAlias: "DNS name"
        case .edgeAssociation: "ingress (edge) route table association"
        case .routePropagated: "propagated route (from the VPN gateway)"
        case .routeFiltered: "filtered route (kept, not used)"
        case .routeTargetDeleting: "route to a target being deleted"
        }
    }
}

/// Kinds of cluster.
public enum ClusterKind: String, CaseIterable, Sendable {
    /// The whole diagram (not drawn as a box).
    case root
    case region
    case vpc
    /// An availability zone: a column of a VPC.
    case availabilityZone = "az"
    /// One subnet tier inside an AZ column (not drawn as a box): the encoder lines up the tier
    /// rows with the same `layer` across columns and labels the row once on the left.
    case tierRow = "tier"
    /// A VPC's interface (and Resolver) endpoints, side by side below the AZ columns.
    case endpointsBand = "endpoints"
    case onPremises = "on-premises"
    /// Any other labelled group.
    case group
}

/// Subnet tiers (the AWS reference-diagram rows) as the scene names them; the colour follows the
/// routing tier, the row name may be the subnets' own shared name.
public enum TierTone: String, Sendable, Hashable, CaseIterable {
    case `public`, `private`, isolated
}

/// A place inside a node's label an edge can start or end at: one chip of a subnet node.
public struct Chip: Sendable, Hashable {
    /// The resource id the chip stands for (an ENI, a NAT gateway, a Resolver IP).
    public var id: String
    public var kind: NodeKind
    /// Short text drawn in the chip (an IP, "NAT").
    public var text: String
    public var tooltip: [String]
    public var link: Href?
    public var badges: [Badge]

    public init(id: String, kind: NodeKind, text: String, tooltip: [String] = [], link: Href? = nil, badges: [Badge] = []) {
        self.id = id
        self.kind = kind
        self.text = text
        self.tooltip = tooltip
        self.link = link
        self.badges = badges
    }
}

public struct SceneNode: Sendable, Hashable {
    /// The resource id: the Graphviz node name and the SVG element id.
    public var id: String
    public var kind: NodeKind
    public var label: [LabelPart]
    /// One fact per line, shown on hover.
    public var tooltip: [String]
    public var link: Href?
    public var badges: [Badge]
    /// Small parts drawn inside the node (a subnet's ENIs, NAT gateways, Resolver IPs); edges
    /// may end at them (`SceneEdge.End.chip`).
    public var chips: [Chip] = []
    /// The subnet tier's colour (subnets only).
    public var tier: TierTone?
    /// The icon, when not the kind's (AWS services: S3, DynamoDB).
    public var icon: Icon?
    /// Layer inside the nearest enclosing `SceneCluster` that is `layered`: nodes of one layer
    /// share a row, lower layers above higher ones. Nil: wherever its edges pull it.
    public var layer: Int?

    public init(id: String, kind: NodeKind, label: [LabelPart], tooltip: [String] = [], link: Href? = nil,
                badges: [Badge] = [], chips: [Chip] = [], tier: TierTone? = nil, icon: Icon? = nil, layer: Int? = nil) {
        self.id = id
        self.kind = kind
        self.label = label
        self.tooltip = tooltip
        self.link = link
        self.badges = badges
        self.chips = chips
        self.tier = tier
        self.icon = icon
        self.layer = layer
    }

    public var drawnIcon: Icon? { icon ?? kind.icon }
}

public struct SceneCluster: Sendable, Hashable {
    /// Unique in the scene: usually the resource id (VPC id, region name), else a made-up name
    /// from resource ids (`<vpc id>_<zone>`).
    public var id: String
    public var kind: ClusterKind
    public var label: [LabelPart]
    public var tooltip: [String]
    public var link: Href?
    public var badges: [Badge]
    public var nodes: [SceneNode] = []
    public var clusters: [SceneCluster] = []
    /// Tier rows: the colour of the row.
    public var tier: TierTone?
    /// Layer inside the nearest enclosing `layered` cluster (see `SceneNode.layer`).
    public var layer: Int?
    /// Whether descendants with a `layer` are drawn in rows by layer.
    public var layered = false
    /// Whether child clusters are kept left to right in declaration order (AZ columns, regions).
    public var ordered = false
    /// Names of layers (for stable names in DOT: adding a row renames no other); unnamed layers
    /// go by number.
    public var layerNames: [Int: String] = [:]
    /// Layered clusters: whether each row keeps its nodes left to right in declaration order, and
    /// rows are lined up on their middle nodes (the overview's grid, with hubs centred in it).
    public var keepsRowOrder = false
    /// Written as a comment above the cluster in DOT.
    public var comment: String?

    public init(id: String, kind: ClusterKind, label: [LabelPart] = [], tooltip: [String] = [], link: Href? = nil, badges: [Badge] = [],
                nodes: [SceneNode] = [], clusters: [SceneCluster] = [], tier: TierTone? = nil, layer: Int? = nil,
                layered: Bool = false, ordered: Bool = false, comment: String? = nil) {
        self.id = id
        self.kind = kind
        self.label = label
        self.tooltip = tooltip
        self.link = link
        self.badges = badges
        self.nodes = nodes
        self.clusters = clusters
        self.tier = tier
        self.layer = layer
        self.layered = layered
        self.ordered = ordered
        self.comment = comment
    }

    /// Every node here and below, depth first in declaration order.
    public var allNodes: [SceneNode] { nodes + clusters.flatMap(\.allNodes) }
    /// Every cluster below, depth first.
    public var allClusters: [SceneCluster] { clusters.flatMap { [$0] + $0.allClusters } }
}

public struct SceneEdge: Sendable, Hashable {
    /// Where an edge starts or ends: a node, one chip of a node, or a cluster's box.
    public enum End: Sendable, Hashable {
        case node(String)
        case chip(node: String, chip: String)
        case cluster(String)
    }

    public var kind: EdgeKind
    public var tail: End
    public var head: End
    /// Lines of text next to the edge (an `xlabel`: it never moves nodes).
    public var label: [String]
    public var tooltip: [String]
    public var link: Href?
    /// Whether the edge may order rows (the head below the tail). Most edges only pull.
    public var downwards = false

    public init(_ kind: EdgeKind, from tail: End, to head: End, label: [String] = [], tooltip: [String] = [], link: Href? = nil,
                downwards: Bool = false) {
        self.kind = kind
        self.tail = tail
        self.head = head
        self.label = label
        self.tooltip = tooltip
        self.link = link
        self.downwards = downwards
    }
}

extension SceneEdge.End {
    /// The node the end is drawn at (a chip's node; nil for a cluster).
    var nodeID: String? {
        switch self {
        case .node(let id), .chip(let id, _): id
        case .cluster: nil
        }
    }
}
