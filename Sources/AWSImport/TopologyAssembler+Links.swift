import VPCModel

/// Links that lead out of the snapshot: a route to another account's peering connection or transit
/// gateway, a rule allowing a security group of a peered VPC, a Resolver rule shared from another
/// account. The model cannot hold their far end, so each is left out with a warning, and the
/// topology checks clean when AWS's own data is consistent.
extension TopologyAssembler {
    mutating func dropLinksOutOfSnapshot() {
        let all = regions.values
        let peerings = Set(all.flatMap { $0.peerings.map(\.id) })
        let transitGateways = Set(all.flatMap { $0.transitGateways.map(\.id) })
        let securityGroups = Set(all.flatMap { $0.vpcs.flatMap { $0.securityGroups.map(\.id) } })
        let resolverEndpoints = Set(all.flatMap { $0.vpcs.flatMap { $0.resolverEndpoints.map(\.id) } })
        let vpnGateways = Set(all.flatMap { $0.vpcs.compactMap { $0.vpnGateway?.id } })

        for name in regions.keys.sorted() {
            var region = regions[name]!
            for v in region.vpcs.indices {
                for t in region.vpcs[v].routeTables.indices {
                    let table = region.vpcs[v].routeTables[t]
                    region.vpcs[v].routeTables[t].routes = table.routes.filter { route in
                        guard route.targetIsPresent else { return true }
                        let known: Set<String>
                        switch route.target.kind {
                        case .peering: known = peerings
                        case .transitGateway: known = transitGateways
                        default: return true
                        }
                        if known.contains(route.target.id) { return true }
                        diagnostics.emit(.warning("route to '\(route.destination)' in '\(table.id)' goes to '\(route.target.id)', which is not in the snapshot (another account's?); route left out",
                                                  at: route.origin["target"], rule: "aws-outside-snapshot"))
                        return false
                    }
                }
                for g in region.vpcs[v].securityGroups.indices {
                    let group = region.vpcs[v].securityGroups[g]
                    func keepKnown(_ rules: [SecurityGroupRule], _ what: String) -> [SecurityGroupRule] {
                        rules.compactMap { rule in
                            var rule = rule
                            rule.sources = rule.sources.filter { source in
                                guard case .securityGroup(let id) = source, !securityGroups.contains(id) else { return true }
                                diagnostics.emit(.warning("rule of security group '\(group.id)' allows security group '\(id)', which is not in the snapshot (another account's or a peered VPC's?); \(what) left out",
                                                          at: rule.origin.location, rule: "aws-outside-snapshot"))
                                return false
                            }
                            return rule.sources.isEmpty ? nil : rule
                        }
                    }
                    region.vpcs[v].securityGroups[g].ingress = keepKnown(group.ingress, "source")
                    region.vpcs[v].securityGroups[g].egress = keepKnown(group.egress, "destination")
                }
            }
            for r in region.resolverRules.indices {
                guard let id = region.resolverRules[r].resolverEndpointID, !resolverEndpoints.contains(id) else { continue }
                diagnostics.emit(.warning("Resolver rule '\(region.resolverRules[r].id)' uses endpoint '\(id)', which is not in the snapshot (a rule shared from another account?); endpoint left out",
                                          at: region.resolverRules[r].origin.location, rule: "aws-outside-snapshot"))
                region.resolverRules[r].resolverEndpointID = nil
            }
            region.vpnConnections = region.vpnConnections.filter { vpn in
                let known = switch vpn.gateway {
                case .vpnGateway(let id): vpnGateways.contains(id)
                case .transitGateway(let id): transitGateways.contains(id)
                }
                if !known {
                    diagnostics.emit(.warning("VPN connection '\(vpn.id)' ends on '\(vpn.gateway.id)', which is attached to nothing in the snapshot; left out",
                                              at: vpn.origin.location, rule: "aws-outside-snapshot"))
                }
                return known
            }
            regions[name] = region
        }
        let vpnConnections = Set(regions.values.flatMap { $0.vpnConnections.map(\.id) })
        for name in regions.keys.sorted() {
            for t in regions[name]!.transitGateways.indices {
                let gateway = regions[name]!.transitGateways[t]
                regions[name]!.transitGateways[t].attachments = gateway.attachments.filter { attachment in
                    let (known, what): (Bool, String) = switch attachment.resource {
                    case .vpc: (true, "")
                    case .vpn(let id): (vpnConnections.contains(id), id)
                    case .peering(let id): (transitGateways.contains(id), id)
                    case .directConnectGateway: (true, "")
                    }
                    if !known {
                        diagnostics.emit(.warning("attachment '\(attachment.id)' of '\(gateway.id)' leads to '\(what)', which is not in the snapshot; left out",
                                                  at: attachment.origin.location, rule: "aws-outside-snapshot"))
                    }
                    return known
                }
            }
        }
        // On-premises networks no VPN connection reaches any more.
        let reached = Set(regions.values.flatMap { $0.vpnConnections.compactMap(\.onPremisesID) })
        onPremises = onPremises.filter { reached.contains($0.key) }
    }
}
