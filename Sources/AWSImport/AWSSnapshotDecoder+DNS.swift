import VPCModel

/// Route 53 and Route 53 Resolver outputs.
extension AWSSnapshotDecoder {
    mutating func resolverEndpoint(_ n: JSONNode) -> AWSSnapshot.ResolverEndpointFacts? {
        guard let id = required(n, "Id", "Resolver endpoint") else { return nil }
        guard let vpc = reference(n, "HostVPCId") else { _ = required(n, "HostVPCId", "Resolver endpoint", id: id); return nil }
        if isGone(n, "Status", what: "Resolver endpoint", id: id) { return nil }
        let direction: ResolverEndpoint.Direction
        switch n.state("Direction") {
        case "inbound": direction = .inbound
        case "outbound": direction = .outbound
        default:
            warn("Resolver endpoint '\(id)' has direction '\(n.string("Direction") ?? "")', which vpcgraph does not draw; skipped",
                 at: n.location(of: "Direction"))
            return nil
        }
        let endpoint = ResolverEndpoint(id: id, name: n.string("Name"), direction: direction,
                                        securityGroupIDs: n.strings("SecurityGroupIds"), origin: Origin(n.location))
        return AWSSnapshot.ResolverEndpointFacts(endpoint: endpoint, vpc: vpc, arnRegion: Self.region(ofARN: n.string("Arn")),
                                                 ipAddressCount: n.int("IpAddressCount"))
    }

    mutating func resolverIPAddress(_ n: JSONNode) -> (ipID: String?, interface: EndpointInterface)? {
        if let status = n.state("Status"), status.hasPrefix("delet") || status == "detaching" { return nil }
        guard let subnet = required(n, "SubnetId", "Resolver endpoint address") else { return nil }
        guard let text = n.string("Ip") ?? n.string("Ipv6") else {
            warn("Resolver endpoint address has no 'Ip'; skipped", at: n.location(of: "Ip"), rule: "aws-missing-field")
            return nil
        }
        guard let ip = IPAddress(text) else {
            warn("'\(text)' is not an IP address; Resolver endpoint address skipped", at: n.location(of: "Ip"), rule: "aws-bad-value")
            return nil
        }
        return (n.string("IpId"), EndpointInterface(subnetID: subnet, ip: ip,
                                                    origin: Origin(n.location, fields: ["subnet": n.location(of: "SubnetId"), "ip": n.location(of: "Ip")])))
    }

    mutating func resolverRule(_ n: JSONNode) -> AWSSnapshot.ResolverRuleFacts? {
        guard let id = required(n, "Id", "Resolver rule") else { return nil }
        // SYSTEM and RECURSIVE rules (among them AWS's own `Internet Resolver`) forward nothing.
        guard n.state("RuleType") == "forward" else { return nil }
        if isGone(n, "Status", what: "Resolver rule", id: id) { return nil }
        guard let domain = required(n, "DomainName", "Resolver rule", id: id) else { return nil }
        var targets: [IPAddress] = []
        for t in n["TargetIps"]?.elements ?? [] {
            guard let text = t.string("Ip") ?? t.string("Ipv6") else { continue }
            if let ip = IPAddress(text) {
                targets.append(ip)
            } else {
                warn("'\(text)' is not an IP address; target of Resolver rule '\(id)' skipped", at: t.location(of: "Ip"), rule: "aws-bad-value")
            }
        }
        let rule = ResolverRule(id: id, name: n.string("Name"), domain: Self.domain(domain), resolverEndpointID: n.string("ResolverEndpointId"),
                                targetIPs: targets, origin: Origin(n.location))
        return AWSSnapshot.ResolverRuleFacts(rule: rule, arnRegion: Self.region(ofARN: n.string("Arn")))
    }

    mutating func resolverRuleAssociation(_ n: JSONNode) -> AWSSnapshot.ResolverRuleAssociationFacts? {
        if let status = n.state("Status"), status == "deleting" || status == "failed" { return nil }
        guard let rule = required(n, "ResolverRuleId", "Resolver rule association"),
              let vpc = reference(n, "VPCId") else { return nil }
        return AWSSnapshot.ResolverRuleAssociationFacts(ruleID: rule, vpc: vpc)
    }

    mutating func hostedZone(_ n: JSONNode, vpcs: JSONNode?) -> AWSSnapshot.HostedZoneFacts? {
        guard let id = required(n, "Id", "hosted zone"), let name = required(n, "Name", "hosted zone", id: id) else { return nil }
        let associated = vpcs.map { list in
            list.elements.compactMap { v in
                reference(v, "VPCId").map { (reference: $0, region: v.string("VPCRegion")) }
            }
        }
        return AWSSnapshot.HostedZoneFacts(zoneID: Self.zoneID(id), name: Self.domain(name), isPrivate: n["Config"]?.bool("PrivateZone"),
                                           vpcs: associated)
    }

    /// Records as the model holds them; the zone's own SOA and NS records are AWS's and left out.
    mutating func recordSets(_ items: [JSONNode], fileName: String, location: SourceLocation) -> AWSSnapshot.RecordSetList {
        var records: [DNSRecord] = []
        let apex = items.filter { $0.string("Type") == "SOA" }.compactMap { $0.string("Name") }.map(Self.domain)
        for n in items {
            guard let rawName = required(n, "Name", "record set"), let type = required(n, "Type", "record set") else { continue }
            let name = Self.domain(rawName)
            if type == "SOA" || (type == "NS" && apex.contains(name)) { continue }
            let value: DNSRecord.Value
            if let alias = n["AliasTarget"] {
                guard let target = required(alias, "DNSName", "alias record '\(name)'") else { continue }
                value = .values([Self.domain(target)])
            } else {
                let values = (n["ResourceRecords"]?.elements ?? []).compactMap { $0.string("Value") }
                guard !values.isEmpty else {
                    warn("record '\(name)' (\(type)) has neither 'ResourceRecords' nor 'AliasTarget'; skipped", at: n.location, rule: "aws-missing-field")
                    continue
                }
                value = .values(values)
            }
            records.append(DNSRecord(name: name, type: type, value: value, origin: Origin(n.location)))
        }
        return AWSSnapshot.RecordSetList(fileName: fileName, records: records, apexNames: apex, location: location)
    }
}
