/// Writes a diagram as DOT text: one statement per line, clusters indented, no coordinates.
/// Byte-stable: everything comes out in the diagram's declaration order.
public enum DOTWriter {
    public static func write(_ graph: DiagramGraph) -> String {
        var out = "digraph \(quote(graph.name)) {\n"
        out += "  graph [\(list(graph.graphAttributes))];\n"
        if !graph.nodeDefaults.pairs.isEmpty { out += "  node [\(list(graph.nodeDefaults))];\n" }
        if !graph.edgeDefaults.pairs.isEmpty { out += "  edge [\(list(graph.edgeDefaults))];\n" }
        writeBody(graph.root, indent: "  ", into: &out)
        if !graph.edges.isEmpty { out += "\n" }
        for edge in graph.edges {
            let attributes = edge.attributes.pairs.isEmpty ? "" : " [\(list(edge.attributes))]"
            out += "  \(quote(edge.tail)) -> \(quote(edge.head))\(attributes);\n"
        }
        out += "}\n"
        return out
    }

    static func writeBody(_ cluster: DiagramCluster, indent: String, into out: inout String) {
        for node in cluster.nodes {
            let attributes = node.attributes.pairs.isEmpty ? "" : " [\(list(node.attributes))]"
            out += "\(indent)\(quote(node.name))\(attributes);\n"
        }
        for sub in cluster.clusters {
            out += "\n"
            if let comment = sub.comment { out += "\(indent)// \(comment.replacingNewlines())\n" }
            out += "\(indent)subgraph \(quote(sub.name)) {\n"
            if !sub.attributes.pairs.isEmpty { out += "\(indent)  graph [\(list(sub.attributes))];\n" }
            writeBody(sub, indent: indent + "  ", into: &out)
            out += "\(indent)}\n"
        }
    }

    static func list(_ attributes: Attributes) -> String {
        attributes.pairs.map { "\($0.key)=\(value($0.value))" }.joined(separator: ", ")
    }

    static func value(_ value: AttributeValue) -> String {
        switch value {
        case .string(let s): quote(s)
        case .html(let h): "<\(h)>"
        }
    }

    /// A DOT double-quoted string. Backslashes are kept (they are Graphviz escapes such as `\n`, `\l`);
    /// a trailing one gets a space so it cannot escape the closing quote.
    public static func quote(_ text: String) -> String {
        let needsWork = text.utf8.contains { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
        var body = text
        if needsWork {
            body = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": body += "\\\""
                case "\n": body += "\\n"
                case "\r": break
                default: body.unicodeScalars.append(scalar)
                }
            }
        }
        if body.utf8.last == UInt8(ascii: "\\") { body += " " }
        return "\"" + body + "\""
    }
}

extension String {
    func replacingNewlines() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : $0 }))
    }
}
