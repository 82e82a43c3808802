/// Writes a diagram as DOT text: one statement per line, clusters indented, no coordinates.
/// Byte-stable: everything comes out in the diagram's declaration order.
///
/// This is the one encoder between the diagram and Graphviz, so two rules that keep Graphviz 2.42
/// safe live here and nowhere else:
/// - every string is quoted by `quote`, which escapes whatever Graphviz's lexer or its escape
///   sequences (`\N`, `\G`, `\l` …) would read as syntax;
/// - an edge that can end up between two nodes of one rank gets its text as `xlabel`, never as
///   `label`: dot 2.42 turns a label on such an edge into a node in the rank above, and the way it
///   inserts that node corrupts the heap (a double free when the layout is freed).
public enum DOTWriter {
    public static func write(_ graph: DiagramGraph) -> String {
        let sameRank = SameRankGroups(graph.root)
        var out = "digraph \(quote(graph.name)) {\n"
        out += "  graph [\(list(graph.graphAttributes))];\n"
        if !graph.nodeDefaults.pairs.isEmpty { out += "  node [\(list(graph.nodeDefaults))];\n" }
        if !graph.edgeDefaults.pairs.isEmpty { out += "  edge [\(list(graph.edgeDefaults))];\n" }
        writeBody(graph.root, indent: "  ", into: &out)
        if !graph.edges.isEmpty { out += "\n" }
        for edge in graph.edges {
            var attributes = edge.attributes
            if attributes["label"] != nil, sameRank.canBeFlat(edge, defaults: graph.edgeDefaults) {
                attributes["xlabel"] = attributes["label"]
                attributes["label"] = nil
            }
            let list = attributes.pairs.isEmpty ? "" : " [\(list(attributes))]"
            out += "  \(quote(edge.tail)) -> \(quote(edge.head))\(list);\n"
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
            if let comment = sub.comment { out += "\(indent)// \(commentText(comment))\n" }
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

    /// A DOT double-quoted string holding exactly `text`: a backslash is doubled (so neither the
    /// lexer nor Graphviz's `\N`/`\G`/`\l` escapes see one), a quote escaped, a line break written
    /// as Graphviz's `\n`; other control characters, which no output format can carry, become
    /// U+FFFD.
    ///
    /// Graphviz's lexer refuses a quoted string of more than 16,384 bytes (a syntax error that
    /// would fail the whole diagram), so text longer than `maxBytes` is cut, ending in "…".
    public static func quote(_ text: String) -> String {
        guard text.utf8.count > maxBytes - 2 || text.utf8.contains(where: needsEscape) else { return "\"" + text + "\"" }
        var body = "\""
        var bytes = 1
        for character in text {
            var escaped = ""
            for scalar in character.unicodeScalars {
                switch scalar {
                case "\\": escaped += "\\\\"
                case "\"": escaped += "\\\""
                case "\n": escaped += "\\n"
                case "\r": break
                case "\t": escaped += " "
                default: escaped.unicodeScalars.append(isControl(scalar) ? "\u{FFFD}" : scalar)
                }
            }
            // Room for "…" (3 bytes) and the closing quote.
            if bytes + escaped.utf8.count > maxBytes - 4 {
                body += "…"
                break
            }
            body += escaped
            bytes += escaped.utf8.count
        }
        return body + "\""
    }

    /// The longest quoted string written, in bytes, quotes included (Graphviz reads up to 16,384).
    static let maxBytes = 16_000

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\"") || byte == 0xC2
    }

    /// C0 and C1 control characters and DEL.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// A `//` comment on one line, shortened like a label (Graphviz's lexer fails on very long
    /// lines): line breaks and control characters become spaces.
    static func commentText(_ text: String) -> String {
        let short = Label.shortened(text, limit: Label.maxLength)
        return String(String.UnicodeScalarView(short.unicodeScalars.map { isControl($0) || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : $0 }))
    }
}

/// Which nodes dot must put on one rank: the members of each `rank=same` subgraph, and all members
/// of `rank=min`/`source` and of `rank=max`/`sink` subgraphs.
struct SameRankGroups {
    private var group: [String: String] = [:]

    init(_ root: DiagramCluster) {
        visit(root)
    }

    private mutating func visit(_ cluster: DiagramCluster) {
        for sub in cluster.clusters {
            if case .string(let rank)? = sub.attributes["rank"] {
                let key: String? = switch rank {
                case "same": "same:" + sub.name
                case "min", "source": "min"
                case "max", "sink": "max"
                default: nil
                }
                if let key { for node in sub.allNodes where group[node.name] == nil { group[node.name] = key } }
            }
            visit(sub)
        }
    }

    /// Whether dot may lay `edge` out flat (both ends on one rank): it does not constrain ranks,
    /// allows a length of 0, or joins two nodes held on one rank.
    func canBeFlat(_ edge: DiagramEdge, defaults: Attributes) -> Bool {
        func value(_ key: String) -> String? {
            if case .string(let v)? = edge.attributes[key] ?? defaults[key] { return v }
            return nil
        }
        if let constraint = value("constraint"), ["false", "no", "0"].contains(constraint.lowercased()) { return true }
        if let minlen = value("minlen"), (Double(minlen) ?? 1) < 1 { return true }
        if let a = group[edge.tail], a == group[edge.head] { return true }
        return false
    }
}
