// How a DNS client somewhere in the network resolves a name that should lead to an interface
// endpoint: in the endpoint's VPC, in a VPC connected to it, or on premises. Derived from the
// private hosted zones, the endpoints' private DNS, Resolver rules and on-premises forwarding rules.

/// One client asking for one name, and how the answer comes about.
public struct NameResolution: Equatable, Sendable {
    public enum Client: Equatable, Sendable {
        /// A client in the endpoint's own VPC.
        case endpointVPC(vpcID: String)
        /// A client in another VPC, connected to the endpoint's VPC by a peering connection or a transit gateway.
        case connectedVPC(vpcID: String, via: String)
        /// A client on premises, asking its own DNS servers.
        case onPremises(networkID: String)
    }

    /// One hop of the resolution.
    public enum Step: Equatable, Sendable {
        /// The on-premises DNS servers forward `domain` to a Resolver inbound endpoint (or to other IPs).
        case forwarded(domain: String, resolverEndpointID: String?, vpcID: String?, ips: [IPAddress])
        /// The VPC's Amazon-provided resolver (VPC CIDR base + 2) takes the query.
        case vpcResolver(vpcID: String)
        /// A private hosted zone associated with the asking VPC holds the name.
        case privateHostedZone(zoneID: String, zoneName: String, record: String, type: String)
        /// The hidden zone AWS keeps for an interface endpoint's private DNS.
        case endpointPrivateDNS(endpointID: String)
        /// A Resolver rule associated with the asking VPC forwards `domain` out of AWS.
        case resolverRule(ruleID: String, domain: String, targets: [IPAddress])
        /// An alias to an endpoint's regional name, which public DNS resolves to the endpoint's IPs.
        case endpointRegionalName(endpointID: String, name: String)
        /// Public DNS answers.
        case publicDNS
        /// The input does not say how the on-premises DNS servers forward: what follows holds *if* they
        /// forward `domain` to this Resolver inbound endpoint; otherwise public DNS answers.
        case ifForwarded(domain: String, resolverEndpointID: String, vpcID: String, ips: [IPAddress])
    }

    public enum Answer: Equatable, Sendable {
        /// The private IPs of the endpoint's network interfaces: IPv4 (A records), then IPv6 (AAAA
        /// records) for a dual-stack or IPv6 endpoint.
        case endpointIPs(endpointID: String, ips: [IPAddress])
        /// The service's public addresses: traffic does not go through the endpoint.
        case publicAddresses
        /// A private hosted zone covers the name but holds no record for it: the query fails (NXDOMAIN).
        case noSuchName(zoneID: String)
        /// Values of a record that is not an alias to an endpoint.
        case values([String])
        /// The query leaves AWS through a Resolver rule; the answer is not in the input.
        case forwardedOut
        /// The VPC has DNS support off: the Amazon-provided resolver does not answer.
        case dnsSupportOff(vpcID: String)
        /// The on-premises servers forward to addresses the input does not describe.
        case unknown
    }

    public var client: Client
    public var name: String
    public var steps: [Step]
    public var answer: Answer

    public init(client: Client, name: String, steps: [Step], answer: Answer) {
        self.client = client
        self.name = name
        self.steps = steps
        self.answer = answer
    }

    /// True when the answer is the IPs of the endpoint the resolution was made for.
    public func reaches(endpointID: String) -> Bool {
        if case .endpointIPs(let id, _) = answer { return id == endpointID }
        return false
    }
}

/// True when `name` is `domain` or lies below it (DNS names compare without case or trailing dot).
public func dnsName(_ name: String, isWithin domain: String) -> Bool {
    let n = normalizedDNSName(name), d = normalizedDNSName(domain)
    return n == d || n.hasSuffix("." + d)
}

/// The domain a name covers: `*.execute-api.eu-west-1.amazonaws.com` covers `execute-api.eu-west-1.amazonaws.com` and below.
func wildcardDomain(_ name: String) -> String {
    let text = normalizedDNSName(name)
    return text.hasPrefix("*.") ? String(text.dropFirst(2)) : text
}

func normalizedDNSName(_ name: String) -> String {
    var text = name.lowercased()
    while text.hasSuffix(".") { text.removeLast() }
    return text
}

extension Topology {
    /// The names clients use to reach an interface endpoint: its private DNS name, and the names of
    /// private hosted zone records that alias it. When there are none, the service's public name
    /// (which then bypasses the endpoint), or for a service without one, the endpoint's regional name.
    public func clientNames(ofInterfaceEndpoint id: String) -> [String] {
        NameResolver(self).clientNames(ofInterfaceEndpoint: id)
    }

    /// Other VPCs connected to a VPC, with the peering connection or transit gateway that connects them,
    /// in input order (peerings first), each VPC once.
    public func connectedVPCs(of vpcID: String) -> [(vpcID: String, via: String)] {
        var result: [(vpcID: String, via: String)] = []
        func add(_ other: String, _ via: String) {
            if other != vpcID, !result.contains(where: { $0.vpcID == other }) { result.append((other, via)) }
        }
        for region in regions {
            for peering in region.peerings where peering.vpcIDs.contains(vpcID) {
                add(peering.requesterVPCID == vpcID ? peering.accepterVPCID : peering.requesterVPCID, peering.id)
            }
        }
        for region in regions {
            for gateway in region.transitGateways {
                let vpcs = gateway.attachments.compactMap { attachment -> String? in
                    if case .vpc(let id, _) = attachment.resource { return id }
                    return nil
                }
                guard vpcs.contains(vpcID) else { continue }
                for other in vpcs { add(other, gateway.id) }
            }
        }
        return result
    }

    /// How every kind of client resolves each of the endpoint's client names: from the endpoint's VPC,
    /// from each connected VPC, and from each on-premises network. Ordered by name, then client.
    public func resolutions(ofInterfaceEndpoint id: String) -> [NameResolution] {
        NameResolver(self).resolutions(ofInterfaceEndpoint: id)
    }

    /// What the Amazon-provided resolver of a VPC answers for a name.
    public func resolve(_ name: String, inVPC vpcID: String) -> ([NameResolution.Step], NameResolution.Answer) {
        NameResolver(self).resolve(name, inVPC: vpcID)
    }

    /// What an on-premises network's DNS servers answer for a name, following their forwarding rules.
    public func resolve(_ name: String, onPremises network: OnPremisesNetwork) -> ([NameResolution.Step], NameResolution.Answer) {
        NameResolver(self).resolve(name, onPremises: network)
    }
}

/// Resolves names over one topology, with the lookups it needs indexed once (a document asks for
/// every endpoint from every connected VPC).
public struct NameResolver: Sendable {
    public let topology: Topology
    private var vpcs: [String: VPC] = [:]
    private var zonesByVPC: [String: [PrivateHostedZone]] = [:]
    private var rulesByVPC: [String: [ResolverRule]] = [:]
    private var interfaceEndpoints: [String: (vpc: VPC, endpoint: InterfaceEndpoint)] = [:]
    private var resolverEndpoints: [String: (vpc: VPC, endpoint: ResolverEndpoint)] = [:]
    private var resolverEndpointByIP: [IPAddress: String] = [:]
    /// Endpoint DNS names (regional and zonal) as public DNS answers them.
    private var publicNames: [String: NameResolution.Answer] = [:]
    private var connected: [String: [(vpcID: String, via: String)]] = [:]
    /// Per VPC with DNS hostnames on: the names its endpoints' private DNS answers (normalized), with the answer.
    private var privateDNSByVPC: [String: [(domain: String, endpointID: String, ips: [IPAddress], inboundOnly: Bool)]] = [:]
    /// The first inbound Resolver endpoint in input order: where on-premises servers would forward.
    private var firstInboundEndpoint: (vpc: VPC, endpoint: ResolverEndpoint)?
    /// Regional DNS names of interface endpoints.
    private var regionalNames: [String: String] = [:]
    /// Names of private hosted zone records that alias each interface endpoint, in input order.
    private var aliasNames: [String: [String]] = [:]

    public init(_ topology: Topology) {
        self.topology = topology
        for region in topology.regions {
            for zone in region.privateHostedZones {
                for id in zone.vpcIDs { zonesByVPC[id, default: []].append(zone) }
            }
            for zone in region.privateHostedZones {
                for record in zone.records {
                    if case .endpointAlias(let id) = record.value { aliasNames[id, default: []].append(record.name) }
                }
            }
            for rule in region.resolverRules {
                for id in rule.vpcIDs { rulesByVPC[id, default: []].append(rule) }
            }
        }
        for (_, vpc) in topology.allVPCs {
            if vpcs[vpc.id] == nil { vpcs[vpc.id] = vpc }
            for endpoint in vpc.interfaceEndpoints {
                if interfaceEndpoints[endpoint.id] == nil { interfaceEndpoints[endpoint.id] = (vpc, endpoint) }
                if vpc.dnsHostnames, let domain = endpoint.privateDNSName {
                    // PrivateDnsOnlyForInboundResolverEndpoint: only queries through an inbound endpoint get the endpoint's IPs.
                    let inboundOnly = endpoint.privateDNSOnlyForInboundResolverEndpoint == true
                    for name in [domain] + endpoint.additionalPrivateDNSNames {
                        privateDNSByVPC[vpc.id, default: []].append((wildcardDomain(name), endpoint.id, endpoint.answerAddresses(of: endpoint.interfaces), inboundOnly))
                    }
                }
                if regionalNames[endpoint.id] == nil { regionalNames[endpoint.id] = endpoint.regionalDNSName(in: vpc) }
                for name in endpoint.dnsNames(in: vpc) where name.scope != .privateDNS {
                    let key = normalizedDNSName(name.name)
                    guard publicNames[key] == nil else { continue }
                    if case .zonal(let zone) = name.scope {
                        let ips = endpoint.answerAddresses(of: endpoint.interfaces.filter { vpc.subnet($0.subnetID)?.availabilityZone == zone })
                        publicNames[key] = .endpointIPs(endpointID: endpoint.id, ips: ips)
                    } else {
                        publicNames[key] = .endpointIPs(endpointID: endpoint.id, ips: endpoint.answerAddresses(of: endpoint.interfaces))
                    }
                }
            }
            for endpoint in vpc.resolverEndpoints {
                if resolverEndpoints[endpoint.id] == nil { resolverEndpoints[endpoint.id] = (vpc, endpoint) }
                if firstInboundEndpoint == nil, endpoint.direction == .inbound { firstInboundEndpoint = (vpc, endpoint) }
                for address in endpoint.ipAddresses where resolverEndpointByIP[address.ip] == nil {
                    resolverEndpointByIP[address.ip] = endpoint.id
                }
            }
        }
    }

    /// As `Topology.clientNames(ofInterfaceEndpoint:)`, from the index.
    public func clientNames(ofInterfaceEndpoint id: String) -> [String] {
        guard let (_, endpoint) = interfaceEndpoints[id] else { return [] }
        var names: [String] = []
        func add(_ name: String) { if !names.contains(normalizedDNSName(name)) { names.append(normalizedDNSName(name)) } }
        if let name = endpoint.privateDNSName { add(name) }
        for name in aliasNames[id] ?? [] { add(name) }
        if names.isEmpty, let name = endpoint.service.publicDNSName ?? regionalNames[id] { add(name) }
        return names
    }

    /// Other VPCs connected to a VPC by peering or a transit gateway (see `Topology.connectedVPCs(of:)`).
    public mutating func connectedVPCs(of vpcID: String) -> [(vpcID: String, via: String)] {
        if let known = connected[vpcID] { return known }
        let result = topology.connectedVPCs(of: vpcID)
        connected[vpcID] = result
        return result
    }

    public func resolutions(ofInterfaceEndpoint id: String) -> [NameResolution] {
        var copy = self
        return copy.cachedResolutions(ofInterfaceEndpoint: id)
    }

    /// As `resolutions(ofInterfaceEndpoint:)`, keeping the connected-VPC lists for the next call.
    public mutating func cachedResolutions(ofInterfaceEndpoint id: String) -> [NameResolution] {
        guard let (vpc, _) = interfaceEndpoints[id] else { return [] }
        var result: [NameResolution] = []
        let others = connectedVPCs(of: vpc.id)
        for name in clientNames(ofInterfaceEndpoint: id) {
            let (steps, answer) = resolve(name, inVPC: vpc.id)
            result.append(NameResolution(client: .endpointVPC(vpcID: vpc.id), name: name, steps: steps, answer: answer))
            for (other, via) in others {
                let (steps, answer) = resolve(name, inVPC: other)
                result.append(NameResolution(client: .connectedVPC(vpcID: other, via: via), name: name, steps: steps, answer: answer))
            }
            for network in topology.onPremises {
                let (steps, answer) = resolve(name, onPremises: network)
                result.append(NameResolution(client: .onPremises(networkID: network.id), name: name, steps: steps, answer: answer))
            }
        }
        return result
    }

    /// What the Amazon-provided resolver of a VPC answers for a name.
    public func resolve(_ name: String, inVPC vpcID: String) -> ([NameResolution.Step], NameResolution.Answer) {
        resolve(name, inVPC: vpcID, throughInboundEndpoint: false)
    }

    /// `throughInboundEndpoint`: the query came from on premises through a Resolver inbound endpoint.
    public func resolve(_ name: String, inVPC vpcID: String, throughInboundEndpoint: Bool) -> ([NameResolution.Step], NameResolution.Answer) {
        guard let vpc = vpcs[vpcID] else { return ([], .unknown) }
        guard vpc.dnsSupport else { return ([], .dnsSupportOff(vpcID: vpcID)) }
        let start = NameResolution.Step.vpcResolver(vpcID: vpcID)

        // The most specific domain wins; for the same domain a Resolver rule wins over a zone.
        enum Match { case rule(ResolverRule), managed(endpointID: String, ips: [IPAddress]), zone(PrivateHostedZone) }
        let target = normalizedDNSName(name)
        var best: (depth: Int, rank: Int, match: Match)?
        func consider(_ domain: String, rank: Int, _ match: @autoclosure () -> Match) {
            guard target == domain || target.hasSuffix("." + domain) else { return }
            let depth = domain.split(separator: ".").count
            if let current = best, (current.depth, current.rank) >= (depth, rank) { return }
            best = (depth, rank, match())
        }
        for rule in rulesByVPC[vpcID] ?? [] { consider(normalizedDNSName(rule.domain), rank: 2, .rule(rule)) }
        for entry in privateDNSByVPC[vpcID] ?? [] where !entry.inboundOnly || throughInboundEndpoint {
            consider(entry.domain, rank: 1, .managed(endpointID: entry.endpointID, ips: entry.ips))
        }
        for zone in zonesByVPC[vpcID] ?? [] { consider(normalizedDNSName(zone.name), rank: 0, .zone(zone)) }

        switch best?.match {
        case .rule(let rule):
            return ([start, .resolverRule(ruleID: rule.id, domain: rule.domain, targets: rule.targetIPs)], .forwardedOut)
        case .managed(let endpointID, let ips):
            return ([start, .endpointPrivateDNS(endpointID: endpointID)], .endpointIPs(endpointID: endpointID, ips: ips))
        case .zone(let zone):
            let record = zone.records.first { normalizedDNSName($0.name) == target }
                ?? zone.records.first { $0.name.hasPrefix("*.") && dnsName(target, isWithin: String($0.name.dropFirst(2))) && target != normalizedDNSName(String($0.name.dropFirst(2))) }
            guard let record else { return ([start], .noSuchName(zoneID: zone.id)) }
            let hop = NameResolution.Step.privateHostedZone(zoneID: zone.id, zoneName: zone.name, record: record.name, type: record.type)
            switch record.value {
            case .endpointAlias(let endpointID):
                guard let (_, endpoint) = interfaceEndpoints[endpointID] else { return ([start, hop], .unknown) }
                let regional = regionalNames[endpointID] ?? endpointID
                return ([start, hop, .endpointRegionalName(endpointID: endpointID, name: regional)],
                        .endpointIPs(endpointID: endpointID, ips: endpoint.answerAddresses(of: endpoint.interfaces)))
            case .values(let values):
                return ([start, hop], .values(values))
            }
        case nil:
            return ([start, .publicDNS], publicAnswer(for: name))
        }
    }

    /// What an on-premises network's DNS servers answer for a name, following their forwarding rules.
    public func resolve(_ name: String, onPremises network: OnPremisesNetwork) -> ([NameResolution.Step], NameResolution.Answer) {
        let rule = network.forwardingRules
            .filter { dnsName(name, isWithin: $0.domain) }
            .max { normalizedDNSName($0.domain).split(separator: ".").count < normalizedDNSName($1.domain).split(separator: ".").count }
        guard let rule else {
            // No forwarding in the input at all (an imported snapshot): not known, so conditional on forwarding to an inbound endpoint.
            if network.forwardingRules.isEmpty, let (vpc, endpoint) = firstInboundEndpoint {
                let hop = NameResolution.Step.ifForwarded(domain: normalizedDNSName(name), resolverEndpointID: endpoint.id, vpcID: vpc.id,
                                                          ips: endpoint.ipAddresses.map(\.ip))
                let (steps, answer) = resolve(name, inVPC: vpc.id, throughInboundEndpoint: true)
                return ([hop] + steps, answer)
            }
            return ([.publicDNS], publicAnswer(for: name))
        }
        for target in rule.targets {
            let found: (vpc: VPC, endpoint: ResolverEndpoint)?
            switch target {
            case .resolverEndpoint(let id): found = resolverEndpoints[id]
            case .ip(let ip): found = resolverEndpointByIP[ip].flatMap { resolverEndpoints[$0] }
            }
            guard let (vpc, endpoint) = found, endpoint.direction == .inbound else { continue }
            let hop = NameResolution.Step.forwarded(domain: rule.domain, resolverEndpointID: endpoint.id, vpcID: vpc.id,
                                                    ips: endpoint.ipAddresses.map(\.ip))
            let (steps, answer) = resolve(name, inVPC: vpc.id, throughInboundEndpoint: true)
            return ([hop] + steps, answer)
        }
        let ips = rule.targets.compactMap { target -> IPAddress? in
            if case .ip(let ip) = target { return ip }
            return nil
        }
        return ([.forwarded(domain: rule.domain, resolverEndpointID: nil, vpcID: nil, ips: ips)], .unknown)
    }

    /// Public DNS: an endpoint's own names resolve to its IPs; anything else to public addresses.
    private func publicAnswer(for name: String) -> NameResolution.Answer {
        publicNames[normalizedDNSName(name)] ?? .publicAddresses
    }
}
