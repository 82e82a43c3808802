/// Left-to-right order that dot keeps.
///
/// dot orders the clusters of one rank by counting edge crossings, and swaps clusters freely when
/// that does not add crossings; flat edges between clusters do not bind it. That is how AZ `b`
/// came out left of `a` and VPCs in reverse. Flat edges between plain nodes of one cluster *are*
/// kept in order, so a rail is a row of invisible points in the enclosing cluster, chained by flat
/// edges; each point has edges (tripled, so any other order costs several crossings) down to the
/// first node of one of the things to order. Any order but the rail's crosses those edges.
struct Rails {
    let prefix: String
    private(set) var nodes: [DiagramNode] = []
    private(set) var edges: [DiagramEdge] = []

    init(prefix: String) {
        self.prefix = prefix
    }

    var isEmpty: Bool { nodes.isEmpty }

    /// Appends a point to the rail, with edges down to `target`. `weight` 0 orders without pulling
    /// the target towards the rail.
    mutating func add(_ target: String, minlen: Int = 1, weight: Int = 100, copies: Int = 3) {
        let name = "\(prefix).rail.\(nodes.count + 1)"
        if let previous = nodes.last?.name { edges += Rails.layoutEdges(previous, name, minlen: 0, weight: 100, copies: 1) }
        nodes.append(Rails.point(name))
        edges += Rails.layoutEdges(name, target, minlen: minlen, weight: weight, copies: copies)
    }

    /// The name of the first point, if any.
    var first: String? { nodes.first?.name }

    /// An invisible point that only holds a place.
    static func point(_ name: String) -> DiagramNode {
        DiagramNode(name, Attributes([("shape", .string("point")), ("style", .string("invis")), ("width", .string("0.01")),
                                      ("height", .string("0.01")), ("label", .string("")), ("class", .string("layout"))]))
    }

    /// Invisible edges that only place nodes: `head` at least `minlen` ranks below `tail`.
    static func layoutEdges(_ tail: String, _ head: String, minlen: Int, weight: Int, copies: Int) -> [DiagramEdge] {
        var a = Attributes([("style", .string("invis")), ("class", .string("layout"))])
        if minlen != 1 { a["minlen"] = .string(String(minlen)) }
        if weight != 1 { a["weight"] = .string(String(weight)) }
        return Array(repeating: DiagramEdge(tail, head, a), count: copies)
    }
}
