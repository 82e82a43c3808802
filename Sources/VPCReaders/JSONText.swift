import VPCModel
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

    static func quote(_ text: String) -> String { JSONString.quote(text) }
}
