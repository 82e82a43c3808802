import Yams

/// Writes a YAML node as compact JSON with keys in the order written (for endpoint policies
/// given as YAML mappings). Deterministic: no dictionary is involved.
enum JSONText {
    static func render(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain {
                if let b = Bool.construct(from: scalar) { return b ? "true" : "false" }
                if Int(scalar.string) != nil { return scalar.string }
                if isNull(node) { return "null" }
            }
            return quote(scalar.string)
        case .mapping(let mapping):
            return "{" + mapping.map { "\(quote($0.key.string ?? "")):\(render($0.value))" }.joined(separator: ",") + "}"
        case .sequence(let sequence):
            return "[" + sequence.map(render).joined(separator: ",") + "]"
        case .alias:
            return "null"
        }
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
