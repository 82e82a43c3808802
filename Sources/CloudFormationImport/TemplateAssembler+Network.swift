import VPCModel

/// Network ACLs, DHCP option sets, egress-only internet gateways, IPv6 blocks, transit gateway route
/// tables, prefix lists and VPCs outside the template.
extension TemplateAssembler {
    mutating func buildNetworkFacts() {
        for r in of("AWS::EC2::EgressOnlyInternetGateway") {
            guard let vpc = reference(r, "VpcId", types: ["AWS::EC2::VPC"], consequence: "the gateway is left out") else { continue }
            let gateway = EgressOnlyInternetGateway(id: modelID(r.id), name: r.nameTag, origin: r.origin)
            vpcs[vpc]?.egressOnlyInternetGateway = gateway
        }
        for r in of("AWS::EC2::DHCPOptions") {
            dhcpOptions[r.id] = DHCPOptions(id: modelID(r.id), name: r.nameTag, domainName: r["DomainName"]?.string,
                                            domainNameServers: (r["DomainNameServers"]?.list ?? []).compactMap(\.string),
                                            ntpServers: (r["NtpServers"]?.list ?? []).compactMap(\.string), origin: r.origin)
        }
        for r in of("AWS::EC2::VPCDHCPOptionsAssociation") {
            let consequence = "the association is left out"
            guard let vpc = reference(r, "VpcId", types: ["AWS::EC2::VPC"], consequence: consequence),
                  let options = reference(r, "DhcpOptionsId", types: ["AWS::EC2::DHCPOptions"], consequence: consequence) else { continue }
            let value = dhcpOptions[options]
            vpcs[vpc]?.dhcpOptions = value
        }
        for r in of("AWS::EC2::NetworkAcl") {
            guard let vpc = reference(r, "VpcId", types: ["AWS::EC2::VPC"], consequence: "the network ACL is left out") else { continue }
            let acl = NetworkACL(id: modelID(r.id), name: r.nameTag, origin: r.origin)
            vpcs[vpc]?.networkACLs.append(acl)
            vpcOf[r.id] = vpc
        }
        for r in of("AWS::EC2::NetworkAclEntry") {
            guard let acl = reference(r, "NetworkAclId", types: ["AWS::EC2::NetworkAcl"], consequence: "the entry is left out"),
                  let vpc = vpcOf[acl], let i = vpcs[vpc]?.networkACLs.firstIndex(where: { $0.id == modelID(acl) }),
                  let number = r["RuleNumber"]?.int, let protocolText = r["Protocol"]?.string, let ipProtocol = IPProtocol(protocolText) else {
                if r["RuleNumber"]?.int == nil || r["Protocol"]?.string.flatMap(IPProtocol.init) == nil {
                    warning("\(r.display): 'RuleNumber' or 'Protocol' is missing or unknown; the entry is left out", at: r.location, rule: "cfn-missing-property")
                }
                continue
            }
            let cidrKey = r["Ipv6CidrBlock"] != nil ? "Ipv6CidrBlock" : "CidrBlock"
            guard let cidr = cidr(r, cidrKey, consequence: "the entry is left out") else { continue }
            let range: TrafficRange
            if ipProtocol.isICMP, let icmp = r["Icmp"] {
                range = TrafficRange(ipProtocol: ipProtocol, fromPort: icmp["Type"]?.int, toPort: icmp["Code"]?.int)
            } else {
                range = TrafficRange(ipProtocol: ipProtocol, fromPort: r["PortRange"]?["From"]?.int, toPort: r["PortRange"]?["To"]?.int)
            }
            let action: NetworkACLRule.Action = r["RuleAction"]?.string?.lowercased() == "deny" ? .deny : .allow
            let rule = NetworkACLRule(ruleNumber: number, action: action, ipProtocol: ipProtocol, range: range, cidr: cidr, origin: r.origin)
            if r["Egress"]?.bool == true { vpcs[vpc]!.networkACLs[i].egress.append(rule) } else { vpcs[vpc]!.networkACLs[i].ingress.append(rule) }
        }
        for r in of("AWS::EC2::SubnetNetworkAclAssociation") {
            let consequence = "the association is left out"
            guard let subnet = reference(r, "SubnetId", types: ["AWS::EC2::Subnet"], consequence: consequence),
                  let acl = reference(r, "NetworkAclId", types: ["AWS::EC2::NetworkAcl"], consequence: consequence),
                  let vpc = vpcOf[acl], let i = vpcs[vpc]?.networkACLs.firstIndex(where: { $0.id == modelID(acl) }) else { continue }
            let id = modelID(subnet)
            vpcs[vpc]!.networkACLs[i].subnetIDs.append(id)
        }
        for id in vpcOrder {
            for i in vpcs[id]?.networkACLs.indices ?? 0..<0 {
                vpcs[id]!.networkACLs[i].ingress.sort { $0.ruleNumber < $1.ruleNumber }
                vpcs[id]!.networkACLs[i].egress.sort { $0.ruleNumber < $1.ruleNumber }
            }
        }
        for r in of("AWS::EC2::SubnetCidrBlock") {
            guard let subnet = reference(r, "SubnetId", types: ["AWS::EC2::Subnet"], consequence: "the block is left out"),
                  let vpc = vpcOf[subnet], let i = vpcs[vpc]?.subnets.firstIndex(where: { $0.id == modelID(subnet) }) else { continue }
            if let c = ipv6(r, "Ipv6CidrBlock") { vpcs[vpc]!.subnets[i].ipv6CIDRs.append(c) }
        }
        for r in of("AWS::EC2::PrefixList") {
            let entries = (r["Entries"]?.list ?? []).compactMap { e -> PrefixListEntry? in
                guard let c = e["Cidr"]?.string.flatMap(CIDR.init) else { return nil }
                return PrefixListEntry(cidr: c, description: e["Description"]?.string, origin: Origin(e.location))
            }
            prefixLists.append(PrefixList(id: modelID(r.id), name: r.nameTag ?? r["PrefixListName"]?.string, addressFamily: r["AddressFamily"]?.string,
                                          maxEntries: r["MaxEntries"]?.int, entries: entries, origin: r.origin))
        }
        buildTransitGatewayRouteTables()
    }

    /// An IPv6 block written in the template; nil (with a note) when AWS assigns it.
    mutating func ipv6(_ r: TemplateResource, _ property: String) -> CIDR? {
        guard let value = r[property] else { return nil }
        guard let text = value.string else {
            note("\(r.display): the IPv6 block is \(value.summary), assigned at deployment; not drawn", at: value.location, rule: "cfn-unknown-value")
            return nil
        }
        guard let c = CIDR(text) else {
            error("\(r.display): '\(property)' '\(IDRules.escaped(text))' is not a CIDR block", at: value.location, rule: "invalid-cidr")
            return nil
        }
        return c
    }

    mutating func buildTransitGatewayRouteTables() {
        var tableOf: [String: (tgw: String, index: Int)] = [:]
        for r in of("AWS::EC2::TransitGatewayRouteTable") {
            guard let tgw = reference(r, "TransitGatewayId", types: ["AWS::EC2::TransitGateway"], consequence: "the route table is left out"),
                  transitGateways[tgw] != nil else { continue }
            let table = TransitGatewayRouteTable(id: modelID(r.id), name: r.nameTag, origin: r.origin)
            transitGateways[tgw]!.routeTables.append(table)
            tableOf[r.id] = (tgw, transitGateways[tgw]!.routeTables.count - 1)
        }
        let attachmentTypes = ["AWS::EC2::TransitGatewayAttachment", "AWS::EC2::TransitGatewayVpcAttachment", "AWS::EC2::TransitGatewayPeeringAttachment"]
        for r in of("AWS::EC2::TransitGatewayRoute") {
            let consequence = "the route is left out"
            guard let table = reference(r, "TransitGatewayRouteTableId", types: ["AWS::EC2::TransitGatewayRouteTable"], consequence: consequence),
                  let (tgw, index) = tableOf[table], let c = cidr(r, "DestinationCidrBlock", consequence: consequence) else { continue }
            let blackhole = r["Blackhole"]?.bool == true
            var attachments: [String] = []
            if !blackhole, let a = reference(r, "TransitGatewayAttachmentId", types: attachmentTypes, consequence: consequence) { attachments = [modelID(a)] }
            if !blackhole && attachments.isEmpty { continue }
            let route = TransitGatewayRoute(destination: .cidr(c), attachmentIDs: attachments, state: blackhole ? .blackhole : .active, origin: r.origin)
            transitGateways[tgw]!.routeTables[index].routes.append(route)
        }
        for (type, propagation) in [("AWS::EC2::TransitGatewayRouteTableAssociation", false), ("AWS::EC2::TransitGatewayRouteTablePropagation", true)] {
            for r in of(type) {
                let consequence = "the \(propagation ? "propagation" : "association") is left out"
                guard let table = reference(r, "TransitGatewayRouteTableId", types: ["AWS::EC2::TransitGatewayRouteTable"], consequence: consequence),
                      let (tgw, index) = tableOf[table],
                      let a = reference(r, "TransitGatewayAttachmentId", types: attachmentTypes, consequence: consequence) else { continue }
                let id = modelID(a)
                if propagation { transitGateways[tgw]!.routeTables[index].propagations.append(id) } else { transitGateways[tgw]!.routeTables[index].associations.append(id) }
            }
        }
    }

    /// A VPC a peering reaches that the template does not hold: written as an id (`vpc-0123…`),
    /// or an output of another stack (`!ImportValue`), drawn as a VPC outside the topology.
    mutating func externalVPC(_ r: TemplateResource, _ property: String) -> String? {
        guard let value = r[property] else { return nil }
        let id: String, name: String?
        switch value.kind {
        case .string(let literal):
            id = literal
            name = nil
        case .imported(let export):
            let cleaned = String(export.unicodeScalars.map { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) ? Character($0) : "-" })
            id = "vpc-import-" + cleaned
            name = "!ImportValue \(export)"
        default:
            return nil
        }
        if !externalVPCs.contains(where: { $0.id == id }) {
            externalVPCs.append(ExternalVPC(id: id, name: name, ownerID: r["PeerOwnerId"]?.string, region: r["PeerRegion"]?.string, origin: Origin(value.location, fields: ["id": value.location])))
        }
        return id
    }
}
