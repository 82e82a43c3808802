/// Stacked rows: a layered cluster whose layers hold boxes (layered clusters: the VPCs of a
/// region in the full view) as well as nodes (what connects them: peering connections, transit
/// gateways, hosted zones, services). Each row of boxes hangs from a rail (kept left to right in
/// declaration order, each box at its top and at the top of each of its columns); a row of nodes
/// sits below the boxes and nodes of the row above it that it has edges to (else below the first
/// of them), those joining several items kept in declaration order by a rail of its own; every row of boxes is below
/// everything since the previous row of boxes.
extension SceneEncoder {
    /// An item of a stacked row: a box (a cluster) or a node.
    struct StackItem {
        var id: String
        var isBox: Bool
    }

    mutating func stack(_ cluster: SceneCluster, into out: inout DiagramCluster) {
        var layers: [Int: [StackItem]] = [:]
        for node in cluster.nodes {
            owner[node.id] = node.id
            guard let layer = node.layer else { continue }
            layers[layer, default: []].append(StackItem(id: node.id, isBox: false))
            itemLayer[node.id] = layer
        }
        for sub in cluster.clusters {
            owner[sub.id] = sub.id
            for inner in sub.allClusters { owner[inner.id] = sub.id }
            for node in sub.allNodes { owner[node.id] = sub.id }
            for name in legacy[sub.id]?.nodeNames ?? [] { owner[name] = sub.id }
            guard let layer = sub.layer else { continue }
            layers[layer, default: []].append(StackItem(id: sub.id, isBox: true))
            itemLayer[sub.id] = layer
        }
        // Which items an edge joins (by the item each end belongs to).
        var touches: [String: Set<String>] = [:]
        for edge in sceneEdges {
            guard let a = itemOf(edge.tail), let b = itemOf(edge.head), a != b else { continue }
            touches[a, default: []].insert(b)
            touches[b, default: []].insert(a)
        }

        var previous: [StackItem] = []
        var sinceBoxes: [StackItem] = []
        for (index, key) in layers.keys.sorted().enumerated() {
            let items = layers[key]!
            let boxes = items.filter(\.isBox)
            let nodes = items.filter { !$0.isBox }
            if !boxes.isEmpty {
                var rails = Rails(prefix: "\(cluster.id).row\(index + 1)")
                for box in boxes {
                    for head in heads(of: box.id) { rails.add(head.node, minlen: 1 + head.row) }
                    boxBottoms.append((out.name, bottom(of: box)))
                }
                out.nodes += rails.nodes
                edges += rails.edges
                if let entry = rails.first {
                    if entries[cluster.id] == nil { entries[cluster.id] = entry }
                    for item in sinceBoxes {
                        edges += Rails.layoutEdges(bottom(of: item), entry, minlen: item.isBox ? 2 : 1, weight: 1, copies: 1)
                    }
                }
                sinceBoxes = []
            }
            if !nodes.isEmpty {
                let upper = boxes.isEmpty ? previous : boxes
                for node in nodes where !upper.isEmpty {
                    let touched = upper.filter { touches[node.id]?.contains($0.id) ?? false }
                    for item in touched.isEmpty ? [upper[0]] : touched {
                        edges += Rails.layoutEdges(bottom(of: item), node.id, minlen: 1, weight: 1, copies: 1)
                    }
                }
                // What joins several items (a peering, a hub) keeps its order; what hangs below one
                // box (a service) goes where its edges pull it.
                let between = nodes.filter { (touches[$0.id]?.count ?? 0) > 1 }
                if between.count > 1 {
                    var rails = Rails(prefix: "\(cluster.id).below\(index + 1)")
                    for node in between { rails.add(node.id, weight: 1) }
                    out.nodes += rails.nodes
                    edges += rails.edges
                }
            }
            sinceBoxes += items
            previous = items
        }
        let first = layers.keys.min().flatMap { layers[$0]?.first }
        tops[cluster.id] = entries[cluster.id] ?? first?.id
        bottoms[cluster.id] = previous.first.map { bottom(of: $0) } ?? tops[cluster.id]
        if entries[cluster.id] == nil, let id = first?.id { entries[cluster.id] = id }
    }

    /// The item of the stacked cluster an edge end belongs to, if any.
    func itemOf(_ end: SceneEdge.End) -> String? {
        switch end {
        case .node(let id), .chip(let id, _): owner[id]
        case .cluster(let id): owner[id]
        }
    }

    /// Where a box starts: its top node, then the top of each of its columns, with their rows.
    func heads(of box: String) -> [(node: String, row: Int)] {
        if let old = legacy[box] { return old.heads.map { ($0.node, $0.row) } }
        let top = tops[box] ?? clusterFirstNodes[box] ?? "\(box).anchor"
        return [(top, 0)] + (columnHeads[box] ?? [])
    }

    func bottom(of item: StackItem) -> String {
        guard item.isBox else { return item.id }
        return bottoms[item.id] ?? tops[item.id] ?? clusterFirstNodes[item.id] ?? "\(item.id).anchor"
    }
}

/// A VPC cluster drawn by the old per-VPC layout (`LegacyVPCLayout`, for `make bench` only),
/// already encoded: where it starts and ends, and the names of its nodes.
struct LegacyBox: Sendable, Equatable {
    struct Head: Sendable, Equatable {
        var node: String
        var row: Int
    }

    var cluster: DiagramCluster
    var top: String
    var bottom: String
    var heads: [Head]
    var nodeNames: [String]
}
