import VPCModel

/// Network ACLs, DHCP option sets, egress-only internet gateways, VPC Lattice endpoints, transit
/// gateway route tables and customer-managed prefix lists.
extension TopologyAssembler {
    mutating func addVPCNetworkFacts() {
        for r in unique(snapshot.networkACLs, id: \.acl.id, kind: "network ACL") {
            guard let vpc = vpcID(for: r.value.vpc, of: "network ACL '\(r.value.acl.id)'") else { continue }
            vpcs[vpc]!.networkACLs.append(r.value.acl)
        }
        var options: [String: DHCPOptions] = [:]
        for r in snapshot.dhcpOptions where options[r.value.id] == nil { options[r.value.id] = r.value }
        for r in snapshot.vpcs {
            guard let id = r.value.dhcpOptionsID, vpcs[r.value.vpc.id] != nil else { continue }
            if id == "default" {
                vpcs[r.value.vpc.id]!.dhcpOptions = DHCPOptions(id: id, domainNameServers: [DHCPOptions.amazonProvidedDNS], origin: Origin(r.location))
            } else if let set = options[id] {
                vpcs[r.value.vpc.id]!.dhcpOptions = set
            } else if !snapshot.dhcpOptions.isEmpty {
                diagnostics.emit(.warning("VPC '\(r.value.vpc.id)' uses DHCP option set '\(id)', which is not in describe-dhcp-options; its DNS servers are unknown",
                                          at: r.location, rule: "aws-missing-output"))
            }
        }
        for r in unique(snapshot.egressOnlyInternetGateways, id: \.gateway.id, kind: "egress-only internet gateway") {
            for reference in r.value.vpcs {
                guard let vpc = vpcID(for: reference, of: "egress-only internet gateway '\(r.value.gateway.id)'") else { continue }
                vpcs[vpc]!.egressOnlyInternetGateway = r.value.gateway
            }
        }
        for r in unique(snapshot.latticeEndpoints, id: \.endpoint.id, kind: "VPC endpoint") {
            guard let vpc = vpcID(for: r.value.vpc, of: "endpoint '\(r.value.endpoint.id)'") else { continue }
            var endpoint = r.value.endpoint
            endpoint.subnetIDs.sort { (subnetZone[$0] ?? "", $0) < (subnetZone[$1] ?? "", $1) }
            vpcs[vpc]!.latticeEndpoints.append(endpoint)
        }
    }

    /// Route tables of the transit gateways; their routes, associations and propagations come from
    /// per-table outputs named after the table (`search-transit-gateway-routes.tgw-rtb-….json`).
    mutating func addTransitGatewayRouteTables() {
        var placed: [String: (region: String, index: Int)] = [:]
        for (name, region) in regions {
            for (i, tgw) in region.transitGateways.enumerated() { placed[tgw.id] = (name, i) }
        }
        for r in unique(snapshot.transitGatewayRouteTables, id: \.table.id, kind: "transit gateway route table") {
            var table = r.value.table
            guard let (name, index) = placed[r.value.transitGatewayID] else {
                diagnostics.emit(.warning("route table '\(table.id)' is on transit gateway '\(r.value.transitGatewayID)', which is not in the snapshot; left out",
                                          at: r.location, rule: "aws-unknown-transit-gateway"))
                continue
            }
            func lists(_ all: [AWSSnapshot.Record<AWSSnapshot.TransitGatewayAttachmentList>]) -> [String] {
                var ids: [String] = []
                for list in all where list.value.fileName.contains(table.id) {
                    for id in list.value.attachmentIDs where !ids.contains(id) { ids.append(id) }
                }
                return ids.sorted()
            }
            // The associations output, and each attachment's own Association (describe-transit-gateway-attachments).
            let attached = Set(regions[name]!.transitGateways[index].attachments.map(\.id))
            table.associations = Array(Set(lists(snapshot.transitGatewayAssociationLists)
                + snapshot.transitGatewayAttachments.filter { $0.value.routeTableID == table.id && attached.contains($0.value.id) }.map(\.value.id))).sorted()
            table.propagations = lists(snapshot.transitGatewayPropagationLists)
            for list in snapshot.transitGatewayRouteLists where list.value.fileName.contains(table.id) {
                for route in list.value.routes where !table.routes.contains(where: { $0.destination == route.destination }) { table.routes.append(route) }
            }
            table.routes.sort { Self.precedes($0.destination, $1.destination) }
            regions[name]!.transitGateways[index].routeTables.append(table)
        }
        for (name, region) in regions {
            for i in region.transitGateways.indices { regions[name]!.transitGateways[i].routeTables.sort { $0.id < $1.id } }
        }
    }

    /// Customer-managed prefix lists, each in its region, with the entries of its
    /// `get-managed-prefix-list-entries.pl-….json`.
    mutating func addPrefixLists() {
        for r in unique(snapshot.managedPrefixLists, id: \.id, kind: "prefix list", report: false) {
            var list = r.value
            guard let name = r.folderRegion ?? soleRegion else { continue }
            for entries in snapshot.prefixListEntryLists where entries.value.fileName.contains(list.id) {
                for entry in entries.value.entries where !list.entries.contains(where: { $0.cidr == entry.cidr }) { list.entries.append(entry) }
            }
            list.entries.sort { $0.cidr < $1.cidr }
            self[region: name].prefixLists.append(list)
        }
    }

    /// Direct Connect gateways' associations: on the virtual private gateway (of a VPC) or the transit
    /// gateway they name, with the gateway's name and ASN.
    mutating func addDirectConnectGateways(toTransitGateways: Bool) {
        var gateways: [String: AWSSnapshot.DirectConnectGatewayFacts] = [:]
        for r in unique(snapshot.directConnectGateways, id: \.id, kind: "Direct Connect gateway", report: false) { gateways[r.value.id] = r.value }
        for r in unique(snapshot.directConnectAssociations, id: \.id, kind: "Direct Connect gateway association", report: false) {
            let a = r.value, facts = gateways[a.directConnectGatewayID]
            let link = DirectConnectGatewayLink(directConnectGatewayID: a.directConnectGatewayID, name: facts?.name, asn: facts?.asn,
                                                allowedPrefixes: a.allowedPrefixes, origin: Origin(r.location))
            if toTransitGateways {
                for (name, region) in regions {
                    for (i, tgw) in region.transitGateways.enumerated() where tgw.id == a.gatewayID {
                        regions[name]!.transitGateways[i].directConnectGateways.append(link)
                        regions[name]!.transitGateways[i].directConnectGateways.sort { $0.directConnectGatewayID < $1.directConnectGatewayID }
                    }
                }
            } else {
                for id in vpcs.keys.sorted() where vpcs[id]!.vpnGateway?.id == a.gatewayID {
                    vpcs[id]!.vpnGateway!.directConnectGateways.append(link)
                    vpcs[id]!.vpnGateway!.directConnectGateways.sort { $0.directConnectGatewayID < $1.directConnectGatewayID }
                }
            }
        }
    }
}
