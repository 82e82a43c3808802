import VPCModel

/// Resolver endpoints and rules, and private hosted zones.
extension TopologyAssembler {
    mutating func addResolverEndpoints() {
        let records = unique(snapshot.resolverEndpoints, id: \.endpoint.id, kind: "Resolver endpoint")
        let (eniByID, eniByOwner) = interfaces
        // `list-resolver-endpoint-ip-addresses` does not name its endpoint: the file name may, or the
        // network interfaces (whose descriptions name endpoint and address ids), or the subnets.
        var addressesOf: [String: [EndpointInterface]] = [:]
        let ids = records.map(\.value.endpoint.id)
        for list in snapshot.resolverIPAddressLists {
            let addresses = list.value.addresses
            guard !addresses.isEmpty else { continue }
            var owner = ids.first { list.value.fileName.contains($0) }
            if owner == nil {
                let ipIDs = Set(addresses.compactMap(\.ipID))
                owner = ids.first { id in
                    (eniByOwner[id] ?? []).contains { eni in ipIDs.contains { (eniByID[eni]?.description ?? "").contains($0) } }
                }
            }
            if owner == nil {
                let vpcsOfAddresses = Set(addresses.compactMap { subnetVPC[$0.interface.subnetID] })
                let candidates = records.filter { vpcsOfAddresses.contains($0.value.vpc.id) }
                if candidates.count == 1 { owner = candidates[0].value.endpoint.id }
            }
            guard let owner else {
                diagnostics.emit(.warning("cannot tell which Resolver endpoint these addresses belong to; name the file after the endpoint (e.g. 'list-resolver-endpoint-ip-addresses.rslvr-in-….json')",
                                          at: list.location, rule: "aws-unattributed-output"))
                continue
            }
            if addressesOf[owner] == nil { addressesOf[owner] = addresses.map(\.interface) }
        }
        for r in records {
            var endpoint = r.value.endpoint
            guard let vpc = vpcID(for: r.value.vpc, of: "Resolver endpoint '\(endpoint.id)'") else { continue }
            var addresses = addressesOf[endpoint.id] ?? []
            if addresses.isEmpty {
                addresses = (eniByOwner[endpoint.id] ?? []).compactMap { eniByID[$0] }.map {
                    EndpointInterface(subnetID: $0.subnetID, ip: $0.ip, networkInterfaceID: $0.id, origin: $0.origin)
                }
            }
            if addresses.isEmpty {
                diagnostics.emit(.warning("the IP addresses of Resolver endpoint '\(endpoint.id)' are unknown (no list-resolver-endpoint-ip-addresses output for it)",
                                          at: r.location, rule: "aws-missing-interface"))
                // AWS still says how many there are: enough to cost them.
                endpoint.unknownIPAddressCount = max(r.value.ipAddressCount ?? 0, 0)
            }
            endpoint.ipAddresses = addresses.sorted {
                (subnetZone[$0.subnetID] ?? "", $0.subnetID, $0.ip) < (subnetZone[$1.subnetID] ?? "", $1.subnetID, $1.ip)
            }
            vpcs[vpc]!.resolverEndpoints.append(endpoint)
        }
    }

    mutating func addResolverRules() {
        var associated: [String: [String]] = [:]
        for r in snapshot.resolverRuleAssociations {
            guard let vpc = linkedVPC(r.value.vpc, of: "Resolver rule association of '\(r.value.ruleID)'") else { continue }
            if !(associated[r.value.ruleID] ?? []).contains(vpc) { associated[r.value.ruleID, default: []].append(vpc) }
        }
        for r in unique(snapshot.resolverRules, id: \.rule.id, kind: "Resolver rule") {
            var rule = r.value.rule
            guard let name = r.folderRegion ?? r.value.arnRegion ?? soleRegion else {
                diagnostics.emit(.error("cannot tell the region of Resolver rule '\(rule.id)'; put each region's outputs in a folder named after the region",
                                        at: r.location, rule: "aws-region-unknown"))
                continue
            }
            rule.vpcIDs = (associated[rule.id] ?? []).sorted()
            self[region: name].resolverRules.append(rule)
        }
    }

    /// `vpce-0a1b…` in `vpce-0a1b…-l1xf6pcv.execute-api.eu-west-1.vpce.amazonaws.com` (or `*.vpce-0a1b…-…`).
    static func endpointID(inDNSName name: String) -> String? {
        for label in name.split(separator: ".") where label.hasPrefix("vpce-") {
            let parts = label.split(separator: "-")
            if parts.count >= 2 { return "vpce-\(parts[1])" }
        }
        return nil
    }

    mutating func addHostedZones() {
        // One zone is described by list-hosted-zones, get-hosted-zone and list-hosted-zones-by-vpc: merge them.
        struct Zone {
            var facts: AWSSnapshot.HostedZoneFacts
            var location: SourceLocation
            var vpcs: [(reference: AWSSnapshot.Reference, region: String?)] = []
            var records: [DNSRecord] = []
        }
        var zones: [String: Zone] = [:]
        var order: [String] = []
        for r in snapshot.hostedZones {
            let f = r.value
            if var zone = zones[f.zoneID] {
                if zone.facts.isPrivate == nil { zone.facts.isPrivate = f.isPrivate }
                if let v = f.vpcs, zone.facts.vpcs == nil { zone.facts.vpcs = v; zone.location = r.location }
                zones[f.zoneID] = zone
            } else {
                zones[f.zoneID] = Zone(facts: f, location: r.location)
                order.append(f.zoneID)
            }
        }
        for id in order { zones[id]!.vpcs = zones[id]!.facts.vpcs ?? [] }
        let vpcIDs = vpcs.keys.sorted()
        for list in snapshot.hostedZoneSummaryLists {
            guard let vpc = vpcIDs.first(where: { list.value.fileName.contains($0) }) else {
                if !list.value.zones.isEmpty {
                    diagnostics.emit(.warning("cannot tell which VPC these hosted zones are associated with; name the file after the VPC (e.g. 'list-hosted-zones-by-vpc.vpc-….json')",
                                              at: list.location, rule: "aws-unattributed-output"))
                }
                continue
            }
            for z in list.value.zones {
                if zones[z.value.zoneID] == nil {
                    zones[z.value.zoneID] = Zone(facts: .init(zoneID: z.value.zoneID, name: z.value.name, isPrivate: true, vpcs: nil), location: z.location)
                    order.append(z.value.zoneID)
                }
                if !zones[z.value.zoneID]!.vpcs.contains(where: { $0.reference.id == vpc }) {
                    zones[z.value.zoneID]!.vpcs.append((AWSSnapshot.Reference(id: vpc, location: z.location), vpcRegion[vpc]))
                }
            }
        }
        // Record sets do not name their zone either: the file name may, else the zone apex (SOA) does.
        for list in snapshot.recordSetLists {
            let byFile = order.first { list.value.fileName.contains($0) }
            let byApex = order.filter { id in list.value.apexNames.contains(zones[id]!.facts.name) }
            guard let zone = byFile ?? (byApex.count == 1 ? byApex[0] : nil) else {
                if !list.value.records.isEmpty {
                    diagnostics.emit(.warning("cannot tell which hosted zone these records belong to; name the file after the zone id (e.g. 'list-resource-record-sets.Z0123….json')",
                                              at: list.location, rule: "aws-unattributed-output"))
                }
                continue
            }
            if zones[zone]!.records.isEmpty { zones[zone]!.records = list.value.records }
        }
        let endpointIDs = Set(vpcs.values.flatMap { $0.interfaceEndpoints.map(\.id) })
        for id in order {
            let zone = zones[id]!
            guard zone.facts.isPrivate == true || (zone.facts.isPrivate == nil && !zone.vpcs.isEmpty) else { continue }
            var associated: [String] = []
            var regionName: String?
            for v in zone.vpcs {
                guard let vpc = linkedVPC(v.reference, of: "hosted zone '\(zone.facts.name)'"), !associated.contains(vpc) else { continue }
                associated.append(vpc)
                regionName = regionName ?? vpcRegion[vpc]
            }
            guard let regionName else {
                diagnostics.emit(.warning("private hosted zone '\(zone.facts.name)' ('\(id)') is associated with no VPC in the snapshot (is get-hosted-zone missing?); left out",
                                          at: zone.location, rule: "aws-skipped"))
                continue
            }
            let records = zone.records.map { record -> DNSRecord in
                // An alias to an interface endpoint's DNS name is drawn as an alias to the endpoint.
                guard case .values(let values) = record.value, values.count == 1, values[0].hasSuffix(".vpce.amazonaws.com"),
                      let endpoint = TopologyAssembler.endpointID(inDNSName: values[0]).flatMap({ endpointIDs.contains($0) ? $0 : nil })
                else { return record }
                var record = record
                record.value = .endpointAlias(endpoint)
                return record
            }
            self[region: regionName].privateHostedZones.append(
                PrivateHostedZone(zoneID: id, name: zone.facts.name, vpcIDs: associated, records: records, origin: Origin(zone.location)))
        }
    }
}
