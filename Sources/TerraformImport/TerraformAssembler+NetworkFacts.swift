import AWSImport
import VPCModel

/// The resources of the model's network facts: egress-only internet gateways, IPv6 blocks, network
/// ACLs, DHCP option sets, transit gateway route tables, customer-managed prefix lists.
let networkFactTypes: Set<String> = [
    "aws_egress_only_internet_gateway", "aws_vpc_ipv6_cidr_block_association", "aws_network_acl", "aws_default_network_acl",
    "aws_network_acl_rule", "aws_network_acl_association", "aws_vpc_dhcp_options", "aws_vpc_dhcp_options_association",
    "aws_default_vpc_dhcp_options", "aws_ec2_transit_gateway_route_table", "aws_ec2_transit_gateway_route_table_association",
    "aws_ec2_transit_gateway_route_table_propagation", "aws_ec2_transit_gateway_route",
    "aws_ec2_managed_prefix_list", "aws_ec2_managed_prefix_list_entry",
]

extension TerraformAssembler {
    mutating func buildNetworkFacts() {
        for i in indices("aws_vpc") {
            if let text = resources[i].values.string("ipv6_cidr_block"), let c = CIDR(text) { vpcs[i]?.ipv6CIDRs.append(c) }
        }
        for i in indices("aws_vpc_ipv6_cidr_block_association") {
            guard let v = reference(i, "vpc_id", ["aws_vpc"], required: true), let text = resources[i].values.string("ipv6_cidr_block"), let c = CIDR(text) else { continue }
            if !(vpcs[v]?.ipv6CIDRs.contains(c) ?? true) { vpcs[v]?.ipv6CIDRs.append(c) }
        }
        for i in indices("aws_subnet") {
            guard let text = resources[i].values.string("ipv6_cidr_block"), let c = CIDR(text) else { continue }
            let subnetID = id(i)
            guard let v = owner[subnetID], let k = vpcs[v]?.subnets.firstIndex(where: { $0.id == subnetID }) else { continue }
            vpcs[v]!.subnets[k].ipv6CIDRs.append(c)
        }
        for i in indices("aws_egress_only_internet_gateway") {
            guard let v = reference(i, "vpc_id", ["aws_vpc"], required: true) else { continue }
            let gateway = EgressOnlyInternetGateway(id: id(i), name: name(resources[i]), origin: origin(resources[i], ["id": "id"]))
            vpcs[v]?.egressOnlyInternetGateway = gateway
        }
        buildNetworkACLs()
        buildDHCPOptions()
        buildTransitGatewayRouteTables()
        buildPrefixLists()
    }

    /// `aws_ec2_managed_prefix_list` (its `entry` blocks) and `aws_ec2_managed_prefix_list_entry`; an
    /// entry both ways is kept once.
    mutating func buildPrefixLists() {
        var lists: [Int: PrefixList] = [:]
        func entry(_ block: TFNode, _ i: Int) -> PrefixListEntry? {
            guard let text = block.string("cidr") else {
                if resources[i].type == "aws_ec2_managed_prefix_list_entry", resources[i].isUnknown("cidr") {
                    error(resources[i], "cidr", "cidr is known only after apply; vpcgraph needs the CIDR", rule: "tf-unknown-value")
                }
                return nil
            }
            guard let c = CIDR(text) else {
                error(resources[i], resources[i].type == "aws_ec2_managed_prefix_list" ? "entry" : "cidr",
                      "prefix list entry '\(IDRules.escaped(text))' is not a CIDR", rule: "tf-invalid-value")
                return nil
            }
            return PrefixListEntry(cidr: c, description: block.string("description").flatMap { $0.isEmpty ? nil : $0 }, origin: Origin(block.location))
        }
        for i in indices("aws_ec2_managed_prefix_list") {
            let r = resources[i]
            var list = PrefixList(id: id(i), name: name(r) ?? r.values.string("name"), addressFamily: r.values.string("address_family"),
                                  maxEntries: r.values.int("max_entries"), ownerID: r.values.string("owner_id"), origin: origin(r, ["id": "id"]))
            list.entries = (r.values["entry"]?.elements ?? []).compactMap { entry($0, i) }
            lists[i] = list
        }
        for i in indices("aws_ec2_managed_prefix_list_entry") {
            guard let l = reference(i, "prefix_list_id", ["aws_ec2_managed_prefix_list"], required: true), let e = entry(resources[i].values, i) else { continue }
            if !(lists[l]?.entries.contains { $0.cidr == e.cidr } ?? true) { lists[l]?.entries.append(e) }
        }
        for l in lists.keys.sorted() { prefixLists.append((l, lists[l]!)) }
    }

    /// A prefix list id attribute: the list of the document it names (its model id), or the id as
    /// written (an AWS-managed list, another state's); in a plan, through the configuration.
    /// `topLevel`: `values` are the resource's own (not an inline block, whose unknowns are not followed).
    mutating func prefixListID(_ i: Int, _ values: TFNode, _ attribute: String, topLevel: Bool) -> String? {
        if let value = values.string(attribute) {
            if let j = byID[value], resources[j].type == "aws_ec2_managed_prefix_list" { return id(j) }
            return value
        }
        guard topLevel, resources[i].isUnknown(attribute) else { return nil }
        return reference(i, attribute, ["aws_ec2_managed_prefix_list"]).map(id)
    }

    func aclRule(_ block: TFNode, number: String, action: String, cidr: String, ipv6: String) -> NetworkACLRule? {
        guard let n = block.int(number), let action = block.string(action).flatMap({ NetworkACLRule.Action(rawValue: $0.lowercased()) }),
              let c = (block.string(cidr) ?? block.string(ipv6)).flatMap(CIDR.init) else { return nil }
        let ipProtocol = IPProtocol(block.string("protocol") ?? "-1") ?? .all
        var from = block.int("from_port"), to = block.int("to_port")
        if ipProtocol == .all { from = nil; to = nil }
        if ipProtocol.isICMP {
            from = block.int("icmp_type"); to = block.int("icmp_code")
            if from == -1 { from = nil; to = nil }
        }
        return NetworkACLRule(ruleNumber: n, action: action, ipProtocol: ipProtocol, range: TrafficRange(ipProtocol: ipProtocol, fromPort: from, toPort: to),
                              cidr: c, origin: Origin(block.location))
    }

    mutating func buildNetworkACLs() {
        var acls: [Int: (v: Int, acl: NetworkACL)] = [:]
        for i in indices("aws_network_acl", "aws_default_network_acl") {
            let r = resources[i]
            var v: Int?
            if r.type == "aws_default_network_acl" {
                if let value = r.values.string("default_network_acl_id") {
                    v = vpcOrder.first { resources[$0].values.string("default_network_acl_id") == value }
                }
                if v == nil, r.isUnknown("default_network_acl_id") { v = reference(i, "default_network_acl_id", ["aws_vpc"]) }
                if v == nil { v = reference(i, "vpc_id", ["aws_vpc"]) }
            } else {
                v = reference(i, "vpc_id", ["aws_vpc"], required: true)
            }
            guard let v else { continue }
            var acl = NetworkACL(id: id(i), name: name(r), isDefault: r.type == "aws_default_network_acl",
                                 subnetIDs: referenceList(i, "subnet_ids", ["aws_subnet"]).map(id), origin: origin(r, ["id": "id"]))
            acl.ingress = (r.values["ingress"]?.elements ?? []).compactMap { aclRule($0, number: "rule_no", action: "action", cidr: "cidr_block", ipv6: "ipv6_cidr_block") }
            acl.egress = (r.values["egress"]?.elements ?? []).compactMap { aclRule($0, number: "rule_no", action: "action", cidr: "cidr_block", ipv6: "ipv6_cidr_block") }
            acls[i] = (v, acl)
        }
        for i in indices("aws_network_acl_rule") {
            guard let a = reference(i, "network_acl_id", ["aws_network_acl", "aws_default_network_acl"], required: true),
                  let rule = aclRule(resources[i].values, number: "rule_number", action: "rule_action", cidr: "cidr_block", ipv6: "ipv6_cidr_block") else { continue }
            if resources[i].values.bool("egress") == true { acls[a]?.acl.egress.append(rule) } else { acls[a]?.acl.ingress.append(rule) }
        }
        for i in indices("aws_network_acl_association") {
            guard let a = reference(i, "network_acl_id", ["aws_network_acl", "aws_default_network_acl"], required: true),
                  let s = reference(i, "subnet_id", ["aws_subnet"], required: true) else { continue }
            let subnetID = id(s)
            if !(acls[a]?.acl.subnetIDs.contains(subnetID) ?? true) { acls[a]?.acl.subnetIDs.append(subnetID) }
        }
        // A subnet has one network ACL: one a non-default ACL names is not the default's (the
        // module's default ACL takes "every subnet minus the dedicated ACLs'", which a plan cannot subtract).
        let dedicated = Set(acls.values.filter { !$0.acl.isDefault }.flatMap(\.acl.subnetIDs))
        for a in acls.keys where acls[a]!.acl.isDefault { acls[a]!.acl.subnetIDs.removeAll { dedicated.contains($0) } }
        for a in acls.keys.sorted() {
            var (v, acl) = acls[a]!
            acl.ingress.sort { $0.ruleNumber < $1.ruleNumber }
            acl.egress.sort { $0.ruleNumber < $1.ruleNumber }
            vpcs[v]?.networkACLs.append(acl)
        }
    }

    mutating func buildDHCPOptions() {
        for i in indices("aws_vpc_dhcp_options_association") {
            guard let v = reference(i, "vpc_id", ["aws_vpc"], required: true),
                  let d = reference(i, "dhcp_options_id", ["aws_vpc_dhcp_options", "aws_default_vpc_dhcp_options"], required: true) else { continue }
            let r = resources[d]
            let options = DHCPOptions(id: id(d), name: name(r), domainName: r.values.string("domain_name"),
                                      domainNameServers: r.values.strings("domain_name_servers"), ntpServers: r.values.strings("ntp_servers"),
                                      origin: origin(r, ["id": "id"]))
            vpcs[v]?.dhcpOptions = options
        }
    }

    mutating func buildTransitGatewayRouteTables() {
        var tables: [Int: (t: Int, table: TransitGatewayRouteTable)] = [:]
        for i in indices("aws_ec2_transit_gateway_route_table") {
            let r = resources[i]
            guard let t = reference(i, "transit_gateway_id", ["aws_ec2_transit_gateway"], required: true) else { continue }
            tables[i] = (t, TransitGatewayRouteTable(id: id(i), name: name(r), isDefaultAssociation: r.values.bool("default_association_route_table") ?? false,
                                                     isDefaultPropagation: r.values.bool("default_propagation_route_table") ?? false,
                                                     origin: origin(r, ["id": "id"])))
        }
        let attachmentTypes = ["aws_ec2_transit_gateway_vpc_attachment", "aws_ec2_transit_gateway_peering_attachment"]
        for i in indices("aws_ec2_transit_gateway_route_table_association", "aws_ec2_transit_gateway_route_table_propagation") {
            guard let k = reference(i, "transit_gateway_route_table_id", ["aws_ec2_transit_gateway_route_table"], required: true),
                  let a = reference(i, "transit_gateway_attachment_id", attachmentTypes, required: true) else { continue }
            let attachmentID = id(a)
            if resources[i].type.hasSuffix("association") { tables[k]?.table.associations.append(attachmentID) } else { tables[k]?.table.propagations.append(attachmentID) }
        }
        for i in indices("aws_ec2_transit_gateway_route") {
            let r = resources[i]
            guard let k = reference(i, "transit_gateway_route_table_id", ["aws_ec2_transit_gateway_route_table"], required: true),
                  let c = cidr(i, "destination_cidr_block") else { continue }
            let blackhole = r.values.bool("blackhole") ?? false
            let attachments = blackhole ? [] : reference(i, "transit_gateway_attachment_id", attachmentTypes).map { [id($0)] } ?? []
            tables[k]?.table.routes.append(TransitGatewayRoute(destination: .cidr(c), attachmentIDs: attachments,
                                                               state: blackhole ? .blackhole : .active, origin: origin(r)))
        }
        for k in tables.keys.sorted() {
            let (t, table) = tables[k]!
            transitGateways[t]?.routeTables.append(table)
        }
    }
}
