import VPCModel

/// What joins VPCs to each other and to on-premises networks: peerings, transit gateways, VPNs.
extension TopologyAssembler {
    mutating func addPeerings() {
        for r in unique(snapshot.peerings, id: \.peering.id, kind: "peering connection", report: false) {
            let facts = r.value
            let peering = facts.peering
            switch facts.status {
            case "active", "provisioning", "modifying": break
            case "pending-acceptance":
                diagnostics.emit(.warning("peering connection '\(peering.id)' is pending acceptance; left out", at: r.location, rule: "aws-skipped"))
                continue
            default: // deleted, deleting, rejected, expired, failed
                diagnostics.emit(.warning("peering connection '\(peering.id)' is \(facts.status); left out", at: r.location, rule: "aws-gone"))
                continue
            }
            let what = "peering connection '\(peering.id)'"
            let requesterIn = vpcs[peering.requesterVPCID] != nil, accepterIn = vpcs[peering.accepterVPCID] != nil
            if requesterIn != accepterIn {
                // One side is outside the snapshot (another account's or region's VPC): kept as an external VPC with what the peering says of it.
                let (inside, outside) = requesterIn ? (peering.requesterVPCID, peering.accepterVPCID) : (peering.accepterVPCID, peering.requesterVPCID)
                guard let name = vpcRegion[inside] else { continue }
                let external = ExternalVPC(id: outside, ownerID: requesterIn ? facts.accepterOwner : facts.requesterOwner,
                                           region: (requesterIn ? facts.accepterRegion : facts.requesterRegion).flatMap { $0 == name ? nil : $0 },
                                           cidrs: requesterIn ? facts.accepterCIDRs : facts.requesterCIDRs,
                                           ipv6CIDRs: requesterIn ? facts.accepterIPv6CIDRs : facts.requesterIPv6CIDRs,
                                           origin: Origin(requesterIn ? facts.accepterLocation : facts.requesterLocation))
                if !self[region: name].externalVPCs.contains(where: { $0.id == outside }) { self[region: name].externalVPCs.append(external) }
                self[region: name].peerings.append(peering)
                continue
            }
            guard linkedVPC(.init(id: peering.requesterVPCID, location: facts.requesterLocation), of: what) != nil,
                  linkedVPC(.init(id: peering.accepterVPCID, location: facts.accepterLocation), of: what) != nil,
                  let name = vpcRegion[peering.requesterVPCID] else { continue }
            self[region: name].peerings.append(peering)
        }
    }

    mutating func addTransitGateways() {
        // Both attachment outputs describe VPC attachments: merge them by id (and by gateway, since
        // a peering attachment is listed in both regions, each side naming its own gateway).
        var attachments: [String: [String: AWSSnapshot.Record<AWSSnapshot.TransitGatewayAttachmentFacts>]] = [:]
        var order: [String: [String]] = [:]
        for r in snapshot.transitGatewayAttachments {
            let a = r.value
            if Self.goneAttachmentStates.contains(a.state) { continue }
            if var existing = attachments[a.transitGatewayID]?[a.id] {
                if existing.value.subnetIDs == nil { existing.value.subnetIDs = a.subnetIDs }
                if existing.value.resourceID == nil { existing.value.resourceID = a.resourceID }
                attachments[a.transitGatewayID]![a.id] = existing
            } else {
                attachments[a.transitGatewayID, default: [:]][a.id] = r
                order[a.transitGatewayID, default: []].append(a.id)
            }
        }
        var gateways = Set<String>()
        for r in unique(snapshot.transitGateways, id: \.gateway.id, kind: "transit gateway") {
            var gateway = r.value.gateway
            gateways.insert(gateway.id)
            guard let name = r.folderRegion ?? r.value.arnRegion ?? soleRegion else {
                diagnostics.emit(.error("cannot tell the region of transit gateway '\(gateway.id)'; put each region's outputs in a folder named after the region",
                                        at: r.location, rule: "aws-region-unknown"))
                continue
            }
            for id in (order[gateway.id] ?? []).sorted() {
                guard let a = attachments[gateway.id]?[id] else { continue }
                if let attachment = attachment(a) { gateway.attachments.append(attachment) }
            }
            self[region: name].transitGateways.append(gateway)
        }
        for (gateway, list) in attachments.sorted(by: { $0.key < $1.key }) where !gateways.contains(gateway) {
            for id in (order[gateway] ?? []).sorted() {
                guard let a = list[id] else { continue }
                diagnostics.emit(.warning("attachment '\(id)' is on transit gateway '\(gateway)', which is not in the snapshot; left out",
                                          at: a.location, rule: "aws-unknown-transit-gateway"))
            }
        }
    }

    static let goneAttachmentStates: Set<String> = ["deleted", "deleting", "failed", "failing", "rejected", "rejecting"]

    mutating func attachment(_ r: AWSSnapshot.Record<AWSSnapshot.TransitGatewayAttachmentFacts>) -> TransitGatewayAttachment? {
        let a = r.value
        guard let resource = a.resourceID else {
            diagnostics.emit(.warning("transit gateway attachment '\(a.id)' names no resource; left out", at: r.location, rule: "aws-missing-field"))
            return nil
        }
        switch a.resourceType {
        case "vpc":
            guard linkedVPC(.init(id: resource, location: r.location), of: "transit gateway attachment '\(a.id)'") != nil else { return nil }
            return TransitGatewayAttachment(id: a.id, resource: .vpc(id: resource, subnetIDs: a.subnetIDs ?? []), origin: Origin(r.location))
        case "vpn":
            return TransitGatewayAttachment(id: a.id, resource: .vpn(id: resource), origin: Origin(r.location))
        case "peering", "tgw-peering":
            return TransitGatewayAttachment(id: a.id, resource: .peering(transitGatewayID: resource), origin: Origin(r.location))
        case "direct-connect-gateway":
            // A Direct Connect gateway: the on-premises side of a Direct Connect link.
            return TransitGatewayAttachment(id: a.id, resource: .directConnectGateway(id: resource), origin: Origin(r.location))
        default:
            diagnostics.emit(.warning("transit gateway attachment '\(a.id)' is of type '\(a.resourceType)', which vpcgraph does not draw; left out",
                                      at: r.location, rule: "aws-skipped"))
            return nil
        }
    }

    /// VPN connections, and one on-premises network per customer gateway they reach.
    mutating func addVPNConnections() {
        var customerGateways: [String: AWSSnapshot.CustomerGatewayFacts] = [:]
        for r in snapshot.customerGateways where customerGateways[r.value.id] == nil { customerGateways[r.value.id] = r.value }
        var gatewayRegion: [String: String] = [:]
        for (_, region) in regions {
            for tgw in region.transitGateways { gatewayRegion[tgw.id] = region.name }
            for vpc in region.vpcs { if let vgw = vpc.vpnGateway { gatewayRegion[vgw.id] = region.name } }
        }
        for r in unique(snapshot.vpnConnections, id: \.connection.id, kind: "VPN connection") {
            var connection = r.value.connection
            if let cgw = connection.customerGatewayID.flatMap({ customerGateways[$0] }) {
                connection.customerGatewayIP = cgw.ip
                connection.customerGatewayASN = cgw.asn
            }
            guard let name = r.folderRegion ?? gatewayRegion[connection.gateway.id] ?? soleRegion else {
                diagnostics.emit(.error("cannot tell the region of VPN connection '\(connection.id)'; put each region's outputs in a folder named after the region",
                                        at: r.location, rule: "aws-region-unknown"))
                continue
            }
            self[region: name].vpnConnections.append(connection)
            if let id = connection.onPremisesID {
                var network = onPremises[id] ?? OnPremisesNetwork(id: id, name: customerGateways[id]?.name, origin: Origin(r.location))
                for c in r.value.remoteCIDRs where !network.cidrs.contains(c) { network.cidrs.append(c) }
                network.cidrs.sort()
                onPremises[id] = network
            }
        }
    }
}
