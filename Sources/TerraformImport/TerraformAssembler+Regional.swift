import AWSImport
import VPCModel

extension TerraformAssembler {
    // MARK: - Peering, transit gateways, VPN

    mutating func buildConnectivity() {
        for i in indices("aws_vpc_peering_connection") {
            let r = resources[i]
            guard let requester = reference(i, "vpc_id", ["aws_vpc"], required: true) else { continue }
            // The peer may be another account's or region's VPC, outside the document: kept by id.
            let accepter: String?
            if let value = r.values.string("peer_vpc_id") {
                accepter = byID[value].map(id) ?? value
            } else if r.isUnknown("peer_vpc_id") {
                accepter = reference(i, "peer_vpc_id", ["aws_vpc"]).map(id)
            } else {
                accepter = nil
                error(r, "peer_vpc_id", "peer_vpc_id is not set", rule: "tf-missing-attribute")
            }
            guard let accepter else { continue }
            peerings.append((requester, PeeringConnection(id: id(i), name: name(r), requesterVPCID: id(requester), accepterVPCID: accepter,
                                                          origin: origin(r, ["id": "id", "vpcs": "peer_vpc_id"]))))
        }
        for i in indices("aws_ec2_transit_gateway") {
            let r = resources[i]
            transitGateways[i] = TransitGateway(id: id(i), name: name(r), asn: r.values.int("amazon_side_asn"), origin: origin(r, ["id": "id"]))
        }
        for i in indices("aws_ec2_transit_gateway_vpc_attachment") {
            let r = resources[i]
            guard let t = reference(i, "transit_gateway_id", ["aws_ec2_transit_gateway"], required: true),
                  let v = reference(i, "vpc_id", ["aws_vpc"], required: true) else { continue }
            let subnets = referenceList(i, "subnet_ids", ["aws_subnet"]).map(id)
            let attachment = TransitGatewayAttachment(id: id(i), resource: .vpc(id: id(v), subnetIDs: subnets), origin: origin(r, ["id": "id"]))
            transitGateways[t]?.attachments.append(attachment)
            if regionOfVPC[v] == nil, let region = ownRegion(resources[t]) { regionOfVPC[v] = region }
        }
        for i in indices("aws_ec2_transit_gateway_peering_attachment") {
            let r = resources[i]
            guard let t = reference(i, "transit_gateway_id", ["aws_ec2_transit_gateway"], required: true) else { continue }
            let peer = r.values.string("peer_transit_gateway_id").map { byID[$0].map(id) ?? $0 }
                ?? reference(i, "peer_transit_gateway_id", ["aws_ec2_transit_gateway"]).map(id)
            guard let peer else { continue }
            let attachment = TransitGatewayAttachment(id: id(i), resource: .peering(transitGatewayID: peer), origin: origin(r, ["id": "id"]))
            transitGateways[t]?.attachments.append(attachment)
        }
        for i in indices("aws_customer_gateway") {
            let r = resources[i]
            onPremises[id(i)] = OnPremisesNetwork(id: id(i), name: name(r), origin: origin(r, ["id": "id"]))
        }
        for i in indices("aws_vpn_connection") {
            let r = resources[i]
            let gateway: VPNConnection.Gateway
            var anchor: Int?
            if let g = reference(i, "vpn_gateway_id", ["aws_vpn_gateway"]) {
                gateway = .vpnGateway(id(g))
                anchor = owner[id(g)]
            } else if let t = reference(i, "transit_gateway_id", ["aws_ec2_transit_gateway"]) {
                gateway = .transitGateway(id(t))
                anchor = nil
                let attachment = TransitGatewayAttachment(
                    id: r.values.string("transit_gateway_attachment_id") ?? "\(r.address).transit_gateway_attachment_id",
                    resource: .vpn(id: id(i)), origin: origin(r))
                transitGateways[t]?.attachments.append(attachment)
            } else {
                error(r, "vpn_gateway_id", "neither vpn_gateway_id nor transit_gateway_id is set", rule: "tf-missing-attribute")
                continue
            }
            let cgw = reference(i, "customer_gateway_id", ["aws_customer_gateway"], required: true)
            var connection = VPNConnection(id: id(i), name: name(r), gateway: gateway, customerGatewayID: cgw.map(id),
                                           onPremisesID: cgw.map(id), origin: origin(r, ["id": "id"]))
            if cgw == nil { connection.onPremisesID = nil }
            for route in indices("aws_vpn_connection_route") where reference(route, "vpn_connection_id", ["aws_vpn_connection"]) == i {
                if let c = cidr(route, "destination_cidr_block"), let cgw { onPremises[id(cgw)]?.cidrs.append(c) }
            }
            vpnConnections.append((anchor ?? -1, connection))
            if anchor == nil, case .transitGateway = gateway, let t = reference(i, "transit_gateway_id", ["aws_ec2_transit_gateway"]) {
                vpnConnections[vpnConnections.count - 1].0 = -2 - t
            }
        }
    }

    // MARK: - DNS

    mutating func buildDNS() {
        for i in indices("aws_route53_zone") {
            let r = resources[i]
            var vpcIDs: [String] = []
            for (n, block) in (r.values["vpc"]?.elements ?? []).enumerated() {
                if let value = block.string("vpc_id") {
                    vpcIDs.append(byID[value].map(id) ?? value)
                } else if case .array(let items)? = r.unknown?["vpc"], n < items.count, items[n]["vpc_id"]?.containsTrue == true {
                    let refs = references.references(of: r.configAddress, attribute: "vpc")
                    let targets = references.targets(refs, in: TFResource.strippingKeys(r.module).joined(separator: ".")).filter { $0.configAddress.split(separator: ".").suffix(2).first == "aws_vpc" }
                    if n < targets.count, let j = (byConfig[targets[n].configAddress] ?? []).first(where: { targets[n].key == nil || resources[$0].index == targets[n].key }) {
                        vpcIDs.append(id(j))
                    } else {
                        warning(r, nil, "vpc block \(n + 1): vpc_id is known only after apply and the configuration does not say which VPC (a dynamic block?); association left out",
                                rule: "tf-unresolved-reference")
                    }
                }
            }
            guard let zoneName = r.values.string("name") else { continue }
            let name = zoneName.hasSuffix(".") ? String(zoneName.dropLast()) : zoneName
            zones[i] = PrivateHostedZone(zoneID: Self.knownID(r), name: name.lowercased(), vpcIDs: vpcIDs, origin: origin(r, ["id": "zone_id", "name": "name"]))
        }
        for i in indices("aws_route53_zone_association") {
            guard let z = reference(i, "zone_id", ["aws_route53_zone"], required: true), let v = reference(i, "vpc_id", ["aws_vpc"], required: true) else { continue }
            let vpcID = id(v)
            if !(zones[z]?.vpcIDs.contains(vpcID) ?? true) { zones[z]?.vpcIDs.append(vpcID) }
        }
        for i in indices("aws_route53_record") {
            let r = resources[i]
            guard let z = reference(i, "zone_id", ["aws_route53_zone"], required: true), let zone = zones[z] else { continue }
            let given = (r.values.string("name") ?? zone.name).lowercased()
            let trimmed = given.hasSuffix(".") ? String(given.dropLast()) : given
            let fqdn = trimmed == zone.name || trimmed.hasSuffix("." + zone.name) ? trimmed : trimmed + "." + zone.name
            let type = r.values.string("type") ?? "A"
            let value: DNSRecord.Value
            if r.values["alias"]?.elements.first != nil || r.isUnknown("alias") {
                // An alias to an interface endpoint: by its DNS name, or (in a plan) by reference.
                var endpoint: String?
                if let target = r.values["alias"]?.elements.first?.string("name")?.lowercased() {
                    endpoint = indices("aws_vpc_endpoint").first { e in
                        (resources[e].values["dns_entry"]?.elements ?? []).contains { $0.string("dns_name")?.lowercased() == target }
                    }.map(id)
                    if endpoint == nil { value = .values([target]); appendRecord(z, DNSRecord(name: fqdn, type: type, value: value, origin: origin(r))); continue }
                } else {
                    let refs = references.references(of: r.configAddress, attribute: "alias")
                    endpoint = references.targets(refs, in: TFResource.strippingKeys(r.module).joined(separator: "."))
                        .first { $0.configAddress.split(separator: ".").suffix(2).first == "aws_vpc_endpoint" }
                        .flatMap { t in (byConfig[t.configAddress] ?? []).first { t.key == nil || resources[$0].index == t.key } }
                        .map(id)
                }
                guard let endpoint else { continue }
                value = .endpointAlias(endpoint)
            } else {
                value = .values(r.values.strings("records"))
            }
            appendRecord(z, DNSRecord(name: fqdn, type: type, value: value, origin: origin(r)))
        }
        for i in indices("aws_route53_resolver_endpoint") {
            let r = resources[i]
            let direction: ResolverEndpoint.Direction = r.values.string("direction")?.uppercased() == "OUTBOUND" ? .outbound : .inbound
            var endpoint = ResolverEndpoint(id: id(i), name: name(r) ?? r.values.string("name"), direction: direction,
                                            securityGroupIDs: ids(i, "security_group_ids", ["aws_security_group", "aws_default_security_group"]),
                                            origin: origin(r, ["id": "id"]))
            var vpc: Int?
            for (n, block) in (r.values["ip_address"]?.elements ?? []).enumerated() {
                var subnetID = block.string("subnet_id").map { byID[$0].map(id) ?? $0 }
                if subnetID == nil {
                    let refs = references.references(of: r.configAddress, attribute: "ip_address")
                    let targets = references.targets(refs, in: TFResource.strippingKeys(r.module).joined(separator: "."))
                        .filter { $0.configAddress.split(separator: ".").suffix(2).first == "aws_subnet" }
                    let instances = targets.flatMap { t in (byConfig[t.configAddress] ?? []).filter { t.key == nil || resources[$0].index == t.key } }
                    if n < instances.count { subnetID = id(instances[n]) }
                }
                guard let subnetID else { continue }
                vpc = vpc ?? owner[subnetID]
                if let address = block.string("ip").flatMap(IPAddress.init) {
                    endpoint.ipAddresses.append(EndpointInterface(subnetID: subnetID, ip: address, origin: Origin(block.location)))
                } else {
                    endpoint.unknownIPAddressCount += 1
                }
            }
            guard let vpc else {
                error(r, "ip_address", "no subnet of the Resolver endpoint is in \(noun)")
                continue
            }
            owner[endpoint.id] = vpc
            vpcs[vpc]?.resolverEndpoints.append(endpoint)
        }
        for i in indices("aws_route53_resolver_rule") {
            let r = resources[i]
            guard r.values.string("rule_type")?.uppercased() ?? "FORWARD" == "FORWARD", let domain = r.values.string("domain_name") else { continue }
            let endpoint = reference(i, "resolver_endpoint_id", ["aws_route53_resolver_endpoint"]).map(id)
            let ips = (r.values["target_ip"]?.elements ?? []).compactMap { $0.string("ip").flatMap(IPAddress.init) }
            let trimmed = domain.hasSuffix(".") ? String(domain.dropLast()) : domain
            resolverRules[i] = ResolverRule(id: id(i), name: name(r) ?? r.values.string("name"), domain: trimmed.lowercased(), resolverEndpointID: endpoint,
                                            targetIPs: ips, origin: origin(r, ["id": "id", "domain": "domain_name"]))
        }
        for i in indices("aws_route53_resolver_rule_association") {
            guard let rule = reference(i, "resolver_rule_id", ["aws_route53_resolver_rule"], required: true),
                  let v = reference(i, "vpc_id", ["aws_vpc"], required: true) else { continue }
            let vpcID = id(v)
            resolverRules[rule]?.vpcIDs.append(vpcID)
        }
    }

    mutating func appendRecord(_ z: Int, _ record: DNSRecord) {
        zones[z]?.records.append(record)
    }

    // MARK: - Regions and the summary

    mutating func finish() -> Topology {
        // Regions: a VPC's own, else the only one the document names, else us-east-1 (said in a note).
        let named = Set(regionOfVPC.values)
        let fallback: String
        if named.count == 1 { fallback = named.first! } else {
            let providers = resources.compactMap(ownRegion)
            fallback = providers.first ?? "us-east-1"
        }
        let unplaced = vpcOrder.filter { regionOfVPC[$0] == nil }
        if !unplaced.isEmpty && named.isEmpty && resources.allSatisfy({ ownRegion($0) == nil }) {
            diagnostics.append(.note("no resource says its region (no provider region, ARN or availability zone); vpcgraph assumes 'us-east-1'",
                                     at: SourceLocation(file: document.resources.first?.node.source.file ?? "")))
        }
        for v in unplaced { regionOfVPC[v] = fallback }
        var regions: [String: Region] = [:]
        var order: [String] = []
        func region(_ name: String) -> String {
            if regions[name] == nil { regions[name] = Region(name: name); order.append(name) }
            return name
        }
        for v in vpcOrder { let name = region(regionOfVPC[v]!); regions[name]!.vpcs.append(vpcs[v]!) }
        for (v, peering) in peerings { regions[region(regionOfVPC[v] ?? fallback)]!.peerings.append(peering) }
        for t in transitGateways.keys.sorted() {
            let tgw = transitGateways[t]!
            let attached = tgw.attachments.compactMap { a -> Int? in
                if case .vpc(let vpcID, _) = a.resource { return vpcOrder.first { vpcs[$0]?.id == vpcID } } else { return nil }
            }.first
            let name = ownRegion(resources[t]) ?? attached.flatMap { regionOfVPC[$0] } ?? fallback
            regions[region(name)]!.transitGateways.append(tgw)
        }
        for (anchor, connection) in vpnConnections {
            let name: String
            if anchor >= 0 { name = regionOfVPC[anchor] ?? fallback }
            else if anchor <= -2 { name = ownRegion(resources[-2 - anchor]) ?? fallback }
            else { name = fallback }
            regions[region(name)]!.vpnConnections.append(connection)
        }
        for z in zones.keys.sorted() {
            let zone = zones[z]!
            let first = zone.vpcIDs.compactMap { vpcID in vpcOrder.first { vpcs[$0]?.id == vpcID } }.first
            let name = (resources[z].values["vpc"]?.elements.first?.string("vpc_region")) ?? first.flatMap { regionOfVPC[$0] } ?? fallback
            if zone.vpcIDs.isEmpty { continue } // a public zone: not part of the network
            regions[region(name)]!.privateHostedZones.append(zone)
        }
        for k in resolverRules.keys.sorted() {
            let rule = resolverRules[k]!
            let anchor = rule.resolverEndpointID.flatMap { owner[$0] } ?? rule.vpcIDs.compactMap { vpcID in vpcOrder.first { vpcs[$0]?.id == vpcID } }.first
            regions[region(anchor.flatMap { regionOfVPC[$0] } ?? fallback)]!.resolverRules.append(rule)
        }
        for (l, list) in prefixLists { regions[region(ownRegion(resources[l]) ?? fallback)]!.prefixLists.append(list) }
        let reached = Set(regions.values.flatMap { $0.vpnConnections.compactMap(\.onPremisesID) })
        let networks = onPremises.values.filter { reached.contains($0.id) }.sorted { $0.id < $1.id }

        if dataSources > 0 || !ignored.isEmpty {
            var parts: [String] = []
            if dataSources > 0 { parts.append("\(dataSources) data source\(dataSources == 1 ? "" : "s")") }
            if !ignored.isEmpty {
                let count = ignored.values.reduce(0, +)
                let list = ignored.keys.sorted().map { "\($0) (\(ignored[$0]!))" }.joined(separator: ", ")
                parts.append("\(count) resource\(count == 1 ? "" : "s") of types vpcgraph does not draw: \(list)")
            }
            diagnostics.append(.note("ignored " + parts.joined(separator: " and "), at: SourceLocation(file: document.resources.first?.node.source.file ?? "")))
        }
        return Topology(regions: order.map { regions[$0]! }, onPremises: networks)
    }
}
