// Structural rules over a parsed topology. Each rule reports diagnostics with the location of
// the value at fault; rule ids are the names in brackets users see (`[subnet-overlap]`).

extension Topology {
    /// Checks every rule and returns all diagnostics found (not only the first).
    public func validate() -> [Diagnostic] {
        var v = Validator(topology: self)
        v.run()
        return v.diagnostics
    }
}

struct Validator {
    let topology: Topology
    var diagnostics: [Diagnostic] = []
    /// Every id defined in the topology, with where it was first defined.
    var definitions: [String: (kind: String, location: SourceLocation?)] = [:]

    init(topology: Topology) {
        self.topology = topology
    }

    mutating func error(_ message: String, at location: SourceLocation?, rule: String, notes: [Diagnostic] = []) {
        diagnostics.append(.error(message, at: location, rule: rule, notes: notes))
    }

    mutating func warning(_ message: String, at location: SourceLocation?, rule: String) {
        diagnostics.append(.warning(message, at: location, rule: rule))
    }

    mutating func run() {
        collectDefinitions()
        for region in topology.regions {
            for vpc in region.vpcs { checkVPC(vpc, in: region) }
            checkRegionalResources(region)
        }
        checkOnPremises()
    }

    // MARK: - Ids

    /// Records a definition of `id`, checking its form (`IDRules`) and that it is defined once.
    mutating func define(_ id: String, _ kind: String, _ location: SourceLocation?, as idKind: IDKind) {
        checkID(id, as: idKind, at: location)
        if let first = definitions[id] {
            let message = first.kind == kind ? "duplicate \(kind) id '\(id)'" : "duplicate id '\(id)': \(kind) '\(id)' has the id of \(first.kind) '\(id)'"
            error(message, at: location, rule: "duplicate-id", notes: [.note("'\(id)' is first defined here", at: first.location)])
        } else {
            definitions[id] = (kind, location)
        }
    }

    /// Checks the form of an id, defined here or only referred to (prefix lists, network interfaces, customer gateways).
    mutating func checkID(_ id: String, as kind: IDKind, at location: SourceLocation?) {
        if let diagnostic = IDRules.check(id, as: kind, at: location) { diagnostics.append(diagnostic) }
    }

    mutating func collectDefinitions() {
        for region in topology.regions {
            for vpc in region.vpcs {
                define(vpc.id, "vpc", vpc.origin["id"], as: .vpc)
                for s in vpc.subnets { define(s.id, "subnet", s.origin["id"], as: .subnet) }
                for t in vpc.routeTables { define(t.id, "route table", t.origin["id"], as: .routeTable) }
                if let igw = vpc.internetGateway { define(igw.id, "internet gateway", igw.origin["id"], as: .internetGateway) }
                if let vgw = vpc.vpnGateway { define(vgw.id, "vpn gateway", vgw.origin["id"], as: .vpnGateway) }
                for n in vpc.natGateways { define(n.id, "nat gateway", n.origin["id"], as: .natGateway) }
                for g in vpc.securityGroups { define(g.id, "security group", g.origin["id"], as: .securityGroup) }
                for e in vpc.interfaceEndpoints { define(e.id, "interface endpoint", e.origin["id"], as: .vpcEndpoint) }
                for e in vpc.gatewayEndpoints { define(e.id, "gateway endpoint", e.origin["id"], as: .vpcEndpoint) }
                for e in vpc.gatewayLoadBalancerEndpoints { define(e.id, "gateway load balancer endpoint", e.origin["id"], as: .vpcEndpoint) }
                for e in vpc.resolverEndpoints { define(e.id, "resolver endpoint", e.origin["id"], as: e.direction == .inbound ? .inboundResolverEndpoint : .outboundResolverEndpoint) }
            }
            for p in region.peerings { define(p.id, "peering connection", p.origin["id"], as: .peeringConnection) }
            for t in region.transitGateways {
                define(t.id, "transit gateway", t.origin["id"], as: .transitGateway)
                for a in t.attachments { define(a.id, "transit gateway attachment", a.origin["id"], as: .transitGatewayAttachment) }
            }
            for v in region.vpnConnections { define(v.id, "vpn connection", v.origin["id"], as: .vpnConnection) }
            for z in region.privateHostedZones { if let id = z.zoneID { define(id, "private hosted zone", z.origin["id"], as: .hostedZone) } }
            for r in region.resolverRules { define(r.id, "resolver rule", r.origin["id"], as: .resolverRule) }
        }
        for o in topology.onPremises { define(o.id, "on-premises network", o.origin["id"], as: .onPremisesNetwork) }
    }

    func kind(of id: String) -> String? { definitions[id]?.kind }

    /// Reports `owner` referring to an id that is not defined as one of `kinds` (and, if given, not among `within`).
    mutating func reference(_ id: String, as kinds: [String], from owner: String, at location: SourceLocation?,
                            within: [String]? = nil, scope: String? = nil) {
        let wanted = kinds.joined(separator: " or ")
        if let within {
            if within.contains(id) { return }
            let place = scope.map { ", which is not in \($0)" } ?? ", which does not exist"
            error("\(owner) refers to \(wanted) '\(id)'\(place)", at: location, rule: "unknown-reference")
            return
        }
        guard let found = kind(of: id) else {
            error("\(owner) refers to \(wanted) '\(id)', which does not exist", at: location, rule: "unknown-reference")
            return
        }
        if !kinds.contains(found) {
            error("\(owner) refers to '\(id)' as \(wanted), but it is a \(found)", at: location, rule: "unknown-reference")
        }
    }

    // MARK: - Network ACLs

    /// Associations with subnets of the ACL's own VPC, one ACL per subnet; one rule per number and direction.
    mutating func checkNetworkACLs(of vpc: VPC) {
        var aclOfSubnet: [String: String] = [:]
        for acl in vpc.networkACLs {
            let owner = "network ACL '\(acl.id)'"
            for id in acl.subnetIDs {
                if vpc.subnet(id) == nil {
                    let elsewhere = topology.allVPCs.first { $0.vpc.subnet(id) != nil }?.vpc.id
                    error("\(owner) of vpc '\(vpc.id)' is associated with subnet '\(id)', which "
                          + (elsewhere.map { "is in vpc '\($0)': an ACL filters subnets of its own vpc only" } ?? "does not exist"),
                          at: acl.origin["subnets"], rule: "network-acl-subnet")
                } else if let first = aclOfSubnet[id] {
                    error("subnet '\(id)' is associated with network ACLs '\(first)' and '\(acl.id)'; a subnet has one network ACL",
                          at: acl.origin["subnets"], rule: "network-acl-subnet")
                } else {
                    aclOfSubnet[id] = acl.id
                }
            }
            for (rules, direction) in [(acl.ingress, "ingress"), (acl.egress, "egress")] {
                var seen: [Int: NetworkACLRule] = [:]
                for rule in rules where rule.ruleNumber != NetworkACLRule.defaultRuleNumber {
                    if let first = seen[rule.ruleNumber] {
                        error("\(owner) has two \(direction) rules numbered \(rule.ruleNumber); rules of one direction need distinct numbers",
                              at: rule.origin["rule"], rule: "network-acl-duplicate-rule",
                              notes: [.note("\(direction) rule \(rule.ruleNumber) is first defined here", at: first.origin["rule"])])
                    } else {
                        seen[rule.ruleNumber] = rule
                    }
                }
            }
        }
    }

    // MARK: - Inside a VPC

    mutating func checkVPC(_ vpc: VPC, in region: Region) {
        let scope = "vpc '\(vpc.id)'"
        let subnetIDs = vpc.subnets.map(\.id)
        let tableIDs = vpc.routeTables.map(\.id)
        let groupIDs = vpc.securityGroups.map(\.id)

        let mains = vpc.routeTables.filter(\.isMain)
        if mains.count > 1 {
            error("\(scope) has \(mains.count) main route tables (\(mains.map { "'\($0.id)'" }.joined(separator: ", "))); a vpc has one",
                  at: mains[1].origin["main"], rule: "one-main-route-table")
        }

        for subnet in vpc.subnets {
            let owner = "subnet '\(subnet.id)'"
            // A vpc without a (valid) cidr has had its error already: every subnet would only repeat it.
            if !vpc.cidrs.isEmpty, !vpc.cidrs.contains(where: { $0.contains(subnet.cidr) }) {
                let blocks = vpc.cidrs.map(\.description).joined(separator: ", ")
                error("\(owner) cidr '\(subnet.cidr)' is outside \(scope) (\(blocks))", at: subnet.origin["cidr"], rule: "subnet-outside-vpc")
            }
            if Regions.region(ofAvailabilityZone: subnet.availabilityZone) != region.name {
                error("\(owner) is in availability zone '\(subnet.availabilityZone)', which is not in region '\(region.name)'",
                      at: subnet.origin["az"], rule: "az-outside-region")
            }
            if let table = subnet.routeTableID {
                reference(table, as: ["route table"], from: owner, at: subnet.origin["route_table"], within: tableIDs, scope: scope)
            }
        }
        for (i, a) in vpc.subnets.enumerated() {
            for b in vpc.subnets[(i + 1)...] where a.cidr.overlaps(b.cidr) {
                error("subnet '\(b.id)' (\(b.cidr)) overlaps subnet '\(a.id)' (\(a.cidr))", at: b.origin["cidr"], rule: "subnet-overlap",
                      notes: [.note("subnet '\(a.id)' is defined here", at: a.origin["cidr"])])
            }
        }

        for nat in vpc.natGateways {
            let owner = "nat gateway '\(nat.id)'"
            reference(nat.subnetID, as: ["subnet"], from: owner, at: nat.origin["subnet"], within: subnetIDs, scope: scope)
            if let ip = nat.privateIP, let subnet = vpc.subnet(nat.subnetID), !subnet.cidr.contains(ip) {
                error("private ip '\(ip)' of \(owner) is outside subnet '\(subnet.id)' (\(subnet.cidr))", at: nat.origin["private_ip"], rule: "ip-outside-subnet")
            }
        }

        for table in vpc.routeTables { checkRoutes(table, in: vpc, region: region) }
        checkNetworkACLs(of: vpc)

        for group in vpc.securityGroups {
            for (rule, direction) in group.ingress.map({ ($0, "ingress") }) + group.egress.map({ ($0, "egress") }) {
                for source in rule.sources {
                    switch source {
                    case .securityGroup(let id):
                        reference(id, as: ["security group"], from: "\(direction) rule of '\(group.id)'", at: rule.origin[direction == "ingress" ? "from" : "to"])
                    case .prefixList(let id): checkID(id, as: .prefixList, at: rule.origin["from"])
                    case .cidr: break
                    }
                }
            }
        }

        for endpoint in vpc.gatewayEndpoints {
            let owner = "gateway endpoint '\(endpoint.id)'"
            if !endpoint.service.supportsGatewayEndpoint {
                error("\(owner) is for '\(endpoint.service)'; gateway endpoints exist only for s3 and dynamodb (use an interface endpoint)",
                      at: endpoint.origin["service"], rule: "gateway-endpoint-service")
            } else if let serviceRegion = endpoint.service.region, serviceRegion != region.name {
                error("\(owner) is for '\(endpoint.service)' in another region; a gateway endpoint serves only its own region '\(region.name)'",
                      at: endpoint.origin["service"], rule: "gateway-endpoint-region")
            } else if endpoint.prefixListID == nil {
                warning("the prefix list id of '\(endpoint.service)' is not known to vpcgraph; set 'prefix_list' on \(owner)",
                        at: endpoint.origin["service"], rule: "unknown-prefix-list")
            }
            if let prefixList = endpoint.declaredPrefixListID {
                checkID(prefixList, as: .prefixList, at: endpoint.origin["prefix_list"])
            }
            if !endpoint.securityGroupIDs.isEmpty {
                error("\(owner) has security groups; only interface endpoints have security groups",
                      at: endpoint.origin["security_groups"], rule: "gateway-endpoint-security-groups")
            }
            for table in endpoint.routeTableIDs {
                reference(table, as: ["route table"], from: owner, at: endpoint.origin["route_tables"], within: tableIDs, scope: scope)
            }
        }

        for endpoint in vpc.interfaceEndpoints {
            let owner = "interface endpoint '\(endpoint.id)'"
            checkInterfaces(endpoint.interfaces, owner: owner, in: vpc, scope: scope)
            for subnet in endpoint.unknownIPSubnetIDs {
                reference(subnet, as: ["subnet"], from: owner, at: endpoint.origin["unknown_ip_subnets"], within: subnetIDs, scope: scope)
            }
            for group in endpoint.securityGroupIDs {
                reference(group, as: ["security group"], from: owner, at: endpoint.origin["security_groups"], within: groupIDs, scope: scope)
            }
            // An attribute the input does not give is not known to be off.
            let supportOff = vpc.dnsSupportKnown && !vpc.dnsSupport, hostnamesOff = vpc.dnsHostnamesKnown && !vpc.dnsHostnames
            if endpoint.privateDNS && (supportOff || hostnamesOff) {
                let missing = [supportOff ? "dns support" : nil, hostnamesOff ? "dns hostnames" : nil].compactMap { $0 }
                let implicit = endpoint.origin.fields["private_dns"] == nil ? " (private_dns is on unless set to false)" : ""
                error("\(owner) has private dns enabled\(implicit), but \(scope) does not have \(missing.joined(separator: " and ")) enabled",
                      at: endpoint.origin["private_dns"], rule: "private-dns-needs-vpc-dns")
            }
        }

        for endpoint in vpc.gatewayLoadBalancerEndpoints {
            let owner = "gateway load balancer endpoint '\(endpoint.id)'"
            guard let subnetID = endpoint.subnetID else { continue }
            reference(subnetID, as: ["subnet"], from: owner, at: endpoint.origin["subnet"], within: subnetIDs, scope: scope)
            if let ip = endpoint.ip, let subnet = vpc.subnet(subnetID), !subnet.cidr.contains(ip) {
                error("ip '\(ip)' of \(owner) is outside subnet '\(subnet.id)' (\(subnet.cidr))", at: endpoint.origin["ip"], rule: "eni-ip-outside-subnet")
            }
        }

        for endpoint in vpc.resolverEndpoints {
            let owner = "resolver endpoint '\(endpoint.id)'"
            checkInterfaces(endpoint.ipAddresses, owner: owner, in: vpc, scope: scope)
            for group in endpoint.securityGroupIDs {
                reference(group, as: ["security group"], from: owner, at: endpoint.origin["security_groups"], within: groupIDs, scope: scope)
            }
        }
    }

    /// Network interfaces of an endpoint: subnets exist, one subnet per AZ, IPs inside their subnet, no IP used twice.
    mutating func checkInterfaces(_ interfaces: [EndpointInterface], owner: String, in vpc: VPC, scope: String) {
        var subnetsByZone: [String: [EndpointInterface]] = [:]
        var zoneOrder: [String] = []
        for interface in interfaces {
            if let eni = interface.networkInterfaceID { checkID(eni, as: .networkInterface, at: interface.origin["eni"]) }
            guard let subnet = vpc.subnet(interface.subnetID) else {
                reference(interface.subnetID, as: ["subnet"], from: owner, at: interface.origin["subnet"], within: [], scope: scope)
                continue
            }
            if !subnet.cidr.contains(interface.ip) {
                error("ip '\(interface.ip)' of \(owner) is outside subnet '\(subnet.id)' (\(subnet.cidr))",
                      at: interface.origin["ip"], rule: "eni-ip-outside-subnet")
            }
            if subnetsByZone[subnet.availabilityZone] == nil { zoneOrder.append(subnet.availabilityZone) }
            subnetsByZone[subnet.availabilityZone, default: []].append(interface)
        }
        for zone in zoneOrder {
            let inZone = subnetsByZone[zone]!
            let distinct = inZone.map(\.subnetID).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            if distinct.count > 1 {
                let list = distinct.map { "'\($0)'" }.joined(separator: ", ")
                let count = distinct.count == 2 ? "two" : "\(distinct.count)"
                error("\(owner) has \(count) subnets in \(zone) (\(list))", at: inZone[1].origin["subnet"], rule: "endpoint-one-subnet-per-az")
            }
        }
    }

    mutating func checkRoutes(_ table: RouteTable, in vpc: VPC, region: Region) {
        let owner = "route in '\(table.id)'"
        var seen: [Route.Destination: Route] = [:]
        for route in table.routes {
            if let first = seen[route.destination] {
                error("route table '\(table.id)' has two routes to '\(route.destination)'", at: route.origin["destination"], rule: "duplicate-route",
                      notes: [.note("the first route to '\(route.destination)' is here", at: first.origin["destination"])])
            } else {
                seen[route.destination] = route
            }
            if case .prefixList(let id) = route.destination { checkID(id, as: .prefixList, at: route.origin["destination"]) }
            let target = route.target
            // Targets of kinds the topology does not define, and gone or going ones, are checked here; the others where they are defined.
            if let kind = target.kind.idKind, !route.targetIsPresent || target.kind == .networkInterface || target.kind == .egressOnlyInternetGateway {
                checkID(target.id, as: kind, at: route.origin["target"])
            }
            // A blackhole route's target is gone (AWS keeps the route to show that), a flagged one's is going: nothing to look up.
            if !route.targetIsPresent { continue }
            let at = route.origin["target"]
            switch target.kind {
            case .local, .networkInterface, .egressOnlyInternetGateway:
                break
            case .internetGateway:
                if vpc.internetGateway?.id != target.id {
                    error("\(owner) targets internet gateway '\(target.id)', which is not attached to vpc '\(vpc.id)'", at: at, rule: "unknown-reference")
                }
            case .vpnGateway:
                if vpc.vpnGateway?.id != target.id {
                    error("\(owner) targets vpn gateway '\(target.id)', which is not attached to vpc '\(vpc.id)'", at: at, rule: "unknown-reference")
                }
            case .natGateway:
                reference(target.id, as: ["nat gateway"], from: owner, at: at, within: vpc.natGateways.map(\.id), scope: "vpc '\(vpc.id)'")
            case .gatewayEndpoint:
                // An interface endpoint is reached at its network interfaces' IPs, never through a route.
                if let endpoint = topology.allVPCs.lazy.flatMap(\.vpc.interfaceEndpoints).first(where: { $0.id == target.id }) {
                    error("\(owner) targets interface endpoint '\(endpoint.id)' (\(endpoint.service)); routes can target gateway and Gateway Load Balancer endpoints only: clients reach an interface endpoint at its network interfaces' IPs, through DNS",
                          at: at, rule: "interface-endpoint-route-target")
                    continue
                }
                // `vpce-` targets are gateway endpoints or, in inspection designs, Gateway Load Balancer endpoints.
                reference(target.id, as: ["gateway endpoint"], from: owner, at: at,
                          within: vpc.gatewayEndpoints.map(\.id) + vpc.gatewayLoadBalancerEndpoints.map(\.id), scope: "vpc '\(vpc.id)'")
            case .peering:
                reference(target.id, as: ["peering connection"], from: owner, at: at)
                if let peering = topology.regions.flatMap(\.peerings).first(where: { $0.id == target.id }), !peering.vpcIDs.contains(vpc.id) {
                    error("\(owner) targets peering connection '\(target.id)', which does not connect vpc '\(vpc.id)'", at: at, rule: "unknown-reference")
                }
            case .transitGateway:
                reference(target.id, as: ["transit gateway"], from: owner, at: at)
            }
        }
    }

    // MARK: - Region and on-premises

    mutating func checkRegionalResources(_ region: Region) {
        for peering in region.peerings {
            for (id, key) in zip(peering.vpcIDs, ["requester", "accepter"]) where !region.externalVPCs.contains(where: { $0.id == id }) {
                reference(id, as: ["vpc"], from: "peering connection '\(peering.id)' (\(key))", at: peering.origin["vpcs"])
            }
            if peering.requesterVPCID == peering.accepterVPCID {
                error("peering connection '\(peering.id)' connects vpc '\(peering.requesterVPCID)' to itself", at: peering.origin["vpcs"], rule: "peering-vpcs")
            }
        }
        for tgw in region.transitGateways {
            for attachment in tgw.attachments {
                let owner = "attachment '\(attachment.id)'"
                switch attachment.resource {
                case .vpc(let vpcID, let subnetIDs):
                    reference(vpcID, as: ["vpc"], from: owner, at: attachment.origin["vpc"])
                    if let vpc = topology.vpc(vpcID) {
                        for subnet in subnetIDs {
                            reference(subnet, as: ["subnet"], from: owner, at: attachment.origin["subnets"], within: vpc.subnets.map(\.id), scope: "vpc '\(vpcID)'")
                        }
                    }
                case .vpn(let id):
                    reference(id, as: ["vpn connection"], from: owner, at: attachment.origin["vpn"])
                case .peering(let id):
                    reference(id, as: ["transit gateway"], from: owner, at: attachment.origin["peer"])
                case .directConnectGateway:
                    break
                }
            }
        }
        for vpn in region.vpnConnections {
            let owner = "vpn connection '\(vpn.id)'"
            switch vpn.gateway {
            case .vpnGateway(let id): reference(id, as: ["vpn gateway"], from: owner, at: vpn.origin["vpn_gateway"])
            case .transitGateway(let id): reference(id, as: ["transit gateway"], from: owner, at: vpn.origin["transit_gateway"])
            }
            if let customerGateway = vpn.customerGatewayID {
                checkID(customerGateway, as: .customerGateway, at: vpn.origin["customer_gateway"])
            }
            if let onPremises = vpn.onPremisesID {
                reference(onPremises, as: ["on-premises network"], from: owner, at: vpn.origin["on_premises"])
            }
        }
        for zone in region.privateHostedZones {
            let owner = "private hosted zone '\(zone.name)'"
            for vpc in zone.vpcIDs { reference(vpc, as: ["vpc"], from: owner, at: zone.origin["vpcs"]) }
            for record in zone.records {
                if case .endpointAlias(let id) = record.value {
                    reference(id, as: ["interface endpoint"], from: "record '\(record.name)'", at: record.origin["alias"])
                }
                if record.name != zone.name && !record.name.hasSuffix("." + zone.name) {
                    error("record '\(record.name)' is not inside zone '\(zone.name)'", at: record.origin["name"], rule: "record-outside-zone")
                }
            }
        }
        for rule in region.resolverRules {
            let owner = "resolver rule '\(rule.id)'"
            if let endpoint = rule.resolverEndpointID {
                reference(endpoint, as: ["resolver endpoint"], from: owner, at: rule.origin["resolver_endpoint"])
            }
            for vpc in rule.vpcIDs { reference(vpc, as: ["vpc"], from: owner, at: rule.origin["vpcs"]) }
        }
    }

    mutating func checkOnPremises() {
        for network in topology.onPremises {
            for rule in network.forwardingRules {
                for case .resolverEndpoint(let id) in rule.targets {
                    reference(id, as: ["resolver endpoint"], from: "forwarding rule for '\(rule.domain)'", at: rule.origin["targets"])
                    if let (_, endpoint) = topology.resolverEndpoint(id), endpoint.direction != .inbound {
                        error("forwarding rule for '\(rule.domain)' targets resolver endpoint '\(id)', which is outbound; on-premises servers forward to inbound endpoints",
                              at: rule.origin["targets"], rule: "forward-to-inbound")
                    }
                }
            }
        }
    }
}
