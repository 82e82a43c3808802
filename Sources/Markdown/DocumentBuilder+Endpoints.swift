import Foundation
import VPCModel

// Interface and gateway endpoints: where their interfaces are, their names, routes and policies.
extension DocumentBuilder {
    mutating func interfaceEndpointNode(_ endpoint: InterfaceEndpoint, in vpc: VPC) -> Node {
        var node = anchored(endpoint.id, [
            "displayName": MarkdownText(endpoint.displayName),
            "service": MarkdownText(endpoint.service.fullName),
            "serviceShortName": MarkdownText(endpoint.service.shortName),
            "privateDNS": endpoint.privateDNS,
            "vpc": vpcRef(vpc.id),
        ])
        node["name"] = optional(endpoint.name.map { name in MarkdownText(name) })
        node["privateDNSName"] = optional(endpoint.privateDNSName.map { name in MarkdownText(name) })
        // Private DNS needs both VPC attributes; AWS refuses it otherwise.
        // An attribute the input does not give is not known to be off.
        node["privateDNSNeedsVPCAttributes"] = endpoint.privateDNS
            && ((vpc.dnsSupportKnown && !vpc.dnsSupport) || (vpc.dnsHostnamesKnown && !vpc.dnsHostnames))
        node["pendingState"] = Self.pendingFlags(endpoint.pendingState)
        node["ipAddressType"] = optional(endpoint.ipAddressType.map { MarkdownText($0) })
        node["dnsRecordIPType"] = optional(endpoint.dnsRecordIPType.map { MarkdownText($0) })
        node["requesterManaged"] = endpoint.requesterManaged
        node["additionalPrivateDNSNames"] = texts(endpoint.additionalPrivateDNSNames)
        // With a gateway endpoint for the service in the VPC, clients there resolve the service to the gateway endpoint.
        node["privateDNSOnlyForInboundResolver"] = endpoint.privateDNS && endpoint.privateDNSOnlyForInboundResolverEndpoint == true
        node["securityGroups"] = endpoint.securityGroupIDs.map { securityGroupRef($0, in: vpc) }
        node["interfaces"] = endpoint.interfaces
            .sorted { (vpc.subnet($0.subnetID)?.availabilityZone ?? "", $0.subnetID) < (vpc.subnet($1.subnetID)?.availabilityZone ?? "", $1.subnetID) }
            .map { interface -> Node in
                let subnet = vpc.subnet(interface.subnetID)
                var n: Node = ["subnet": ref(interface.subnetID, name: subnet?.name), "ip": MarkdownText(interface.ip.description)]
                n["zone"] = optional(subnet.map { MarkdownText($0.availabilityZone) })
                n["networkInterface"] = optional(interface.networkInterfaceID.map { eni in MarkdownText(eni) })
                n["unknown"] = false
                return n
            } + endpoint.unknownIPSubnetIDs.map { id -> Node in
                let subnet = vpc.subnet(id)
                var n: Node = ["subnet": ref(id, name: subnet?.name), "ip": NoValue(), "networkInterface": NoValue(), "unknown": true]
                n["zone"] = optional(subnet.map { MarkdownText($0.availabilityZone) })
                return n
            }
        let allIPs = endpoint.interfaces.map(\.ip).sorted()
        node["dnsNames"] = endpoint.dnsNames(in: vpc).map { name -> Node in
            var n: Node = ["name": MarkdownText(name.name), "regional": false, "zonal": NoValue(), "privateDNS": false, "wildcard": false,
                           "zone": NoValue()]
            switch name.scope {
            case .regional:
                n["regional"] = true
                n["ips"] = texts(allIPs)
            case .zonal(let zone):
                n["zonal"] = MarkdownText(zone)
                n["ips"] = texts(endpoint.interfaces.filter { vpc.subnet($0.subnetID)?.availabilityZone == zone }.map(\.ip).sorted())
            case .privateDNS:
                n["privateDNS"] = true
                n["ips"] = texts(allIPs)
                n["wildcard"] = name.name.hasPrefix("*.")
            }
            return n
        } + aliasRecordNames(of: endpoint.id, ips: allIPs)
        node["policy"] = policyNode(endpoint.policy)
        return node
    }

    /// Names that private hosted zones alias to the endpoint, as rows of its DNS names table.
    func aliasRecordNames(of endpointID: String, ips: [IPAddress]) -> [Node] {
        (aliasRecords[endpointID] ?? []).map { zone, record -> Node in
            ["name": MarkdownText(record.name), "regional": false, "zonal": NoValue(), "privateDNS": false, "wildcard": false,
             "zone": ref(zone.id, name: zone.name), "ips": texts(ips)]
        }
    }

    mutating func gatewayEndpointNode(_ endpoint: GatewayEndpoint, in vpc: VPC) -> Node {
        var node = anchored(endpoint.id, [
            "displayName": MarkdownText(endpoint.displayName),
            "service": MarkdownText(endpoint.service.fullName),
            "serviceShortName": MarkdownText(endpoint.service.shortName),
            "vpc": vpcRef(vpc.id),
        ])
        node["name"] = optional(endpoint.name.map { name in MarkdownText(name) })
        node["serviceRegion"] = optional(endpoint.service.region.map { region in MarkdownText(region) })
        node["prefixList"] = optional(endpoint.prefixListID.map { list in MarkdownText(list) })
        node["routeTables"] = endpoint.routeTableIDs.map { id -> Node in
            let table = vpc.routeTables.first { $0.id == id }
            var n = ref(id, name: table?.name)
            let routes = table.map { vpc.effectiveRoutes(of: $0).filter { $0.target.id == endpoint.id } } ?? []
            n["routes"] = routes.map { route -> Node in
                ["destination": MarkdownText(route.destination.description), "target": MarkdownText(endpoint.id), "blackhole": route.state == .blackhole,
                 "implied": !(table?.routes.contains(route) ?? false)]
            }
            n["unknown"] = table == nil
            return n
        }
        node["policy"] = policyNode(endpoint.policy)
        return node
    }

    /// The policy: default (nil), a statement summary, and the JSON for a `<details>` block.
    func policyNode(_ policy: String?) -> Node {
        guard let policy else { return ["isDefault": true] }
        var node: Node = ["isDefault": false, "unreadable": false, "json": MarkdownFragment(MarkdownEscaping.html(preformatted(policy)))]
        if let summary = PolicySummary(json: policy) {
            node["statements"] = summary.statements.map { s -> Node in
                var n: Node = [
                    "effect": MarkdownText(s.effect),
                    "allow": s.effect == "Allow",
                    "principals": texts(s.principals),
                    "actions": texts(s.actions),
                    "resources": texts(s.resources),
                    "negated": s.negated,
                    "conditions": texts(s.conditionKeys),
                ]
                n["sid"] = optional(s.sid.map { sid in MarkdownText(sid) })
                return n
            }
        } else {
            node["unreadable"] = true
            node["statements"] = [Node]()
        }
        return node
    }

    /// Policy text for a `<pre>` block: as written when it has several lines; a one-line JSON
    /// document is indented (keys in sorted order, so the output is stable). Trailing spaces trimmed,
    /// tabs as two spaces, no leading or trailing blank lines.
    func preformatted(_ text: String) -> String {
        var text = text
        if !text.trimmingSpaces.contains("\n"), let data = text.data(using: .utf8),
           let object = try? JSONSerialization.jsonObject(with: data),
           let pretty = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) {
            text = String(decoding: pretty, as: UTF8.self)
        }
        var lines = text.replacingTabs.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.reversed().drop(while: { $0 == " " || $0 == "\r" }).reversed())
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}

extension String {
    var replacingTabs: String {
        contains("\t") ? split(separator: "\t", omittingEmptySubsequences: false).joined(separator: "  ") : self
    }
}
