import VPCModel
import Yams

extension TemplateAssembler {
    /// What a reference property resolved to.
    enum Reference {
        /// A resource of the template (its logical id).
        case resource(String)
        /// Absent, outside the template, or unknown before deployment: already reported.
        case none
    }

    /// The logical id a property refers to (`!Ref X`, `!GetAtt X.SomethingId`), checked against `types`.
    /// Anything else is reported (`consequence` says what happens then) and gives nil.
    mutating func reference(_ r: TemplateResource, _ property: String, types: [String], required: Bool = true, consequence: String) -> String? {
        reference(r[property], of: r, property, types: types, required: required, consequence: consequence)
    }

    mutating func reference(_ value: TemplateValue?, of r: TemplateResource, _ property: String, types: [String], required: Bool = true,
                            consequence: String) -> String? {
        guard let value else {
            if required { error("\(r.display) has no '\(property)'; \(consequence)", at: r.location, rule: "cfn-missing-property") }
            return nil
        }
        let wanted = types.joined(separator: " or ")
        switch value.kind {
        case .ref(let id), .attribute(let id, _):
            if case .attribute(_, let attribute) = value.kind, !attribute.hasSuffix("Id") {
                error("\(r.display): '\(property)' is !GetAtt '\(id).\(attribute)', not the id of a \(wanted)", at: value.location, rule: "cfn-wrong-type")
                return nil
            }
            if let condition = leftOut[id] {
                warning("\(r.display): '\(property)' refers to '\(id)', which condition '\(condition)' leaves out; \(consequence)", at: value.location, rule: "cfn-condition-false")
                return nil
            }
            guard let target = byID[id] else { return nil }
            guard types.contains(target.type) else {
                error("\(r.display): '\(property)' refers to '\(id)', a \(target.type), not a \(wanted)", at: value.location, rule: "cfn-wrong-type")
                return nil
            }
            return id
        case .imported(let name):
            warning("\(r.display): '\(property)' is !ImportValue '\(IDRules.escaped(name))', an output of another stack; vpcgraph draws one template's resources only, so \(consequence)",
                    at: value.location, rule: "cfn-cross-stack")
        case .string(let literal):
            warning("\(r.display): '\(property)' is '\(IDRules.escaped(literal))', a resource outside the template; \(consequence)", at: value.location, rule: "cfn-cross-stack")
        case .unknown(let why):
            warning("\(r.display): '\(property)' is \(why), unknown before deployment; \(consequence)", at: value.location, rule: "cfn-unknown-value")
        case .list, .map, .noValue:
            error("\(r.display): '\(property)' should be a reference to a \(wanted), found \(value.summary)", at: value.location, rule: "cfn-wrong-type")
        }
        return nil
    }

    /// A list of references (`SubnetIds`, `RouteTableIds`); the unresolvable ones are reported and skipped.
    mutating func references(_ r: TemplateResource, _ property: String, types: [String], consequence: String) -> [String] {
        guard let value = r[property] else { return [] }
        guard let items = value.list else {
            if case .string = value.kind {} else if case .map = value.kind {} else {
                // A parameter of a list type or a value known after deployment.
                _ = reference(value, of: r, property, types: types, consequence: consequence)
                return []
            }
            error("\(r.display): '\(property)' should be a list, found \(value.summary)", at: value.location, rule: "cfn-wrong-type")
            return []
        }
        return items.compactMap { reference($0, of: r, property, types: types, consequence: consequence) }
    }

    /// A literal text property; unknown values are reported with `consequence`.
    mutating func text(_ r: TemplateResource, _ property: String, required: Bool = true, consequence: String) -> String? {
        guard let value = r[property] else {
            if required { error("\(r.display) has no '\(property)'; \(consequence)", at: r.location, rule: "cfn-missing-property") }
            return nil
        }
        if let s = value.string { return s }
        switch value.kind {
        case .list, .map:
            error("\(r.display): '\(property)' should be a string, found \(value.summary)", at: value.location, rule: "cfn-wrong-type")
        default:
            warning("\(r.display): '\(property)' is \(value.summary), unknown before deployment; \(consequence)", at: value.location, rule: "cfn-unknown-value")
        }
        return nil
    }

    mutating func cidr(_ r: TemplateResource, _ property: String, consequence: String) -> CIDR? {
        guard let text = text(r, property, consequence: consequence) else { return nil }
        guard let cidr = CIDR(text) else {
            error("\(r.display): '\(property)' '\(IDRules.escaped(text))' is not a CIDR block such as 10.0.0.0/16", at: r[property]?.location, rule: "invalid-cidr")
            return nil
        }
        return cidr
    }

    func of(_ type: String) -> [TemplateResource] { resources.filter { $0.type == type } }

    // MARK: - Building

    mutating func build(_ top: Node.Mapping) -> Topology {
        for r in resources where Self.prefixes[r.type] == nil && !Self.contributing.contains(r.type) {
            if Self.notInModel.contains(r.type) { notYetInModel[r.type, default: 0] += 1 } else { unsupported[r.type, default: 0] += 1 }
        }
        buildVPCs()
        buildSubnets()
        buildRouteTables()
        buildGateways()
        buildSecurityGroups()
        buildEndpoints()
        buildRoutes()
        buildConnections()
        buildNetworkFacts()
        buildDNS()
        addMainRouteTables()

        func summary(_ counts: [String: Int]) -> String {
            counts.keys.sorted().map { "\($0) (\(counts[$0]!))" }.joined(separator: ", ")
        }
        if !unsupported.isEmpty {
            note("left out \(Self.count(unsupported.values.reduce(0, +), "resource")) of types vpcgraph does not draw: \(summary(unsupported))", at: resourcesLocation, rule: "cfn-unsupported-resource")
        }
        if !notYetInModel.isEmpty {
            warning("left out \(Self.count(notYetInModel.values.reduce(0, +), "network resource")) vpcgraph's model cannot hold yet: \(summary(notYetInModel))", at: resourcesLocation, rule: "cfn-unsupported-resource")
        }

        var regionValue = Region(name: region, origin: Origin(resourcesLocation))
        regionValue.vpcs = vpcOrder.compactMap { vpcs[$0] }
        regionValue.peerings = peerings
        regionValue.transitGateways = transitGatewayOrder.compactMap { transitGateways[$0] }
        regionValue.vpnConnections = vpnConnections
        regionValue.privateHostedZones = zoneOrder.compactMap { zones[$0] }
        regionValue.resolverRules = resolverRuleOrder.compactMap { resolverRules[$0] }
        regionValue.prefixLists = prefixLists
        regionValue.externalVPCs = externalVPCs
        var topology = Topology(regions: [regionValue], onPremises: onPremisesOrder.compactMap { onPremises[$0] }, origin: Origin(location(root)))
        if let d = top["Description"]?.string {
            let firstLine = d.split(separator: "\n").first.map(String.init) ?? d
            topology.title = firstLine
            if firstLine != d { topology.description = d }
        }
        return topology
    }

    mutating func buildVPCs() {
        for r in of("AWS::EC2::VPC") {
            var vpc = VPC(id: modelID(r.id), name: r.nameTag, origin: r.origin)
            if let c = cidr(r, "CidrBlock", consequence: "the VPC is drawn without it") { vpc.cidrs.append(c) }
            vpc.origin.fields["cidr"] = r["CidrBlock"]?.location
            vpc.dnsSupport = r["EnableDnsSupport"]?.bool ?? true
            vpc.dnsHostnames = r["EnableDnsHostnames"]?.bool ?? false
            if r["Ipv4IpamPoolId"] != nil && r["CidrBlock"] == nil {
                warning("\(r.display): its CIDR comes from an IPAM pool, known after deployment", at: r.location, rule: "cfn-unknown-value")
            }
            vpcs[r.id] = vpc
            vpcOrder.append(r.id)
        }
        for r in of("AWS::EC2::VPCCidrBlock") {
            guard let vpc = reference(r, "VpcId", types: ["AWS::EC2::VPC"], consequence: "the CIDR block is left out") else { continue }
            if r["CidrBlock"] == nil {
                if r["AmazonProvidedIpv6CidrBlock"]?.bool == true {
                    note("\(r.display): AWS assigns the IPv6 block at deployment; not drawn", at: r.location, rule: "cfn-unknown-value")
                } else if let c = ipv6(r, "Ipv6CidrBlock") {
                    vpcs[vpc]?.ipv6CIDRs.append(c)
                }
                continue
            }
            if let c = cidr(r, "CidrBlock", consequence: "the CIDR block is left out") { vpcs[vpc]?.cidrs.append(c) }
        }
    }

    mutating func buildSubnets() {
        for r in of("AWS::EC2::Subnet") {
            let consequence = "the subnet is left out"
            guard let vpc = reference(r, "VpcId", types: ["AWS::EC2::VPC"], consequence: consequence),
                  let cidr = cidr(r, "CidrBlock", consequence: consequence) else { continue }
            var zone = r["AvailabilityZone"]?.string
            if zone == nil, r["AvailabilityZone"] == nil, r["AvailabilityZoneId"] == nil {
                zone = AvailabilityZones.names(region: region).first
                warning("\(r.display) names no availability zone; AWS picks one, drawn as '\(zone!)'", at: r.location, rule: "cfn-unknown-value")
            }
            guard let zone = zone ?? text(r, "AvailabilityZone", consequence: consequence) else { continue }
            var subnet = Subnet(id: modelID(r.id), name: r.nameTag, availabilityZone: zone, cidr: cidr, origin: r.origin)
            subnet.origin.fields["cidr"] = r["CidrBlock"]?.location
            subnet.origin.fields["az"] = r["AvailabilityZone"]?.location
            subnet.availabilityZoneID = r["AvailabilityZoneId"]?.string
            subnet.mapPublicIPOnLaunch = r["MapPublicIpOnLaunch"]?.bool ?? false
            if let c = ipv6(r, "Ipv6CidrBlock") { subnet.ipv6CIDRs.append(c) }
            vpcs[vpc]?.subnets.append(subnet)
            vpcOf[r.id] = vpc
        }
    }

    mutating func buildRouteTables() {
        for r in of("AWS::EC2::RouteTable") {
            guard let vpc = reference(r, "VpcId", types: ["AWS::EC2::VPC"], consequence: "the route table is left out") else { continue }
            let item = RouteTable(id: modelID(r.id), name: r.nameTag, origin: r.origin)
            vpcs[vpc]?.routeTables.append(item)
            vpcOf[r.id] = vpc
        }
        for r in of("AWS::EC2::SubnetRouteTableAssociation") {
            let consequence = "the association is left out"
            guard let subnet = reference(r, "SubnetId", types: ["AWS::EC2::Subnet"], consequence: consequence),
                  let table = reference(r, "RouteTableId", types: ["AWS::EC2::RouteTable"], consequence: consequence),
                  let vpc = vpcOf[subnet], let i = vpcs[vpc]?.subnets.firstIndex(where: { $0.id == modelID(subnet) }) else { continue }
            if let earlier = vpcs[vpc]!.subnets[i].routeTableID {
                error("\(r.display): subnet '\(subnet)' is already associated with route table '\(earlier)'", at: r.location, rule: "cfn-duplicate-association")
                continue
            }
            vpcs[vpc]!.subnets[i].routeTableID = modelID(table)
            vpcs[vpc]!.subnets[i].origin.fields["route_table"] = r["RouteTableId"]?.location
        }
    }

    /// Internet and virtual private gateways (through their attachments), NAT gateways.
    mutating func buildGateways() {
        var attached: Set<String> = []
        for r in of("AWS::EC2::VPCGatewayAttachment") {
            let consequence = "the attachment is left out"
            guard let vpc = reference(r, "VpcId", types: ["AWS::EC2::VPC"], consequence: consequence) else { continue }
            if r["InternetGatewayId"] != nil, let igw = reference(r, "InternetGatewayId", types: ["AWS::EC2::InternetGateway"], consequence: consequence) {
                let item = InternetGateway(id: modelID(igw), name: byID[igw]?.nameTag, origin: byID[igw]!.origin)
                vpcs[vpc]?.internetGateway = item
                attached.insert(igw)
            } else if r["VpnGatewayId"] != nil, let vgw = reference(r, "VpnGatewayId", types: ["AWS::EC2::VPNGateway"], consequence: consequence) {
                let item = VPNGateway(id: modelID(vgw), name: byID[vgw]?.nameTag, origin: byID[vgw]!.origin)
                vpcs[vpc]?.vpnGateway = item
                attached.insert(vgw)
            } else if r["InternetGatewayId"] == nil && r["VpnGatewayId"] == nil {
                error("\(r.display) has neither 'InternetGatewayId' nor 'VpnGatewayId'", at: r.location, rule: "cfn-missing-property")
            }
        }
        for r in of("AWS::EC2::InternetGateway") + of("AWS::EC2::VPNGateway") where !attached.contains(r.id) {
            warning("\(r.display) is attached to no VPC (no AWS::EC2::VPCGatewayAttachment); it is left out", at: r.location, rule: "cfn-unattached")
        }
        for r in of("AWS::EC2::NatGateway") {
            guard let subnet = reference(r, "SubnetId", types: ["AWS::EC2::Subnet"], consequence: "the NAT gateway is left out"),
                  let vpc = vpcOf[subnet] else { continue }
            var nat = NATGateway(id: modelID(r.id), name: r.nameTag, subnetID: modelID(subnet), origin: r.origin)
            nat.origin.fields["subnet"] = r["SubnetId"]?.location
            if r["ConnectivityType"]?.string?.lowercased() == "private" { nat.connectivity = .private }
            if let ip = r["PrivateIpAddress"]?.string.flatMap(IPAddress.init) {
                nat.privateIP = ip
                nat.origin.fields["private_ip"] = r["PrivateIpAddress"]?.location
            }
            if let allocation = r["AllocationId"], case .attribute(let eip, _) = allocation.kind, let e = byID[eip], let ip = e["Address"]?.string.flatMap(IPAddress.init) {
                nat.publicIP = ip
            }
            vpcs[vpc]?.natGateways.append(nat)
            vpcOf[r.id] = vpc
        }
    }

    mutating func buildSecurityGroups() {
        for r in of("AWS::EC2::SecurityGroup") {
            guard let vpc = reference(r, "VpcId", types: ["AWS::EC2::VPC"], consequence: "the security group (of the default VPC) is left out") else { continue }
            var group = SecurityGroup(id: modelID(r.id), name: r.nameTag ?? r["GroupName"]?.string, description: r["GroupDescription"]?.string, origin: r.origin)
            for rule in r["SecurityGroupIngress"]?.list ?? [] { group.ingress += securityGroupRules(rule, of: r, egress: false) }
            for rule in r["SecurityGroupEgress"]?.list ?? [] { group.egress += securityGroupRules(rule, of: r, egress: true) }
            vpcs[vpc]?.securityGroups.append(group)
            vpcOf[r.id] = vpc
        }
        defer {
            for id in vpcOrder {
                for i in vpcs[id]?.securityGroups.indices ?? 0..<0 {
                    vpcs[id]!.securityGroups[i].ingress = Self.merged(vpcs[id]!.securityGroups[i].ingress)
                    vpcs[id]!.securityGroups[i].egress = Self.merged(vpcs[id]!.securityGroups[i].egress)
                }
            }
        }
        for (type, egress) in [("AWS::EC2::SecurityGroupIngress", false), ("AWS::EC2::SecurityGroupEgress", true)] {
            for r in of(type) {
                guard let group = reference(r, "GroupId", types: ["AWS::EC2::SecurityGroup"], consequence: "the rule is left out"),
                      let vpc = vpcOf[group], let i = vpcs[vpc]?.securityGroups.firstIndex(where: { $0.id == modelID(group) }) else { continue }
                let rules = securityGroupRules(r.properties, of: r, egress: egress)
                if egress { vpcs[vpc]!.securityGroups[i].egress += rules } else { vpcs[vpc]!.securityGroups[i].ingress += rules }
            }
        }
    }

    /// Rules with one protocol, range and description become one rule with several peers, as AWS
    /// reports them once deployed (one `IpPermission`, several ranges).
    static func merged(_ rules: [SecurityGroupRule]) -> [SecurityGroupRule] {
        var out: [SecurityGroupRule] = []
        for rule in rules {
            if let i = out.firstIndex(where: { $0.ipProtocol == rule.ipProtocol && $0.range == rule.range && $0.description == rule.description }) {
                for source in rule.sources where !out[i].sources.contains(source) { out[i].sources.append(source) }
            } else {
                out.append(rule)
            }
        }
        return out
    }

    /// One rule as CloudFormation writes it (one peer per rule).
    mutating func securityGroupRules(_ rule: TemplateValue, of r: TemplateResource, egress: Bool) -> [SecurityGroupRule] {
        guard let protocolText = rule["IpProtocol"]?.string, let ipProtocol = IPProtocol(protocolText) else {
            warning("\(r.display): a rule without a known 'IpProtocol' is left out", at: rule.location, rule: "cfn-security-group-rule")
            return []
        }
        let range = TrafficRange(ipProtocol: ipProtocol, fromPort: rule["FromPort"]?.int, toPort: rule["ToPort"]?.int)
        var source: SecurityGroupRule.Source?
        let groupKey = egress ? "DestinationSecurityGroupId" : "SourceSecurityGroupId"
        let listKey = egress ? "DestinationPrefixListId" : "SourcePrefixListId"
        if let text = rule["CidrIp"]?.string ?? rule["CidrIpv6"]?.string {
            guard let c = CIDR(text) else {
                error("\(r.display): '\(IDRules.escaped(text))' is not a CIDR block", at: (rule["CidrIp"] ?? rule["CidrIpv6"])?.location, rule: "invalid-cidr")
                return []
            }
            source = .cidr(c)
        } else if rule["CidrIp"] != nil || rule["CidrIpv6"] != nil {
            let value = (rule["CidrIp"] ?? rule["CidrIpv6"])!
            if case .attribute(let id, "CidrBlock") = value.kind, let c = vpcs[id]?.cidrs.first {
                source = .cidr(c)
            } else {
                warning("\(r.display): a rule's CIDR is \(value.summary), unknown before deployment; the rule is left out", at: value.location, rule: "cfn-unknown-value")
                return []
            }
        } else if let peer = rule[groupKey] {
            if let id = reference(peer, of: r, groupKey, types: ["AWS::EC2::SecurityGroup"], consequence: "the rule is left out") {
                source = .securityGroup(modelID(id))
            } else { return [] }
        } else if let list = rule[listKey] {
            if let text = list.string {
                source = .prefixList(text)
            } else if case .ref(let id) = list.kind, byID[id]?.type == "AWS::EC2::PrefixList" {
                source = .prefixList(modelID(id))
            }
        }
        guard let source else {
            warning("\(r.display): a rule names no peer (CidrIp, CidrIpv6, \(groupKey), \(listKey)); it is left out", at: rule.location, rule: "cfn-security-group-rule")
            return []
        }
        return [SecurityGroupRule(ipProtocol: ipProtocol, range: range, sources: [source], description: rule["Description"]?.string, origin: Origin(rule.location))]
    }

    mutating func buildEndpoints() {
        for r in of("AWS::EC2::VPCEndpoint") {
            let consequence = "the endpoint is left out"
            guard let vpc = reference(r, "VpcId", types: ["AWS::EC2::VPC"], consequence: consequence),
                  let serviceText = text(r, "ServiceName", consequence: consequence) else { continue }
            let service = ServiceName(serviceText, region: region)
            var origin = r.origin
            origin.fields["service"] = r["ServiceName"]?.location
            let type = r["VpcEndpointType"]?.string ?? "Gateway"
            switch type {
            case "Interface":
                let subnets = references(r, "SubnetIds", types: ["AWS::EC2::Subnet"], consequence: "the subnet is left out").map(modelID)
                var endpoint = InterfaceEndpoint(id: modelID(r.id), name: r.nameTag, service: service, privateDNS: r["PrivateDnsEnabled"]?.bool ?? false,
                                                 securityGroupIDs: references(r, "SecurityGroupIds", types: ["AWS::EC2::SecurityGroup"], consequence: "the group is left out").map(modelID),
                                                 policy: policy(r), origin: origin)
                endpoint.origin.fields["private_dns"] = r["PrivateDnsEnabled"]?.location
                endpoint.origin.fields["security_groups"] = r["SecurityGroupIds"]?.location
                endpoint.unknownIPSubnetIDs = subnets
                vpcs[vpc]?.interfaceEndpoints.append(endpoint)
            case "Gateway":
                var endpoint = GatewayEndpoint(id: modelID(r.id), name: r.nameTag, service: service,
                                               routeTableIDs: references(r, "RouteTableIds", types: ["AWS::EC2::RouteTable"], consequence: "the route table is left out").map(modelID),
                                               securityGroupIDs: references(r, "SecurityGroupIds", types: ["AWS::EC2::SecurityGroup"], consequence: "the group is left out").map(modelID),
                                               policy: policy(r), origin: origin)
                endpoint.origin.fields["route_tables"] = r["RouteTableIds"]?.location
                endpoint.origin.fields["security_groups"] = r["SecurityGroupIds"]?.location
                vpcs[vpc]?.gatewayEndpoints.append(endpoint)
            case "GatewayLoadBalancer":
                let subnets = references(r, "SubnetIds", types: ["AWS::EC2::Subnet"], consequence: "the subnet is left out").map(modelID)
                let item = GatewayLoadBalancerEndpoint(id: modelID(r.id), name: r.nameTag, service: service,
                                                                                            subnetID: subnets.first, origin: origin)
                vpcs[vpc]?.gatewayLoadBalancerEndpoints.append(item)
            default:
                warning("\(r.display): 'VpcEndpointType' '\(IDRules.escaped(type))' is not Interface, Gateway or GatewayLoadBalancer; \(consequence)",
                        at: r["VpcEndpointType"]?.location, rule: "cfn-endpoint-type")
                continue
            }
            vpcOf[r.id] = vpc
        }
        for r in of("AWS::Route53Resolver::ResolverEndpoint") {
            let direction: ResolverEndpoint.Direction = r["Direction"]?.string?.uppercased() == "OUTBOUND" ? .outbound : .inbound
            var endpoint = ResolverEndpoint(id: modelID(r.id), name: r.nameTag ?? r["Name"]?.string, direction: direction,
                                            securityGroupIDs: references(r, "SecurityGroupIds", types: ["AWS::EC2::SecurityGroup"], consequence: "the group is left out").map(modelID),
                                            origin: r.origin)
            var vpc: String?
            for address in r["IpAddresses"]?.list ?? [] {
                guard let subnet = reference(address["SubnetId"], of: r, "IpAddresses.SubnetId", types: ["AWS::EC2::Subnet"], consequence: "the address is left out") else { continue }
                vpc = vpc ?? vpcOf[subnet]
                if let ip = address["Ip"]?.string.flatMap(IPAddress.init) {
                    endpoint.ipAddresses.append(EndpointInterface(subnetID: modelID(subnet), ip: ip, origin: Origin(address.location, fields: ["ip": address["Ip"]!.location])))
                } else {
                    endpoint.unknownIPAddressCount += 1
                }
            }
            guard let vpc else {
                warning("\(r.display) has no address in a subnet of the template; it is left out", at: r.location, rule: "cfn-missing-property")
                continue
            }
            vpcs[vpc]?.resolverEndpoints.append(endpoint)
            vpcOf[r.id] = vpc
        }
    }

    mutating func policy(_ r: TemplateResource) -> String? {
        guard let value = r["PolicyDocument"] else { return nil }
        if let text = value.string { return text }
        guard let json = value.json(limit: 20_480) else {
            error("\(r.display): the policy is longer than 20480 characters, AWS's limit for an endpoint policy", at: value.location, rule: "policy-too-large")
            return nil
        }
        return json
    }

    mutating func buildRoutes() {
        let targets: [(property: String, types: [String])] = [
            ("GatewayId", ["AWS::EC2::InternetGateway", "AWS::EC2::VPNGateway"]), ("NatGatewayId", ["AWS::EC2::NatGateway"]),
            ("TransitGatewayId", ["AWS::EC2::TransitGateway"]), ("VpcPeeringConnectionId", ["AWS::EC2::VPCPeeringConnection"]),
            ("VpcEndpointId", ["AWS::EC2::VPCEndpoint"]), ("NetworkInterfaceId", ["AWS::EC2::NetworkInterface"]),
            ("EgressOnlyInternetGatewayId", ["AWS::EC2::EgressOnlyInternetGateway"]),
        ]
        for r in of("AWS::EC2::Route") {
            let consequence = "the route is left out"
            guard let table = reference(r, "RouteTableId", types: ["AWS::EC2::RouteTable"], consequence: consequence),
                  let vpc = vpcOf[table], let t = vpcs[vpc]?.routeTables.firstIndex(where: { $0.id == modelID(table) }) else { continue }
            let destination: Route.Destination
            if r["DestinationCidrBlock"] != nil {
                guard let c = cidr(r, "DestinationCidrBlock", consequence: consequence) else { continue }
                destination = .cidr(c)
            } else if let value = r["DestinationPrefixListId"] {
                if case .ref(let id) = value.kind, byID[id]?.type == "AWS::EC2::PrefixList" {
                    destination = .prefixList(modelID(id))
                } else {
                    guard let list = text(r, "DestinationPrefixListId", consequence: consequence) else { continue }
                    destination = .prefixList(list)
                }
            } else if r["DestinationIpv6CidrBlock"] != nil {
                guard let c = cidr(r, "DestinationIpv6CidrBlock", consequence: consequence) else { continue }
                destination = .cidr(c)
            } else {
                error("\(r.display) has no 'DestinationCidrBlock' or 'DestinationPrefixListId'", at: r.location, rule: "cfn-missing-property")
                continue
            }
            guard let (property, types) = targets.first(where: { r[$0.property] != nil }) else {
                warning("\(r.display) has a target vpcgraph does not draw (instance, carrier or local gateway, core network); \(consequence)", at: r.location, rule: "cfn-unsupported-resource")
                continue
            }
            guard let target = reference(r, property, types: types, consequence: consequence), let routeTarget = RouteTarget(modelID(target)) else { continue }
            let origin = Origin(r.location, fields: ["destination": (r["DestinationCidrBlock"] ?? r["DestinationPrefixListId"] ?? r["DestinationIpv6CidrBlock"])!.location, "target": r[property]!.location])
            vpcs[vpc]!.routeTables[t].routes.append(Route(destination: destination, target: routeTarget, origin: origin))
        }
    }

    /// Peerings, transit gateways and their attachments, VPN connections and customer gateways.
    mutating func buildConnections() {
        for r in of("AWS::EC2::VPCPeeringConnection") {
            let consequence = "the peering connection is left out"
            guard let requester = reference(r, "VpcId", types: ["AWS::EC2::VPC"], consequence: consequence) else { continue }
            let accepterID: String
            if let external = externalVPC(r, "PeerVpcId") {
                accepterID = external
            } else {
                guard let accepter = reference(r, "PeerVpcId", types: ["AWS::EC2::VPC"], consequence: consequence) else { continue }
                accepterID = modelID(accepter)
            }
            peerings.append(PeeringConnection(id: modelID(r.id), name: r.nameTag, requesterVPCID: modelID(requester), accepterVPCID: accepterID,
                                              origin: Origin(r.location, fields: ["id": r.location, "vpcs": r["PeerVpcId"]!.location])))
        }
        for r in of("AWS::EC2::TransitGateway") {
            transitGateways[r.id] = TransitGateway(id: modelID(r.id), name: r.nameTag, asn: r["AmazonSideAsn"]?.int, origin: r.origin)
            transitGatewayOrder.append(r.id)
        }
        for r in of("AWS::EC2::TransitGatewayAttachment") + of("AWS::EC2::TransitGatewayVpcAttachment") {
            let consequence = "the attachment is left out"
            guard let tgw = reference(r, "TransitGatewayId", types: ["AWS::EC2::TransitGateway"], consequence: consequence),
                  let vpc = reference(r, "VpcId", types: ["AWS::EC2::VPC"], consequence: consequence) else { continue }
            let subnets = references(r, "SubnetIds", types: ["AWS::EC2::Subnet"], consequence: "the subnet is left out").map(modelID)
            let item = TransitGatewayAttachment(id: modelID(r.id), resource: .vpc(id: modelID(vpc), subnetIDs: subnets), origin: r.origin)
            transitGateways[tgw]?.attachments.append(item)
        }
        for r in of("AWS::EC2::TransitGatewayPeeringAttachment") {
            let consequence = "the attachment is left out"
            guard let tgw = reference(r, "TransitGatewayId", types: ["AWS::EC2::TransitGateway"], consequence: consequence),
                  let peer = reference(r, "PeerTransitGatewayId", types: ["AWS::EC2::TransitGateway"], consequence: consequence) else { continue }
            let item = TransitGatewayAttachment(id: modelID(r.id), resource: .peering(transitGatewayID: modelID(peer)), origin: r.origin)
            transitGateways[tgw]?.attachments.append(item)
        }
        for r in of("AWS::EC2::CustomerGateway") {
            onPremises[r.id] = OnPremisesNetwork(id: modelID(r.id), name: r.nameTag, origin: r.origin)
            onPremisesOrder.append(r.id)
        }
        for r in of("AWS::EC2::VPNConnection") {
            let consequence = "the VPN connection is left out"
            guard let cgw = reference(r, "CustomerGatewayId", types: ["AWS::EC2::CustomerGateway"], consequence: consequence) else { continue }
            let gateway: VPNConnection.Gateway
            if r["TransitGatewayId"] != nil {
                guard let tgw = reference(r, "TransitGatewayId", types: ["AWS::EC2::TransitGateway"], consequence: consequence) else { continue }
                gateway = .transitGateway(modelID(tgw))
                let item = TransitGatewayAttachment(id: "tgw-attach-\(r.id)", resource: .vpn(id: modelID(r.id)), origin: r.origin)
                transitGateways[tgw]?.attachments.append(item)
            } else {
                guard let vgw = reference(r, "VpnGatewayId", types: ["AWS::EC2::VPNGateway"], consequence: consequence) else { continue }
                gateway = .vpnGateway(modelID(vgw))
            }
            var connection = VPNConnection(id: modelID(r.id), name: r.nameTag, gateway: gateway, customerGatewayID: modelID(cgw), onPremisesID: modelID(cgw), origin: r.origin)
            connection.customerGatewayIP = byID[cgw]?["IpAddress"]?.string.flatMap(IPAddress.init)
            connection.customerGatewayASN = byID[cgw]?["BgpAsn"]?.int
            vpnConnections.append(connection)
            for route in of("AWS::EC2::VPNConnectionRoute") where { if case .ref(r.id) = route["VpnConnectionId"]?.kind { true } else { false } }() {
                if let c = cidr(route, "DestinationCidrBlock", consequence: "the route is left out"), !(onPremises[cgw]?.cidrs.contains(c) ?? true) {
                    onPremises[cgw]?.cidrs.append(c)
                }
            }
        }
        for id in onPremisesOrder { onPremises[id]?.cidrs.sort() }
    }

    mutating func buildDNS() {
        for r in of("AWS::Route53::HostedZone") {
            guard let name = text(r, "Name", consequence: "the hosted zone is left out") else { continue }
            let vpcList = r["VPCs"]?.list ?? []
            guard !vpcList.isEmpty else {
                unsupported["AWS::Route53::HostedZone (public)", default: 0] += 1
                continue
            }
            let vpcIDs = vpcList.compactMap { reference($0["VPCId"], of: r, "VPCs.VPCId", types: ["AWS::EC2::VPC"], consequence: "the association is left out") }.map(modelID)
            var zone = PrivateHostedZone(name: Self.trimDot(name), vpcIDs: vpcIDs, origin: Origin(r.location, fields: ["name": r["Name"]!.location, "vpcs": r["VPCs"]!.location]))
            zone.name = Self.trimDot(name)
            zones[r.id] = zone
            zoneOrder.append(r.id)
        }
        for r in of("AWS::Route53::RecordSet") {
            let consequence = "the record is left out"
            guard let zone = reference(r, "HostedZoneId", types: ["AWS::Route53::HostedZone"], consequence: consequence), zones[zone] != nil,
                  let name = text(r, "Name", consequence: consequence) else { continue }
            let type = r["Type"]?.string ?? "A"
            let value: DNSRecord.Value
            if let alias = r["AliasTarget"] {
                guard let dns = alias["DNSName"], case .attribute(let id, "DnsEntries") = dns.kind, byID[id]?.type == "AWS::EC2::VPCEndpoint" else {
                    warning("\(r.display): an alias to anything but an interface endpoint's DNS name (!GetAtt Endpoint.DnsEntries) is not drawn; \(consequence)",
                            at: alias.location, rule: "cfn-unsupported-resource")
                    continue
                }
                value = .endpointAlias(modelID(id))
            } else {
                let records = (r["ResourceRecords"]?.list ?? []).compactMap(\.string)
                value = .values(records)
            }
            zones[zone]?.records.append(DNSRecord(name: Self.trimDot(name), type: type, value: value, origin: Origin(r.location, fields: ["name": r["Name"]!.location])))
        }
        for r in of("AWS::Route53Resolver::ResolverRule") {
            guard let domain = text(r, "DomainName", consequence: "the rule is left out") else { continue }
            var rule = ResolverRule(id: modelID(r.id), name: r.nameTag ?? r["Name"]?.string, domain: Self.trimDot(domain), origin: r.origin)
            if r["ResolverEndpointId"] != nil, let e = reference(r, "ResolverEndpointId", types: ["AWS::Route53Resolver::ResolverEndpoint"], consequence: "the endpoint is left out") {
                rule.resolverEndpointID = modelID(e)
            }
            rule.targetIPs = (r["TargetIps"]?.list ?? []).compactMap { $0["Ip"]?.string.flatMap(IPAddress.init) }
            resolverRules[r.id] = rule
            resolverRuleOrder.append(r.id)
        }
        for r in of("AWS::Route53Resolver::ResolverRuleAssociation") {
            let consequence = "the association is left out"
            guard let rule = reference(r, "ResolverRuleId", types: ["AWS::Route53Resolver::ResolverRule"], consequence: consequence),
                  let vpc = reference(r, "VPCId", types: ["AWS::EC2::VPC"], consequence: consequence) else { continue }
            let item = modelID(vpc)
            resolverRules[rule]?.vpcIDs.append(item)
        }
    }

    static func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }

    static func trimDot(_ name: String) -> String { name.hasSuffix(".") ? String(name.dropLast()) : name }

    /// AWS gives every VPC a main route table the template cannot name: drawn (as `rtb-<Vpc>-main`,
    /// a name no logical id has) when a subnet has no explicit association, so the subnet's routes are right.
    mutating func addMainRouteTables() {
        for id in vpcOrder {
            guard let vpc = vpcs[id], vpc.subnets.contains(where: { $0.routeTableID == nil }) else { continue }
            vpcs[id]!.routeTables.insert(RouteTable(id: "rtb-\(id)-main", name: "main (created by AWS)", isMain: true, origin: vpc.origin), at: 0)
        }
    }
}
