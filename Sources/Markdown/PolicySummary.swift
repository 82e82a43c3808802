import Foundation

/// The statements of an endpoint policy, read from its JSON for a one-table summary.
struct PolicySummary: Equatable {
    struct Statement: Equatable {
        var sid: String?
        var effect: String
        var principals: [String]
        var actions: [String]
        var resources: [String]
        /// `NotAction`/`NotResource`/`NotPrincipal` were used (the lists then say what is excluded).
        var negated: Bool
        var conditionKeys: [String]
    }

    var statements: [Statement]

    /// Nil when the text is not a JSON policy document.
    init?(json: String) {
        guard let data = json.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        let raw: [[String: Any]]
        if let list = object["Statement"] as? [[String: Any]] {
            raw = list
        } else if let one = object["Statement"] as? [String: Any] {
            raw = [one]
        } else {
            return nil
        }
        statements = raw.map { s in
            Statement(
                sid: s["Sid"] as? String,
                effect: s["Effect"] as? String ?? "?",
                principals: Self.principals(s["Principal"] ?? s["NotPrincipal"]),
                actions: Self.strings(s["Action"] ?? s["NotAction"]),
                resources: Self.strings(s["Resource"] ?? s["NotResource"]),
                negated: s["NotAction"] != nil || s["NotResource"] != nil || s["NotPrincipal"] != nil,
                conditionKeys: (s["Condition"] as? [String: Any]).map { conditions in
                    conditions.keys.sorted().flatMap { op in
                        ((conditions[op] as? [String: Any])?.keys.sorted() ?? []).map { "\(op) \($0)" }
                    }
                } ?? []
            )
        }
    }

    static func strings(_ value: Any?) -> [String] {
        if let s = value as? String { return [s] }
        if let list = value as? [Any] { return list.compactMap { $0 as? String } }
        return []
    }

    /// `"*"`, or `AWS: arn…` entries in key order.
    static func principals(_ value: Any?) -> [String] {
        if let s = value as? String { return [s] }
        guard let map = value as? [String: Any] else { return [] }
        return map.keys.sorted().flatMap { key in strings(map[key]).map { "\(key): \($0)" } }
    }
}
