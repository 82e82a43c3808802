/// A big account, as YAML: `count` VPCs in one region, each with 3 AZs × 3 subnets (public,
/// private, data), an internet gateway, a NAT gateway per AZ, route tables, an S3 gateway endpoint
/// and an interface endpoint; a transit gateway attached to every VPC, and each VPC peered with
/// the next. Deterministic for a given count.
public enum GeneratedTopology {
    public static func hex(_ prefix: String, _ numbers: Int...) -> String {
        var value: UInt64 = 0
        for n in numbers { value = value &* 1009 &+ UInt64(n + 1) }
        let digits = String(value &* 2_654_435_761 % (1 << 60), radix: 16)
        return "\(prefix)-" + String(repeating: "0", count: max(0, 17 - digits.count)) + digits
    }

    /// `peeringSpan`: each VPC is peered with the next `peeringSpan` VPCs (1: a chain; 3: a dense
    /// mesh of about three peerings per VPC).
    public static func yaml(vpcs count: Int, region: String = "eu-west-1", peeringSpan: Int = 1) -> String {
        (["title: Generated topology with \(count) VPCs", "regions:"]
            + regionLines(region, vpcs: 0..<count, gateway: 0, peers: [], peeringSpan: peeringSpan))
            .joined(separator: "\n") + "\n"
    }

    /// `regions` regions (eu-west-1, us-east-1, ap-southeast-2, ...) of `vpcsPerRegion` VPCs each,
    /// shaped as above; each region's transit gateway is peered with the previous region's.
    public static func yaml(regions: Int, vpcsPerRegion: Int) -> String {
        var out = ["title: Generated topology with \(regions) regions of \(vpcsPerRegion) VPCs", "regions:"]
        for r in 0..<regions {
            let first = r * vpcsPerRegion
            out += regionLines(RandomTopology.regionNames[r], vpcs: first..<(first + vpcsPerRegion), gateway: r,
                               peers: r > 0 ? [hex("tgw", r - 1)] : [])
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func regionLines(_ region: String, vpcs: Range<Int>, gateway: Int, peers: [String], peeringSpan: Int = 1) -> [String] {
        var out = ["  \(region):", "    vpcs:"]
        let zones = ["a", "b", "c"]
        let tiers = ["public", "private", "data"]
        for v in vpcs {
            let base = "10.\(v % 250)"
            out += ["      - id: \(hex("vpc", v))", "        name: vpc-\(v)", "        cidr: \(base).0.0/16",
                    "        dns: {support: true, hostnames: true}", "        internet_gateway: \(hex("igw", v))", "        subnets:"]
            for (t, tier) in tiers.enumerated() {
                for (z, zone) in zones.enumerated() {
                    let table = tier == "public" ? hex("rtb", v, 0) : hex("rtb", v, 1 + z)
                    out.append("          - {id: \(hex("subnet", v, t, z)), name: \(tier)-\(zone), az: \(region)\(zone), cidr: \(base).\(t * 16 + z).0/24, route_table: \(table)}")
                }
            }
            out.append("        nat_gateways:")
            for z in 0..<3 { out.append("          - {id: \(hex("nat", v, z)), subnet: \(hex("subnet", v, 0, z))}") }
            out.append("        route_tables:")
            out.append("          - {id: \(hex("rtb", v, 0)), name: public, routes: {0.0.0.0/0: \(hex("igw", v))}}")
            for z in 0..<3 {
                out.append("          - {id: \(hex("rtb", v, 1 + z)), name: private-\(zones[z]), main: \(z == 0), routes: {0.0.0.0/0: \(hex("nat", v, z)), 10.0.0.0/8: \(hex("tgw", gateway))}}")
            }
            out.append("        endpoints:")
            let tables = (0..<3).map { hex("rtb", v, 1 + $0) }.joined(separator: ", ")
            out.append("          - {id: \(hex("vpce", v, 0)), service: s3, type: gateway, route_tables: [\(tables)]}")
            let interfaces = (0..<3).map { "\(hex("subnet", v, 1, $0)): \(base).\(16 + $0).10" }.joined(separator: ", ")
            out.append("          - {id: \(hex("vpce", v, 1)), service: ssm, type: interface, interfaces: {\(interfaces)}}")
        }
        out.append("    transit_gateways:")
        out.append("      - id: \(hex("tgw", gateway))")
        out.append("        name: core")
        out.append("        attachments:")
        for v in vpcs {
            out.append("          - {id: \(hex("tgw-attach", v)), vpc: \(hex("vpc", v)), subnets: [\((0..<3).map { hex("subnet", v, 1, $0) }.joined(separator: ", "))]}")
        }
        for (p, peer) in peers.enumerated() {
            out.append("          - {id: \(hex("tgw-attach", 10_000 + gateway, p)), peer: \(peer)}")
        }
        if vpcs.count > 1 {
            out.append("    peerings:")
            for v in vpcs.dropLast() { out.append("      - {id: \(hex("pcx", v)), vpcs: [\(hex("vpc", v)), \(hex("vpc", v + 1))]}") }
            for span in stride(from: 2, through: peeringSpan, by: 1) {
                for v in vpcs where v + span < vpcs.upperBound {
                    out.append("      - {id: \(hex("pcx", v, span)), vpcs: [\(hex("vpc", v)), \(hex("vpc", v + span))]}")
                }
            }
        }
        return out
    }
}
