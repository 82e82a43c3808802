// `vpcgraph explain`: how traffic from one subnet (or an on-premises network) gets to a name or an
// IP, step by step: DNS first (through `NameResolver`), then the route tables hop by hop (longest
// prefix match; the prefix lists of gateway endpoints), then the security groups of where it ends.
// Pure: a topology in, an `Explanation` out; the CLI only prints it.

/// Where `explain` starts: a subnet, or an on-premises network (its DNS servers and its VPN).
public enum ExplainSource: Equatable, Sendable {
    case subnet(String)
    case onPremises(String)
}

/// One step of an explanation: what was looked at (`dns`, `route`, `security-group`, `hop`, `network-acl`), in words.
public struct ExplainStep: Equatable, Sendable {
    public var kind: String
    public var text: String
    /// Where the deciding resource is written in the input (a route, a rule, a record), when known.
    public var location: SourceLocation?

    public init(kind: String, text: String, location: SourceLocation? = nil) {
        self.kind = kind
        self.text = text
        self.location = location
    }
}

/// How the traffic ends.
public struct ExplainOutcome: Equatable, Sendable, Error {
    public enum End: String, Sendable {
        case interfaceEndpoint = "interface-endpoint"
        case resolverEndpoint = "resolver-endpoint"
        case gatewayEndpoint = "gateway-endpoint"
        case internet
        case peeredVPC = "peered-vpc"
        case vpc
        case onPremises = "on-premises"
        case appliance
        case unreachable
    }

    public var end: End
    /// The id of the resource the traffic ends at (endpoint, internet gateway, on-premises network), if any.
    public var id: String?
    public var reached: Bool
    public var text: String
}

public struct Explanation: Equatable, Sendable {
    public var from: String
    public var to: String
    public var port: Int
    public var steps: [ExplainStep]
    public var outcome: ExplainOutcome
}

public enum ExplainError: Error, Equatable, Sendable {
    /// `--from` names no subnet and no on-premises network; with the closest id, if any.
    case unknownSource(String, suggestion: String?)
    case invalidDestination(String)

    public var message: String {
        switch self {
        case .unknownSource(let id, let suggestion):
            "'\(id)' is not a subnet or an on-premises network of the topology" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        case .invalidDestination(let text):
            "'\(text)' is not a DNS name, an IP address or NAME:PORT / IP:PORT with a port 0-65535"
        }
    }
}

extension Topology {
    /// Explains how traffic from `source` reaches `destination` (a DNS name or an IPv4 address, with
    /// an optional `:PORT`; 443 when none is given) over TCP.
    public func explain(from source: ExplainSource, to destination: String) -> Result<Explanation, ExplainError> {
        var walker = ExplainWalker(topology: self)
        return walker.explain(from: source, to: destination)
    }
}

/// What DNS gave: where the packets go.
enum ExplainTarget {
    case ip(IPAddress, note: String?)
    /// The public addresses of an AWS service.
    case service(ServiceName)
    /// Public addresses of something outside AWS's services vpcgraph knows.
    case publicName(String)
}

struct ExplainWalker {
    let topology: Topology
    var resolver: NameResolver
    var steps: [ExplainStep] = []
    /// Subnets whose network ACL the input lacks, already said.
    var unevaluatedACLSubnets: Set<String> = []

    init(topology: Topology) {
        self.topology = topology
        self.resolver = NameResolver(topology)
    }

    mutating func explain(from source: ExplainSource, to text: String) -> Result<Explanation, ExplainError> {
        guard let (host, port) = Self.split(text) else { return .failure(.invalidDestination(text)) }
        let fromText: String
        var client: (region: Region, vpc: VPC, subnet: Subnet)?
        var network: OnPremisesNetwork?
        switch source {
        case .subnet(let id):
            guard let found = findSubnet(id) else { return .failure(.unknownSource(id, suggestion: suggestion(for: id))) }
            client = found
            fromText = "subnet '\(id)'\(found.subnet.name.map { " (\($0))" } ?? "") in vpc '\(found.vpc.id)'\(found.vpc.name.map { " (\($0))" } ?? ""), \(found.subnet.availabilityZone)"
        case .onPremises(let id):
            guard let found = topology.onPremises.first(where: { $0.id == id }) else {
                return .failure(.unknownSource(id, suggestion: suggestion(for: id)))
            }
            network = found
            fromText = "on-premises network '\(id)'\(found.name.map { " (\($0))" } ?? "")"
        }
        let outcome: ExplainOutcome
        switch resolve(host, client: client, network: network) {
        case .failure(let failed):
            outcome = failed
        case .success(let target):
            if let client {
                outcome = route(from: client, sourceCIDRs: [client.subnet.cidr], to: target, port: port, arrivedVia: nil, depth: 0)
            } else {
                outcome = route(fromOnPremises: network!, to: target, port: port)
            }
        }
        return .success(Explanation(from: fromText, to: host, port: port, steps: steps, outcome: outcome))
    }

    /// `NAME`, `NAME:PORT`, `IP`, `IP:PORT`.
    static func split(_ text: String) -> (String, Int)? {
        var host = text, port = 443
        if let colon = text.lastIndex(of: ":") {
            guard let number = Int(text[text.index(after: colon)...]), (0...65535).contains(number) else { return nil }
            host = String(text[..<colon])
            port = number
        }
        let allowed = host.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-.*_".unicodeScalars.contains($0) }
        guard !host.isEmpty, allowed else { return nil }
        return (host, port)
    }

    func findSubnet(_ id: String) -> (region: Region, vpc: VPC, subnet: Subnet)? {
        for (region, vpc) in topology.allVPCs {
            if let subnet = vpc.subnet(id) { return (region, vpc, subnet) }
        }
        return nil
    }

    func suggestion(for id: String) -> String? {
        let ids = topology.allVPCs.flatMap { $0.vpc.subnets.map(\.id) } + topology.onPremises.map(\.id)
        return ids.map { ($0, Self.distance($0, id)) }.filter { $0.1 <= 3 }.min { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }?.0
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    mutating func step(_ kind: String, _ text: String, at location: SourceLocation? = nil) {
        steps.append(ExplainStep(kind: kind, text: text, location: location))
    }

    func fail(_ text: String) -> ExplainOutcome {
        ExplainOutcome(end: .unreachable, id: nil, reached: false, text: text)
    }

    // MARK: - DNS

    mutating func resolve(_ host: String, client: (region: Region, vpc: VPC, subnet: Subnet)?,
                          network: OnPremisesNetwork?) -> Result<ExplainTarget, ExplainOutcome> {
        if let ip = IPAddress(host) {
            guard ip.family == .v4 else { return .failure(fail("IPv6 destinations are not in the model yet")) }
            step("dns", "'\(host)' is an IP address: no DNS lookup")
            return .success(.ip(ip, note: nil))
        }
        let (dnsSteps, answer): ([NameResolution.Step], NameResolution.Answer)
        if let client {
            (dnsSteps, answer) = resolver.resolve(host, inVPC: client.vpc.id)
        } else {
            (dnsSteps, answer) = resolver.resolve(host, onPremises: network!)
        }
        for dnsStep in dnsSteps { describe(dnsStep, onPremises: network) }
        switch answer {
        case .endpointIPs(let endpointID, let ips):
            guard !ips.isEmpty else { return .failure(fail("'\(host)' resolves to interface endpoint '\(endpointID)', whose IPs the input does not have")) }
            // A client uses the address in its own zone when there is one (AWS answers every zone; clients
            // commonly pick the first: the zone-local one avoids cross-zone charges).
            let zone = client?.subnet.availabilityZone
            let endpointVPC = topology.interfaceEndpoint(endpointID)?.vpc
            let local = endpointVPC.flatMap { vpc in
                vpc.interfaceEndpoints.first { $0.id == endpointID }?.interfaces.first { vpc.subnet($0.subnetID)?.availabilityZone == zone }?.ip
            }
            let hasIPv6 = ips.contains { $0.family == .v6 }
            let records = ips.map { hasIPv6 ? "\($0) (\($0.family == .v4 ? "A" : "AAAA"))" : $0.description }.joined(separator: ", ")
            guard let chosen = local.flatMap({ ips.contains($0) ? $0 : nil }) ?? ips.first(where: { $0.family == .v4 }) else {
                step("dns", "answer: \(records), the network interfaces of interface endpoint '\(endpointID)'")
                return .failure(fail("'\(host)' resolves to IPv6 addresses only (AAAA records); IPv6 destinations are not in the model yet"))
            }
            step("dns", "answer: \(records), the network interfaces of interface endpoint '\(endpointID)'; following \(chosen)"
                 + (local == chosen ? " (in the client's zone \(zone!))" : ""))
            return .success(.ip(chosen, note: nil))
        case .publicAddresses:
            if let service = ServiceDNS.service(forName: host) {
                step("dns", "answer: the public addresses of '\(service)'")
                return .success(.service(service))
            }
            step("dns", "answer: public addresses (outside the topology)")
            return .success(.publicName(host))
        case .values(let values):
            if let ip = values.lazy.compactMap(IPAddress.init).first {
                step("dns", "answer: \(values.joined(separator: ", ")); following \(ip)")
                return .success(.ip(ip, note: nil))
            }
            return .failure(fail("'\(host)' resolves to \(values.joined(separator: ", ")), which vpcgraph does not follow further"))
        case .noSuchName(let zoneID):
            return .failure(fail("private hosted zone '\(zoneID)' covers '\(host)' but has no record for it: the lookup fails (NXDOMAIN)"))
        case .forwardedOut:
            return .failure(fail("the lookup of '\(host)' is forwarded out of AWS; the answer is not in the input"))
        case .dnsSupportOff(let vpcID):
            return .failure(fail("vpc '\(vpcID)' has DNS support off: its resolver does not answer, so '\(host)' does not resolve"))
        case .unknown:
            return .failure(fail("the lookup of '\(host)' goes to DNS servers the input does not describe; the answer is unknown"))
        }
    }

    mutating func describe(_ dnsStep: NameResolution.Step, onPremises network: OnPremisesNetwork?) {
        switch dnsStep {
        case .forwarded(let domain, let endpointID, let vpcID, let ips):
            let servers = network.map { $0.dnsServers.isEmpty ? "the on-premises DNS servers" : "the on-premises DNS servers (\($0.dnsServers.map(\.description).joined(separator: ", ")))" } ?? "the on-premises DNS servers"
            let rule = network?.forwardingRules.first { $0.domain == domain }
            if let endpointID, let vpcID {
                step("dns", "\(servers) forward '\(domain)' to Resolver inbound endpoint '\(endpointID)' (\(ips.map(\.description).joined(separator: ", "))) in vpc '\(vpcID)'",
                     at: rule?.origin.location)
            } else {
                step("dns", "\(servers) forward '\(domain)' to \(ips.map(\.description).joined(separator: ", ")), which is no Resolver inbound endpoint of the topology",
                     at: rule?.origin.location)
            }
        case .vpcResolver(let vpcID):
            let vpc = topology.vpc(vpcID)
            let address = vpc?.cidrs.first.flatMap { Self.resolverAddress(of: $0) }
            step("dns", "the Amazon-provided resolver of vpc '\(vpcID)'\(address.map { " (\($0))" } ?? "") takes the query")
        case .privateHostedZone(let zoneID, let zoneName, let record, let type):
            let zone = topology.regions.flatMap(\.privateHostedZones).first { $0.id == zoneID }
            step("dns", "private hosted zone '\(zoneName)' (\(zoneID)), associated with the vpc, holds \(type) record '\(record)'", at: zone?.origin.location)
        case .endpointPrivateDNS(let endpointID):
            let endpoint = topology.interfaceEndpoint(endpointID)?.endpoint
            step("dns", "the private DNS of interface endpoint '\(endpointID)' (\(endpoint?.privateDNSName ?? "?")) answers", at: endpoint?.origin["private_dns"])
        case .resolverRule(let ruleID, let domain, let targets):
            let rule = topology.regions.flatMap(\.resolverRules).first { $0.id == ruleID }
            step("dns", "Resolver rule '\(ruleID)' forwards '\(domain)' to \(targets.map(\.description).joined(separator: ", "))", at: rule?.origin.location)
        case .endpointRegionalName(let endpointID, let name):
            step("dns", "an alias to '\(name)', the regional DNS name of interface endpoint '\(endpointID)'")
        case .publicDNS:
            step("dns", "no private hosted zone, endpoint private DNS or Resolver rule covers the name: public DNS answers")
        case .ifForwarded(let domain, let endpointID, let vpcID, let ips):
            step("dns", "if the on-premises DNS servers forward '\(domain)' to Resolver inbound endpoint '\(endpointID)' (\(ips.map(\.description).joined(separator: ", "))) in vpc '\(vpcID)' (the input does not say; if they do not, public DNS answers), the query goes on as below")
        }
    }

    /// The Amazon-provided resolver: the VPC's primary CIDR base plus two.
    static func resolverAddress(of cidr: CIDR) -> String? {
        let parts = cidr.address.description.split(separator: ".").compactMap { Int($0) }
        guard cidr.family == .v4, parts.count == 4, parts[3] + 2 <= 255 else { return nil }
        return "\(parts[0]).\(parts[1]).\(parts[2]).\(parts[3] + 2)"
    }

    // MARK: - Routes

    /// Follows the route table of `client`'s subnet towards `target`.
    mutating func route(from client: (region: Region, vpc: VPC, subnet: Subnet), sourceCIDRs: [CIDR], to target: ExplainTarget,
                        port: Int, arrivedVia: String?, depth: Int) -> ExplainOutcome {
        let vpc = client.vpc
        guard depth < 8 else { return fail("the routes loop (more than 8 hops)") }
        guard let table = vpc.routeTable(for: client.subnet) else {
            return fail("subnet '\(client.subnet.id)' has no route table (and vpc '\(vpc.id)' no main one)")
        }
        let routes = vpc.effectiveRoutes(of: table)
        let how = client.subnet.routeTableID == nil ? "the main route table" : "route table"
        guard let chosen = Self.bestRoute(routes, to: target, vpc: vpc) else {
            return fail("\(how) '\(table.id)' of subnet '\(client.subnet.id)' has no route to \(describe(target)) (no default route)")
        }
        let why: String
        switch (chosen.destination, target) {
        case (.prefixList(let id), .service(let service)): why = "the prefix list of '\(service)' (\(id)), which AWS prefers to a default route"
        case (.cidr(let cidr), _) where cidr.isDefaultRoute: why = "the default route"
        default: why = "the longest prefix that matches"
        }
        step("route", "\(how) '\(table.id)'\(table.name.map { " (\($0))" } ?? "") of subnet '\(client.subnet.id)': \(chosen.destination) → \(chosen.target.id), \(why)",
             at: chosen.origin.location ?? table.origin.location)
        guard chosen.state == .active, chosen.targetIsPresent else {
            return fail("the route to \(chosen.destination) is \(chosen.state == .blackhole ? "a blackhole: its target '\(chosen.target.id)' is gone" : "not in use (\(chosen.targetState ?? chosen.state.rawValue))")")
        }
        if case .ip(let ip, _) = target, chosen.target.kind == .local, client.subnet.cidr.contains(ip) {
            step("network-acl", "\(ip) is in subnet '\(client.subnet.id)' itself: traffic does not cross a network ACL")
        } else if let refusal = networkACL(of: client.subnet, in: vpc, outbound: true, port: port, peers: [Self.peer(target)]) {
            return fail(refusal)
        }
        switch chosen.target.kind {
        case .local:
            guard case .ip(let ip, _) = target else { return fail("a local route cannot reach \(describe(target))") }
            return deliver(ip, in: vpc, region: client.region, sourceCIDRs: sourceCIDRs, port: port, arrivedVia: arrivedVia, clientVPC: client.vpc.id,
                           clientSubnetID: client.subnet.id)
        case .gatewayEndpoint:
            if let endpoint = vpc.gatewayEndpoints.first(where: { $0.id == chosen.target.id }) {
                guard case .service(let service) = target, service == endpoint.service else {
                    return fail("gateway endpoint '\(endpoint.id)' serves '\(endpoint.service)', not \(describe(target))")
                }
                step("hop", "gateway endpoint '\(endpoint.id)'\(endpoint.name.map { " (\($0))" } ?? "") takes the traffic to '\(service)'"
                     + (endpoint.policy != nil ? "; its endpoint policy decides which requests are allowed" : ""), at: endpoint.origin.location)
                return ExplainOutcome(end: .gatewayEndpoint, id: endpoint.id, reached: true,
                                      text: "reaches '\(service)' through gateway endpoint '\(endpoint.id)', on the AWS network")
            }
            if let endpoint = vpc.gatewayLoadBalancerEndpoints.first(where: { $0.id == chosen.target.id }) {
                return ExplainOutcome(end: .appliance, id: endpoint.id, reached: false,
                                      text: "goes to Gateway Load Balancer endpoint '\(endpoint.id)' (inspection appliances); vpcgraph does not follow beyond it")
            }
            return fail("the route's target '\(chosen.target.id)' is not a gateway endpoint of vpc '\(vpc.id)'")
        case .natGateway:
            guard let nat = vpc.natGateways.first(where: { $0.id == chosen.target.id }), let natSubnet = vpc.subnet(nat.subnetID) else {
                return fail("NAT gateway '\(chosen.target.id)' is not in vpc '\(vpc.id)'")
            }
            step("hop", "NAT gateway '\(nat.id)'\(nat.name.map { " (\($0))" } ?? "") in subnet '\(natSubnet.id)' (\(nat.connectivity.rawValue)) translates the source address",
                 at: nat.origin.location)
            if let pending = nat.pendingState { return fail("NAT gateway '\(nat.id)' is \(pending.rawValue): it does not forward yet") }
            if natSubnet.id != client.subnet.id,
               let refusal = networkACL(of: natSubnet, in: vpc, outbound: false, port: port, peers: sourceCIDRs.map(NetworkACLPeer.cidr)) {
                return fail(refusal)
            }
            var next = client
            next.subnet = natSubnet
            let natCIDRs = nat.privateIP.map { [CIDR("\($0)/32")].compactMap { $0 } } ?? [natSubnet.cidr]
            return route(from: next, sourceCIDRs: natCIDRs, to: target, port: port, arrivedVia: arrivedVia, depth: depth + 1)
        case .internetGateway:
            let subnetIsNAT = vpc.natGateways.contains { $0.subnetID == client.subnet.id }
            step("hop", "internet gateway '\(chosen.target.id)' sends the traffic to the internet" + (subnetIsNAT || depth > 0 ? "" : " (instances need a public IP address)"),
                 at: vpc.internetGateway?.origin.location)
            let what: String
            switch target {
            case .service(let service): what = "the public addresses of '\(service)'"
                if let own = vpc.gatewayEndpoints.first(where: { $0.service.shortName == service.shortName }) {
                    step("hop", "gateway endpoint '\(own.id)' serves '\(own.service)' only: a gateway endpoint is region-scoped")
                }
            case .publicName(let name): what = "'\(name)'"
            case .ip(let ip, _): what = "\(ip)"
            }
            return ExplainOutcome(end: .internet, id: chosen.target.id, reached: true,
                                  text: "reaches \(what) over the internet through internet gateway '\(chosen.target.id)': it leaves the AWS network")
        case .peering:
            guard let peering = topology.regions.flatMap(\.peerings).first(where: { $0.id == chosen.target.id }), peering.vpcIDs.contains(vpc.id) else {
                return fail("peering connection '\(chosen.target.id)' does not connect vpc '\(vpc.id)'")
            }
            let otherID = peering.requesterVPCID == vpc.id ? peering.accepterVPCID : peering.requesterVPCID
            guard let (otherRegion, other) = topology.allVPCs.first(where: { $0.vpc.id == otherID }) else {
                return fail("peering connection '\(peering.id)' leads to vpc '\(otherID)', which the input does not describe")
            }
            step("hop", "peering connection '\(peering.id)' to vpc '\(other.id)'\(other.name.map { " (\($0))" } ?? "")", at: peering.origin.location)
            guard case .ip(let ip, _) = target, other.cidrs.contains(where: { $0.contains(ip) }) else {
                return fail("peering connection '\(peering.id)' carries only traffic to vpc '\(other.id)' (\(other.cidrs.map(\.description).joined(separator: ", "))); \(describe(target)) is not in it (no transitive routing)")
            }
            return deliver(ip, in: other, region: otherRegion, sourceCIDRs: sourceCIDRs, port: port, arrivedVia: peering.id, clientVPC: client.vpc.id)
        case .transitGateway:
            guard let gateway = topology.regions.flatMap(\.transitGateways).first(where: { $0.id == chosen.target.id }) else {
                return fail("transit gateway '\(chosen.target.id)' is not in the topology")
            }
            if !gateway.routeTables.isEmpty {
                return throughRouteTables(of: gateway, from: client, to: target, sourceCIDRs: sourceCIDRs, port: port, depth: depth)
            }
            step("hop", "transit gateway '\(gateway.id)'\(gateway.name.map { " (\($0))" } ?? ""): transit gateway route tables \(topology.missingValueText): assumed default association/propagation",
                 at: gateway.origin.location)
            guard case .ip(let ip, _) = target else { return fail("vpcgraph cannot follow \(describe(target)) through transit gateway '\(gateway.id)'") }
            for attachment in gateway.attachments {
                guard case .vpc(let id, _) = attachment.resource, id != vpc.id,
                      let (otherRegion, other) = topology.allVPCs.first(where: { $0.vpc.id == id }), other.cidrs.contains(where: { $0.contains(ip) }) else { continue }
                step("hop", "attachment '\(attachment.id)' to vpc '\(other.id)'\(other.name.map { " (\($0))" } ?? "")", at: attachment.origin.location)
                return deliver(ip, in: other, region: otherRegion, sourceCIDRs: sourceCIDRs, port: port, arrivedVia: gateway.id, clientVPC: client.vpc.id)
            }
            for attachment in gateway.attachments {
                guard case .vpn(let vpnID) = attachment.resource,
                      let vpn = topology.regions.flatMap(\.vpnConnections).first(where: { $0.id == vpnID }),
                      let network = topology.onPremises.first(where: { $0.id == vpn.onPremisesID }), network.cidrs.contains(where: { $0.contains(ip) }) else { continue }
                return reachOnPremises(network, vpn: vpn)
            }
            return fail("no attachment of transit gateway '\(gateway.id)' leads to \(ip)")
        case .vpnGateway:
            let vpns = topology.regions.flatMap(\.vpnConnections).filter { $0.gateway == .vpnGateway(chosen.target.id) }
            for vpn in vpns {
                if let network = topology.onPremises.first(where: { $0.id == vpn.onPremisesID }) {
                    if case .ip(let ip, _) = target, !network.cidrs.contains(where: { $0.contains(ip) }) { continue }
                    return reachOnPremises(network, vpn: vpn)
                }
            }
            return fail("virtual private gateway '\(chosen.target.id)' has no VPN connection to an on-premises network holding \(describe(target))")
        case .networkInterface, .egressOnlyInternetGateway:
            return ExplainOutcome(end: .appliance, id: chosen.target.id, reached: false,
                                  text: "goes to '\(chosen.target.id)'; vpcgraph does not follow beyond it")
        }
    }

    mutating func reachOnPremises(_ network: OnPremisesNetwork, vpn: VPNConnection) -> ExplainOutcome {
        step("hop", "site-to-site VPN '\(vpn.id)' to on-premises network '\(network.id)'", at: vpn.origin.location)
        return ExplainOutcome(end: .onPremises, id: network.id, reached: true,
                              text: "reaches on-premises network '\(network.id)'\(network.name.map { " (\($0))" } ?? "") through VPN '\(vpn.id)'")
    }

    /// The route a table uses for the target: for an AWS service's public addresses, its gateway
    /// endpoint's prefix list if any, else the default route; for an IP, the longest matching prefix.
    static func bestRoute(_ routes: [Route], to target: ExplainTarget, vpc: VPC) -> Route? {
        func defaultRoute() -> Route? {
            routes.first { if case .cidr(let c) = $0.destination { return c.isDefaultRoute && c.family == .v4 }; return false }
        }
        switch target {
        case .service(let service):
            let lists = vpc.gatewayEndpoints.filter { $0.service == service }.compactMap(\.prefixListID)
            let viaEndpoint = routes.first { route in
                if case .prefixList(let id) = route.destination { return lists.contains(id) || vpc.gatewayEndpoints.contains { $0.id == route.target.id && $0.service == service } }
                return false
            }
            return viaEndpoint ?? defaultRoute()
        case .publicName:
            return defaultRoute()
        case .ip(let ip, _):
            return routes.filter { if case .cidr(let c) = $0.destination { return c.contains(ip) }; return false }
                .max { a, b in
                    guard case .cidr(let x) = a.destination, case .cidr(let y) = b.destination else { return false }
                    return x.prefixLength < y.prefixLength
                }
        }
    }

    /// The far end of outbound traffic, as a network ACL rule sees it.
    static func peer(_ target: ExplainTarget) -> NetworkACLPeer {
        switch target {
        case .ip(let ip, _): .cidr(CIDR(host: ip))
        case .service(let service): .publicAddresses("the public addresses of '\(service)'")
        case .publicName(let name): .publicAddresses("the public addresses of '\(name)'")
        }
    }

    func describe(_ target: ExplainTarget) -> String {
        switch target {
        case .ip(let ip, _): "\(ip)"
        case .service(let service): "the public addresses of '\(service)'"
        case .publicName(let name): "the public addresses of '\(name)'"
        }
    }

    // MARK: - Arrival

    /// Traffic for `ip` arrives in `vpc`: what holds the address, and whether its security groups let it in.
    mutating func deliver(_ ip: IPAddress, in vpc: VPC, region: Region, sourceCIDRs: [CIDR], port: Int, arrivedVia: String?, clientVPC: String,
                          clientSubnetID: String? = nil) -> ExplainOutcome {
        let from = sourceCIDRs.map(\.description).joined(separator: ", ")
        /// The ACL of the subnet the traffic enters, unless it never left it.
        func enter(_ subnetID: String) -> String? {
            guard subnetID != clientSubnetID, let subnet = vpc.subnet(subnetID) else { return nil }
            return networkACL(of: subnet, in: vpc, outbound: false, port: port, peers: sourceCIDRs.map(NetworkACLPeer.cidr))
        }
        if let endpoint = vpc.interfaceEndpoints.first(where: { $0.interfaces.contains { $0.ip == ip } }) {
            let interface = endpoint.interfaces.first { $0.ip == ip }!
            let zone = vpc.subnet(interface.subnetID)?.availabilityZone ?? "?"
            step("hop", "\(ip) is the network interface of interface endpoint '\(endpoint.id)'\(endpoint.name.map { " (\($0))" } ?? "") in subnet '\(interface.subnetID)' (\(zone))",
                 at: interface.origin.location ?? endpoint.origin.location)
            if let refusal = enter(interface.subnetID) { return fail(refusal) }
            if let refusal = checkSecurityGroups(endpoint.securityGroupIDs, in: vpc, sourceCIDRs: sourceCIDRs, port: port, owner: "interface endpoint '\(endpoint.id)'") {
                return fail(refusal)
            }
            if let arrivedVia, let problem = returnRoute(in: vpc, subnetID: interface.subnetID, to: sourceCIDRs, via: arrivedVia) { return fail(problem) }
            if let pending = endpoint.pendingState { return fail("interface endpoint '\(endpoint.id)' is \(pending.rawValue): it does not accept traffic yet") }
            let service = endpoint.service.isAWSService ? " of '\(endpoint.service)'" : " of endpoint service '\(endpoint.service)'"
            return ExplainOutcome(end: .interfaceEndpoint, id: endpoint.id, reached: true,
                                  text: "reaches interface endpoint '\(endpoint.id)'\(service) at \(ip), on the AWS network" + (arrivedVia.map { " (through '\($0)')" } ?? ""))
        }
        if let endpoint = vpc.resolverEndpoints.first(where: { $0.ipAddresses.contains { $0.ip == ip } }) {
            step("hop", "\(ip) is a network interface of Resolver \(endpoint.direction.rawValue) endpoint '\(endpoint.id)'", at: endpoint.origin.location)
            if let subnetID = endpoint.ipAddresses.first(where: { $0.ip == ip })?.subnetID, let refusal = enter(subnetID) { return fail(refusal) }
            if let refusal = checkSecurityGroups(endpoint.securityGroupIDs, in: vpc, sourceCIDRs: sourceCIDRs, port: port, owner: "Resolver endpoint '\(endpoint.id)'") {
                return fail(refusal)
            }
            return ExplainOutcome(end: .resolverEndpoint, id: endpoint.id, reached: true, text: "reaches Resolver endpoint '\(endpoint.id)' at \(ip)")
        }
        if let subnet = vpc.subnets.first(where: { $0.cidr.contains(ip) }) {
            if let refusal = enter(subnet.id) { return fail(refusal) }
            if let arrivedVia, let problem = returnRoute(in: vpc, subnetID: subnet.id, to: sourceCIDRs, via: arrivedVia) { return fail(problem) }
            let end: ExplainOutcome.End = vpc.id == clientVPC ? .vpc : .peeredVPC
            return ExplainOutcome(end: end, id: subnet.id, reached: true,
                                  text: "reaches \(ip) in subnet '\(subnet.id)' of vpc '\(vpc.id)'; the security groups of whatever holds the address (not in the input) decide")
        }
        return fail("\(ip) is in vpc '\(vpc.id)' but in none of its subnets (from \(from))")
    }

    /// Nil when one of the groups admits TCP `port` from every source CIDR, naming the rule; else why not.
    mutating func checkSecurityGroups(_ ids: [String], in vpc: VPC, sourceCIDRs: [CIDR], port: Int, owner: String) -> String? {
        let from = sourceCIDRs.map(\.description).joined(separator: ", ")
        guard !ids.isEmpty else { return "\(owner) has no security group in the input: vpcgraph cannot tell whether it admits tcp \(port) from \(from)" }
        var viaGroup: [String] = []
        for id in ids {
            guard let group = vpc.securityGroup(id) else { continue }
            for rule in group.ingress where Self.allows(rule, port: port) {
                for source in rule.sources {
                    switch source {
                    case .cidr(let cidr) where sourceCIDRs.allSatisfy({ cidr.contains($0) }):
                        step("security-group", "security group '\(group.id)'\(group.name.map { " (\($0))" } ?? "") of \(owner) admits tcp \(port) from \(cidr)"
                             + (rule.description.map { " (\($0))" } ?? ""), at: rule.origin.location)
                        return nil
                    case .securityGroup(let other):
                        viaGroup.append("'\(other)' (rule of '\(group.id)')")
                    default:
                        break
                    }
                }
            }
        }
        if !viaGroup.isEmpty {
            step("security-group", "\(owner) admits tcp \(port) from members of security group \(viaGroup.joined(separator: ", ")) only: the client must be in it")
            return nil
        }
        return "no security group of \(owner) (\(ids.joined(separator: ", "))) admits tcp \(port) from \(from)"
    }

    static func allows(_ rule: SecurityGroupRule, port: Int) -> Bool {
        switch rule.ipProtocol {
        case .all: return true
        case .tcp:
            switch rule.range {
            case .all: return true
            case .ports(let range): return range.from <= port && port <= range.to
            default: return false
            }
        default: return false
        }
    }

    /// Replies go back the way they came: the route table of the subnet that answers needs a route to
    /// the sources through the same peering connection or transit gateway.
    mutating func returnRoute(in vpc: VPC, subnetID: String, to sourceCIDRs: [CIDR], via: String) -> String? {
        guard let subnet = vpc.subnet(subnetID), let table = vpc.routeTable(for: subnet) else { return nil }
        let routes = vpc.effectiveRoutes(of: table)
        for source in sourceCIDRs {
            let back = routes.filter { if case .cidr(let c) = $0.destination { return c.contains(source) }; return false }
                .max { a, b in
                    guard case .cidr(let x) = a.destination, case .cidr(let y) = b.destination else { return false }
                    return x.prefixLength < y.prefixLength
                }
            guard let back, back.target.id == via else {
                return "replies cannot return: route table '\(table.id)' of subnet '\(subnetID)' has no route to \(source) through '\(via)'"
                    + (back.map { " (it sends \(source) to '\($0.target.id)')" } ?? "")
            }
            step("route", "reply route: route table '\(table.id)' of subnet '\(subnetID)' sends \(back.destination) back through '\(via)'", at: back.origin.location)
        }
        return nil
    }

    // MARK: - From on premises

    mutating func route(fromOnPremises network: OnPremisesNetwork, to target: ExplainTarget, port: Int) -> ExplainOutcome {
        guard case .ip(let ip, _) = target else {
            return ExplainOutcome(end: .internet, id: nil, reached: true,
                                  text: "goes to \(describe(target)) over the data centre's own internet connection, not through AWS")
        }
        let vpns = topology.regions.flatMap(\.vpnConnections).filter { $0.onPremisesID == network.id }
        guard !vpns.isEmpty else { return fail("on-premises network '\(network.id)' has no VPN connection in the topology") }
        for vpn in vpns {
            var candidates: [(Region, VPC, String)] = []
            switch vpn.gateway {
            case .vpnGateway(let id):
                candidates = topology.allVPCs.filter { $0.vpc.vpnGateway?.id == id }.map { ($0.region, $0.vpc, id) }
            case .transitGateway(let id):
                let gateway = topology.regions.flatMap(\.transitGateways).first { $0.id == id }
                for attachment in gateway?.attachments ?? [] {
                    if case .vpc(let vpcID, _) = attachment.resource, let found = topology.allVPCs.first(where: { $0.vpc.id == vpcID }) {
                        candidates.append((found.region, found.vpc, id))
                    }
                }
            }
            for (region, vpc, gatewayID) in candidates where vpc.cidrs.contains(where: { $0.contains(ip) }) {
                step("hop", "site-to-site VPN '\(vpn.id)' through '\(gatewayID)' into vpc '\(vpc.id)'\(vpc.name.map { " (\($0))" } ?? "")", at: vpn.origin.location)
                return deliver(ip, in: vpc, region: region, sourceCIDRs: network.cidrs, port: port, arrivedVia: gatewayID, clientVPC: "")
            }
        }
        return fail("no VPN connection of on-premises network '\(network.id)' leads to a vpc holding \(ip)")
    }
}

// MARK: - Output

extension Explanation {
    /// For people: the request, numbered steps with their locations, and the result.
    public var text: String {
        var lines = ["explain: from \(from) to \(to):\(port) (tcp)"]
        for (index, step) in steps.enumerated() {
            lines.append("  \(index + 1). \(step.kind): \(step.text)" + (step.location.map { "  [\($0)]" } ?? ""))
        }
        lines.append((outcome.reached ? "result: " : "result: cannot get there: ") + outcome.text)
        return lines.joined(separator: "\n") + "\n"
    }

    /// For tools: keys in a fixed order.
    public var json: String {
        func string(_ text: String?) -> String { text.map(JSONString.quote) ?? "null" }
        var out = "{\n"
        out += "  \"from\": \(string(from)),\n  \"to\": \(string(to)),\n  \"port\": \(port),\n  \"protocol\": \"tcp\",\n"
        out += "  \"steps\": [" + (steps.isEmpty ? "" : "\n")
        out += steps.map { step in
            "    {\"kind\": \(string(step.kind)), \"text\": \(string(step.text)), \"location\": \(string(step.location?.description))}"
        }.joined(separator: ",\n")
        out += (steps.isEmpty ? "" : "\n  ") + "],\n"
        out += "  \"reached\": \(outcome.reached),\n  \"end\": \(string(outcome.end.rawValue)),\n  \"id\": \(string(outcome.id)),\n"
        out += "  \"result\": \(string(outcome.text))\n}\n"
        return out
    }
}
