import VPCModel
import Yams

/// Writes a YAML node as compact JSON with keys in the order written (for endpoint policies
/// given as YAML mappings). Deterministic: no dictionary is involved.
///
/// YAML aliases let a few hundred bytes stand for a tree of billions of nodes (the "billion
/// laughs"), so the text is built against a budget of characters and abandoned (nil) as soon as it
/// would pass it.
enum JSONText {
    /// AWS's limit for a VPC endpoint policy, in characters.
    static let policyLimit = 20_480

    static func render(_ node: Node, limit: Int = policyLimit) -> String? {
        var out = ""
        return write(node, into: &out, limit: limit) ? out : nil
    }

    private static func write(_ node: Node, into out: inout String, limit: Int) -> Bool {
        switch node {
        case .scalar(let scalar):
            if let b = plainBool(scalar) {
                out += b ? "true" : "false"
            } else if scalar.style == .plain, Int(scalar.string) != nil {
                out += scalar.string
            } else if scalar.style == .plain, isNull(node) {
                out += "null"
            } else {
                out += quote(scalar.string)
            }
        case .mapping(let mapping):
            out += "{"
            for (index, pair) in mapping.enumerated() {
                if index > 0 { out += "," }
                out += quote(pair.key.string ?? "") + ":"
                guard out.utf8.count <= limit, write(pair.value, into: &out, limit: limit) else { return false }
            }
            out += "}"
        case .sequence(let sequence):
            out += "["
            for (index, item) in sequence.enumerated() {
                if index > 0 { out += "," }
                guard out.utf8.count <= limit, write(item, into: &out, limit: limit) else { return false }
            }
            out += "]"
        case .alias:
            out += "null"
        }
        return out.utf8.count <= limit
    }

    static func quote(_ text: String) -> String { JSONString.quote(text) }
}
