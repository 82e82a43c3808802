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
        String(decoding: writeBytes(graph), as: UTF8.self)
    }

    /// `write` as UTF-8 bytes, appended to one buffer (string interpolation per attribute cost
    /// more than building the diagram).
    public static func writeBytes(_ graph: DiagramGraph) -> [UInt8] {
        let sameRank = SameRankGroups(graph.root)
        var out = Output()
        out.bytes.reserveCapacity(64 * 1024)
        out.append("digraph ")
        out.quoted(graph.name)
        out.append(" {\n  graph [")
        out.list(graph.graphAttributes)
        out.append("];\n")
        if !graph.nodeDefaults.pairs.isEmpty {
            out.append("  node [")
            out.list(graph.nodeDefaults)
            out.append("];\n")
        }
        if !graph.edgeDefaults.pairs.isEmpty {
            out.append("  edge [")
            out.list(graph.edgeDefaults)
            out.append("];\n")
        }
        writeBody(graph.root, indent: "  ", into: &out)
        if !graph.edges.isEmpty { out.append("\n") }
        for edge in graph.edges {
            var attributes = edge.attributes
            if attributes["label"] != nil, sameRank.canBeFlat(edge, defaults: graph.edgeDefaults) {
                attributes["xlabel"] = attributes["label"]
                attributes["label"] = nil
            }
            out.append("  ")
            out.quoted(edge.tail)
            out.append(" -> ")
            out.quoted(edge.head)
            if !attributes.pairs.isEmpty {
                out.append(" [")
                out.list(attributes)
                out.append("]")
            }
            out.append(";\n")
        }
        out.append("}\n")
        return out.bytes
    }

    static func writeBody(_ cluster: DiagramCluster, indent: String, into out: inout Output) {
        for node in cluster.nodes {
            out.append(indent)
            out.quoted(node.name)
            if !node.attributes.pairs.isEmpty {
                out.append(" [")
                out.list(node.attributes)
                out.append("]")
            }
            out.append(";\n")
        }
        for sub in cluster.clusters {
            out.append("\n")
            if let comment = sub.comment {
                out.append(indent)
                out.append("// ")
                out.append(commentText(comment))
                out.append("\n")
            }
            out.append(indent)
            out.append("subgraph ")
            out.quoted(sub.name)
            out.append(" {\n")
            if !sub.attributes.pairs.isEmpty {
                out.append(indent)
                out.append("  graph [")
                out.list(sub.attributes)
                out.append("];\n")
            }
            writeBody(sub, indent: indent + "  ", into: &out)
            out.append(indent)
            out.append("}\n")
        }
    }

    /// The text being written.
    struct Output {
        var bytes: [UInt8] = []

        mutating func append(_ text: StaticString) {
            bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }

        mutating func append(_ text: String) {
            var text = text
            text.withUTF8 { bytes.append(contentsOf: $0) }
        }

        /// `quote(text)`, written byte by byte when the text is too short to be cut (the cut must
        /// fall between characters, which only the slow path knows).
        mutating func quoted(_ text: String) {
            var text = text
            let done = text.withUTF8 { utf8 in
                // Each byte becomes at most 3 (a control character's U+FFFD): no cut below this.
                guard 3 * utf8.count + 1 <= maxBytes - 4 else { return false }
                bytes.append(UInt8(ascii: "\""))
                guard utf8.contains(where: needsEscape) else {
                    bytes.append(contentsOf: utf8)
                    bytes.append(UInt8(ascii: "\""))
                    return true
                }
                var i = 0
                while i < utf8.count {
                    let byte = utf8[i]
                    switch byte {
                    case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                    case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
                    case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                    case UInt8(ascii: "\r"): break
                    case UInt8(ascii: "\t"): bytes.append(UInt8(ascii: " "))
                    case 0..<0x20, 0x7F: bytes += replacement
                    case 0xC2 where i + 1 < utf8.count && (0x80...0x9F).contains(utf8[i + 1]):
                        // A C1 control character (U+0080…U+009F).
                        bytes += replacement
                        i += 1
                    default: bytes.append(byte)
                    }
                    i += 1
                }
                bytes.append(UInt8(ascii: "\""))
                return true
            }
            if !done { append(quoteCharacters(text)) }
        }

        /// U+FFFD in UTF-8.
        private let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

        /// `key=value, key=value`.
        mutating func list(_ attributes: Attributes) {
            for (offset, pair) in attributes.pairs.enumerated() {
                if offset > 0 { append(", ") }
                append(pair.key)
                append("=")
                switch pair.value {
                case .string(let s): quoted(s)
                case .html(let h):
                    append("<")
                    append(h)
                    append(">")
                }
            }
        }
    }

    static func list(_ attributes: Attributes) -> String {
        var out = Output()
        out.list(attributes)
        return String(decoding: out.bytes, as: UTF8.self)
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
        var out = Output()
        out.quoted(text)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// `quote` character by character, cutting long text between characters.
    static func quoteCharacters(_ text: String) -> String {
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

    fileprivate static func needsEscape(_ byte: UInt8) -> Bool {
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
