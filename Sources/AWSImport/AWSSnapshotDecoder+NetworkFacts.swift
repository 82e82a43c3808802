import VPCModel

/// Network ACLs, DHCP option sets, egress-only internet gateways, transit gateway route tables,
/// customer-managed prefix lists, VPC Lattice endpoints and interface endpoint options.
extension AWSSnapshotDecoder {
    /// A customer-managed list of `describe-managed-prefix-lists`; nil for AWS-managed ones and for
    /// `describe-prefix-lists` items (no `OwnerId`).
    mutating func managedPrefixList(_ n: JSONNode) -> PrefixList? {
        guard let id = n.string("PrefixListId"), let owner = n.string("OwnerId"), owner != "AWS",
              n.string("AddressFamily") != nil, !(n.string("PrefixListName") ?? "").hasPrefix("com.amazonaws.") else { return nil }
        if isGone(n, what: "prefix list", id: id) { return nil }
        return PrefixList(id: id, name: n.nameTag ?? n.string("PrefixListName"), addressFamily: n.string("AddressFamily"),
                          maxEntries: n.int("MaxEntries"), ownerID: owner, origin: Origin(n.location))
    }

    mutating func networkACL(_ n: JSONNode) -> AWSSnapshot.NetworkACLFacts? {
        guard let id = required(n, "NetworkAclId", "network ACL") else { return nil }
        guard let vpc = reference(n, "VpcId") else { _ = required(n, "VpcId", "network ACL", id: id); return nil }
        var acl = NetworkACL(id: id, name: n.nameTag, isDefault: n.bool("IsDefault") ?? false,
                             subnetIDs: (n["Associations"]?.elements ?? []).compactMap { $0.string("SubnetId") }.sorted(), origin: Origin(n.location))
        for entry in n["Entries"]?.elements ?? [] {
            guard let rule = networkACLRule(entry, acl: id) else { continue }
            if entry.bool("Egress") == true { acl.egress.append(rule) } else { acl.ingress.append(rule) }
        }
        // Evaluated in rule-number order; IPv4 before IPv6 for the two default rules sharing 32767.
        func order(_ a: NetworkACLRule, _ b: NetworkACLRule) -> Bool { (a.ruleNumber, a.cidr) < (b.ruleNumber, b.cidr) }
        acl.ingress.sort(by: order)
        acl.egress.sort(by: order)
        return AWSSnapshot.NetworkACLFacts(acl: acl, vpc: vpc)
    }

    mutating func networkACLRule(_ e: JSONNode, acl: String) -> NetworkACLRule? {
        guard let number = e.int("RuleNumber") else {
            warn("network ACL entry of '\(acl)' has no 'RuleNumber'; skipped", at: e.location(of: "RuleNumber"), rule: "aws-missing-field")
            return nil
        }
        let what = "rule \(number) of network ACL '\(acl)'"
        guard let action = e.state("RuleAction").flatMap(NetworkACLRule.Action.init) else {
            warn("\(what) has no 'RuleAction' allow or deny; skipped", at: e.location(of: "RuleAction"), rule: "aws-missing-field")
            return nil
        }
        let key = e.string("CidrBlock") != nil ? "CidrBlock" : "Ipv6CidrBlock"
        guard let block = cidr(e, key, what: what) else {
            if e.string(key) == nil { warn("\(what) has no 'CidrBlock'; skipped", at: e.location(of: "CidrBlock"), rule: "aws-missing-field") }
            return nil
        }
        let text = e.string("Protocol") ?? e.int("Protocol").map(String.init) ?? "-1"
        guard let ipProtocol = IPProtocol(text) else {
            warn("\(what) is for protocol '\(text)', which is not a protocol name or number 0-255; skipped", at: e.location(of: "Protocol"), rule: "aws-bad-value")
            return nil
        }
        var range = TrafficRange.all
        if ipProtocol.hasPorts, let ports = e["PortRange"] {
            range = TrafficRange(ipProtocol: ipProtocol, fromPort: ports.int("From"), toPort: ports.int("To"))
        } else if ipProtocol.isICMP, let icmp = e["IcmpTypeCode"] {
            range = icmp.int("Type") == -1 ? .all : TrafficRange(ipProtocol: ipProtocol, fromPort: icmp.int("Type"), toPort: icmp.int("Code"))
        }
        return NetworkACLRule(ruleNumber: number, action: action, ipProtocol: ipProtocol, range: range, cidr: block, origin: Origin(e.location))
    }

    mutating func dhcpOptions(_ n: JSONNode) -> DHCPOptions? {
        guard let id = required(n, "DhcpOptionsId", "DHCP option set") else { return nil }
        var options = DHCPOptions(id: id, name: n.nameTag, origin: Origin(n.location))
        for configuration in n["DhcpConfigurations"]?.elements ?? [] {
            let values = (configuration["Values"]?.elements ?? []).compactMap { $0.string("Value") }
            switch configuration.string("Key") {
            case "domain-name": options.domainName = values.first
            case "domain-name-servers": options.domainNameServers = values
            case "ntp-servers": options.ntpServers = values
            default: break
            }
        }
        return options
    }

    mutating func egressOnlyInternetGateway(_ n: JSONNode) -> AWSSnapshot.EgressOnlyInternetGatewayFacts? {
        guard let id = required(n, "EgressOnlyInternetGatewayId", "egress-only internet gateway") else { return nil }
        let vpcs = (n["Attachments"]?.elements ?? []).filter { a in
            let state = a.state("State") ?? "attached"
            if Self.goneStates.contains(state) {
                snapshot.goneResources.append(AWSSnapshot.GoneResource(what: "egress-only internet gateway", id: id, state: state,
                                                                       detail: a.string("VpcId").map { " from VPC '\($0)'" } ?? "", location: a.location(of: "State")))
            }
            return state == "attached" || state == "attaching"
        }.compactMap { reference($0, "VpcId") }
        return AWSSnapshot.EgressOnlyInternetGatewayFacts(gateway: EgressOnlyInternetGateway(id: id, name: n.nameTag, origin: Origin(n.location)), vpcs: vpcs)
    }

    mutating func transitGatewayRouteTable(_ n: JSONNode) -> AWSSnapshot.TransitGatewayRouteTableFacts? {
        guard let id = required(n, "TransitGatewayRouteTableId", "transit gateway route table"),
              let tgw = required(n, "TransitGatewayId", "transit gateway route table", id: id) else { return nil }
        if isGone(n, what: "transit gateway route table", id: id) { return nil }
        let table = TransitGatewayRouteTable(id: id, name: n.nameTag, isDefaultAssociation: n.bool("DefaultAssociationRouteTable") ?? false,
                                             isDefaultPropagation: n.bool("DefaultPropagationRouteTable") ?? false, origin: Origin(n.location))
        return AWSSnapshot.TransitGatewayRouteTableFacts(table: table, transitGatewayID: tgw)
    }

    mutating func transitGatewayRoute(_ r: JSONNode, fileName: String) -> TransitGatewayRoute? {
        let destination: Route.Destination
        if r.string("DestinationCidrBlock") != nil {
            guard let c = cidr(r, "DestinationCidrBlock", what: "transit gateway route in '\(fileName)'") else { return nil }
            destination = .cidr(c)
        } else if let list = r.string("PrefixListId") {
            destination = .prefixList(list)
        } else {
            warn("transit gateway route in '\(fileName)' has no destination; skipped", at: r.location, rule: "aws-missing-field")
            return nil
        }
        let state = r.state("State") ?? "active"
        if Self.goneStates.contains(state) { return nil }
        // AWS gives a list; a single object (as some emulators serialise one attachment) is read as a list of one.
        let members = r["TransitGatewayAttachments"].map { $0.isArray ? $0.elements : [$0] } ?? []
        let attachments = members.compactMap { $0.string("TransitGatewayAttachmentId") }
        return TransitGatewayRoute(destination: destination, attachmentIDs: attachments,
                                   kind: r.state("Type") == "propagated" ? .propagated : .static,
                                   state: state == "blackhole" ? .blackhole : .active, origin: Origin(r.location))
    }

    static func latticeKind(_ type: String?) -> LatticeEndpoint.Kind? {
        switch type {
        case "resource": .resource
        case "servicenetwork": .serviceNetwork
        default: nil
        }
    }

    mutating func latticeEndpoint(_ n: JSONNode, id: String, kind: LatticeEndpoint.Kind) -> LatticeEndpoint {
        var endpoint = LatticeEndpoint(
            id: id, name: n.nameTag, kind: kind, serviceNetworkARN: n.string("ServiceNetworkArn"),
            resourceConfigurationARN: n.string("ResourceConfigurationArn"), subnetIDs: n.strings("SubnetIds"),
            securityGroupIDs: (n["Groups"]?.elements ?? []).compactMap { $0.string("GroupId") }, privateDNS: n.bool("PrivateDnsEnabled") ?? false,
            dnsNames: (n["DnsEntries"]?.elements ?? []).compactMap { $0.string("DnsName") }.map(Self.domain),
            ipAddressType: n.string("IpAddressType"), origin: Origin(n.location))
        endpoint.pendingState = n.string("State").flatMap(PendingState.init(aws:))
        return endpoint
    }

    /// `IpAddressType`, `DnsOptions`, `RequesterManaged` and the private DNS names of an interface endpoint.
    mutating func interfaceEndpointOptions(_ n: JSONNode, into endpoint: inout InterfaceEndpoint) {
        endpoint.ipAddressType = n.string("IpAddressType").flatMap { ["ipv4", "dualstack", "ipv6"].contains($0) ? $0 : nil }
        if let options = n["DnsOptions"] {
            endpoint.dnsRecordIPType = options.string("DnsRecordIpType").flatMap { ["ipv4", "dualstack", "ipv6", "service-defined"].contains($0) ? $0 : nil }
            endpoint.privateDNSOnlyForInboundResolverEndpoint = options.bool("PrivateDnsOnlyForInboundResolverEndpoint")
        }
        endpoint.requesterManaged = n.bool("RequesterManaged") ?? false
        // PrivateDnsNames (several for some services); the first is the endpoint's private DNS name, as DnsEntries give it.
        let names = (n["PrivateDnsNames"]?.elements ?? []).compactMap { $0.string("PrivateDnsName") }.map(Self.domain)
        if names.count > 1 { endpoint.additionalPrivateDNSNames = Array(names.dropFirst()) }
    }

    /// An item of `directconnect describe-direct-connect-gateways`.
    mutating func directConnectGateway(_ n: JSONNode) -> AWSSnapshot.DirectConnectGatewayFacts? {
        guard let id = required(n, "directConnectGatewayId", "Direct Connect gateway") else { return nil }
        if isGone(n, "directConnectGatewayState", what: "Direct Connect gateway", id: id) { return nil }
        return AWSSnapshot.DirectConnectGatewayFacts(id: id, name: n.string("directConnectGatewayName"), asn: n.int("amazonSideAsn"))
    }

    /// An item of `directconnect describe-direct-connect-gateway-associations`: the associated gateway
    /// (`associatedGateway`, or the older `virtualGatewayId`) and the prefixes it advertises.
    mutating func directConnectAssociation(_ n: JSONNode) -> AWSSnapshot.DirectConnectAssociationFacts? {
        guard let dx = required(n, "directConnectGatewayId", "Direct Connect gateway association") else { return nil }
        guard let gateway = n["associatedGateway"]?.string("id") ?? n.string("virtualGatewayId") else {
            warn("Direct Connect gateway association of '\(dx)' names no 'associatedGateway'; skipped", at: n.location(of: "associatedGateway"), rule: "aws-missing-field")
            return nil
        }
        let id = n.string("associationId") ?? "\(dx)/\(gateway)"
        if let state = n.state("associationState"), state == "disassociated" || state == "disassociating" {
            snapshot.goneResources.append(AWSSnapshot.GoneResource(what: "Direct Connect gateway association", id: id, state: state,
                                                                   detail: " of '\(dx)' with '\(gateway)'", location: n.location(of: "associationState")))
            return nil
        }
        let prefixes = (n["allowedPrefixesToDirectConnectGateway"]?.elements ?? []).compactMap { cidr($0, "cidr", what: "allowed prefix of '\(id)'") }
        return AWSSnapshot.DirectConnectAssociationFacts(id: id, directConnectGatewayID: dx, gatewayID: gateway, allowedPrefixes: prefixes.sorted())
    }
}
