import AWSImport
import VPCModel

extension TerraformAssembler {
    static let knownAfterApply = "(known after apply)"

    // MARK: - Security groups

    /// Where the group (by model id) is: VPC resource index and position.
    func groupPosition(_ groupID: String) -> (v: Int, k: Int)? {
        guard let v = owner[groupID], let k = vpcs[v]?.securityGroups.firstIndex(where: { $0.id == groupID }) else { return nil }
        return (v, k)
    }

    mutating func buildSecurityGroups() {
        for i in indices("aws_security_group", "aws_default_security_group") {
            let r = resources[i]
            guard let v = reference(i, "vpc_id", ["aws_vpc"], required: r.type == "aws_security_group") else { continue }
            var group = SecurityGroup(id: id(i), name: name(r) ?? r.values.string("name"), description: r.values.string("description"),
                                      origin: origin(r, ["id": "id"]))
            owner[group.id] = v
            for block in r.values["ingress"]?.elements ?? [] { if let rule = inlineRule(i, block, groupID: group.id) { group.ingress.append(rule) } }
            for block in r.values["egress"]?.elements ?? [] { if let rule = inlineRule(i, block, groupID: group.id) { group.egress.append(rule) } }
            vpcs[v]?.securityGroups.append(group)
        }
        for i in indices("aws_security_group_rule") {
            let r = resources[i]
            guard let g = reference(i, "security_group_id", ["aws_security_group", "aws_default_security_group"], required: true),
                  let position = groupPosition(id(g)) else { continue }
            var sources = sources(i, r.values, groupID: id(g), topLevel: true)
            if let other = r.values.string("source_security_group_id") ?? (r.isUnknown("source_security_group_id")
                ? reference(i, "source_security_group_id", ["aws_security_group", "aws_default_security_group"]).map(id) : nil) {
                sources.append(.securityGroup(byID[other].map(id) ?? other))
            }
            guard let rule = rule(i, sources: sources, values: r.values) else { continue }
            if r.values.string("type") == "egress" { vpcs[position.v]!.securityGroups[position.k].egress.append(rule) }
            else { vpcs[position.v]!.securityGroups[position.k].ingress.append(rule) }
        }
        for i in indices("aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule") {
            let r = resources[i]
            guard let g = reference(i, "security_group_id", ["aws_security_group", "aws_default_security_group"], required: true),
                  let position = groupPosition(id(g)) else { continue }
            var sources: [SecurityGroupRule.Source] = []
            for key in ["cidr_ipv4", "cidr_ipv6"] { if let c = r.values.string(key).flatMap(CIDR.init) { sources.append(.cidr(c)) } }
            if let pl = prefixListID(i, r.values, "prefix_list_id", topLevel: true) { sources.append(.prefixList(pl)) }
            if r.values.string("referenced_security_group_id") != nil || r.isUnknown("referenced_security_group_id") {
                let other = r.values.string("referenced_security_group_id").map { byID[$0].map(id) ?? $0 }
                    ?? reference(i, "referenced_security_group_id", ["aws_security_group", "aws_default_security_group"]).map(id)
                if let other { sources.append(.securityGroup(other)) }
            }
            var values = r.values
            if let p = r.values.string("ip_protocol") {
                values = TFNode(synthetic: .object([("protocol", .string(p)), ("from_port", r.values["from_port"]?.value ?? .null),
                                                    ("to_port", r.values["to_port"]?.value ?? .null),
                                                    ("description", r.values["description"]?.value ?? .null)]), at: r.values)
            }
            guard let rule = rule(i, sources: sources, values: values) else { continue }
            if r.type.hasSuffix("egress_rule") { vpcs[position.v]!.securityGroups[position.k].egress.append(rule) }
            else { vpcs[position.v]!.securityGroups[position.k].ingress.append(rule) }
        }
    }

    /// `cidr_blocks`, `ipv6_cidr_blocks`, `prefix_list_ids`, `security_groups`, `self` of a rule.
    /// `topLevel`: the values are an `aws_security_group_rule`'s own, whose unknown lists are followed.
    mutating func sources(_ i: Int, _ values: TFNode, groupID: String, topLevel: Bool = false) -> [SecurityGroupRule.Source] {
        var out: [SecurityGroupRule.Source] = []
        for key in ["cidr_blocks", "ipv6_cidr_blocks"] {
            for text in values.strings(key) { if let c = CIDR(text) { out.append(.cidr(c)) } }
        }
        for pl in values.strings("prefix_list_ids") { out.append(.prefixList(byID[pl].map(id) ?? pl)) }
        if topLevel, values["prefix_list_ids"]?.elements.isEmpty ?? true, resources[i].isUnknown("prefix_list_ids") {
            out += referenceList(i, "prefix_list_ids", ["aws_ec2_managed_prefix_list"]).map { .prefixList(id($0)) }
        }
        for g in values.strings("security_groups") { out.append(.securityGroup(byID[g].map(id) ?? g)) }
        if values.bool("self") == true { out.append(.securityGroup(groupID)) }
        return out
    }

    mutating func inlineRule(_ i: Int, _ block: TFNode, groupID: String) -> SecurityGroupRule? {
        rule(i, sources: sources(i, block, groupID: groupID), values: block)
    }

    mutating func rule(_ i: Int, sources: [SecurityGroupRule.Source], values: TFNode) -> SecurityGroupRule? {
        let text = values.string("protocol") ?? "-1"
        guard let ipProtocol = IPProtocol(text) else {
            warning(resources[i], nil, "protocol '\(IDRules.escaped(text))' is not one vpcgraph knows; rule left out", rule: "tf-invalid-value")
            return nil
        }
        var from = values.int("from_port"), to = values.int("to_port")
        if ipProtocol == .all || (ipProtocol.hasPorts && from == 0 && to == 0 && false) { from = nil; to = nil }
        if (ipProtocol == .icmp || ipProtocol == .icmpv6), from == -1 { from = nil; to = nil }
        let range = TrafficRange(ipProtocol: ipProtocol, fromPort: from, toPort: to)
        return SecurityGroupRule(ipProtocol: ipProtocol, range: range, sources: sources, description: values.string("description"),
                                 origin: Origin(values.location))
    }

    // MARK: - Endpoints

    static func isDefaultPolicy(_ text: String?) -> Bool {
        guard let text else { return true }
        var parser = JSONParser(Array(text.utf8), redactedKeys: [])
        guard let policy = try? parser.parse(), case .array(let statements)? = policy["Statement"], statements.count == 1 else { return false }
        let s = statements[0]
        let keys = Set(s.keys).subtracting(["Sid"])
        return keys == ["Effect", "Principal", "Action", "Resource"]
            && s["Effect"] == .string("Allow") && s["Principal"] == .string("*")
            && (s["Action"] == .string("*") || s["Action"] == .array([.string("*")]))
            && (s["Resource"] == .string("*") || s["Resource"] == .array([.string("*")]))
    }

    mutating func buildEndpoints() {
        var extraTables: [Int: [String]] = [:], extraSubnets: [Int: [String]] = [:], extraGroups: [Int: [String]] = [:]
        for i in indices("aws_vpc_endpoint_route_table_association") {
            if let e = reference(i, "vpc_endpoint_id", ["aws_vpc_endpoint"], required: true), let t = routeTableID(i, "route_table_id") { extraTables[e, default: []].append(t.id) }
        }
        for i in indices("aws_vpc_endpoint_subnet_association") {
            if let e = reference(i, "vpc_endpoint_id", ["aws_vpc_endpoint"], required: true), let s = reference(i, "subnet_id", ["aws_subnet"], required: true) { extraSubnets[e, default: []].append(id(s)) }
        }
        for i in indices("aws_vpc_endpoint_security_group_association") {
            if let e = reference(i, "vpc_endpoint_id", ["aws_vpc_endpoint"], required: true),
               let g = reference(i, "security_group_id", ["aws_security_group", "aws_default_security_group"], required: true) { extraGroups[e, default: []].append(id(g)) }
        }
        for i in indices("aws_vpc_endpoint") {
            let r = resources[i]
            guard let v = reference(i, "vpc_id", ["aws_vpc"], required: true) else { continue }
            guard let serviceText = r.values.string("service_name") else {
                error(r, "service_name", "service_name is not set", rule: "tf-missing-attribute")
                continue
            }
            let service = ServiceName(fullName: serviceText)
            if regionOfVPC[v] == nil, let region = service.region { regionOfVPC[v] = region }
            let policyText = r.values.string("policy")
            let policy = Self.isDefaultPolicy(policyText) ? nil : policyText
            let o = origin(r, ["id": "id", "service": "service_name"])
            switch r.values.string("vpc_endpoint_type") ?? "Gateway" {
            case "Interface":
                var endpoint = InterfaceEndpoint(id: id(i), name: name(r), service: service, privateDNS: r.values.bool("private_dns_enabled") ?? false,
                                                 securityGroupIDs: unique(ids(i, "security_group_ids", ["aws_security_group", "aws_default_security_group"]) + (extraGroups[i] ?? [])),
                                                 policy: policy, origin: o)
                var ipBySubnet: [String: IPAddress] = [:]
                for c in r.values["subnet_configuration"]?.elements ?? [] {
                    if let s = c.string("subnet_id"), let address = c.string("ipv4").flatMap(IPAddress.init) { ipBySubnet[byID[s].map(id) ?? s] = address }
                }
                let subnetIDs = unique(ids(i, "subnet_ids", ["aws_subnet"]) + (extraSubnets[i] ?? []))
                // A plan knows the addresses asked for (`ipv4`) before the subnets' ids: by the subnet that holds them.
                for c in r.values["subnet_configuration"]?.elements ?? [] where c.string("subnet_id") == nil {
                    guard let address = c.string("ipv4").flatMap(IPAddress.init),
                          let s = subnetIDs.first(where: { id in vpcs[v]?.subnets.first { $0.id == id }?.cidr.contains(address) ?? false }) else { continue }
                    ipBySubnet[s] = address
                }
                for subnetID in subnetIDs {
                    if let address = ipBySubnet[subnetID] {
                        endpoint.interfaces.append(EndpointInterface(subnetID: subnetID, ip: address, origin: o))
                    } else {
                        endpoint.unknownIPSubnetIDs.append(subnetID)
                    }
                }
                // vpce-0abc…-l1xf6pcv.execute-api.eu-west-1.vpce.amazonaws.com: the part after the id.
                if let first = r.values["dns_entry"]?.elements.first?.string("dns_name"), first.hasPrefix(endpoint.id + "-") {
                    let rest = first.dropFirst(endpoint.id.count + 1)
                    endpoint.dnsSuffix = rest.split(separator: ".").first.map(String.init)
                }
                if r.isUnknown("dns_entry") && endpoint.dnsSuffix == nil {
                    // AWS picks the names' random part at apply: none is made up.
                    endpoint.declaredDNSNames = [Self.knownAfterApply]
                }
                if let state = r.values.string("state") { endpoint.pendingState = PendingState(aws: state) }
                vpcs[v]?.interfaceEndpoints.append(endpoint)
            case "GatewayLoadBalancer":
                let subnet = ids(i, "subnet_ids", ["aws_subnet"]).first
                var endpoint = GatewayLoadBalancerEndpoint(id: id(i), name: name(r), service: service, subnetID: subnet, origin: o)
                if let s = subnet {
                    endpoint.ip = r.values["subnet_configuration"]?.elements.first { c in c.string("subnet_id").map { byID[$0].map(id) ?? $0 } == s }?
                        .string("ipv4").flatMap(IPAddress.init)
                }
                vpcs[v]?.gatewayLoadBalancerEndpoints.append(endpoint)
            default:
                var tables: [String] = []
                if let list = r.values["route_table_ids"], case .array = list.value {
                    for text in list.elements.compactMap(\.string) {
                        if let j = byID[text] { tables.append(id(j)) } else if let vpc = implicitRouteTables[text] { tables.append(mainTableID(vpc)) } else { tables.append(text) }
                    }
                } else if r.isUnknown("route_table_ids") {
                    tables = ids(i, "route_table_ids", ["aws_route_table", "aws_default_route_table"])
                }
                let endpoint = GatewayEndpoint(id: id(i), name: name(r), service: service, routeTableIDs: unique(tables + (extraTables[i] ?? [])),
                                               declaredPrefixListID: r.values.string("prefix_list_id"), policy: policy, origin: o)
                vpcs[v]?.gatewayEndpoints.append(endpoint)
            }
            owner[id(i)] = v
        }
    }

    func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}
