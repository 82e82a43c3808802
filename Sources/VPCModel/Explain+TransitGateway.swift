// `explain` through a transit gateway whose route tables are in the input: the route table
// associated with the sending VPC's attachment decides (static and propagated routes, longest
// prefix; a blackhole drops), its route names the next attachment, and the table associated with
// that attachment must route the replies back.

extension ExplainWalker {
    mutating func throughRouteTables(of gateway: TransitGateway, from client: (region: Region, vpc: VPC, subnet: Subnet), to target: ExplainTarget,
                                     sourceCIDRs: [CIDR], port: Int, depth: Int) -> ExplainOutcome {
        step("hop", "transit gateway '\(gateway.id)'\(gateway.name.map { " (\($0))" } ?? "")", at: gateway.origin.location)
        guard let attachment = gateway.attachments.first(where: { $0.vpcID == client.vpc.id }) else {
            return fail("vpc '\(client.vpc.id)' has no attachment to transit gateway '\(gateway.id)'")
        }
        guard let (table, how) = Self.associatedTable(of: attachment.id, in: gateway) else {
            return fail("attachment '\(attachment.id)' of vpc '\(client.vpc.id)' is associated with no route table of transit gateway '\(gateway.id)': the transit gateway drops its traffic")
        }
        let tableName = "transit gateway route table '\(table.id)'\(table.name.map { " (\($0))" } ?? "")"
        guard let chosen = lookup(target, in: table) else {
            return fail("\(tableName), associated with attachment '\(attachment.id)', has no route to \(describe(target))")
        }
        let next = chosen.attachmentIDs.first
        step("route", "\(tableName), associated with attachment '\(attachment.id)'\(how): \(chosen.destination) → \(next ?? "blackhole") (\(chosen.kind.rawValue)), "
             + (chosen.destination.isDefault ? "the default route" : "the longest prefix that matches"), at: chosen.origin.location ?? table.origin.location)
        guard chosen.state == .active, let nextID = next else {
            return fail("the route to \(chosen.destination) in \(tableName) is a blackhole: the transit gateway drops the traffic")
        }
        guard let nextAttachment = gateway.attachments.first(where: { $0.id == nextID }) else {
            return fail("\(tableName) sends \(chosen.destination) to attachment '\(nextID)', which is not an attachment of transit gateway '\(gateway.id)' in the input")
        }
        switch nextAttachment.resource {
        case .vpc(let vpcID, let subnetIDs):
            guard let (otherRegion, other) = topology.allVPCs.first(where: { $0.vpc.id == vpcID }) else {
                return fail("attachment '\(nextID)' leads to vpc '\(vpcID)', which the input does not describe")
            }
            step("hop", "attachment '\(nextID)' to vpc '\(other.id)'\(other.name.map { " (\($0))" } ?? "")", at: nextAttachment.origin.location)
            if let problem = replyRoute(in: gateway, from: nextAttachment, to: sourceCIDRs, back: attachment) { return fail(problem) }
            if case .ip(let ip, _) = target, other.cidrs.contains(where: { $0.contains(ip) }) {
                return deliver(ip, in: other, region: otherRegion, sourceCIDRs: sourceCIDRs, port: port, arrivedVia: gateway.id, clientVPC: client.vpc.id)
            }
            // Not the destination's VPC (an inspection or central egress VPC): the attachment's subnet routes it on.
            guard let subnet = subnetIDs.lazy.compactMap({ other.subnet($0) }).first else {
                return fail("vpc '\(other.id)' does not hold \(describe(target)), and attachment '\(nextID)' has no subnet in the input to route it on")
            }
            step("hop", "the traffic enters vpc '\(other.id)' in attachment subnet '\(subnet.id)', whose route table routes it on", at: subnet.origin.location)
            return route(from: (otherRegion, other, subnet), sourceCIDRs: sourceCIDRs, to: target, port: port, arrivedVia: gateway.id, depth: depth + 1)
        case .vpn(let vpnID):
            guard let vpn = topology.regions.flatMap(\.vpnConnections).first(where: { $0.id == vpnID }),
                  let network = topology.onPremises.first(where: { $0.id == vpn.onPremisesID }) else {
                return fail("attachment '\(nextID)' is VPN '\(vpnID)', which leads to no on-premises network of the input")
            }
            return reachOnPremises(network, vpn: vpn)
        case .directConnectGateway(let dx):
            step("hop", "attachment '\(nextID)' to Direct Connect gateway '\(dx)'", at: nextAttachment.origin.location)
            var network: OnPremisesNetwork?
            if case .ip(let ip, _) = target { network = topology.onPremises.first { $0.cidrs.contains { $0.contains(ip) } } }
            return ExplainOutcome(end: .onPremises, id: network?.id ?? dx, reached: true,
                                  text: "reaches \(network.map { "on-premises network '\($0.id)'" } ?? "on premises") over Direct Connect gateway '\(dx)'")
        case .peering(let peer):
            return ExplainOutcome(end: .appliance, id: peer, reached: false,
                                  text: "goes to peered transit gateway '\(peer)' through attachment '\(nextID)'; vpcgraph does not follow beyond it")
        }
    }

    /// The route table an attachment is associated with; when the input has no associations at all,
    /// the default association table, said so.
    static func associatedTable(of attachmentID: String, in gateway: TransitGateway) -> (TransitGatewayRouteTable, String)? {
        if let table = gateway.routeTables.first(where: { $0.associations.contains(attachmentID) }) { return (table, "") }
        if gateway.routeTables.allSatisfy(\.associations.isEmpty), let table = gateway.routeTables.first(where: \.isDefaultAssociation) {
            return (table, " (associations not in the input: the default association route table)")
        }
        return nil
    }

    /// The longest-prefix route for the target (a static route before a propagated one of the same
    /// prefix; prefix-list routes by their entries); an AWS service's or a name's public addresses take the default route.
    func lookup(_ target: ExplainTarget, in table: TransitGatewayRouteTable) -> TransitGatewayRoute? {
        switch target {
        case .ip(let ip, _): return longest(in: table) { $0.contains(ip) }
        case .service, .publicName: return longest(in: table) { $0.isDefaultRoute && $0.family == .v4 }
        }
    }

    /// The route whose destination (a block, or the entries of a prefix list) matching `matches` is longest.
    func longest(in table: TransitGatewayRouteTable, _ matches: (CIDR) -> Bool) -> TransitGatewayRoute? {
        var best: (length: Int, rank: Int, route: TransitGatewayRoute)?
        for route in table.routes {
            let blocks: [CIDR]
            switch route.destination {
            case .cidr(let c): blocks = [c]
            case .prefixList(let id): blocks = topology.regions.flatMap(\.prefixLists).first { $0.id == id }?.entries.map(\.cidr) ?? []
            }
            guard let length = blocks.filter(matches).map(\.prefixLength).max() else { continue }
            let rank = route.kind == .static ? 1 : 0
            if let current = best, (current.length, current.rank) >= (length, rank) { continue }
            best = (length, rank, route)
        }
        return best?.route
    }

    /// Replies from `attachment`'s VPC go back through the route table associated with it: it needs an
    /// active route to every source through `back`.
    mutating func replyRoute(in gateway: TransitGateway, from attachment: TransitGatewayAttachment, to sources: [CIDR], back: TransitGatewayAttachment) -> String? {
        guard let (table, how) = Self.associatedTable(of: attachment.id, in: gateway) else {
            return "replies cannot return: attachment '\(attachment.id)' is associated with no route table of transit gateway '\(gateway.id)'"
        }
        for source in sources {
            let route = longest(in: table) { $0.contains(source) }
            guard let route, route.state == .active, route.attachmentIDs.contains(back.id) else {
                let what = route.map { $0.state == .blackhole ? " (its route to \($0.destination) is a blackhole)" : " (it sends \(source) to '\($0.attachmentIDs.joined(separator: "', '"))')" } ?? ""
                return "replies cannot return: transit gateway route table '\(table.id)', associated with attachment '\(attachment.id)', has no route to \(source) through attachment '\(back.id)'" + what
            }
            step("route", "reply route: transit gateway route table '\(table.id)', associated with attachment '\(attachment.id)'\(how), sends \(route.destination) back to attachment '\(back.id)' (\(route.kind.rawValue))",
                 at: route.origin.location ?? table.origin.location)
        }
        return nil
    }
}

extension TransitGatewayAttachment {
    /// The VPC of a VPC attachment.
    var vpcID: String? {
        if case .vpc(let id, _) = resource { return id }
        return nil
    }
}

extension Route.Destination {
    var isDefault: Bool {
        if case .cidr(let c) = self { return c.isDefaultRoute }
        return false
    }
}
