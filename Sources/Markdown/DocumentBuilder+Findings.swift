import VPCModel

// The Findings section (the article's advice, linked to the resources) and what keeps a client
// that resolves an endpoint's name to it from reaching it (routes, security groups, the VPN path).

extension DocumentBuilder {
    func findingsNode() -> Node {
        var node = Node()
        node["hasItems"] = !findings.isEmpty
        node["warnings"] = count(findings.filter { $0.severity == .warning }.count)
        node["notes"] = count(findings.filter { $0.severity == .note }.count)
        node["items"] = findings.map { finding -> Node in
            var item = Node()
            item["rule"] = MarkdownText(finding.ruleID)
            item["severity"] = flags(finding.severity.rawValue, among: ["warning", "note"])
            item["message"] = MarkdownText(finding.message)
            item["resource"] = ref(finding.resource)
            var involved: [String] = []
            for id in finding.resources.dropFirst() where id != finding.resource && !involved.contains(id) { involved.append(id) }
            item["involved"] = involved.map { ref($0) }
            return item
        }
        return node
    }

    /// What stops the clients of one resolution entry (a VPC, several connected VPCs resolving alike,
    /// or an on-premises network) from reaching the endpoint: one entry per client and kind.
    func blockedNodes(_ resolutions: [NameResolution], endpointID: String) -> [Node] {
        var result: [Node] = []
        for resolution in resolutions {
            let clientID: String
            switch resolution.client {
            case .endpointVPC(let id), .connectedVPC(let id, _): clientID = id
            case .onPremises(let id): clientID = id
            }
            // Each rule names the client at a known place among its resources (see AdviceRules.swift).
            let about = findings.filter { $0.resources.contains(endpointID) }
            let routes = about.contains { f in
                (f.ruleID == "consumer-route-missing" || f.ruleID == "endpoint-return-route-missing") && f.resources.count > 2 && f.resources[2] == clientID
            }
            let groups = about.contains { $0.ruleID == "endpoint-security-group-https" && $0.resources.dropFirst().contains(clientID) }
            let vpn = about.contains { $0.ruleID == "on-premises-endpoint-path" && $0.resource == clientID }
            guard routes || groups || vpn else { continue }
            var node = Node()
            node["routes"] = routes
            node["securityGroups"] = groups
            node["vpn"] = vpn
            // Several connected VPCs resolving alike: say which of them.
            node["client"] = resolutions.count > 1 ? vpcRef(clientID) : NoValue()
            result.append(node)
        }
        return result
    }
}
