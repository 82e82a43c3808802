import VPCModel
import Yams

extension MappingReader {
    /// `ignore: [{rule: endpoint-single-az, reason: "…"}]` on a resource: advice accepted for it.
    /// Only advice rules can be ignored (structural errors cannot), and only with a reason.
    func readIgnores() {
        guard let node = value("ignore"), !isNull(node) else { return }
        let resourceID = string("id") ?? string("name") ?? ""
        let advice = RuleCatalogue.all.filter { $0.owner == .advice }.map(\.id)
        for item in list("ignore", allowScalar: false) {
            if case .scalar(let scalar) = item {
                context.error("ignore entry '\(scalar.string)' of '\(resourceID)' gives no reason; write {rule: \(scalar.string), reason: …}",
                              at: item, rule: "ignore-rule")
                continue
            }
            guard let m = MappingReader(item, what: "ignore entry of '\(resourceID)'", keys: ["rule", "reason"], context: context) else { continue }
            let rule = m.string("rule", required: true)
            let reason = m.string("reason", required: true)
            guard let rule, let reason else { continue }
            let location = m.valueLocation("rule") ?? context.location(item)
            if !advice.contains(rule) {
                var message: String
                if RuleCatalogue.rule(rule) != nil {
                    message = "'\(rule)' in ignore entry of '\(resourceID)' is not advice and cannot be ignored; fix what it reports"
                } else {
                    message = "'\(rule)' in ignore entry of '\(resourceID)' is not an advice rule"
                    if let suggestion = closestMatch(to: rule, in: advice) { message += "; did you mean '\(suggestion)'?" }
                    else { message += "; 'vpcgraph rules' lists them" }
                }
                context.diagnostics.append(.error(message, at: location, rule: "ignore-rule"))
                continue
            }
            if reason.allSatisfy(\.isWhitespace) {
                context.diagnostics.append(.error("ignore entry of '\(resourceID)' for '\(rule)' gives an empty reason; say why the risk is accepted",
                                                  at: m.valueLocation("reason") ?? location, rule: "ignore-rule"))
                continue
            }
            context.ignores.append(IgnoredRule(resourceID: resourceID, ruleID: rule, reason: reason, origin: m.origin))
        }
    }
}
