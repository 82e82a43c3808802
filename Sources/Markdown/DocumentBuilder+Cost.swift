import Foundation
import VPCModel

// The cost estimate: fixed monthly cost per item from the price table; per-GB rates shown, never
// multiplied by guessed traffic.
extension DocumentBuilder {
    /// What the cost column says of a resource AWS is still creating.
    static let pendingCost = MarkdownText("not estimated (pending)")

    func costNode() -> Node {
        let hours = Decimal(prices.hoursPerMonth)
        var total = Decimal(0)
        func monthly(_ units: Int, _ key: String) -> MarkdownText {
            let amount = Decimal(units) * prices[key].value * hours
            total += amount
            return MarkdownText(prices.money(amount))
        }
        var interface: [Node] = [], gateway: [Node] = [], resolver: [Node] = [], nat: [Node] = []
        for (_, vpc) in topology.allVPCs {
            for e in vpc.interfaceEndpoints {
                // Subnets whose interface the snapshot lacks still put the endpoint in their zone.
                let zones = Set((e.interfaces.map(\.subnetID) + e.unknownIPSubnetIDs).map { vpc.subnet($0)?.availabilityZone ?? $0 }).count
                // A pending endpoint does not run yet: listed, not costed.
                interface.append(["endpoint": ref(e.id, name: e.name), "service": MarkdownText(e.service.shortName), "vpc": vpcRef(vpc.id),
                                  "zones": zones, "monthly": e.pendingState == nil ? monthly(zones, "interface_endpoint_per_az_hour") : Self.pendingCost])
            }
            for e in vpc.gatewayEndpoints {
                gateway.append(["endpoint": ref(e.id, name: e.name), "service": MarkdownText(e.service.shortName), "vpc": vpcRef(vpc.id),
                                "monthly": monthly(1, "gateway_endpoint_per_hour")])
            }
            for e in vpc.resolverEndpoints {
                resolver.append(["endpoint": ref(e.id, name: e.name), "vpc": vpcRef(vpc.id),
                                 "direction": flags(e.direction.rawValue, among: ["inbound", "outbound"]),
                                 "interfaces": e.ipAddresses.count + e.unknownIPAddressCount,
                                 "monthly": monthly(e.ipAddresses.count + e.unknownIPAddressCount, "resolver_endpoint_per_eni_hour")])
            }
            for g in vpc.natGateways {
                nat.append(["gateway": ref(g.id, name: g.name), "vpc": vpcRef(vpc.id),
                            "monthly": g.pendingState == nil ? monthly(1, "nat_gateway_per_hour") : Self.pendingCost])
            }
        }
        var transit: [Node] = [], vpn: [Node] = []
        for region in topology.regions {
            for g in region.transitGateways {
                transit.append(["gateway": ref(g.id, name: g.name), "attachments": g.attachments.count,
                                "monthly": monthly(g.attachments.count, "transit_gateway_per_attachment_hour")])
            }
            for v in region.vpnConnections {
                vpn.append(["connection": ref(v.id, name: v.name), "monthly": monthly(1, "vpn_connection_per_hour")])
            }
        }
        func rate(_ key: String) -> MarkdownText { MarkdownText(prices.rate(key)) }
        return [
            "date": MarkdownText(prices.date),
            "region": MarkdownText(prices.region),
            "currency": MarkdownText(prices.currency),
            "hours": prices.hoursPerMonth,
            "note": MarkdownText(prices.note),
            "interfaceEndpoints": interface, "gatewayEndpoints": gateway, "resolverEndpoints": resolver,
            "natGateways": nat, "transitGateways": transit, "vpnConnections": vpn,
            "hasItems": !(interface.isEmpty && gateway.isEmpty && resolver.isEmpty && nat.isEmpty && transit.isEmpty && vpn.isEmpty),
            "total": MarkdownText(prices.money(total)),
            "rates": [
                "interfaceEndpointPerAZHour": rate("interface_endpoint_per_az_hour"),
                "interfaceEndpointPerGB": rate("interface_endpoint_per_gb"),
                "gatewayEndpointPerHour": rate("gateway_endpoint_per_hour"),
                "gatewayEndpointPerGB": rate("gateway_endpoint_per_gb"),
                "resolverEndpointPerENIHour": rate("resolver_endpoint_per_eni_hour"),
                "resolverPerMillionQueries": rate("resolver_per_million_queries"),
                "natGatewayPerHour": rate("nat_gateway_per_hour"),
                "natGatewayPerGB": rate("nat_gateway_per_gb"),
                "transitGatewayPerAttachmentHour": rate("transit_gateway_per_attachment_hour"),
                "transitGatewayPerGB": rate("transit_gateway_per_gb"),
                "vpnConnectionPerHour": rate("vpn_connection_per_hour"),
            ] as Node,
        ]
    }
}
