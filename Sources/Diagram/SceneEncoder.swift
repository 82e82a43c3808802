import VPCModel

/// The one Graphviz encoder: turns a `Scene` into the `DiagramGraph` that `DOTWriter` writes and
/// the Graphviz wrapper lays out. Everything that exists only to steer dot lives here and nowhere
/// else: ranks (`rank=same` rows for layers), rails that keep columns in order, invisible helper
/// points and edges, ports for edges that end at a chip, the legend's placement.
///
/// Text goes through the escapers: `Label` for HTML-like labels, `plainLabel`/`plain` for
/// strings, `Href` for links, and `DOTWriter.quote` when written.
public struct SceneEncoder {
    let style: Style
    let detail: DetailLevel
    /// What the legend lists (filled while encoding).
    public private(set) var legend = LegendContent()
    var edges: [DiagramEdge] = []
    var edgeIDs: Set<String> = []
    /// Graphviz cluster name per scene cluster id, and the first node inside it.
    var clusterNames: [String: String] = [:]
    var clusterFirstNodes: [String: String] = [:]
    /// The chip ports of each node: node id → chip id → port name.
    var ports: [String: [String: String]] = [:]
    /// For each layered cluster: its last row's first node (to put things below it).
    public internal(set) var bottoms: [String: String] = [:]
    /// For each layered cluster: its first row's first node.
    public internal(set) var tops: [String: String] = [:]
    /// For each ordered cluster: the top node of each column, left to right, with its row.
    public private(set) var columnHeads: [String: [(node: String, row: Int)]] = [:]
    /// The scene's edges, known before any cluster is encoded (stacked rows follow them).
    var sceneEdges: [SceneEdge] = []
    /// Pre-encoded clusters (the bench's old VPC layout), by scene cluster id.
    var legacy: [String: LegacyBox] = [:]
    /// For each stacked cluster (see `stack`): the node the root's rails reach it at.
    var entries: [String: String] = [:]
    /// Stacked clusters: the row (layer) of each item (a box or a node directly in it), and the item
    /// each node or cluster below it belongs to.
    var itemLayer: [String: Int] = [:]
    var owner: [String: String] = [:]
    /// The bottoms of the boxes of stacked clusters, in order, with the Graphviz name of the
    /// cluster holding them (for the legend).
    var boxBottoms: [(parent: String, node: String)] = []

    public init(theme: Theme = .light, icons: IconRendering = .placeholder, detail: DetailLevel = .standard) {
        self.style = Style(palette: theme.palette, icons: icons)
        self.detail = detail
    }

    init(style: Style, detail: DetailLevel) {
        self.style = style
        self.detail = detail
    }

    /// The whole scene as one graph, with its legend (when asked for) below the first row of
    /// layered clusters' bottoms.
    public static func encode(_ scene: Scene, options: DiagramOptions = DiagramOptions(), transparent: Bool? = nil) -> DiagramGraph {
        var encoder = SceneEncoder(style: Style(palette: options.theme.palette, icons: options.icons), detail: options.detail)
        var scene = scene
        scene.root = FindingBadges.apply(options.findings, to: scene.root)
        return encoder.graph(scene, transparent: transparent ?? options.transparent)
    }

    mutating func graph(_ scene: Scene, transparent: Bool) -> DiagramGraph {
        legacy = scene.legacy
        sceneEdges = scene.edges
        prepare(scene.root)
        var root = DiagramCluster("root")
        for node in scene.root.nodes { root.nodes.append(encode(node)) }
        var rails = Rails(prefix: "root")
        for cluster in scene.root.clusters {
            root.clusters.append(encode(cluster))
            if let entry = entries[cluster.id] {
                rails.add(entry)
            } else if let first = clusterFirstNodes[cluster.id] {
                rails.add(first, minlen: 1 + (rowOffset[first] ?? 0))
            }
        }
        if scene.root.clusters.count > 1 {
            root.nodes += rails.nodes
            edges += rails.edges
        }
        for edge in scene.edges { encode(edge, inlineLabel: scene.inlineLabels && edge.downwards) }
        edges += scene.legacyEdges
        placeSideClusters(scene)
        if scene.legend, let node = Legend.node(legend, style: style) {
            if boxBottoms.isEmpty {
                root.nodes.append(node)
                for key in bottoms.keys.sorted() { edges += Rails.layoutEdges(bottoms[key]!, Legend.nodeName, minlen: 1, weight: 0, copies: 1) }
            } else {
                // Below the boxes (VPCs). When they are all in one region, inside it: outside it,
                // dot puts the legend to the right of the whole region, which only widens the picture.
                let single = boxBottoms.count == 1
                if Set(boxBottoms.map(\.parent)).count == 1, let index = root.clusters.firstIndex(where: { $0.name == boxBottoms[0].parent }) {
                    root.clusters[index].nodes.append(node)
                } else {
                    root.nodes.append(node)
                }
                for box in boxBottoms { edges += Rails.layoutEdges(box.node, Legend.nodeName, minlen: 2, weight: single ? 5 : 0, copies: 1) }
            }
        }
        var graph = DiagramGraph(name: scene.name, graphAttributes: style.graph(title: scene.title, transparent: transparent),
                                 nodeDefaults: style.nodeDefaults, edgeDefaults: style.edgeDefaults, root: root)
        if scene.leftToRight { graph.graphAttributes["rankdir"] = .string("LR") }
        if let ranksep = scene.rankSeparation { graph.graphAttributes["ranksep"] = .string(ranksep) }
        graph.edges = edges
        return graph
    }

    /// Clusters beside the regions (on-premises networks, Direct Connect) that no downwards edge
    /// places: one rank below the first thing outside them they connect to.
    mutating func placeSideClusters(_ scene: Scene) {
        for cluster in scene.root.clusters where cluster.kind == .onPremises || cluster.kind == .group {
            let inside = Set(cluster.allNodes.map(\.id))
            let crossing = scene.edges.filter { edge in
                guard let tail = edge.tail.nodeID, let head = edge.head.nodeID else { return false }
                return inside.contains(tail) != inside.contains(head)
            }
            guard let first = crossing.first, !crossing.contains(where: \.downwards),
                  let tail = first.tail.nodeID, let head = first.head.nodeID else { continue }
            let (outer, inner) = inside.contains(tail) ? (head, tail) : (tail, head)
            edges += Rails.layoutEdges(outer, inner, minlen: 1, weight: 1, copies: 1)
        }
    }

    // MARK: - Names

    static func clusterName(_ cluster: SceneCluster) -> String {
        switch cluster.kind {
        case .tierRow: "tier_\(cluster.id)"
        case .availabilityZone: "cluster_az_\(cluster.id)"
        default: "cluster_\(cluster.kind.rawValue.replacing("-", with: "_"))_\(cluster.id)"
        }
    }

    /// Names every cluster and its first node, and gives chips their ports, before anything is encoded.
    mutating func prepare(_ cluster: SceneCluster) {
        clusterNames[cluster.id] = SceneEncoder.clusterName(cluster)
        for sub in cluster.clusters { prepare(sub) }
        let firstNodes = clusterFirstNodes
        if let first = cluster.nodes.first?.id ?? cluster.clusters.lazy.compactMap({ firstNodes[$0.id] }).first {
            clusterFirstNodes[cluster.id] = first
        }
        for node in cluster.nodes where !node.chips.isEmpty {
            var map: [String: String] = [:]
            for (index, chip) in node.chips.enumerated() where map[chip.id] == nil { map[chip.id] = "c\(index)" }
            ports[node.id] = map
        }
    }

    /// Row of each node inside its layered cluster (for rails that must reach it from above).
    var rowOffset: [String: Int] = [:]

    // MARK: - Clusters

    mutating func encode(_ cluster: SceneCluster) -> DiagramCluster {
        if let box = legacy[cluster.id] {
            tops[cluster.id] = box.top
            bottoms[cluster.id] = box.bottom
            return box.cluster
        }
        var a: Attributes
        switch cluster.kind {
        case .tierRow, .root:
            a = Attributes()
        default:
            a = style.cluster(styleKind(cluster.kind))
            a["id"] = .string(cluster.id)
            a["label"] = clusterLabel(cluster)
            a["tooltip"] = plain(cluster.tooltip + (cluster.link == nil ? cluster.badges.flatMap(\.tooltipLines) : []))
            a.link(cluster.link)
        }
        var out = DiagramCluster(clusterNames[cluster.id]!, a, comment: cluster.comment)
        out.nodes = cluster.nodes.map { encode($0) }
        for sub in cluster.clusters {
            let encoded = encode(sub)
            // A tier row is no box: its nodes go straight into the column.
            if sub.kind == .tierRow { out.nodes += encoded.nodes; out.clusters += encoded.clusters } else { out.clusters.append(encoded) }
        }
        if cluster.layered { layer(cluster, into: &out) }
        // Columns (child clusters without a layer of their own) left to right in order.
        if cluster.ordered, cluster.clusters.filter({ $0.layer == nil }).count > 1 {
            var rails = Rails(prefix: cluster.id)
            for sub in cluster.clusters where sub.layer == nil {
                guard let first = topNode(of: sub) else { continue }
                rails.add(first.node, minlen: 1 + first.row)
                columnHeads[cluster.id, default: []].append(first)
            }
            out.nodes += rails.nodes
            edges += rails.edges
        }
        if cluster.kind == .availabilityZone {
            // The column's subnets straight below each other (rows elsewhere pull their first
            // nodes sideways: a staircase otherwise, most visible without route tables).
            let subnets = cluster.clusters.filter { $0.kind == .tierRow }.flatMap(\.nodes).map(\.id)
            for (upper, lower) in zip(subnets, subnets.dropFirst()) {
                edges += Rails.layoutEdges(upper, lower, minlen: 1, weight: 50, copies: 1)
            }
        }
        if cluster.kind == .endpointsBand, cluster.nodes.count > 1 {
            // Side by side, in order.
            var row = DiagramCluster("band_\(cluster.id)", Attributes([("rank", .string("same"))]))
            row.nodes = cluster.nodes.map { DiagramNode($0.id) }
            out.clusters.append(row)
            for (left, right) in zip(cluster.nodes, cluster.nodes.dropFirst()) {
                edges += Rails.layoutEdges(left.id, right.id, minlen: 0, weight: 1, copies: 1)
            }
        }
        return out
    }

    func styleKind(_ kind: ClusterKind) -> String {
        switch kind {
        case .availabilityZone: "az"
        case .endpointsBand: "endpoints"
        default: kind.rawValue
        }
    }

    /// The node of `cluster` in the highest row, with that row.
    func topNode(of cluster: SceneCluster) -> (node: String, row: Int)? {
        var best: (String, Int)?
        for node in cluster.allNodes {
            guard let row = rowOffset[node.id] else { continue }
            if best == nil || row < best!.1 { best = (node.id, row) }
        }
        if let best { return best }
        return clusterFirstNodes[cluster.id].map { ($0, 0) }
    }

    /// Rows by layer: every descendant with a layer (a tier row's nodes stack in sub-rows) gets a
    /// `rank=same` group per row, and each row is held one rank below the one before.
    mutating func layer(_ cluster: SceneCluster, into out: inout DiagramCluster) {
        if cluster.clusters.contains(where: { $0.layer != nil && ($0.layered || legacy[$0.id] != nil) }) {
            stack(cluster, into: &out)
            return
        }
        // (layer, sub-row) → nodes, in declaration order.
        var rows: [Int: [Int: [String]]] = [:]
        func visit(_ c: SceneCluster, inherited: Int?) {
            for node in c.nodes {
                if c.kind == .tierRow, let layer = c.layer ?? inherited {
                    let index = c.nodes.firstIndex(of: node)!
                    rows[layer, default: [:]][index, default: []].append(node.id)
                } else if let layer = node.layer ?? inherited {
                    rows[layer, default: [:]][0, default: []].append(node.id)
                }
            }
            for sub in c.clusters where !sub.layered { visit(sub, inherited: sub.layer ?? inherited) }
        }
        for node in cluster.nodes { if let layer = node.layer { rows[layer, default: [:]][0, default: []].append(node.id) } }
        for sub in cluster.clusters where !sub.layered { visit(sub, inherited: sub.layer) }
        var ordered: [[String]] = []
        var names: [String] = []
        for layer in rows.keys.sorted() {
            for sub in rows[layer]!.keys.sorted() {
                ordered.append(rows[layer]![sub]!)
                names.append((cluster.layerNames[layer] ?? String(layer)) + (sub == 0 ? "" : ".\(sub + 1)"))
            }
        }
        guard !ordered.isEmpty else {
            // Nothing in rows: a point holds the cluster's place (an empty cluster is not drawn).
            let anchor = "\(cluster.id).anchor"
            if out.allNodes.isEmpty { out.nodes.append(Rails.point(anchor)) }
            tops[cluster.id] = out.allNodes.first?.name ?? anchor
            bottoms[cluster.id] = tops[cluster.id]
            return
        }
        for (index, members) in ordered.enumerated() {
            for member in members { rowOffset[member] = index }
            if members.count > 1 {
                var group = DiagramCluster("row_\(cluster.id)_\(names[index])", Attributes([("rank", .string("same"))]))
                group.nodes = members.map { DiagramNode($0) }
                out.clusters.append(group)
            }
        }
        if cluster.keepsRowOrder {
            // Flat edges between plain nodes of one cluster keep the order; rows centred on each other.
            for row in ordered {
                for (left, right) in zip(row, row.dropFirst()) { edges += Rails.layoutEdges(left, right, minlen: 0, weight: 1, copies: 1) }
            }
            for (upper, lower) in zip(ordered, ordered.dropFirst()) {
                edges += Rails.layoutEdges(upper[upper.count / 2], lower[lower.count / 2], minlen: 1, weight: 10, copies: 1)
            }
        } else {
            // Each row below every row above it (not only the one just above: adding a row then adds
            // edges and removes none).
            for (index, lower) in ordered.enumerated() {
                for upper in ordered[..<index] {
                    edges += Rails.layoutEdges(upper[0], lower[0], minlen: 1, weight: 1, copies: 1)
                }
            }
        }
        tops[cluster.id] = ordered.first![0]
        bottoms[cluster.id] = ordered.last![0]
    }

    mutating func clusterLabel(_ cluster: SceneCluster) -> AttributeValue {
        if cluster.kind == .availabilityZone, cluster.badges.isEmpty, cluster.label.count == 1 {
            return plainLabel(cluster.label[0].text)
        }
        var label = style.label(cluster.kind == .vpc ? .vpc : cluster.kind == .onPremises ? .onPremises : nil)
        label.iconSize = 22
        for part in cluster.label {
            switch part.role {
            case .title: label.title(part.text, size: [.vpc, .region, .onPremises].contains(cluster.kind) ? 13 : 11)
            case .line: label.line(part.text)
            case .detail: label.detail(part.text, size: 9)
            case .dnsName: label.dnsName(part.text)
            }
        }
        if let icon = label.icon, style.icons != .none { legend.icons.insert(icon) }
        return .html(compose(label.html, badges: cluster.badges.isEmpty ? nil : badgeRow(cluster.badges, owner: cluster.id, link: cluster.link), chips: nil))
    }

    // MARK: - Nodes

    mutating func encode(_ node: SceneNode) -> DiagramNode {
        var a = style.node(node.kind.rawValue)
        a["id"] = .string(node.id)
        // Chips and badges show their own tooltip only where they link somewhere (Graphviz needs a
        // link for a cell's tooltip); otherwise it joins the node's.
        var tooltip = node.tooltip
        if node.link == nil { tooltip += node.badges.flatMap(\.tooltipLines) }
        for chip in node.chips where chip.link == nil { tooltip.append((chip.tooltip + chip.badges.map(\.tooltip)).joined(separator: ", ")) }
        a["tooltip"] = plain(tooltip)
        a.link(node.link)
        if node.kind == .subnet {
            let tone = node.tier ?? .private
            let (fill, line) = style.tierColors(SubnetTierStyle(rawValue: tone.rawValue)!)
            a["class"] = .string("subnet \(tone.rawValue)")
            a["fillcolor"] = .string(fill)
            a["color"] = .string(line)
            a["margin"] = .string("0.06,0.04")
            legend.tiers.insert(SubnetTierStyle(rawValue: tone.rawValue)!)
        }
        if node.kind == .note || node.kind == .diagramLink || node.kind == .externalVPC || node.kind == .missingRouteTarget {
            a["style"] = .string(node.kind == .diagramLink ? "rounded,filled" : "rounded,dashed")
        }
        a["label"] = .html(nodeLabel(node))
        legend.add(node)
        for chip in node.chips { legend.chips.insert(chip.kind) }
        return DiagramNode(node.id, a)
    }

    func nodeLabel(_ node: SceneNode) -> String {
        var label = style.label(node.drawnIcon)
        if node.kind == .subnet { label.iconSize = 16 }
        for part in node.label {
            switch part.role {
            case .title: label.title(part.text, size: 11)
            case .line: label.line(part.text, size: 10)
            case .detail: label.detail(part.text, size: 9)
            case .dnsName: label.dnsName(part.text, size: 9)
            }
        }
        let badges = node.badges.isEmpty ? nil : badgeRow(node.badges, owner: node.id, link: node.link)
        guard !node.chips.isEmpty else { return compose(label.html, badges: badges, chips: nil) }
        // The chips, a few per row, under the text.
        // Four chips as two rows of two (narrower than three and one).
        let perRow = node.chips.count == 4 ? 2 : 3
        var rows = ""
        let map = ports[node.id] ?? [:]
        for start in stride(from: 0, to: node.chips.count, by: perRow) {
            var cells = ""
            for chip in node.chips[start..<min(start + perRow, node.chips.count)] {
                let (fill, line) = chipColors(chip.kind)
                let tip = (chip.tooltip + chip.badges.map(\.tooltip)).map { Label.escape($0) }.joined(separator: "&#10;")
                let link = chip.link.map { " href=\"\(Label.escape($0.url, limit: .max))\" tooltip=\"\(tip)\"" } ?? ""
                var text = Label.escape(chip.text, limit: 24)
                if !chip.badges.isEmpty { text += " " + chip.badges.map { Label.escape($0.text, limit: 8) }.joined(separator: " ") }
                cells += "<td port=\"\(map[chip.id] ?? "c")\" border=\"1\" color=\"\(line)\" bgcolor=\"\(fill)\" cellpadding=\"2\""
                    + "\(link) id=\"\(Label.escape(chip.id, limit: .max))\">"
                    + "<font point-size=\"9\" color=\"\(style.palette.text)\">\(text)</font></td>"
            }
            rows += "<tr>\(cells)</tr>"
        }
        let chips = "<table border=\"0\" cellborder=\"0\" cellspacing=\"3\" cellpadding=\"0\">\(rows)</table>"
        return compose(label.html, badges: badges, chips: chips)
    }

    /// The label's text (with its icon), its badges on the right, its chips below.
    func compose(_ main: String, badges: String?, chips: String?) -> String {
        guard badges != nil || chips != nil else { return main }
        var html = "<table border=\"0\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"1\"><tr><td align=\"left\" balign=\"left\">\(main)</td>"
        if let badges { html += "<td align=\"right\" valign=\"top\">\(badges)</td>" }
        html += "</tr>"
        if let chips { html += "<tr><td align=\"left\"\(badges == nil ? "" : " colspan=\"2\"")>\(chips)</td></tr>" }
        return html + "</table>"
    }

    func chipColors(_ kind: NodeKind) -> (fill: String, line: String) {
        let p = style.palette
        switch kind {
        case .natGateway: return (p.gatewayFill, p.gatewayLine)
        case .resolverIP: return (p.dnsFill, p.dnsLine)
        case .gatewayLoadBalancerEndpoint: return (p.networkFill, p.networkLine)
        default: return (p.nodeFill, p.networkLine)
        }
    }

    func badgeColors(_ tone: Badge.Tone) -> (fill: String, line: String) {
        let p = style.palette
        switch tone {
        case .info: return (p.nodeFill, p.detail)
        case .warning: return (p.serviceFill, p.serviceLine)
        case .error: return (p.dnsFill, p.blackhole)
        }
    }

    /// Badges as small bordered cells; the explanation is the cell's tooltip (a tooltip needs a
    /// link in Graphviz: the link points at the owner's own element).
    func badgeRow(_ badges: [Badge], owner: String, link: Href?) -> String {
        var cells = ""
        for (index, badge) in badges.enumerated() {
            let (fill, line) = badgeColors(badge.tone)
            let target = link.map { " href=\"\(Label.escape($0.url, limit: .max))\" tooltip=\"\(badge.tooltipLines.map { Label.escape($0) }.joined(separator: "&#10;"))\"" } ?? ""
            // Info badges (a subnet's tier) are plain grey text; warnings and errors are boxed.
            let box = badge.tone == .info ? "border=\"0\"" : "border=\"1\" color=\"\(line)\" bgcolor=\"\(fill)\""
            cells += "<td \(box) cellpadding=\"1\"\(target) id=\"\(Label.escape("\(owner).badge\(index + 1)", limit: .max))\">"
                + "<font point-size=\"9\" color=\"\(badge.tone == .info ? style.palette.detail : style.palette.text)\">\(Label.escape(badge.text, limit: 24))</font></td>"
        }
        return "<table border=\"0\" cellborder=\"0\" cellspacing=\"2\" cellpadding=\"0\"><tr>\(cells)</tr></table>"
    }

    // MARK: - Edges

    /// The line of each kind of edge: style, colour, arrowhead, pen width.
    func look(_ kind: EdgeKind) -> (style: String?, color: String, arrowhead: String, penwidth: String?) {
        let p = style.palette
        switch kind {
        case .route: return (nil, p.text, "normal", "1.2")
        case .routeBlackhole: return ("dashed", p.blackhole, "tee", "1.2")
        case .association: return ("dotted", p.detail, "none", "1.2")
        case .endpointENI: return ("dashed", p.networkLine, "none", nil)
        case .endpointService: return (nil, p.networkLine, "normal", nil)
        case .serviceAccess: return ("dashed", p.serviceLine, "normal", nil)
        case .peering: return (nil, p.networkLine, "none", "2")
        case .transitGatewayAttachment: return (nil, p.networkLine, "none", "2")
        case .transitGatewayPeering: return ("dashed", p.networkLine, "none", "2.5")
        case .vpn: return ("dashed", p.onPremisesLine, "none", "1.5")
        case .directConnect: return (nil, p.onPremisesLine, "none", "2.5")
        case .dnsForwarding: return ("dashed", p.dnsLine, "normal", nil)
        case .zoneAssociation: return ("dotted", p.dnsLine, "none", "1.2")
        case .dnsAlias: return (nil, p.dnsLine, "normal", nil)
        case .edgeAssociation: return ("dotted", p.gatewayLine, "none", "1.5")
        case .routePropagated: return ("dashed", p.onPremisesLine, "normal", "1.2")
        case .routeFiltered: return ("dotted", p.detail, "odot", "1")
        case .routeTargetDeleting: return ("dashed", p.serviceLine, "tee", "1.2")
        }
    }

    /// Where an edge end is drawn. A box of a stacked cluster (a VPC in its region) is left at
    /// its top when the other end is in a row above it, else at its bottom.
    func end(_ end: SceneEdge.End, other: SceneEdge.End) -> (node: String, port: String?, cluster: String?)? {
        switch end {
        case .node(let id): return (id, nil, nil)
        case .chip(let node, let chip): return (node, ports[node]?[chip], nil)
        case .cluster(let id):
            if let row = itemLayer[id], owner[id] == id {
                let otherID: String = switch other {
                case .node(let n), .chip(let n, _): n
                case .cluster(let c): c
                }
                let above = owner[otherID].flatMap { itemLayer[$0] }.map { $0 < row } ?? false
                guard let node = (above ? tops[id] : bottoms[id]) ?? clusterFirstNodes[id] else { return nil }
                return (node, nil, clusterNames[id])
            }
            guard let first = clusterFirstNodes[id] else { return nil }
            return (first, nil, clusterNames[id])
        }
    }

    public mutating func encode(_ edge: SceneEdge, inlineLabel: Bool = false) {
        guard let tail = end(edge.tail, other: edge.head), let head = end(edge.head, other: edge.tail) else { return }
        var id = "\(edge.tail.idText)--\(edge.head.idText)"
        if !edgeIDs.insert(id).inserted {
            var n = 2
            while !edgeIDs.insert("\(id)--\(n)").inserted { n += 1 }
            id = "\(id)--\(n)"
        }
        let look = look(edge.kind)
        var a = Attributes([("id", .string(id)), ("class", .string(edge.kind.rawValue))])
        if !edge.label.isEmpty { a[inlineLabel ? "label" : "xlabel"] = plainLabel(edge.label.joined(separator: "\n")) }
        if !edge.downwards { a["constraint"] = .string("false") }
        if let s = look.style { a["style"] = .string(s) }
        a["color"] = .string(look.color)
        if look.arrowhead != "normal" { a["arrowhead"] = .string(look.arrowhead) }
        if let w = look.penwidth { a["penwidth"] = .string(w) }
        // A downwards edge leaves a chip through its bottom side: from the side it would loop
        // around the chip's subnet (an ENI's line to its endpoint in the band below).
        if let port = tail.port { a["tailport"] = .string(edge.downwards ? "\(port):s" : port) }
        if let port = head.port { a["headport"] = .string(port) }
        if let c = tail.cluster { a["ltail"] = .string(c) }
        if let c = head.cluster { a["lhead"] = .string(c) }
        if !edge.tooltip.isEmpty { a["tooltip"] = plain(edge.tooltip) }
        a.link(edge.link)
        legend.edges.insert(edge.kind)
        edges.append(DiagramEdge(tail.node, head.node, a))
    }
}

extension SceneEdge.End {
    var idText: String {
        switch self {
        case .node(let id): id
        case .chip(let node, let chip): "\(node).\(chip)"
        case .cluster(let id): id
        }
    }
}

/// What a legend lists: node kinds (with the icon drawn), chip kinds, subnet tiers, edge kinds.
public struct LegendContent: Sendable, Equatable {
    /// (kind, icon) pairs drawn, and icons drawn outside scene nodes (cluster titles).
    var nodes: Set<LegendNode> = []
    var icons: Set<Icon> = []
    var chips: Set<NodeKind> = []
    var tiers: Set<SubnetTierStyle> = []
    public internal(set) var edges: Set<EdgeKind> = []

    public init() {}

    struct LegendNode: Hashable, Sendable {
        var kind: NodeKind
        var icon: Icon?
    }

    mutating func add(_ node: SceneNode) {
        nodes.insert(LegendNode(kind: node.kind, icon: node.drawnIcon))
    }

    mutating func merge(_ other: LegendContent) {
        nodes.formUnion(other.nodes)
        icons.formUnion(other.icons)
        chips.formUnion(other.chips)
        tiers.formUnion(other.tiers)
        edges.formUnion(other.edges)
    }
}
