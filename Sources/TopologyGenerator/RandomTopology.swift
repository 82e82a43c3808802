/// Random topologies in vpcgraph's YAML format, every decision drawn from an `Entropy`: a seed for
/// the generative tests, the bytes of a fuzz input for the render harness. The result is meant to
/// be *valid* (unique CIDRs, references that resolve, one main route table), so that what is
/// exercised is layout and escaping, not the validator: 1–3 regions, 1–`maxVPCs` VPCs, subnets in
/// 1–3 AZs, internet and NAT gateways, gateway and interface endpoints, peerings shaped as chains,
/// meshes, hubs or random pairs (also across regions), transit gateways with VPC attachments and
/// TGW peering, private hosted zones, a VPN to on premises; names hostile (ids are checked and stay AWS-shaped).
public struct RandomTopology {
    public static let regionNames = ["eu-west-1", "us-east-1", "ap-southeast-2", "eu-central-1", "sa-east-1"]

    /// What to generate at most.
    public struct Limits: Sendable {
        public var maxRegions: Int
        public var maxVPCs: Int
        /// Hostile names (quotes, markup, control characters, 10,000-character strings...).
        public var hostileNames: Bool

        public init(maxRegions: Int = 3, maxVPCs: Int = 40, hostileNames: Bool = true) {
            self.maxRegions = max(1, min(maxRegions, Self.regionLimit))
            self.maxVPCs = max(1, min(maxVPCs, 240))
            self.hostileNames = hostileNames
        }

        static let regionLimit = 5
    }

    /// The topology generated from `seed`: the same seed gives the same YAML.
    public static func yaml(seed: UInt64, limits: Limits = Limits()) -> String {
        var entropy = SeededEntropy(seed: seed)
        return yaml(&entropy, limits: limits)
    }

    /// The topology a fuzz input describes (its bytes are the generator's decisions).
    public static func yaml(bytes: [UInt8], limits: Limits = Limits()) -> String {
        var entropy = ByteEntropy(bytes)
        return yaml(&entropy, limits: limits)
    }

    public static func yaml(_ entropy: inout some Entropy, limits: Limits = Limits()) -> String {
        var g = Builder(limits: limits)
        return g.build(&entropy)
    }

    struct VPCPlan {
        var index: Int
        var id: String
        var region: String
        var privateSubnets: [(id: String, az: Int, cidrThird: Int)] = []
        var publicSubnets: [String] = []
        var vpnGateway: String?
    }

    struct Builder {
        let limits: Limits
        var lines: [String] = []

        init(limits: Limits) { self.limits = limits }

        func hex(_ prefix: String, _ numbers: Int...) -> String {
            var value: UInt64 = 0
            for n in numbers { value = value &* 1009 &+ UInt64(n + 1) }
            let digits = String(value &* 2_654_435_761 % (1 << 60), radix: 16)
            return "\(prefix)-" + String(repeating: "0", count: max(0, 17 - digits.count)) + digits
        }

        func name(_ entropy: inout some Entropy, _ plain: String) -> String {
            YAMLText.quoted(limits.hostileNames ? HostileText.name(&entropy, plain: plain) : plain)
        }

        mutating func build(_ e: inout some Entropy) -> String {
            let regionCount = e.int(in: 1...limits.maxRegions)
            let vpcCount = max(regionCount, e.int(in: 1...limits.maxVPCs))
            let regions = Array(RandomTopology.regionNames.prefix(regionCount))
            // Every region gets at least one VPC, the rest are spread at random.
            var perRegion = Array(repeating: 1, count: regionCount)
            for _ in regionCount..<max(regionCount, vpcCount) { perRegion[e.below(regionCount)] += 1 }
            // Ids stay AWS-shaped: the checks refuse any other character in an id ('invalid-id'), and
            // the generator means to make topologies that validate.
            let idSuffix = ""
            let onPremises = e.chance(20)

            lines.append("title: \(name(&e, "generated"))")
            if e.chance(30) { lines.append("description: \(name(&e, "a generated topology"))") }
            lines.append("regions:")
            var plans: [[VPCPlan]] = []
            var tgwOf: [String?] = []
            var next = 0
            for (r, region) in regions.enumerated() {
                lines.append("  \(region):")
                lines.append("    vpcs:")
                var vpcs: [VPCPlan] = []
                let hasTGW = e.chance(60)
                let tgw = hasTGW ? hex("tgw", r) : nil
                for _ in 0..<perRegion[r] {
                    vpcs.append(vpc(&e, index: next, region: region, tgw: tgw, idSuffix: idSuffix,
                                    vpnGateway: onPremises && next == 0))
                    next += 1
                }
                plans.append(vpcs)
                tgwOf.append(tgw)
                peerings(&e, vpcs, region: r, all: plans)
                if let tgw { transitGateway(&e, tgw, region: r, vpcs: vpcs, peers: tgwOf.enumerated().compactMap { $0.offset < r ? $0.element : nil }) }
                if onPremises && r == 0, let gateway = vpcs.first?.vpnGateway {
                    lines.append("    vpn_connections:")
                    lines.append("      - {id: \(hex("vpn", 0)), name: \(name(&e, "datacenter-vpn")), vpn_gateway: \(gateway), customer_gateway: \(hex("cgw", 0)), on_premises: datacenter}")
                }
                if e.chance(30) { hostedZone(&e, region: r, vpcs: vpcs) }
            }
            // TGW peering is declared on both sides: add the later region's attachment to the earlier ones.
            if onPremises {
                lines.append("on_premises:")
                lines.append("  - {id: datacenter, name: \(name(&e, "data centre")), cidrs: [172.16.0.0/12], dns_servers: [172.16.0.2]}")
            }
            return lines.joined(separator: "\n") + "\n"
        }

        mutating func vpc(_ e: inout some Entropy, index v: Int, region: String, tgw: String?, idSuffix: String, vpnGateway: Bool) -> VPCPlan {
            var plan = VPCPlan(index: v, id: hex("vpc", v) + idSuffix, region: region)
            let base = "10.\(v)"
            let support = e.chance(80), hostnames = support && e.chance(70)
            lines.append("      - id: \(YAMLText.quoted(plan.id))")
            if e.chance(90) { lines.append("        name: \(name(&e, "vpc-\(v)"))") }
            lines.append("        cidr: \(base).0.0/16")
            lines.append("        dns: {support: \(support), hostnames: \(hostnames)}")
            let igw = e.chance(60) ? hex("igw", v) : nil
            if let igw { lines.append("        internet_gateway: {id: \(igw), name: \(name(&e, "igw"))}") }
            if vpnGateway {
                plan.vpnGateway = hex("vgw", v)
                lines.append("        vpn_gateway: \(hex("vgw", v))")
            }
            let zones = e.int(in: 1...3)
            lines.append("        subnets:")
            for z in 0..<zones {
                let az = "\(region)\(["a", "b", "c"][z])"
                if igw != nil {
                    let id = hex("subnet", v, 0, z)
                    plan.publicSubnets.append(id)
                    lines.append("          - {id: \(id), name: \(name(&e, "public-\(z)")), az: \(az), cidr: \(base).\(z * 8).0/24, route_table: \(hex("rtb", v, 0))}")
                }
                for t in 1...e.int(in: 1...2) {
                    let id = hex("subnet", v, t, z)
                    plan.privateSubnets.append((id, z, z * 8 + t))
                    lines.append("          - {id: \(id), name: \(name(&e, "private-\(z)-\(t)")), az: \(az), cidr: \(base).\(z * 8 + t).0/24}")
                }
            }
            let nat = igw != nil && e.chance(60) ? hex("nat", v) : nil
            if let nat, let subnet = plan.publicSubnets.first {
                lines.append("        nat_gateways:")
                lines.append("          - {id: \(nat), name: \(name(&e, "nat")), subnet: \(subnet)}")
            }
            lines.append("        route_tables:")
            if let igw { lines.append("          - {id: \(hex("rtb", v, 0)), name: \(name(&e, "public")), routes: {0.0.0.0/0: \(igw)}}") }
            var routes: [String] = []
            if let nat { routes.append("0.0.0.0/0: \(nat)") }
            if let tgw { routes.append("10.0.0.0/8: \(tgw)") }
            if let gateway = plan.vpnGateway { routes.append("172.16.0.0/12: \(gateway)") }
            lines.append("          - {id: \(hex("rtb", v, 1)), name: \(name(&e, "private")), main: true, routes: {\(routes.joined(separator: ", "))}}")
            var endpoints: [String] = []
            if e.chance(40) {
                endpoints.append("{id: \(hex("vpce", v, 0)), name: \(name(&e, "s3")), service: s3, type: gateway, route_tables: [\(hex("rtb", v, 1))]}")
            }
            if e.chance(40) {
                var seen = Set<Int>()
                let interfaces = plan.privateSubnets.filter { seen.insert($0.az).inserted }
                    .map { "\($0.id): \(base).\($0.cidrThird).10" }.joined(separator: ", ")
                let service = e.pick(["ssm", "execute-api", "secretsmanager", "sts"])
                let privateDNS = support && hostnames && e.chance(50)
                endpoints.append("{id: \(hex("vpce", v, 1)), name: \(name(&e, service)), service: \(service), type: interface, private_dns: \(privateDNS), interfaces: {\(interfaces)}}")
            }
            if !endpoints.isEmpty {
                lines.append("        endpoints:")
                for endpoint in endpoints { lines.append("          - \(endpoint)") }
            }
            return plan
        }

        /// Peerings within the region (chain, mesh, hub, random pairs) and sometimes one to a VPC of an earlier region.
        mutating func peerings(_ e: inout some Entropy, _ vpcs: [VPCPlan], region r: Int, all: [[VPCPlan]]) {
            var pairs: [(VPCPlan, VPCPlan)] = []
            let n = vpcs.count
            switch e.below(5) {
            case 1: for i in 0..<max(0, n - 1) { pairs.append((vpcs[i], vpcs[i + 1])) }
            case 2:
                let m = min(n, 6)
                for i in 0..<m { for j in (i + 1)..<max(i + 1, m) { pairs.append((vpcs[i], vpcs[j])) } }
            case 3: for i in 1..<max(1, n) { pairs.append((vpcs[0], vpcs[i])) }
            case 4:
                var seen = Set<[Int]>()
                for _ in 0..<e.int(in: 0...n) where n > 1 {
                    let a = e.below(n), b = e.below(n)
                    if a != b, seen.insert([min(a, b), max(a, b)]).inserted { pairs.append((vpcs[a], vpcs[b])) }
                }
            default: break
            }
            if r > 0, e.chance(40), let other = all[e.below(r)].first, let mine = vpcs.last {
                pairs.append((mine, other))
            }
            guard !pairs.isEmpty else { return }
            lines.append("    peerings:")
            for (a, b) in pairs {
                lines.append("      - {id: \(hex("pcx", a.index, b.index)), name: \(name(&e, "peer")), vpcs: [\(YAMLText.quoted(a.id)), \(YAMLText.quoted(b.id))]}")
            }
        }

        mutating func transitGateway(_ e: inout some Entropy, _ tgw: String, region r: Int, vpcs: [VPCPlan], peers: [String]) {
            lines.append("    transit_gateways:")
            lines.append("      - id: \(tgw)")
            lines.append("        name: \(name(&e, "core"))")
            lines.append("        asn: \(64512 + r)")
            lines.append("        attachments:")
            for plan in vpcs where e.chance(80) {
                var seen = Set<Int>()
                let subnets = plan.privateSubnets.filter { seen.insert($0.az).inserted }.map(\.id).joined(separator: ", ")
                lines.append("          - {id: \(hex("tgw-attach", plan.index)), vpc: \(YAMLText.quoted(plan.id)), subnets: [\(subnets)]}")
            }
            for peer in peers where e.chance(70) {
                lines.append("          - {id: \(hex("tgw-attach", 1000 + r, peers.firstIndex(of: peer) ?? 0)), peer: \(peer)}")
            }
        }

        mutating func hostedZone(_ e: inout some Entropy, region r: Int, vpcs: [VPCPlan]) {
            let zone = "internal\(r).example.com"
            lines.append("    private_hosted_zones:")
            lines.append("      - id: Z\(String(repeating: "0", count: 12))\(r)GENERATED")
            lines.append("        name: \(zone)")
            lines.append("        vpcs: [\(vpcs.filter { _ in e.chance(70) }.map { YAMLText.quoted($0.id) }.joined(separator: ", "))]")
            lines.append("        records:")
            for (i, plan) in vpcs.prefix(3).enumerated() {
                lines.append("          - {name: svc\(i).\(zone), type: A, values: [10.\(plan.index).1.10]}")
            }
        }
    }
}
