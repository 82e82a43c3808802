import VPCModel

// Private hosted zones, Resolver endpoints and rules, and how each kind of client resolves the
// names of each interface endpoint.
extension DocumentBuilder {
    mutating func dnsNode() -> Node {
        var zones: [Node] = [], resolverEndpoints: [Node] = [], rules: [Node] = [], resolutions: [Node] = []
        for region in topology.regions {
            for zone in region.privateHostedZones {
                var node = anchored(zone.id, ["name": MarkdownText(zone.name), "region": MarkdownText(region.name)])
                node["zoneID"] = optional(zone.zoneID.map { id in MarkdownText(id) })
                node["vpcs"] = zone.vpcIDs.map(vpcRef)
                node["records"] = zone.records.map { record -> Node in
                    var r: Node = ["name": MarkdownText(record.name), "type": MarkdownText(record.type)]
                    switch record.value {
                    case .endpointAlias(let id):
                        r["aliasEndpoint"] = ref(id, name: topology.interfaceEndpoint(id)?.endpoint.name)
                        let target = topology.interfaceEndpoint(id)
                        r["aliasName"] = optional(target.flatMap { $0.endpoint.regionalDNSName(in: $0.vpc) }.map(MarkdownText.init))
                        r["ips"] = texts(target?.endpoint.interfaces.map(\.ip).sorted() ?? [])
                    case .values(let values):
                        r["values"] = texts(values)
                    }
                    return r
                }
                zones.append(node)
            }
            for vpc in region.vpcs {
                for endpoint in vpc.resolverEndpoints { resolverEndpoints.append(resolverEndpointNode(endpoint, in: vpc)) }
            }
            for rule in region.resolverRules {
                var node = anchored(rule.id, ["domain": MarkdownText(rule.domain), "region": MarkdownText(region.name)])
                node["name"] = optional(rule.name.map { name in MarkdownText(name) })
                node["endpoint"] = optional(rule.resolverEndpointID.map { id in ref(id) })
                node["targets"] = texts(rule.targetIPs)
                node["vpcs"] = rule.vpcIDs.map(vpcRef)
                rules.append(node)
            }
        }
        for (_, vpc) in topology.allVPCs {
            for endpoint in vpc.interfaceEndpoints { resolutions.append(resolutionNode(endpoint, in: vpc)) }
        }
        let forwarding = topology.onPremises.filter { !$0.forwardingRules.isEmpty }.map { network -> Node in
            var node = ref(network.id, name: network.name)
            node["dnsServers"] = texts(network.dnsServers)
            node["rules"] = network.forwardingRules.map { rule -> Node in
                ["domain": MarkdownText(rule.domain), "targets": rule.targets.map(forwardingTarget)]
            }
            return node
        }
        return [
            "zones": zones, "resolverEndpoints": resolverEndpoints, "resolverRules": rules, "forwarding": forwarding,
            "resolutions": resolutions,
        ]
    }

    /// A forwarding target: a link to a Resolver endpoint with its IPs, or an IP.
    func forwardingTarget(_ target: ForwardingRule.Target) -> Node {
        switch target {
        case .resolverEndpoint(let id):
            var node = ref(id, name: topology.resolverEndpoint(id)?.endpoint.name)
            node["resolverEndpoint"] = true
            node["ips"] = texts(topology.resolverEndpoint(id)?.endpoint.ipAddresses.map(\.ip) ?? [])
            return node
        case .ip(let ip):
            return ["ip": MarkdownText(ip.description)]
        }
    }

    mutating func resolverEndpointNode(_ endpoint: ResolverEndpoint, in vpc: VPC) -> Node {
        var node = anchored(endpoint.id, [
            "direction": flags(endpoint.direction.rawValue, among: ["inbound", "outbound"]),
            "vpc": vpcRef(vpc.id),
            "securityGroups": endpoint.securityGroupIDs.map { securityGroupRef($0, in: vpc) },
        ])
        node["name"] = optional(endpoint.name.map { name in MarkdownText(name) })
        node["ips"] = endpoint.ipAddresses.map { address -> Node in
            let subnet = vpc.subnet(address.subnetID)
            var n: Node = ["ip": MarkdownText(address.ip.description), "subnet": ref(address.subnetID, name: subnet?.name)]
            n["zone"] = optional(subnet.map { MarkdownText($0.availabilityZone) })
            n["networkInterface"] = optional(address.networkInterfaceID.map { eni in MarkdownText(eni) })
            return n
        }
        node["unknownIPs"] = endpoint.unknownIPAddressCount == 0 ? NoValue() : endpoint.unknownIPAddressCount as any ViewValue
        return node
    }

    /// How clients resolve the endpoint's names: per name, one entry per client.
    mutating func resolutionNode(_ endpoint: InterfaceEndpoint, in vpc: VPC) -> Node {
        let all = resolver.cachedResolutions(ofInterfaceEndpoint: endpoint.id)
        let names = resolver.clientNames(ofInterfaceEndpoint: endpoint.id)
        var node = ref(endpoint.id, name: endpoint.name)
        node["service"] = MarkdownText(endpoint.service.fullName)
        node["vpc"] = vpcRef(vpc.id)
        node["privateDNS"] = endpoint.privateDNS
        node["regionalName"] = optional(endpoint.regionalDNSName(in: vpc).map { regional in MarkdownText(regional) })
        node["names"] = names.map { name -> Node in
            // Connected VPCs that resolve the same way are one entry.
            var groups: [(key: ResolutionKey, clients: [NameResolution])] = []
            for resolution in all where resolution.name == name {
                let key = ResolutionKey(resolution)
                if case .connectedVPC = resolution.client,
                   let i = groups.firstIndex(where: { group in
                       if case .connectedVPC = group.clients[0].client { return group.key == key }
                       return false
                   }) {
                    groups[i].clients.append(resolution)
                } else {
                    groups.append((key, [resolution]))
                }
            }
            return ["name": MarkdownText(name), "clients": groups.map { clientNode($0.clients, endpointID: endpoint.id) }]
        }
        node["noConnectedVPCs"] = resolver.connectedVPCs(of: vpc.id).isEmpty
        node["noOnPremises"] = topology.onPremises.isEmpty
        return node
    }

    /// Connected VPCs resolving a name alike are listed one by one up to this many.
    static let connectedVPCsListed = 5

    /// One client, or several connected VPCs that resolve the name the same way.
    func clientNode(_ resolutions: [NameResolution], endpointID: String) -> Node {
        let resolution = resolutions[0]
        var node: Node = ["endpointVPC": false, "connectedVPC": false, "onPremises": false, "many": false, "vias": [Node](), "vpcs": [Node]()]
        switch resolution.client {
        case .endpointVPC(let id):
            node["endpointVPC"] = true
            node["vpc"] = vpcRef(id)
        case .connectedVPC:
            node["connectedVPC"] = true
            let pairs = resolutions.compactMap { r -> (vpcID: String, via: String)? in
                guard case .connectedVPC(let id, let via) = r.client else { return nil }
                return (id, via)
            }
            // Up to a few VPCs are named one by one; more are counted, with what connects them.
            node["count"] = pairs.count
            node["many"] = pairs.count > Self.connectedVPCsListed
            node["vpcs"] = pairs.count > Self.connectedVPCsListed ? [Node]() : pairs.map { pair -> Node in
                var vpc = vpcRef(pair.vpcID)
                vpc["via"] = ref(pair.via)
                vpc["viaPeering"] = pair.via.hasPrefix("pcx-")
                return vpc
            }
            var vias: [String] = []
            for pair in pairs where !vias.contains(pair.via) { vias.append(pair.via) }
            node["vias"] = vias.map { via -> Node in
                var n = ref(via)
                n["viaPeering"] = via.hasPrefix("pcx-")
                return n
            }
        case .onPremises(let id):
            node["onPremises"] = true
            node["network"] = ref(id, name: topology.onPremises.first { $0.id == id }?.name)
        }
        node["blocked"] = blockedNodes(resolutions, endpointID: endpointID)
        let group = resolutions.count > 1
        node["steps"] = resolution.steps.map { step -> Node in
            var n = stepNode(step)
            // Several VPCs resolving alike: each asks its own resolver, each has its own endpoint.
            if group, case .vpcResolver = step { n["vpc"] = NoValue() }
            if group, case .endpointPrivateDNS = step { n["endpoint"] = NoValue(); n["own"] = true }
            return n
        }
        var answer = answerNode(resolution.answer, endpointID: endpointID)
        if group, resolution.steps.contains(where: { if case .endpointPrivateDNS = $0 { return true } else { return false } }) {
            answer["own"] = true
            answer["ips"] = [MarkdownText]()
        }
        node["answer"] = answer
        node["reachesEndpoint"] = resolution.reaches(endpointID: endpointID)
        return node
    }

    func stepNode(_ step: NameResolution.Step) -> Node {
        let kinds = ["forwarded", "vpcResolver", "privateHostedZone", "endpointPrivateDNS", "resolverRule", "endpointRegionalName", "publicDNS", "ifForwarded"]
        var base = Node()
        for kind in kinds { base[value: kind] = .bool(false) }
        base[value: "own"] = .bool(false)
        base.merge(stepDetails(step))
        return base
    }

    func stepDetails(_ step: NameResolution.Step) -> Node {
        switch step {
        case .forwarded(let domain, let endpointID, let vpcID, let ips):
            var node: Node = ["forwarded": true, "domain": MarkdownText(domain), "ips": texts(ips)]
            node["resolverEndpoint"] = optional(endpointID.map { ref($0) })
            node["vpc"] = optional(vpcID.map(vpcRef))
            return node
        case .vpcResolver(let vpcID):
            return ["vpcResolver": true, "vpc": vpcRef(vpcID)]
        case .privateHostedZone(let zoneID, let zoneName, let record, let type):
            return ["privateHostedZone": true, "zone": ref(zoneID, name: zoneName), "zoneName": MarkdownText(zoneName),
                    "record": MarkdownText(record), "type": MarkdownText(type)]
        case .endpointPrivateDNS(let endpointID):
            return ["endpointPrivateDNS": true, "endpoint": ref(endpointID)]
        case .resolverRule(let ruleID, let domain, let targets):
            return ["resolverRule": true, "rule": ref(ruleID), "domain": MarkdownText(domain), "targets": texts(targets)]
        case .endpointRegionalName(let endpointID, let name):
            return ["endpointRegionalName": true, "endpoint": ref(endpointID), "name": MarkdownText(name)]
        case .publicDNS:
            return ["publicDNS": true]
        case .ifForwarded(let domain, let endpointID, let vpcID, let ips):
            return ["ifForwarded": true, "domain": MarkdownText(domain), "ips": texts(ips), "resolverEndpoint": ref(endpointID), "vpc": vpcRef(vpcID)]
        }
    }

    func answerNode(_ answer: NameResolution.Answer, endpointID: String) -> Node {
        let kinds = ["endpointIPs", "publicAddresses", "noSuchName", "forwardedOut", "dnsSupportOff", "unknown"]
        var base = Node()
        for kind in kinds { base[value: kind] = .bool(false) }
        base[value: "own"] = .bool(false)
        // A list in every answer (the schema's `values`), empty unless the answer is values.
        base[value: "values"] = .list([])
        base.merge(answerDetails(answer, endpointID: endpointID))
        return base
    }

    func answerDetails(_ answer: NameResolution.Answer, endpointID: String) -> Node {
        switch answer {
        case .endpointIPs(let id, let ips):
            // A records, then AAAA records (dual-stack endpoints).
            return ["endpointIPs": true, "endpoint": ref(id), "ips": texts(ips.filter { $0.family == .v4 }.sorted()),
                    "ipv6s": texts(ips.filter { $0.family == .v6 }.sorted()), "addresses": texts(ips.sorted()), "otherEndpoint": id != endpointID]
        case .publicAddresses:
            return ["publicAddresses": true]
        case .noSuchName(let zoneID):
            return ["noSuchName": true, "zone": ref(zoneID)]
        case .values(let values):
            return ["values": texts(values)]
        case .forwardedOut:
            return ["forwardedOut": true]
        case .dnsSupportOff(let vpcID):
            return ["dnsSupportOff": true, "vpc": vpcRef(vpcID)]
        case .unknown:
            return ["unknown": true]
        }
    }
}

/// What makes two resolutions read the same: the steps (with the asking VPC left out) and the answer.
struct ResolutionKey: Equatable {
    var steps: [NameResolution.Step]
    var answer: NameResolution.Answer

    init(_ resolution: NameResolution) {
        // In a connected VPC, private DNS can only be that VPC's own endpoint for the service:
        // VPCs that each answer from their own endpoint resolve alike.
        var own = false
        steps = resolution.steps.map { step in
            switch step {
            case .vpcResolver: return .vpcResolver(vpcID: "")
            case .endpointPrivateDNS:
                own = true
                return .endpointPrivateDNS(endpointID: "")
            default: return step
            }
        }
        answer = own ? .endpointIPs(endpointID: "", ips: []) : resolution.answer
    }
}
