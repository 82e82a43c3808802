/// A Graphviz attribute value: a quoted string or an HTML-like label.
public enum AttributeValue: Hashable, Sendable {
    case string(String)
    case html(String)
}

/// Attributes in the order they were set (order is kept so output is stable and readable).
public struct Attributes: Hashable, Sendable, Sequence {
    public private(set) var pairs: [(key: String, value: AttributeValue)] = []

    public init(_ pairs: [(String, AttributeValue)] = []) {
        for (k, v) in pairs { self[k] = v }
    }

    public subscript(key: String) -> AttributeValue? {
        get { pairs.first { $0.key == key }?.value }
        set {
            if let index = pairs.firstIndex(where: { $0.key == key }) {
                if let newValue { pairs[index].value = newValue } else { pairs.remove(at: index) }
            } else if let newValue {
                pairs.append((key, newValue))
            }
        }
    }

    public func makeIterator() -> IndexingIterator<[(key: String, value: AttributeValue)]> { pairs.makeIterator() }

    public static func == (a: Attributes, b: Attributes) -> Bool {
        a.pairs.count == b.pairs.count && zip(a.pairs, b.pairs).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        for (k, v) in pairs { hasher.combine(k); hasher.combine(v) }
    }
}

public struct DiagramNode: Hashable, Sendable {
    /// The Graphviz node name: a resource id.
    public var name: String
    public var attributes: Attributes

    public init(_ name: String, _ attributes: Attributes = Attributes()) {
        self.name = name
        self.attributes = attributes
    }
}

public struct DiagramEdge: Hashable, Sendable {
    public var tail: String
    public var head: String
    public var attributes: Attributes

    public init(_ tail: String, _ head: String, _ attributes: Attributes = Attributes()) {
        self.tail = tail
        self.head = head
        self.attributes = attributes
    }
}

/// A subgraph; a name starting with `cluster` makes Graphviz draw a box around it.
public struct DiagramCluster: Hashable, Sendable {
    public var name: String
    public var attributes: Attributes
    public var nodes: [DiagramNode] = []
    public var clusters: [DiagramCluster] = []
    /// Written as a comment above the cluster in DOT, for readers of the DOT file.
    public var comment: String?

    public init(_ name: String, _ attributes: Attributes = Attributes(), comment: String? = nil) {
        self.name = name
        self.attributes = attributes
        self.comment = comment
    }

    /// Every node in this cluster and below, depth first in declaration order.
    public var allNodes: [DiagramNode] { nodes + clusters.flatMap(\.allNodes) }
}

/// The whole diagram as Graphviz will see it: graph/node/edge defaults, nested clusters, edges.
/// Pure data: the DOT writer and the Graphviz wrapper both read it, in the same order.
public struct DiagramGraph: Hashable, Sendable {
    public var name: String
    public var graphAttributes: Attributes
    public var nodeDefaults: Attributes
    public var edgeDefaults: Attributes
    public var root: DiagramCluster
    public var edges: [DiagramEdge] = []

    public init(name: String, graphAttributes: Attributes, nodeDefaults: Attributes, edgeDefaults: Attributes, root: DiagramCluster) {
        self.name = name
        self.graphAttributes = graphAttributes
        self.nodeDefaults = nodeDefaults
        self.edgeDefaults = edgeDefaults
        self.root = root
    }

    public var nodeCount: Int { root.allNodes.count }
}
