import AWSImport
import VPCModel

/// Resource types read into the model (data sources and every other type go into one summary note).
let supportedTypes: Set<String> = [
    "aws_vpc", "aws_vpc_ipv4_cidr_block_association", "aws_subnet", "aws_route_table", "aws_default_route_table", "aws_route",
    "aws_route_table_association", "aws_main_route_table_association", "aws_internet_gateway", "aws_internet_gateway_attachment",
    "aws_nat_gateway", "aws_eip", "aws_vpc_endpoint", "aws_vpc_endpoint_route_table_association", "aws_vpc_endpoint_subnet_association",
    "aws_vpc_endpoint_security_group_association", "aws_security_group", "aws_default_security_group", "aws_security_group_rule",
    "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule", "aws_vpc_peering_connection",
    "aws_vpc_peering_connection_accepter", "aws_ec2_transit_gateway", "aws_ec2_transit_gateway_vpc_attachment",
    "aws_ec2_transit_gateway_peering_attachment", "aws_vpn_gateway", "aws_vpn_gateway_attachment", "aws_customer_gateway",
    "aws_vpn_connection", "aws_vpn_connection_route", "aws_route53_zone", "aws_route53_zone_association", "aws_route53_record",
    "aws_route53_resolver_endpoint", "aws_route53_resolver_rule", "aws_route53_resolver_rule_association",
]

extension TerraformAssembler {
    func indices(_ types: String...) -> [Int] {
        resources.indices.filter { !resources[$0].isData && types.contains(resources[$0].type) }
    }

    /// The `Name` tag (`tags`, else `tags_all` with the provider's default tags).
    func name(_ r: TFResource) -> String? {
        r.values["tags"]?.string("Name") ?? r.values["tags_all"]?.string("Name")
    }

    func origin(_ r: TFResource, _ fields: [String: String] = [:]) -> Origin {
        var located: [String: SourceLocation] = [:]
        for (key, attribute) in fields { located[key] = location(r, attribute) }
        return Origin(r.node.location, fields: located)
    }

    mutating func cidr(_ i: Int, _ attribute: String) -> CIDR? {
        let r = resources[i]
        guard let text = r.values.string(attribute) else {
            if r.isUnknown(attribute) {
                error(r, attribute, "\(attribute) is known only after apply (an IPAM pool?); vpcgraph needs the CIDR", rule: "tf-unknown-value")
            }
            return nil
        }
        switch CIDR.parse(text) {
        case .success(let c): return c
        case .failure: error(r, attribute, "\(attribute) '\(IDRules.escaped(text))' is not a CIDR", rule: "tf-invalid-value"); return nil
        }
    }

    func ip(_ r: TFResource, _ attribute: String) -> IPAddress? { r.values.string(attribute).flatMap(IPAddress.init) }

    /// The region of an ARN (`arn:aws:ec2:eu-west-1:…`).
    static func region(ofARN arn: String?) -> String? {
        guard let arn else { return nil }
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count > 3 && Regions.looksLikeRegion(String(parts[3])) ? String(parts[3]) : nil
    }

    /// A resource's own region: its `region` (AWS provider 6), its ARN, or its provider configuration's.
    func ownRegion(_ r: TFResource) -> String? {
        if let region = r.values.string("region"), Regions.looksLikeRegion(region) { return region }
        if let region = Self.region(ofARN: r.values.string("arn")) { return region }
        if let key = r.providerKey, let config = document.providerConfig?[key] ?? document.providerConfig?[String(key.split(separator: ":").last ?? "")],
           let region = config["expressions"]?["region"]?.string("constant_value"), Regions.looksLikeRegion(region) {
            return region
        }
        return nil
    }

    // MARK: - Assembling

    mutating func assemble() -> Topology {
        for (i, r) in resources.enumerated() {
            if r.isData { dataSources += 1 } else if !supportedTypes.contains(r.type) && !networkFactTypes.contains(r.type) { ignored[r.type, default: 0] += 1 }
            _ = i
        }
        buildVPCs()
        buildRouteTables()
        buildSubnets()
        buildGateways()
        buildSecurityGroups()
        buildEndpoints()
        buildConnectivity()
        buildNetworkFacts()
        buildDNS()
        return finish()
    }

    mutating func buildVPCs() {
        for i in indices("aws_vpc") {
            let r = resources[i]
            var vpc = VPC(id: id(i), name: name(r), origin: origin(r, ["id": "id", "cidr": "cidr_block", "name": "tags"]))
            if let c = cidr(i, "cidr_block") { vpc.cidrs = [c] }
            vpc.dnsSupport = r.values.bool("enable_dns_support") ?? true
            vpc.dnsHostnames = r.values.bool("enable_dns_hostnames") ?? false
            vpc.ownerID = r.values.string("owner_id")
            vpcs[i] = vpc
            vpcOrder.append(i)
            if let region = ownRegion(r) { regionOfVPC[i] = region }
            for attribute in ["main_route_table_id", "default_route_table_id"] {
                implicitRouteTables[r.values.string(attribute) ?? "\(r.address).main_route_table_id"] = i
            }
        }
        for i in indices("aws_vpc_ipv4_cidr_block_association") {
            guard let v = reference(i, "vpc_id", ["aws_vpc"], required: true), let c = cidr(i, "cidr_block") else { continue }
            vpcs[v]?.cidrs.append(c)
        }
    }

    /// The id of the VPC's main route table as AWS made it (known in a state, by address in a plan).
    func mainTableID(_ v: Int) -> String {
        resources[v].values.string("main_route_table_id") ?? resources[v].values.string("default_route_table_id")
            ?? "\(resources[v].address).main_route_table_id"
    }

    /// A route table id: a table of the document, or a VPC's main route table.
    mutating func routeTableID(_ i: Int, _ attribute: String) -> (id: String, vpc: Int)? {
        let r = resources[i]
        if let value = r.values.string(attribute) {
            if let j = byID[value], ["aws_route_table", "aws_default_route_table"].contains(resources[j].type) {
                return owner[id(j)].map { (id(j), $0) }
            }
            if let v = implicitRouteTables[value] { return (mainTableID(v), v) }
            reference(i, attribute, ["aws_route_table", "aws_default_route_table"]).map { _ in () }
            return nil
        }
        guard r.isUnknown(attribute) else { return nil }
        if let v = mainTableReference(i, attribute) { return (mainTableID(v), v) }
        guard let j = reference(i, attribute, ["aws_route_table", "aws_default_route_table"]) else { return nil }
        return owner[id(j)].map { (id(j), $0) }
    }

    mutating func buildRouteTables() {
        for i in indices("aws_route_table", "aws_default_route_table") {
            let r = resources[i]
            let v: Int?
            if r.type == "aws_default_route_table" {
                if let value = r.values.string("default_route_table_id"), let found = implicitRouteTables[value] { v = found }
                else if let found = mainTableReference(i, "default_route_table_id") { v = found }
                else if r.isUnknown("default_route_table_id"), let found = reference(i, "default_route_table_id", ["aws_vpc"]) { v = found }
                else { v = reference(i, "vpc_id", ["aws_vpc"], required: true) }
            } else {
                v = reference(i, "vpc_id", ["aws_vpc"], required: true)
            }
            guard let v else { continue }
            var table = RouteTable(id: id(i), name: name(r), isMain: r.type == "aws_default_route_table", origin: origin(r, ["id": "id", "main": "default_route_table_id"]))
            if r.type == "aws_default_route_table", let known = Self.knownID(r) { implicitRouteTables[known] = v }
            if r.type == "aws_default_route_table", Self.knownID(r) == nil {
                // The plan's id for it: the VPC's main table.
                table.id = mainTableID(v)
                plannedIDs[i] = table.id
            }
            for (n, route) in (r.values["route"]?.elements ?? []).enumerated() {
                if let built = self.route(i, route, unknown: unknownRoute(r, n), blockIndex: n) { table.routes.append(built) }
            }
            owner[table.id] = v
            byID[table.id] = byID[table.id] ?? i
            vpcs[v]?.routeTables.append(table)
        }
        for i in indices("aws_main_route_table_association") {
            guard let table = routeTableID(i, "route_table_id"), let v = vpcs[table.vpc] else { continue }
            if let t = v.routeTables.firstIndex(where: { $0.id == table.id }) {
                for k in vpcs[table.vpc]!.routeTables.indices { vpcs[table.vpc]!.routeTables[k].isMain = k == t }
            }
        }
        // The main route table AWS makes with each VPC, when the document does not manage it.
        for v in vpcOrder where !(vpcs[v]?.routeTables.contains(where: \.isMain) ?? true) {
            let table = RouteTable(id: mainTableID(v), isMain: true, origin: origin(resources[v], ["id": "main_route_table_id"]))
            owner[table.id] = v
            vpcs[v]?.routeTables.append(table)
        }
        for i in indices("aws_route") {
            let r = resources[i]
            guard let table = routeTableID(i, "route_table_id") else { continue }
            guard let built = route(i, r.values, unknown: r.unknown, blockIndex: nil) else { continue }
            if let t = vpcs[table.vpc]?.routeTables.firstIndex(where: { $0.id == table.id }) {
                vpcs[table.vpc]!.routeTables[t].routes.removeAll { $0.destination == built.destination }
                vpcs[table.vpc]!.routeTables[t].routes.append(built)
            }
        }
    }

    /// `after_unknown.route[n]`.
    func unknownRoute(_ r: TFResource, _ n: Int) -> JSONValue? {
        if case .array(let items)? = r.unknown?["route"], n < items.count { return items[n] }
        return nil
    }

    static let targetAttributes: [(attribute: String, types: [String])] = [
        ("gateway_id", ["aws_internet_gateway", "aws_vpn_gateway", "aws_vpc_endpoint"]),
        ("nat_gateway_id", ["aws_nat_gateway"]),
        ("transit_gateway_id", ["aws_ec2_transit_gateway"]),
        ("vpc_peering_connection_id", ["aws_vpc_peering_connection", "aws_vpc_peering_connection_accepter"]),
        ("vpc_endpoint_id", ["aws_vpc_endpoint"]),
        ("egress_only_gateway_id", ["aws_egress_only_internet_gateway"]),
        ("network_interface_id", ["aws_network_interface"]),
    ]

    /// A route (an `aws_route`, or one inline `route` block of a route table, numbered `blockIndex`).
    mutating func route(_ i: Int, _ values: TFNode, unknown: JSONValue?, blockIndex: Int?) -> Route? {
        let r = resources[i]
        let destination: Route.Destination
        let cidrKey = blockIndex == nil ? "destination_cidr_block" : "cidr_block"
        let ipv6Key = blockIndex == nil ? "destination_ipv6_cidr_block" : "ipv6_cidr_block"
        if let text = values.string(cidrKey), let c = CIDR(text) {
            destination = .cidr(c)
        } else if let text = values.string(ipv6Key), let c = CIDR(text) {
            destination = .cidr(c)
        } else if let pl = prefixListID(i, values, "destination_prefix_list_id", topLevel: blockIndex == nil) {
            destination = .prefixList(pl)
        } else {
            if values.string(ipv6Key) != nil || values.string(cidrKey) != nil {
                error(r, blockIndex == nil ? cidrKey : "route", "route destination is not a CIDR", rule: "tf-invalid-value")
            }
            return nil
        }
        for (attribute, types) in Self.targetAttributes {
            let isUnknown = unknown?[attribute]?.containsTrue ?? false
            if let value = values.string(attribute) {
                if value == "local" { return Route(destination: destination, target: .local, origin: origin(r)) }
                let target = byID[value].map(id) ?? value
                guard let routeTarget = RouteTarget(target) else {
                    warning(r, blockIndex == nil ? attribute : "route", "route to '\(IDRules.escaped(value))' (\(attribute)) left out: vpcgraph does not draw that kind of target", rule: "tf-unsupported")
                    return nil
                }
                return Route(destination: destination, target: routeTarget, origin: origin(r))
            }
            if isUnknown {
                let j: Int?
                if let blockIndex {
                    // Inline blocks: the route's references, by position among the blocks with this target attribute.
                    let refs = references.references(of: r.configAddress, attribute: "route")
                    let targets = references.targets(refs, in: TFResource.strippingKeys(r.module).joined(separator: ".")).filter { t in
                        let parts = t.configAddress.split(separator: ".")
                        return parts.count >= 2 && types.contains(String(parts[parts.count - 2]))
                    }
                    let position = (r.values["route"]?.elements.prefix(blockIndex) ?? []).indices.filter { n in
                        unknownRoute(r, n)?[attribute]?.containsTrue ?? false
                    }.count
                    let t = position < targets.count ? targets[position] : targets.last
                    let instances = t.flatMap { byConfig[$0.configAddress] } ?? []
                    j = instances.first { t?.key == nil ? resources[$0].index == r.index : resources[$0].index == t?.key } ?? instances.first
                    if j == nil {
                        error(r, "route", "route \(destination) goes to a \(attribute) known only after apply that vpcgraph cannot follow", rule: "tf-unresolved-reference")
                    }
                } else {
                    j = reference(i, attribute, types)
                }
                guard let j, let target = RouteTarget(id(j)) else { return nil }
                return Route(destination: destination, target: target, origin: origin(r))
            }
        }
        return nil
    }

    mutating func buildSubnets() {
        for i in indices("aws_subnet") {
            let r = resources[i]
            guard let c = cidr(i, "cidr_block") else { continue }
            // A plan: of the VPCs the reference may mean (`aws_vpc.x[floor(count.index / 2)]`), the one whose CIDR holds the subnet's.
            let holding = r.isUnknown("vpc_id") && r.values.string("vpc_id") == nil
                ? resolveUnknown(i, "vpc_id", ["aws_vpc"], all: true).filter { v in vpcs[v]?.cidrs.contains { $0.contains(c) } ?? false } : []
            guard let v = holding.count == 1 ? holding[0] : reference(i, "vpc_id", ["aws_vpc"], required: true) else { continue }
            let zone = r.values.string("availability_zone")
            var subnet = Subnet(id: id(i), name: name(r), availabilityZone: zone ?? Self.knownAfterApply, cidr: c,
                                origin: origin(r, ["id": "id", "cidr": "cidr_block", "az": "availability_zone"]))
            subnet.availabilityZoneID = r.values.string("availability_zone_id")
            subnet.mapPublicIPOnLaunch = r.values.bool("map_public_ip_on_launch") ?? false
            subnet.ownerID = r.values.string("owner_id")
            if regionOfVPC[v] == nil, let zone, let region = Regions.region(ofAvailabilityZone: zone) { regionOfVPC[v] = region }
            owner[subnet.id] = v
            vpcs[v]?.subnets.append(subnet)
        }
        for i in indices("aws_route_table_association") {
            guard resources[i].values.string("gateway_id") == nil else { continue } // an edge association
            guard let s = reference(i, "subnet_id", ["aws_subnet"]), let table = routeTableID(i, "route_table_id") else { continue }
            let subnetID = id(s)
            guard let v = owner[subnetID], let k = vpcs[v]?.subnets.firstIndex(where: { $0.id == subnetID }) else { continue }
            vpcs[v]!.subnets[k].routeTableID = table.id
            vpcs[v]!.subnets[k].origin.fields["route_table"] = location(resources[i], "route_table_id")
        }
    }

    /// The VPC (resource index) a subnet id belongs to.
    func vpcOfSubnet(_ subnetID: String) -> Int? { owner[subnetID] }

    mutating func buildGateways() {
        for i in indices("aws_internet_gateway") {
            let r = resources[i]
            var v = reference(i, "vpc_id", ["aws_vpc"])
            if v == nil {
                for a in indices("aws_internet_gateway_attachment") where reference(a, "internet_gateway_id", ["aws_internet_gateway"]) == i {
                    v = reference(a, "vpc_id", ["aws_vpc"], required: true)
                }
            }
            guard let v else { continue }
            if vpcs[v]?.internetGateway != nil {
                warning(r, "vpc_id", "a second internet gateway for \(resources[v].address); a VPC has one, the first is kept", rule: "tf-duplicate")
                continue
            }
            let gateway = InternetGateway(id: id(i), name: name(r), origin: origin(r, ["id": "id"]))
            vpcs[v]?.internetGateway = gateway
        }
        for i in indices("aws_nat_gateway") {
            let r = resources[i]
            guard let s = reference(i, "subnet_id", ["aws_subnet"], required: true), let v = owner[id(s)] else { continue }
            var nat = NATGateway(id: id(i), name: name(r), subnetID: id(s),
                                 connectivity: r.values.string("connectivity_type") == "private" ? .private : .public,
                                 privateIP: ip(r, "private_ip"), publicIP: ip(r, "public_ip"), origin: origin(r, ["id": "id", "subnet": "subnet_id"]))
            // In a plan the address's public IP is known only after apply: the allocation is not followed.
            if nat.publicIP == nil, nat.connectivity == .public, r.values.string("allocation_id") != nil, let e = reference(i, "allocation_id", ["aws_eip"]) {
                nat.publicIP = ip(resources[e], "public_ip")
                used.insert(e)
            }
            vpcs[v]?.natGateways.append(nat)
        }
        for i in indices("aws_vpn_gateway") {
            let r = resources[i]
            var v = reference(i, "vpc_id", ["aws_vpc"])
            if v == nil {
                for a in indices("aws_vpn_gateway_attachment") where reference(a, "vpn_gateway_id", ["aws_vpn_gateway"]) == i {
                    v = reference(a, "vpc_id", ["aws_vpc"], required: true)
                }
            }
            guard let v else { continue }
            let gateway = VPNGateway(id: id(i), name: name(r), origin: origin(r, ["id": "id"]))
            vpcs[v]?.vpnGateway = gateway
            owner[id(i)] = v
        }
    }
}
