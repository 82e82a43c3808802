import VPCModel

/// Turns recognised AWS CLI outputs into `AWSSnapshot` records. Anything it does not understand is
/// skipped with a warning naming the file and JSON path; it never stops at the first problem.
struct AWSSnapshotDecoder {
    var snapshot = AWSSnapshot()
    var diagnostics = DiagnosticCollector()

    /// States of resources that are gone or going: such resources are left out.
    static let goneStates: Set<String> = ["deleted", "deleting", "failed", "rejected", "expired", "detached", "detaching"]

    mutating func decode(_ root: JSONNode, kind: AWSOutputKind, folderRegion: String?, fileName: String) {
        snapshot.outputCount += 1
        let items = root[kind.listKey]?.elements ?? []
        func record<T>(_ value: T, _ node: JSONNode) -> AWSSnapshot.Record<T> {
            AWSSnapshot.Record(value: value, location: node.location, folderRegion: folderRegion)
        }
        /// Decodes each item, keeping those that decode.
        func each<T>(_ decode: (inout AWSSnapshotDecoder, JSONNode) -> T?) -> [AWSSnapshot.Record<T>] {
            items.compactMap { n in decode(&self, n).map { record($0, n) } }
        }
        switch kind {
        case .vpcs: snapshot.vpcs += each { $0.vpc($1) }
        case .vpcAttribute: if let a = vpcAttribute(root) { snapshot.vpcAttributes.append(record(a, root)) }
        case .subnets: snapshot.subnets += each { $0.subnet($1) }
        case .routeTables: snapshot.routeTables += each { $0.routeTable($1) }
        case .vpcEndpoints: for n in items { endpoint(n, folderRegion: folderRegion) }
        case .networkInterfaces: snapshot.networkInterfaces += each { $0.networkInterface($1) }
        case .internetGateways: snapshot.internetGateways += each { $0.internetGateway($1) }
        case .natGateways: snapshot.natGateways += each { $0.natGateway($1) }
        case .peeringConnections: snapshot.peerings += each { $0.peering($1) }
        case .transitGateways: snapshot.transitGateways += each { $0.transitGateway($1) }
        case .transitGatewayAttachments: snapshot.transitGatewayAttachments += each { $0.transitGatewayAttachment($1, vpcOnly: false) }
        case .transitGatewayVPCAttachments: snapshot.transitGatewayAttachments += each { $0.transitGatewayAttachment($1, vpcOnly: true) }
        case .vpnConnections: snapshot.vpnConnections += each { $0.vpnConnection($1) }
        case .vpnGateways: snapshot.vpnGateways += each { $0.vpnGateway($1) }
        case .customerGateways: snapshot.customerGateways += each { $0.customerGateway($1) }
        case .securityGroups: snapshot.securityGroups += each { $0.securityGroup($1) }
        case .prefixLists:
            // describe-managed-prefix-lists has the same shape plus AddressFamily and OwnerId: customer-managed lists are kept whole.
            snapshot.managedPrefixLists += each { $0.managedPrefixList($1) }
            snapshot.prefixLists += each { d, n in
                guard let id = d.required(n, "PrefixListId", "prefix list"), let name = d.required(n, "PrefixListName", "prefix list") else { return nil }
                return AWSSnapshot.PrefixListFacts(id: id, name: name)
            }
        case .resolverEndpoints: snapshot.resolverEndpoints += each { $0.resolverEndpoint($1) }
        case .resolverEndpointIPAddresses:
            let addresses = items.compactMap { resolverIPAddress($0) }
            snapshot.resolverIPAddressLists.append(record(AWSSnapshot.ResolverIPAddressList(fileName: fileName, addresses: addresses), root))
        case .resolverRules: snapshot.resolverRules += each { $0.resolverRule($1) }
        case .resolverRuleAssociations: snapshot.resolverRuleAssociations += each { $0.resolverRuleAssociation($1) }
        case .hostedZones: snapshot.hostedZones += each { $0.hostedZone($1, vpcs: nil) }
        case .hostedZone:
            if let zoneNode = root["HostedZone"], let zone = hostedZone(zoneNode, vpcs: root["VPCs"]) {
                snapshot.hostedZones.append(record(zone, zoneNode))
            }
        case .hostedZonesByVPC:
            let zones = each { d, n -> (zoneID: String, name: String)? in
                guard let id = d.required(n, "HostedZoneId", "hosted zone"), let name = d.required(n, "Name", "hosted zone") else { return nil }
                return (Self.zoneID(id), Self.domain(name))
            }
            snapshot.hostedZoneSummaryLists.append(record(AWSSnapshot.HostedZoneSummaryList(fileName: fileName, zones: zones), root))
        case .resourceRecordSets:
            let list = recordSets(items, fileName: fileName, location: root.location)
            snapshot.recordSetLists.append(record(list, root))
        case .networkACLs: snapshot.networkACLs += each { $0.networkACL($1) }
        case .directConnectGateways: snapshot.directConnectGateways += each { $0.directConnectGateway($1) }
        case .directConnectGatewayAssociations: snapshot.directConnectAssociations += each { $0.directConnectAssociation($1) }
        case .dhcpOptions: snapshot.dhcpOptions += each { $0.dhcpOptions($1) }
        case .egressOnlyInternetGateways: snapshot.egressOnlyInternetGateways += each { $0.egressOnlyInternetGateway($1) }
        case .transitGatewayRouteTables: snapshot.transitGatewayRouteTables += each { $0.transitGatewayRouteTable($1) }
        case .transitGatewayRoutes:
            let routes = items.compactMap { transitGatewayRoute($0, fileName: fileName) }
            let truncated = root.bool("AdditionalRoutesAvailable") == true
            if truncated {
                warn("'\(fileName)' says more routes are available than it lists (AdditionalRoutesAvailable); the routes it lists are kept, others are not in the snapshot",
                     at: root.location(of: "AdditionalRoutesAvailable"), rule: "aws-incomplete")
            }
            snapshot.transitGatewayRouteLists.append(record(AWSSnapshot.TransitGatewayRouteList(fileName: fileName, routes: routes, truncated: truncated), root))
        case .transitGatewayRouteTableAssociations, .transitGatewayRouteTablePropagations:
            let ids = items.filter { n in
                let state = n.state("State") ?? "associated"
                return state == "associated" || state == "associating" || state == "enabled" || state == "enabling"
            }.compactMap { $0.string("TransitGatewayAttachmentId") }
            let list = record(AWSSnapshot.TransitGatewayAttachmentList(fileName: fileName, attachmentIDs: ids), root)
            if kind == .transitGatewayRouteTableAssociations { snapshot.transitGatewayAssociationLists.append(list) } else { snapshot.transitGatewayPropagationLists.append(list) }
        case .prefixListEntries:
            let entries = items.compactMap { n -> PrefixListEntry? in
                cidr(n, "Cidr", what: "prefix list entry").map { PrefixListEntry(cidr: $0, description: n.string("Description"), origin: Origin(n.location)) }
            }
            snapshot.prefixListEntryLists.append(record(AWSSnapshot.PrefixListEntryList(fileName: fileName, entries: entries), root))
        }
    }

    // MARK: - Helpers

    /// True (and the resource recorded as gone) when its `key` member names a gone or going state.
    mutating func isGone(_ n: JSONNode, _ key: String = "State", what: String, id: String) -> Bool {
        guard let state = n.state(key), Self.goneStates.contains(state) else { return false }
        snapshot.goneResources.append(AWSSnapshot.GoneResource(what: what, id: id, state: state, location: n.location(of: key)))
        return true
    }

    mutating func warn(_ message: String, at location: SourceLocation, rule: String = "aws-skipped") {
        diagnostics.emit(.warning(message, at: location, rule: rule))
    }

    /// A required string member, or a warning saying what is skipped without it.
    mutating func required(_ node: JSONNode, _ key: String, _ what: String, id: String? = nil) -> String? {
        if let value = node.string(key) { return value }
        let subject = id.map { "\(what) '\($0)'" } ?? what
        warn("missing '\(key)'; \(subject) skipped", at: node.location(of: key), rule: "aws-missing-field")
        return nil
    }

    mutating func cidr(_ node: JSONNode, _ key: String, what: String) -> CIDR? {
        guard let text = node.string(key) else { return nil }
        switch CIDR.parse(text) {
        case .success(let c): return c
        case .failure(.hostBitsSet(let network)):
            warn("'\(text)' is not a network address (did AWS mean '\(network)'?); \(what) skipped", at: node.location(of: key), rule: "aws-bad-value")
        case .failure(.malformed):
            warn("'\(text)' is not a CIDR block; \(what) skipped", at: node.location(of: key), rule: "aws-bad-value")
        }
        return nil
    }

    func reference(_ node: JSONNode, _ key: String) -> AWSSnapshot.Reference? {
        node.string(key).map { AWSSnapshot.Reference(id: $0, location: node.location(of: key)) }
    }

    /// The region in an ARN (`arn:aws:ec2:eu-west-1:123456789012:transit-gateway/tgw-…`).
    static func region(ofARN arn: String?) -> String? {
        guard let arn else { return nil }
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count > 4, Regions.looksLikeRegion(String(parts[3])) else { return nil }
        return String(parts[3])
    }

    /// A domain as the model writes it: lower-case, no trailing dot, `\052` read as `*`.
    static func domain(_ name: String) -> String {
        var d = name.replacingOccurrences(of: "\\052", with: "*").lowercased()
        while d.hasSuffix(".") { d.removeLast() }
        return d
    }

    /// A hosted zone id without its `/hostedzone/` prefix.
    static func zoneID(_ id: String) -> String {
        id.hasPrefix("/hostedzone/") ? String(id.dropFirst("/hostedzone/".count)) : id
    }

    /// True for the policy AWS gives an endpoint when none is set: allow everything to everyone.
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

    // MARK: - EC2

    mutating func vpc(_ n: JSONNode) -> AWSSnapshot.VPCFacts? {
        guard let id = required(n, "VpcId", "VPC") else { return nil }
        if isGone(n, what: "VPC", id: id) { return nil }
        var cidrs: [CIDR] = []
        var ipv6: [CIDR] = []
        func add(_ c: CIDR?) { if let c, !cidrs.contains(c) { cidrs.append(c) } }
        add(cidr(n, "CidrBlock", what: "CIDR block of VPC '\(id)'"))
        for association in n["CidrBlockAssociationSet"]?.elements ?? [] {
            let state = association["CidrBlockState"]?.state("State") ?? "associated"
            if state == "associated" { add(cidr(association, "CidrBlock", what: "CIDR block of VPC '\(id)'")) }
        }
        for association in n["Ipv6CidrBlockAssociationSet"]?.elements ?? [] {
            let state = association["Ipv6CidrBlockState"]?.state("State") ?? "associated"
            if state == "associated", let c = cidr(association, "Ipv6CidrBlock", what: "IPv6 CIDR block of VPC '\(id)'"), !ipv6.contains(c) { ipv6.append(c) }
        }
        let isDefault = n.bool("IsDefault") ?? false
        // AWS defaults: DNS support on; DNS hostnames on only in a default VPC. describe-vpc-attribute overrides.
        var vpc = VPC(id: id, name: n.nameTag, cidrs: cidrs, dnsSupport: true, dnsHostnames: isDefault,
                      origin: Origin(n.location, fields: ["id": n.location(of: "VpcId"), "cidr": n.location(of: "CidrBlock")]))
        vpc.ownerID = n.string("OwnerId")
        vpc.ipv6CIDRs = ipv6
        return AWSSnapshot.VPCFacts(vpc: vpc, isDefault: isDefault, dhcpOptionsID: n.string("DhcpOptionsId"))
    }

    mutating func vpcAttribute(_ n: JSONNode) -> AWSSnapshot.VPCAttribute? {
        guard let id = required(n, "VpcId", "VPC attribute") else { return nil }
        func value(_ key: String) -> Bool? {
            guard let attribute = n[key] else { return nil }
            return attribute.bool("Value")
        }
        return AWSSnapshot.VPCAttribute(vpcID: id, dnsSupport: value("EnableDnsSupport"), dnsHostnames: value("EnableDnsHostnames"))
    }

    mutating func subnet(_ n: JSONNode) -> AWSSnapshot.SubnetFacts? {
        guard let id = required(n, "SubnetId", "subnet") else { return nil }
        guard let vpc = reference(n, "VpcId") else { _ = required(n, "VpcId", "subnet", id: id); return nil }
        guard let zone = required(n, "AvailabilityZone", "subnet", id: id) else { return nil }
        if isGone(n, what: "subnet", id: id) { return nil }
        guard n.string("CidrBlock") != nil else {
            // IPv6-only subnets have no IPv4 block; the model needs one.
            warn("subnet '\(id)' has no IPv4 CIDR block (IPv6-only subnets are not drawn); skipped", at: n.location(of: "CidrBlock"))
            return nil
        }
        guard let block = cidr(n, "CidrBlock", what: "subnet '\(id)'") else { return nil }
        var subnet = Subnet(id: id, name: n.nameTag, availabilityZone: zone, cidr: block,
                            origin: Origin(n.location, fields: ["id": n.location(of: "SubnetId"), "cidr": n.location(of: "CidrBlock"), "az": n.location(of: "AvailabilityZone")]))
        subnet.availabilityZoneID = n.string("AvailabilityZoneId")
        subnet.mapPublicIPOnLaunch = n.bool("MapPublicIpOnLaunch") ?? false
        subnet.ownerID = n.string("OwnerId")
        for association in n["Ipv6CidrBlockAssociationSet"]?.elements ?? [] {
            let state = association["Ipv6CidrBlockState"]?.state("State") ?? "associated"
            if state == "associated", let c = cidr(association, "Ipv6CidrBlock", what: "IPv6 CIDR block of subnet '\(id)'"), !subnet.ipv6CIDRs.contains(c) {
                subnet.ipv6CIDRs.append(c)
            }
        }
        return AWSSnapshot.SubnetFacts(subnet: subnet, vpc: vpc)
    }

    mutating func routeTable(_ n: JSONNode) -> AWSSnapshot.RouteTableFacts? {
        guard let id = required(n, "RouteTableId", "route table") else { return nil }
        guard let vpc = reference(n, "VpcId") else { _ = required(n, "VpcId", "route table", id: id); return nil }
        var isMain = false
        var subnets: [AWSSnapshot.Reference] = []
        var gatewayIDs: [String] = []
        for association in n["Associations"]?.elements ?? [] {
            let state = association["AssociationState"]?.state("State") ?? "associated"
            guard state == "associated" || state == "associating" else { continue }
            if association.bool("Main") == true { isMain = true }
            if let subnet = reference(association, "SubnetId") { subnets.append(subnet) }
            // An ingress (edge) association: the table routes traffic entering through an internet or virtual private gateway.
            if let gateway = association.string("GatewayId"), !gatewayIDs.contains(gateway) { gatewayIDs.append(gateway) }
        }
        var routes: [Route] = []
        for r in n["Routes"]?.elements ?? [] {
            if let route = route(r, table: id) { routes.append(route) }
        }
        var table = RouteTable(id: id, name: n.nameTag, isMain: isMain, routes: routes, origin: Origin(n.location))
        table.gatewayIDs = gatewayIDs.sorted()
        return AWSSnapshot.RouteTableFacts(table: table, vpc: vpc, subnets: subnets)
    }

    /// Target members of a route, in the order that decides which names the target.
    static let routeTargetKeys = ["GatewayId", "NatGatewayId", "TransitGatewayId", "VpcPeeringConnectionId",
                                  "EgressOnlyInternetGatewayId", "NetworkInterfaceId", "InstanceId", "LocalGatewayId",
                                  "CarrierGatewayId", "CoreNetworkArn"]

    mutating func route(_ r: JSONNode, table: String) -> Route? {
        let destination: Route.Destination
        if r.string("DestinationCidrBlock") != nil {
            guard let c = cidr(r, "DestinationCidrBlock", what: "route in '\(table)'") else { return nil }
            destination = .cidr(c)
        } else if r.string("DestinationIpv6CidrBlock") != nil {
            guard let c = cidr(r, "DestinationIpv6CidrBlock", what: "route in '\(table)'") else { return nil }
            destination = .cidr(c)
        } else if let list = r.string("DestinationPrefixListId") {
            destination = .prefixList(list)
        } else {
            warn("route in '\(table)' has no destination; skipped", at: r.location, rule: "aws-missing-field")
            return nil
        }
        // A route to an instance also names the instance's network interface: prefer that.
        let keys = r.string("NetworkInterfaceId") != nil ? Self.routeTargetKeys.filter { $0 != "InstanceId" } : Self.routeTargetKeys
        guard let key = keys.first(where: { r.string($0) != nil }), let text = r.string(key) else {
            warn("route to '\(destination)' in '\(table)' has no target; skipped", at: r.location, rule: "aws-missing-field")
            return nil
        }
        guard let target = RouteTarget(text) else {
            warn("route to '\(destination)' in '\(table)' goes to '\(text)', a kind of target vpcgraph does not draw; skipped",
                 at: r.location(of: key))
            return nil
        }
        let state = r.state("State").flatMap(Route.State.init) ?? .active
        return Route(destination: destination, target: target, state: state, propagated: r.string("Origin") == "EnableVgwRoutePropagation",
                     origin: Origin(r.location, fields: ["target": r.location(of: key)]))
    }

    /// Interface and gateway endpoints come in one output; each goes to its own list.
    mutating func endpoint(_ n: JSONNode, folderRegion: String?) {
        func record<T>(_ value: T) -> AWSSnapshot.Record<T> { AWSSnapshot.Record(value: value, location: n.location, folderRegion: folderRegion) }
        guard let id = required(n, "VpcEndpointId", "VPC endpoint") else { return }
        guard let vpc = reference(n, "VpcId") else { _ = required(n, "VpcId", "VPC endpoint", id: id); return }
        if isGone(n, what: "VPC endpoint", id: id) { return }
        if let kind = Self.latticeKind(n.state("VpcEndpointType")) {
            snapshot.latticeEndpoints.append(record(AWSSnapshot.LatticeEndpointFacts(endpoint: latticeEndpoint(n, id: id, kind: kind), vpc: vpc)))
            return
        }
        guard let serviceName = required(n, "ServiceName", "VPC endpoint", id: id) else { return }
        let service = ServiceName(fullName: serviceName)
        let policy = n.string("PolicyDocument")
        let defaultPolicy = Self.isDefaultPolicy(policy)
        switch n.state("VpcEndpointType") {
        case "interface":
            var endpoint = InterfaceEndpoint(
                id: id, name: n.nameTag, service: service, privateDNS: n.bool("PrivateDnsEnabled") ?? false,
                securityGroupIDs: (n["Groups"]?.elements ?? []).compactMap { $0.string("GroupId") },
                policy: defaultPolicy ? nil : policy,
                origin: Origin(n.location, fields: ["service": n.location(of: "ServiceName"), "security_groups": n.location(of: "Groups"),
                                                    "private_dns": n.location(of: "PrivateDnsEnabled")]))
            endpoint.pendingState = n.string("State").flatMap(PendingState.init(aws:))
            interfaceEndpointOptions(n, into: &endpoint)
            let subnets = (n["SubnetIds"]?.elements ?? []).compactMap { s in s.string.map { AWSSnapshot.Reference(id: $0, location: s.location) } }
            let dnsNames = (n["DnsEntries"]?.elements ?? []).compactMap { $0.string("DnsName") }.map(Self.domain)
            snapshot.interfaceEndpoints.append(record(AWSSnapshot.InterfaceEndpointFacts(
                endpoint: endpoint, vpc: vpc, subnets: subnets, networkInterfaceIDs: n.strings("NetworkInterfaceIds"),
                dnsNames: dnsNames, defaultPolicy: defaultPolicy)))
        case "gateway":
            let endpoint = GatewayEndpoint(id: id, name: n.nameTag, service: service, policy: defaultPolicy ? nil : policy,
                                           origin: Origin(n.location, fields: ["service": n.location(of: "ServiceName"), "route_tables": n.location(of: "RouteTableIds")]))
            snapshot.gatewayEndpoints.append(record(AWSSnapshot.GatewayEndpointFacts(endpoint: endpoint, vpc: vpc, defaultPolicy: defaultPolicy)))
        case "gatewayloadbalancer":
            let subnets = n["SubnetIds"]?.elements ?? []
            if subnets.count > 1 {
                warn("Gateway Load Balancer endpoint '\(id)' lists \(subnets.count) subnets; the first is kept", at: n.location(of: "SubnetIds"), rule: "aws-bad-value")
            }
            let endpoint = GatewayLoadBalancerEndpoint(id: id, name: n.nameTag, service: service, subnetID: subnets.first?.string,
                                                       origin: Origin(n.location, fields: ["service": n.location(of: "ServiceName"),
                                                                                           "subnet": subnets.first?.location ?? n.location]))
            snapshot.gatewayLoadBalancerEndpoints.append(record(AWSSnapshot.GatewayLoadBalancerEndpointFacts(
                endpoint: endpoint, vpc: vpc, networkInterfaceIDs: n.strings("NetworkInterfaceIds"))))
        case let type:
            warn("VPC endpoint '\(id)' is of type '\(n.string("VpcEndpointType") ?? type ?? "?")', which vpcgraph does not draw; skipped",
                 at: n.location(of: "VpcEndpointType"))
        }
    }

    mutating func networkInterface(_ n: JSONNode) -> AWSSnapshot.NetworkInterfaceFacts? {
        // Most interfaces belong to instances and are not needed: skip quietly what is incomplete.
        guard let id = n.string("NetworkInterfaceId"), let subnet = n.string("SubnetId") else { return nil }
        let primary = (n["PrivateIpAddresses"]?.elements ?? []).first { $0.bool("Primary") == true }?.string("PrivateIpAddress")
        guard let text = n.string("PrivateIpAddress") ?? primary else { return nil }
        guard let ip = IPAddress(text) else {
            warn("'\(text)' is not an IP address; network interface '\(id)' skipped", at: n.location(of: "PrivateIpAddress"), rule: "aws-bad-value")
            return nil
        }
        let ipv6s = n["Ipv6Addresses"]?.elements ?? []
        let ipv6 = (ipv6s.first { $0.bool("IsPrimaryIpv6") == true } ?? ipv6s.first)?.string("Ipv6Address").flatMap(IPAddress.init)
        return AWSSnapshot.NetworkInterfaceFacts(id: id, subnetID: subnet, ip: ip, ipv6: ipv6?.family == .v6 ? ipv6 : nil, description: n.string("Description") ?? "",
                                                 availabilityZone: n.string("AvailabilityZone"),
                                                 origin: Origin(n.location, fields: ["subnet": n.location(of: "SubnetId"),
                                                                                     "ip": n.location(of: n.string("PrivateIpAddress") != nil ? "PrivateIpAddress" : "PrivateIpAddresses")]))
    }

    mutating func internetGateway(_ n: JSONNode) -> AWSSnapshot.InternetGatewayFacts? {
        guard let id = required(n, "InternetGatewayId", "internet gateway") else { return nil }
        let vpcs = (n["Attachments"]?.elements ?? []).filter { a in
            let state = a.state("State") ?? "attached"
            if state == "detaching" {
                snapshot.goneResources.append(AWSSnapshot.GoneResource(what: "internet gateway", id: id, state: state,
                                                                       detail: a.string("VpcId").map { " from VPC '\($0)'" } ?? "", location: a.location(of: "State")))
            }
            return state == "attached" || state == "available" || state == "attaching"
        }.compactMap { reference($0, "VpcId") }
        return AWSSnapshot.InternetGatewayFacts(gateway: InternetGateway(id: id, name: n.nameTag, origin: Origin(n.location)), vpcs: vpcs)
    }

    mutating func natGateway(_ n: JSONNode) -> AWSSnapshot.NATGatewayFacts? {
        guard let id = required(n, "NatGatewayId", "NAT gateway") else { return nil }
        if isGone(n, what: "NAT gateway", id: id) { return nil }
        guard let vpc = reference(n, "VpcId") else { _ = required(n, "VpcId", "NAT gateway", id: id); return nil }
        guard let subnet = required(n, "SubnetId", "NAT gateway", id: id) else { return nil }
        let addresses = n["NatGatewayAddresses"]?.elements ?? []
        let primary = addresses.first { $0.bool("IsPrimary") == true } ?? addresses.first
        let connectivity: NATGateway.Connectivity = n.state("ConnectivityType") == "private" ? .private : .public
        let secondary = addresses.filter { $0.bool("IsPrimary") == false && !Self.goneStates.contains($0.state("Status") ?? "succeeded") }
        var gateway = NATGateway(id: id, name: n.nameTag, subnetID: subnet, connectivity: connectivity,
                                 privateIP: primary?.string("PrivateIp").flatMap(IPAddress.init),
                                 publicIP: primary?.string("PublicIp").flatMap(IPAddress.init),
                                 origin: Origin(n.location, fields: ["subnet": n.location(of: "SubnetId"), "private_ip": primary?.location(of: "PrivateIp") ?? n.location]))
        gateway.pendingState = n.string("State").flatMap(PendingState.init(aws:))
        gateway.secondaryPrivateIPs = secondary.compactMap { $0.string("PrivateIp").flatMap(IPAddress.init) }
        gateway.secondaryPublicIPs = secondary.compactMap { $0.string("PublicIp").flatMap(IPAddress.init) }
        return AWSSnapshot.NATGatewayFacts(gateway: gateway, vpc: vpc)
    }

    mutating func peering(_ n: JSONNode) -> AWSSnapshot.PeeringFacts? {
        guard let id = required(n, "VpcPeeringConnectionId", "peering connection") else { return nil }
        guard let requester = n["RequesterVpcInfo"], let accepter = n["AccepterVpcInfo"] else {
            warn("peering connection '\(id)' lacks 'RequesterVpcInfo' or 'AccepterVpcInfo'; skipped", at: n.location, rule: "aws-missing-field")
            return nil
        }
        guard let from = required(requester, "VpcId", "peering connection", id: id),
              let to = required(accepter, "VpcId", "peering connection", id: id) else { return nil }
        let peering = PeeringConnection(id: id, name: n.nameTag, requesterVPCID: from, accepterVPCID: to, origin: Origin(n.location))
        var facts = AWSSnapshot.PeeringFacts(peering: peering, requesterRegion: requester.string("Region"), accepterRegion: accepter.string("Region"),
                                             requesterLocation: requester.location(of: "VpcId"), accepterLocation: accepter.location(of: "VpcId"),
                                             status: n["Status"]?.state("Code") ?? "active")
        func blocks(_ side: JSONNode, _ list: String, _ key: String) -> [CIDR] {
            var out: [CIDR] = []
            for item in side[list]?.elements ?? [] { if let c = cidr(item, key, what: "CIDR block of peering '\(id)'"), !out.contains(c) { out.append(c) } }
            if out.isEmpty, key == "CidrBlock", let c = cidr(side, "CidrBlock", what: "CIDR block of peering '\(id)'") { out.append(c) }
            return out
        }
        facts.requesterOwner = requester.string("OwnerId")
        facts.accepterOwner = accepter.string("OwnerId")
        facts.requesterCIDRs = blocks(requester, "CidrBlockSet", "CidrBlock")
        facts.accepterCIDRs = blocks(accepter, "CidrBlockSet", "CidrBlock")
        facts.requesterIPv6CIDRs = blocks(requester, "Ipv6CidrBlockSet", "Ipv6CidrBlock")
        facts.accepterIPv6CIDRs = blocks(accepter, "Ipv6CidrBlockSet", "Ipv6CidrBlock")
        return facts
    }

    mutating func transitGateway(_ n: JSONNode) -> AWSSnapshot.TransitGatewayFacts? {
        guard let id = required(n, "TransitGatewayId", "transit gateway") else { return nil }
        if isGone(n, what: "transit gateway", id: id) { return nil }
        let gateway = TransitGateway(id: id, name: n.nameTag, asn: n["Options"]?.int("AmazonSideAsn"), origin: Origin(n.location))
        return AWSSnapshot.TransitGatewayFacts(gateway: gateway, arnRegion: Self.region(ofARN: n.string("TransitGatewayArn")))
    }

    mutating func transitGatewayAttachment(_ n: JSONNode, vpcOnly: Bool) -> AWSSnapshot.TransitGatewayAttachmentFacts? {
        guard let id = required(n, "TransitGatewayAttachmentId", "transit gateway attachment"),
              let tgw = required(n, "TransitGatewayId", "transit gateway attachment", id: id) else { return nil }
        let state = n.state("State") ?? "available"
        if vpcOnly {
            return AWSSnapshot.TransitGatewayAttachmentFacts(id: id, transitGatewayID: tgw, resourceType: "vpc", resourceID: n.string("VpcId"),
                                                              subnetIDs: n.strings("SubnetIds"), state: state)
        }
        var facts = AWSSnapshot.TransitGatewayAttachmentFacts(id: id, transitGatewayID: tgw, resourceType: n.state("ResourceType") ?? "",
                                                              resourceID: n.string("ResourceId"), subnetIDs: nil, state: state)
        if let association = n["Association"], ["associated", "associating"].contains(association.state("State") ?? "associated") {
            facts.routeTableID = association.string("TransitGatewayRouteTableId")
        }
        return facts
    }

    mutating func vpnConnection(_ n: JSONNode) -> AWSSnapshot.VPNConnectionFacts? {
        guard let id = required(n, "VpnConnectionId", "VPN connection") else { return nil }
        if isGone(n, what: "VPN connection", id: id) { return nil }
        let gateway: VPNConnection.Gateway
        if let vgw = n.string("VpnGatewayId") {
            gateway = .vpnGateway(vgw)
        } else if let tgw = n.string("TransitGatewayId") {
            gateway = .transitGateway(tgw)
        } else {
            warn("VPN connection '\(id)' ends on neither a virtual private gateway nor a transit gateway; skipped", at: n.location)
            return nil
        }
        var remote: [CIDR] = []
        for r in n["Routes"]?.elements ?? [] where !Self.goneStates.contains(r.state("State") ?? "available") {
            if let c = cidr(r, "DestinationCidrBlock", what: "VPN route of '\(id)'"), !remote.contains(c) { remote.append(c) }
        }
        if remote.isEmpty, let options = n["Options"], options.string("RemoteIpv4NetworkCidr") != nil,
           let c = cidr(options, "RemoteIpv4NetworkCidr", what: "remote network of '\(id)'"), !c.isDefaultRoute {
            remote.append(c)
        }
        let cgw = n.string("CustomerGatewayId")
        var connection = VPNConnection(id: id, name: n.nameTag, gateway: gateway, customerGatewayID: cgw, onPremisesID: cgw, origin: Origin(n.location))
        // VgwTelemetry: one item per tunnel, AWS's outside IP and its status (the keys are never in it).
        connection.tunnels = (n["VgwTelemetry"]?.elements ?? []).compactMap { t in
            t.string("OutsideIpAddress").flatMap(IPAddress.init).map {
                VPNTunnel(outsideIP: $0, status: t.string("Status"), statusMessage: t.string("StatusMessage").flatMap { $0.isEmpty ? nil : $0 }, origin: Origin(t.location))
            }
        }
        connection.tunnels.sort { $0.outsideIP < $1.outsideIP }
        return AWSSnapshot.VPNConnectionFacts(connection: connection, remoteCIDRs: remote)
    }

    mutating func vpnGateway(_ n: JSONNode) -> AWSSnapshot.VPNGatewayFacts? {
        guard let id = required(n, "VpnGatewayId", "virtual private gateway") else { return nil }
        if isGone(n, what: "virtual private gateway", id: id) { return nil }
        let vpcs = (n["VpcAttachments"]?.elements ?? []).filter {
            let state = $0.state("State") ?? "attached"
            return state == "attached" || state == "attaching"
        }.compactMap { reference($0, "VpcId") }
        return AWSSnapshot.VPNGatewayFacts(gateway: VPNGateway(id: id, name: n.nameTag, origin: Origin(n.location)), vpcs: vpcs)
    }

    mutating func customerGateway(_ n: JSONNode) -> AWSSnapshot.CustomerGatewayFacts? {
        guard let id = required(n, "CustomerGatewayId", "customer gateway") else { return nil }
        if isGone(n, what: "customer gateway", id: id) { return nil }
        return AWSSnapshot.CustomerGatewayFacts(id: id, name: n.nameTag ?? n.string("DeviceName"), ip: n.string("IpAddress").flatMap(IPAddress.init),
                                                asn: n.string("BgpAsn").flatMap { Int($0) } ?? n.int("BgpAsn"))
    }

    mutating func securityGroup(_ n: JSONNode) -> AWSSnapshot.SecurityGroupFacts? {
        guard let id = required(n, "GroupId", "security group") else { return nil }
        guard let vpc = reference(n, "VpcId") else { _ = required(n, "VpcId", "security group", id: id); return nil }
        var rules: [SecurityGroupRule] = []
        for permission in n["IpPermissions"]?.elements ?? [] {
            rules += securityGroupRules(permission, group: id)
        }
        var group = SecurityGroup(id: id, name: n.nameTag ?? n.string("GroupName"), description: n.string("Description"),
                                  ingress: rules, origin: Origin(n.location, fields: ["id": n.location(of: "GroupId")]))
        for permission in n["IpPermissionsEgress"]?.elements ?? [] {
            group.egress += securityGroupRules(permission, group: id)
        }
        return AWSSnapshot.SecurityGroupFacts(group: group, vpc: vpc)
    }

    /// One rule per distinct source description in a permission, sources in AWS order. The protocol and
    /// range are kept as AWS gives them: odd `FromPort`/`ToPort` values are documented as they are
    /// (with a warning), never widened to all ports.
    mutating func securityGroupRules(_ p: JSONNode, group: String) -> [SecurityGroupRule] {
        guard let rawProtocol = p.string("IpProtocol") ?? p.int("IpProtocol").map(String.init) else {
            warn("rule of security group '\(group)' has no 'IpProtocol'; skipped", at: p.location(of: "IpProtocol"), rule: "aws-missing-field")
            return []
        }
        guard let ipProtocol = IPProtocol(rawProtocol) else {
            warn("rule of security group '\(group)' is for protocol '\(rawProtocol)', which is not a protocol name or number 0-255; skipped",
                 at: p.location(of: "IpProtocol"), rule: "aws-bad-value")
            return []
        }
        func port(_ key: String) -> (value: Int?, ok: Bool) {
            guard p[key] != nil else { return (nil, true) }
            guard let value = p.int(key) else {
                warn("'\(key)' of a rule of security group '\(group)' is not a whole number; rule skipped", at: p.location(of: key), rule: "aws-bad-value")
                return (nil, false)
            }
            return (value, true)
        }
        let from = port("FromPort"), to = port("ToPort")
        guard from.ok, to.ok else { return [] }
        let range = TrafficRange(ipProtocol: ipProtocol, fromPort: from.value, toPort: to.value)
        if case .asReported = range {
            warn("rule of security group '\(group)' has \(TrafficRange.reportedReason(ipProtocol: ipProtocol, fromPort: from.value, toPort: to.value)); documented as AWS gives them",
                 at: p.location, rule: "security-group-rule")
        }
        var groups: [(description: String?, sources: [SecurityGroupRule.Source])] = []
        func add(_ source: SecurityGroupRule.Source, _ description: String?) {
            if let i = groups.firstIndex(where: { $0.description == description }) {
                groups[i].sources.append(source)
            } else {
                groups.append((description, [source]))
            }
        }
        for r in p["IpRanges"]?.elements ?? [] {
            if let c = cidr(r, "CidrIp", what: "rule source of '\(group)'") { add(.cidr(c), r.string("Description")) }
        }
        for r in p["Ipv6Ranges"]?.elements ?? [] {
            if let c = cidr(r, "CidrIpv6", what: "rule source of '\(group)'") { add(.cidr(c), r.string("Description")) }
        }
        for r in p["PrefixListIds"]?.elements ?? [] {
            if let id = r.string("PrefixListId") { add(.prefixList(id), r.string("Description")) }
        }
        for r in p["UserIdGroupPairs"]?.elements ?? [] {
            if let id = r.string("GroupId") { add(.securityGroup(id), r.string("Description")) }
        }
        return groups.map { SecurityGroupRule(ipProtocol: ipProtocol, range: range, sources: $0.sources, description: $0.description,
                                              origin: Origin(p.location)) }
    }
}
