import Yams
import VPCModel

/// Reads the project's topology format (YAML, or JSON with the same schema).
/// Every key is documented in the README's "Topology format" section.
public enum TopologyParser {
    /// Parses `text` read from `file` (the name used in diagnostics). The topology is returned
    /// even when diagnostics hold errors, so that later stages can report more; callers stop on errors.
    public static func parse(_ text: String, file: String) -> (topology: Topology?, diagnostics: [Diagnostic]) {
        let context = ParseContext(file: file)
        var root: Node
        do {
            guard let node = try composeReportingDuplicates(text, context: context) else {
                let diagnostic = Diagnostic.error("the file is empty; expected a topology with 'regions'",
                                                  at: SourceLocation(file: file, line: 1, column: 1), rule: "empty-input")
                return (nil, [diagnostic])
            }
            root = node
        } catch {
            return (nil, [syntaxDiagnostic(error, file: file)])
        }
        // Aliases share nodes, so a small file can stand for a tree too big to walk. Without an
        // anchor (`&`) there is no alias, and each value takes at least a byte of the text.
        let mayExpand = text.utf8.count >= maxNodes || text.utf8.contains(UInt8(ascii: "&"))
        if mayExpand && exceeds(root, budget: maxNodes) {
            let diagnostic = Diagnostic.error("the document expands to more than \(maxNodes) values (through YAML aliases); vpcgraph reads no more",
                                              at: SourceLocation(file: file, line: 1, column: 1), rule: "input-too-large")
            return (nil, [diagnostic])
        }
        if !context.renamedKeys.isEmpty { root = dropRenamedKeys(root, context) }
        let topology = readTopology(root, context)
        return (topology, context.diagnostics)
    }

    // MARK: - Duplicate keys

    /// The most duplicate keys reported in one file; past them, the file's other errors are not looked for.
    static let maxDuplicateKeys = 50

    /// Composes the document; a duplicate key (which Yams refuses) is reported and renamed out of the
    /// way, and the document composed again, so that one duplicate does not hide every other error.
    /// The renamed key is the *first* of the duplicates (its first character becomes a private-use
    /// marker of the same length, which keeps every location); `dropRenamedKeys` removes it again.
    static func composeReportingDuplicates(_ text: String, context: ParseContext) throws -> Node? {
        var current = text
        for round in 0..<maxDuplicateKeys {
            do {
                return try Yams.compose(yaml: current, resolver)
            } catch YamlError.duplicatedKeysInMapping(let duplicates, let yamlContext) {
                let mark = yamlContext.mark
                guard let key = duplicates.first, let renamed = renameKey(in: current, line: mark.line, column: mark.column, round: round) else {
                    throw YamlError.duplicatedKeysInMapping(duplicates: duplicates, context: yamlContext)
                }
                current = renamed
                context.renamedKeys[[mark.line, mark.column]] = key
            }
        }
        return try Yams.compose(yaml: current, resolver)
    }

    /// No tag is resolved from plain values: booleans and nulls are read from the text
    /// (`plainBool`, `isNull`), numbers too. Yams's default resolver tries seven ICU regular
    /// expressions on every scalar, and on every mapping key when it looks for duplicates: a tenth
    /// of a render. So `1:` and `"1":`, or `true:` and `"true":`, in one mapping are duplicates
    /// (they name the same key here anyway).
    static let resolver = Resolver.basic

    /// `text` with the first character of the key at `line`:`column` (after an opening quote) replaced
    /// by a private-use marker; nil when there is no such key character.
    static func renameKey(in text: String, line: Int, column: Int, round: Int) -> String? {
        var scalars = Array(text.unicodeScalars)
        var currentLine = 1, currentColumn = 1, index = 0
        while index < scalars.count, (currentLine, currentColumn) != (line, column) {
            let scalar = scalars[index]
            if scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n" { index += 1 }
            if ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains(scalar) {
                currentLine += 1
                currentColumn = 1
            } else {
                currentColumn += 1
            }
            index += 1
        }
        guard index < scalars.count, (currentLine, currentColumn) == (line, column) else { return nil }
        if scalars[index] == "\"" || scalars[index] == "'" { index += 1 }
        guard index < scalars.count, !["\"", "'", ":", "\n", "\r", " ", "&", "*", "!", "?", "{", "[", ",", "}", "]"].contains(scalars[index]) else { return nil }
        scalars[index] = Unicode.Scalar(0xE000 + UInt32(round))!
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    /// The tree without the keys `composeReportingDuplicates` renamed, reporting each at the key that
    /// stays (the later one), with a note at the first.
    static func dropRenamedKeys(_ node: Node, _ c: ParseContext) -> Node {
        switch node {
        case .mapping(let mapping):
            var pairs: [(Node, Node)] = []
            var dropped: [(key: String, location: SourceLocation)] = []
            for (key, value) in mapping {
                if let mark = key.mark, let original = c.renamedKeys[[mark.line, mark.column]] {
                    dropped.append((original, c.location(key)))
                    _ = dropRenamedKeys(value, c)  // duplicates inside are reported too
                    continue
                }
                pairs.append((dropRenamedKeys(key, c), dropRenamedKeys(value, c)))
            }
            for (original, first) in dropped {
                let kept = pairs.first { $0.0.string == original }?.0
                c.diagnostics.append(.error("duplicate key '\(original)' in one mapping", at: kept.map(c.location) ?? first, rule: "duplicate-key",
                                            notes: [.note("'\(original)' is first given here", at: first)]))
            }
            return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
        case .sequence(let sequence):
            return .sequence(Node.Sequence(sequence.map { dropRenamedKeys($0, c) }, sequence.tag, sequence.style, sequence.mark))
        case .scalar, .alias:
            return node
        }
    }

    /// The most values (scalars, mappings, sequences) a document may stand for once its aliases are
    /// expanded: a 64 MB file written out in full has fewer.
    public static let maxNodes = 10_000_000

    /// Whether the tree under `node`, aliases expanded, holds more than `budget` values. Stops
    /// counting there, so it costs at most `budget` steps.
    public static func exceeds(_ node: Node, budget: Int) -> Bool {
        var remaining = budget
        var stack = [node]
        while let next = stack.popLast() {
            remaining -= 1
            if remaining < 0 { return true }
            switch next {
            case .mapping(let mapping):
                for pair in mapping { stack.append(pair.key); stack.append(pair.value) }
            case .sequence(let sequence):
                stack.append(contentsOf: sequence)
            case .scalar, .alias:
                break
            }
        }
        return false
    }

    public static func syntaxDiagnostic(_ error: Error, file: String) -> Diagnostic {
        func located(_ problem: String, _ mark: Mark?, context: String? = nil) -> Diagnostic {
            var message = problem
            if let context, !context.isEmpty { message = "\(problem) \(context)" }
            return .error(message, at: SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1), rule: "yaml-syntax")
        }
        switch error as? YamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return located(problem, mark, context: context.map { "(\($0.text) at line \($0.mark.line))" })
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error("duplicate key \(keys) in one mapping", at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column), rule: "duplicate-key")
        case .reader(let problem, _, _, _):
            return located(problem, nil)
        default:
            return located("\(error)", nil)
        }
    }

    // MARK: - Top level

    static func readTopology(_ node: Node, _ c: ParseContext) -> Topology? {
        guard let m = MappingReader(node, what: "topology", keys: ["title", "description", "regions", "on_premises"], context: c) else { return nil }
        var topology = Topology(title: m.string("title"), description: m.string("description"), origin: m.origin)
        if let regions = m.value("regions"), !isNull(regions) {
            if case .mapping(let mapping) = regions {
                for (key, value) in mapping {
                    guard let name = key.string, let region = readRegion(name: name, key: key, value, c) else { continue }
                    topology.regions.append(region)
                }
            } else {
                c.error("expected a mapping from region code to region for 'regions', found \(kindName(regions))", at: regions, rule: "type-mismatch")
            }
        } else {
            m.missing("regions")
        }
        topology.onPremises = m.list("on_premises", allowScalar: false).compactMap { readOnPremises($0, c) }
        topology.ignoredRules = c.ignores
        return topology
    }

    static func readRegion(name: String, key: Node, _ node: Node, _ c: ParseContext) -> Region? {
        if !Regions.looksLikeRegion(name) {
            c.error("'\(name)' is not a region code such as 'eu-west-1'", at: key, rule: "invalid-region")
        } else {
            checkRegion(name, at: key, c)
        }
        let what = "region '\(name)'"
        if isNull(node) { return Region(name: name, origin: Origin(c.location(key))) }
        guard let m = MappingReader(node, what: what, keys: ["vpcs", "peerings", "transit_gateways", "vpn_connections",
                                                             "private_hosted_zones", "resolver_rules", "prefix_lists", "external_vpcs"], context: c) else { return nil }
        var origin = m.origin
        origin.location = c.location(key)
        var region = Region(
            name: name,
            vpcs: m.list("vpcs", allowScalar: false).compactMap { readVPC($0, region: name, c) },
            peerings: m.list("peerings", allowScalar: false).compactMap { readPeering($0, c) },
            transitGateways: m.list("transit_gateways", allowScalar: false).compactMap { readTransitGateway($0, c) },
            vpnConnections: m.list("vpn_connections", allowScalar: false).compactMap { readVPNConnection($0, c) },
            privateHostedZones: m.list("private_hosted_zones", allowScalar: false).compactMap { readHostedZone($0, c) },
            resolverRules: m.list("resolver_rules", allowScalar: false).compactMap { readResolverRule($0, c) },
            origin: origin)
        region.prefixLists = m.list("prefix_lists", allowScalar: false).compactMap { readPrefixList($0, c) }
        region.externalVPCs = m.list("external_vpcs", allowScalar: false).compactMap { readExternalVPC($0, c) }
        return region
    }

    // MARK: - VPC and what it holds

    static func readVPC(_ node: Node, region: String, _ c: ParseContext) -> VPC? {
        let keys = ["id", "name", "owner", "cidr", "dns", "internet_gateway", "vpn_gateway", "nat_gateways", "subnets", "route_tables",
                    "security_groups", "endpoints", "resolver_endpoints", "reaches", "ipv6_cidrs", "dhcp_options", "egress_only_internet_gateway",
                    "network_acls"]
        guard let m = MappingReader(node, what: "vpc", keys: keys, context: c), let id = m.string("id", required: true) else { return nil }
        var origin = m.origin
        var vpc = VPC(id: id, name: m.string("name"), cidrs: m.cidrs("cidr", required: true), origin: origin)
        if let dnsNode = m.value("dns"), !isNull(dnsNode),
           let dns = MappingReader(dnsNode, what: "dns of vpc '\(id)'", keys: ["support", "hostnames"], context: c) {
            // `unknown`: the input (a snapshot without describe-vpc-attribute) does not say.
            func isUnknown(_ key: String) -> Bool {
                if case .scalar(let scalar)? = dns.value(key), scalar.string == "unknown" { return true }
                return false
            }
            vpc.dnsSupportKnown = !isUnknown("support")
            vpc.dnsHostnamesKnown = !isUnknown("hostnames")
            vpc.dnsSupport = vpc.dnsSupportKnown ? dns.bool("support") ?? true : VPC.assumedDNSSupport
            vpc.dnsHostnames = vpc.dnsHostnamesKnown ? dns.bool("hostnames") ?? false : false
            for key in ["support", "hostnames"] { origin.fields["dns.\(key)"] = dns.valueLocation(key) }
        }
        vpc.internetGateway = m.value("internet_gateway").flatMap { readNamedID($0, what: "internet gateway", c) }
            .map { InternetGateway(id: $0.id, name: $0.name, origin: $0.origin) }
        vpc.vpnGateway = m.value("vpn_gateway").flatMap { readVPNGateway($0, c) }
        vpc.egressOnlyInternetGateway = m.value("egress_only_internet_gateway").flatMap { readNamedID($0, what: "egress-only internet gateway", c) }
            .map { EgressOnlyInternetGateway(id: $0.id, name: $0.name, origin: $0.origin) }
        vpc.ipv6CIDRs = m.cidrs("ipv6_cidrs")
        vpc.dhcpOptions = m.value("dhcp_options").flatMap { readDHCPOptions($0, c) }
        vpc.networkACLs = m.list("network_acls", allowScalar: false).compactMap { readNetworkACL($0, c) }
        vpc.natGateways = m.list("nat_gateways", allowScalar: false).compactMap { readNATGateway($0, c) }
        vpc.ownerID = m.string("owner")
        vpc.subnets = m.list("subnets", allowScalar: false).compactMap { readSubnet($0, c) }
        for i in vpc.subnets.indices where vpc.subnets[i].ownerID == nil { vpc.subnets[i].ownerID = vpc.ownerID }
        vpc.routeTables = m.list("route_tables", allowScalar: false).compactMap { readRouteTable($0, c) }
        vpc.securityGroups = m.list("security_groups", allowScalar: false).compactMap { readSecurityGroup($0, c) }
        for endpointNode in m.list("endpoints", allowScalar: false) {
            switch readEndpoint(endpointNode, region: region, c) {
            case .interface(let e)?: vpc.interfaceEndpoints.append(e)
            case .gateway(let e)?: vpc.gatewayEndpoints.append(e)
            case .gatewayLoadBalancer(let e)?: vpc.gatewayLoadBalancerEndpoints.append(e)
            case .lattice(let e)?: vpc.latticeEndpoints.append(e)
            case nil: break
            }
        }
        if !vpc.dnsHostnamesKnown { vpc.dnsHostnames = VPC.assumedDNSHostnames(interfaceEndpoints: vpc.interfaceEndpoints) }
        vpc.resolverEndpoints = m.list("resolver_endpoints", allowScalar: false).compactMap { readResolverEndpoint($0, c) }
        vpc.reaches = m.list("reaches").compactMap { item in
            m.scalarString(item, key: "reaches").map { text in
                let service = ServiceName(text, region: region)
                checkService(service, written: text, at: item, c)
                return service
            }
        }
        vpc.origin = origin
        return vpc
    }

    /// An error for a region code AWS does not have (`eu-west-9`), with the closest one.
    static func checkRegion(_ name: String, at node: Node, _ c: ParseContext) {
        guard !ServiceDNS.isKnownRegion(name) else { return }
        var message = "unknown region '\(name)'"
        if let suggestion = closestMatch(to: name, in: ServiceDNS.regions) { message += "; did you mean '\(suggestion)'?" }
        c.error(message, at: node, rule: "unknown-region")
    }

    /// A warning for an AWS service name vpcgraph does not know (`executeapi`), with the closest one:
    /// its DNS names are derived as `NAME.REGION.amazonaws.com`, which may be wrong. Endpoint services
    /// of other accounts (`com.amazonaws.vpce.…`) are not checked.
    static func checkService(_ service: ServiceName, written: String, at node: Node, _ c: ParseContext) {
        guard service.isAWSService, let region = service.region else { return }
        if written.hasPrefix("com.amazonaws."), Regions.looksLikeRegion(region) { checkRegion(region, at: node, c) }
        guard !ServiceDNS.isKnownService(service.shortName) else { return }
        var message = "unknown service '\(service.shortName)' in '\(service.fullName)'"
        if let suggestion = closestMatch(to: service.shortName, in: ServiceDNS.known) { message += "; did you mean '\(suggestion)'?" }
        c.warning(message, at: node, rule: "unknown-service")
    }

    /// `igw-0123` or `{id: igw-0123, name: main}`.
    static func readNamedID(_ node: Node, what: String, _ c: ParseContext) -> (id: String, name: String?, origin: Origin)? {
        if isNull(node) { return nil }
        if case .scalar(let scalar) = node { return (scalar.string, nil, Origin(c.location(node))) }
        guard let m = MappingReader(node, what: what, keys: ["id", "name"], context: c), let id = m.string("id", required: true) else { return nil }
        return (id, m.string("name"), m.origin)
    }

    static func readSubnet(_ node: Node, _ c: ParseContext) -> Subnet? {
        guard let m = MappingReader(node, what: "subnet", keys: ["id", "name", "az", "cidr", "route_table", "public", "az_id", "map_public_ip", "owner", "ipv6_cidrs"], context: c),
              let id = m.string("id", required: true) else { return nil }
        let az = m.string("az", required: true)
        let cidr: CIDR? = m.has("cidr") ? m.value("cidr").flatMap { n in m.scalarString(n, key: "cidr").flatMap { parseCIDR($0, at: n, context: c) } } : { m.missing("cidr"); return nil }()
        guard let az, let cidr else { return nil }
        var subnet = Subnet(id: id, name: m.string("name"), availabilityZone: az, cidr: cidr, routeTableID: m.string("route_table"),
                            declaredPublic: m.bool("public"), origin: m.origin)
        subnet.availabilityZoneID = m.string("az_id")
        subnet.mapPublicIPOnLaunch = m.bool("map_public_ip") ?? false
        subnet.ownerID = m.string("owner")
        subnet.ipv6CIDRs = m.cidrs("ipv6_cidrs")
        return subnet
    }

    static func readNATGateway(_ node: Node, _ c: ParseContext) -> NATGateway? {
        guard let m = MappingReader(node, what: "nat gateway", keys: ["id", "name", "subnet", "connectivity", "private_ip", "public_ip", "state",
                                                                           "secondary_private_ips", "secondary_public_ips"], context: c),
              let id = m.string("id", required: true), let subnet = m.string("subnet", required: true) else { return nil }
        let connectivity = m.choice("connectivity", ["public", "private"]).flatMap(NATGateway.Connectivity.init) ?? .public
        var gateway = NATGateway(id: id, name: m.string("name"), subnetID: subnet, connectivity: connectivity,
                                 privateIP: m.ip("private_ip"), publicIP: m.ip("public_ip"), origin: m.origin)
        gateway.pendingState = m.choice("state", PendingState.allCases.map(\.rawValue)).flatMap(PendingState.init(rawValue:))
        gateway.secondaryPrivateIPs = ips("secondary_private_ips", m, c)
        gateway.secondaryPublicIPs = ips("secondary_public_ips", m, c)
        return gateway
    }

    /// A list of IP addresses under `key`.
    static func ips(_ key: String, _ m: MappingReader, _ c: ParseContext) -> [IPAddress] {
        m.list(key).compactMap { n in m.scalarString(n, key: key).flatMap { parseIP($0, at: n, context: c) } }
    }

    /// `vgw-0123`, `{id, name}`, or with `direct_connect_gateways`.
    static func readVPNGateway(_ node: Node, _ c: ParseContext) -> VPNGateway? {
        if isNull(node) { return nil }
        if case .scalar(let scalar) = node { return VPNGateway(id: scalar.string, origin: Origin(c.location(node))) }
        guard let m = MappingReader(node, what: "vpn gateway", keys: ["id", "name", "direct_connect_gateways"], context: c),
              let id = m.string("id", required: true) else { return nil }
        var gateway = VPNGateway(id: id, name: m.string("name"), origin: m.origin)
        gateway.directConnectGateways = readDirectConnectLinks(m, owner: id, c)
        return gateway
    }

    /// `direct_connect_gateways: [dxgw-…, {id, name, asn, allowed_prefixes, on_premises}]` of a virtual private or transit gateway.
    static func readDirectConnectLinks(_ m: MappingReader, owner id: String, _ c: ParseContext) -> [DirectConnectGatewayLink] {
        m.list("direct_connect_gateways").compactMap { item -> DirectConnectGatewayLink? in
            if case .scalar(let scalar) = item { return DirectConnectGatewayLink(directConnectGatewayID: scalar.string, origin: Origin(c.location(item))) }
            guard let l = MappingReader(item, what: "direct connect gateway of '\(id)'", keys: ["id", "name", "asn", "allowed_prefixes", "on_premises"], context: c),
                  let dx = l.string("id", required: true) else { return nil }
            return DirectConnectGatewayLink(directConnectGatewayID: dx, onPremisesID: l.string("on_premises"), name: l.string("name"), asn: l.int("asn"),
                                            allowedPrefixes: l.cidrs("allowed_prefixes"), origin: l.origin)
        }
    }

    static func readDHCPOptions(_ node: Node, _ c: ParseContext) -> DHCPOptions? {
        if isNull(node) { return nil }
        guard let m = MappingReader(node, what: "dhcp options", keys: ["id", "name", "domain_name", "domain_name_servers", "ntp_servers"], context: c),
              let id = m.string("id", required: true) else { return nil }
        return DHCPOptions(id: id, name: m.string("name"), domainName: m.string("domain_name"), domainNameServers: m.strings("domain_name_servers"),
                           ntpServers: m.strings("ntp_servers"), origin: m.origin)
    }

    static func readNetworkACL(_ node: Node, _ c: ParseContext) -> NetworkACL? {
        guard let m = MappingReader(node, what: "network acl", keys: ["id", "name", "default", "subnets", "ingress", "egress"], context: c),
              let id = m.string("id", required: true) else { return nil }
        return NetworkACL(id: id, name: m.string("name"), isDefault: m.bool("default") ?? false, subnetIDs: m.strings("subnets"),
                          ingress: m.list("ingress", allowScalar: false).compactMap { readNetworkACLRule($0, acl: id, direction: "ingress", c) },
                          egress: m.list("egress", allowScalar: false).compactMap { readNetworkACLRule($0, acl: id, direction: "egress", c) },
                          origin: m.origin)
    }

    /// `{rule, action, protocol, ports | icmp_type, icmp_code | aws_ports, cidr}`.
    static func readNetworkACLRule(_ node: Node, acl: String, direction: String, _ c: ParseContext) -> NetworkACLRule? {
        let owner = "\(direction) rule of '\(acl)'"
        guard let r = MappingReader(node, what: owner, keys: ["rule", "action", "protocol", "ports", "icmp_type", "icmp_code", "aws_ports", "cidr"], context: c) else { return nil }
        guard let number = r.int("rule") else { r.missing("rule"); return nil }
        guard r.has("action") else { r.missing("action"); return nil }
        guard let action = r.choice("action", NetworkACLRule.Action.allCases.map(\.rawValue)).flatMap(NetworkACLRule.Action.init) else { return nil }
        guard let cidrText = r.string("cidr", required: true), let cidrNode = r.value("cidr"),
              let cidr = parseCIDR(cidrText, at: cidrNode, context: c) else { return nil }
        var ipProtocol = IPProtocol.all
        if let text = r.string("protocol") {
            guard let p = IPProtocol(text) else {
                c.error("'protocol' of \(owner) must be tcp, udp, icmp, icmpv6, all (or -1) or a protocol number 0-255, found '\(text)'",
                        at: r.value("protocol")!, rule: "network-acl-rule")
                return nil
            }
            ipProtocol = p
        }
        var range = TrafficRange.all
        if let text = r.string("ports") {
            guard case .success(let ports) = PortRange.parse(text) else {
                c.error("'ports' of \(owner) must be a port (443), a range (1024-65535) or all, found '\(text)'", at: r.value("ports")!, rule: "network-acl-rule")
                return nil
            }
            range = TrafficRange(ports: ports)
        } else if let type = r.int("icmp_type") {
            range = TrafficRange(ipProtocol: ipProtocol, fromPort: type, toPort: r.int("icmp_code") ?? -1)
        } else if case .sequence(let items)? = r.value("aws_ports"), items.count == 2 {
            func member(_ item: Node) -> Int? { if case .scalar(let s) = item { return Int(s.string) }; return nil }
            range = .asReported(fromPort: member(items[0]), toPort: member(items[1]))
        }
        return NetworkACLRule(ruleNumber: number, action: action, ipProtocol: ipProtocol, range: range, cidr: cidr, origin: r.origin)
    }

    static func readPrefixList(_ node: Node, _ c: ParseContext) -> PrefixList? {
        guard let m = MappingReader(node, what: "prefix list", keys: ["id", "name", "address_family", "max_entries", "owner", "entries"], context: c),
              let id = m.string("id", required: true) else { return nil }
        let entries = m.list("entries", allowScalar: false).compactMap { item -> PrefixListEntry? in
            guard let e = MappingReader(item, what: "entry of '\(id)'", keys: ["cidr", "description"], context: c),
                  let text = e.string("cidr", required: true), let cidr = parseCIDR(text, at: e.value("cidr")!, context: c) else { return nil }
            return PrefixListEntry(cidr: cidr, description: e.string("description"), origin: e.origin)
        }
        return PrefixList(id: id, name: m.string("name"), addressFamily: m.string("address_family"), maxEntries: m.int("max_entries"),
                          ownerID: m.string("owner"), entries: entries, origin: m.origin)
    }

    static func readExternalVPC(_ node: Node, _ c: ParseContext) -> ExternalVPC? {
        guard let m = MappingReader(node, what: "external vpc", keys: ["id", "name", "owner", "region", "cidrs", "ipv6_cidrs"], context: c),
              let id = m.string("id", required: true) else { return nil }
        return ExternalVPC(id: id, name: m.string("name"), ownerID: m.string("owner"), region: m.string("region"), cidrs: m.cidrs("cidrs"),
                           ipv6CIDRs: m.cidrs("ipv6_cidrs"), origin: m.origin)
    }

    static func readRouteTable(_ node: Node, _ c: ParseContext) -> RouteTable? {
        guard let m = MappingReader(node, what: "route table", keys: ["id", "name", "main", "gateways", "routes"], context: c),
              let id = m.string("id", required: true) else { return nil }
        var table = RouteTable(id: id, name: m.string("name"), isMain: m.bool("main") ?? false, origin: m.origin)
        table.gatewayIDs = m.strings("gateways")
        if let routes = m.value("routes"), !isNull(routes) {
            switch routes {
            case .mapping(let mapping):
                // Short form: destination: target
                for (key, value) in mapping {
                    guard let destination = key.string, let target = m.scalarString(value, key: "routes") else { continue }
                    if let route = makeRoute(destination: destination, destinationNode: key, target: target, targetNode: value,
                                             state: .active, origin: Origin(c.location(key), fields: ["destination": c.location(key), "target": c.location(value)]), c) {
                        table.routes.append(route)
                    }
                }
            case .sequence(let sequence):
                for item in sequence {
                    guard let r = MappingReader(item, what: "route in '\(id)'", keys: ["destination", "target", "state", "propagated", "target_state"], context: c),
                          let destination = r.string("destination", required: true), let target = r.string("target", required: true) else { continue }
                    let state = r.choice("state", Route.State.allCases.map(\.rawValue)).flatMap(Route.State.init) ?? .active
                    if var route = makeRoute(destination: destination, destinationNode: r.value("destination")!, target: target,
                                             targetNode: r.value("target")!, state: state, origin: r.origin, c) {
                        route.propagated = r.bool("propagated") ?? false
                        route.targetState = r.string("target_state")
                        table.routes.append(route)
                    }
                }
            default:
                c.error("expected a mapping (destination: target) or a list of routes for 'routes', found \(kindName(routes))", at: routes, rule: "type-mismatch")
            }
        }
        return table
    }

    static func makeRoute(destination: String, destinationNode: Node, target: String, targetNode: Node, state: Route.State,
                          origin: Origin, _ c: ParseContext) -> Route? {
        let parsedDestination: Route.Destination?
        if IDRules.isWritten(destination, as: .prefixList) {
            parsedDestination = .prefixList(destination)
        } else {
            parsedDestination = parseCIDR(destination, at: destinationNode, context: c).map(Route.Destination.cidr)
        }
        guard let routeTarget = RouteTarget(target) else {
            c.error("route target '\(target)' is not 'local' or an id of an internet, NAT, transit or virtual private gateway, gateway endpoint, peering connection or network interface",
                    at: targetNode, rule: "invalid-route-target")
            return nil
        }
        guard let parsedDestination else { return nil }
        return Route(destination: parsedDestination, target: routeTarget, state: state, origin: origin)
    }

    static func readSecurityGroup(_ node: Node, _ c: ParseContext) -> SecurityGroup? {
        guard let m = MappingReader(node, what: "security group", keys: ["id", "name", "description", "ingress", "egress"], context: c),
              let id = m.string("id", required: true) else { return nil }
        let rules = m.list("ingress", allowScalar: false).compactMap { readSecurityGroupRule($0, group: id, c) }
        var group = SecurityGroup(id: id, name: m.string("name"), description: m.string("description"), ingress: rules, origin: m.origin)
        group.egress = m.list("egress", allowScalar: false).compactMap { readSecurityGroupRule($0, group: id, direction: "egress", c) }
        return group
    }

    /// `{protocol, ports | icmp_type, icmp_code | aws_ports, from, description}` (`to` instead of
    /// `from` for an egress rule); nil after an error.
    static func readSecurityGroupRule(_ item: Node, group: String, direction: String = "ingress", _ c: ParseContext) -> SecurityGroupRule? {
        let peerKey = direction == "ingress" ? "from" : "to"
        let keys = ["protocol", "ports", "icmp_type", "icmp_code", "aws_ports", peerKey, "description"]
        guard let r = MappingReader(item, what: "\(direction) rule of '\(group)'", keys: keys, context: c) else { return nil }
        let owner = "\(direction) rule of '\(group)'"
        let sources = r.list(peerKey).compactMap { sourceNode -> SecurityGroupRule.Source? in
            guard let text = r.scalarString(sourceNode, key: peerKey) else { return nil }
            if IDRules.isWritten(text, as: .securityGroup) { return .securityGroup(text) }
            if IDRules.isWritten(text, as: .prefixList) { return .prefixList(text) }
            return parseCIDR(text, at: sourceNode, context: c).map(SecurityGroupRule.Source.cidr)
        }
        func fail(_ message: String, at node: Node) -> SecurityGroupRule? {
            c.error(message, at: node, rule: "security-group-rule")
            return nil
        }

        var ipProtocol = IPProtocol.tcp
        if let node = r.value("protocol"), !isNull(node) {
            guard let text = r.scalarString(node, key: "protocol") else { return nil }
            switch IPProtocol.parse(text) {
            case .success(let p): ipProtocol = p
            case .failure(.unknown):
                return fail("'protocol' of \(owner) must be tcp, udp, icmp, icmpv6, all (or -1) or a protocol number 0-255, found '\(text)'", at: node)
            case .failure(.outOfRange):
                return fail("protocol number \(text) of \(owner) is out of range (0-255)", at: node)
            }
        }

        let given = ["ports", "icmp_type", "icmp_code", "aws_ports"].filter(r.has)
        for key in given {
            let applies = key == "ports" ? ipProtocol.hasPorts : key == "aws_ports" ? ipProtocol.hasPorts || ipProtocol.isICMP : ipProtocol.isICMP
            if applies { continue }
            let kinds = key == "ports" ? "tcp and udp" : key == "aws_ports" ? "tcp, udp, icmp and icmpv6" : "icmp and icmpv6"
            var message = "'\(key)' applies to \(kinds) rules only; \(owner) is for protocol '\(ipProtocol)'"
            if key == "ports" && ipProtocol.isICMP { message += " (give 'icmp_type' and 'icmp_code')" }
            if !ipProtocol.hasPorts && !ipProtocol.isICMP { message += ", which AWS allows on every port" }
            return fail(message, at: r.entries.first { $0.key == key }!.keyNode)
        }
        if given.contains("aws_ports") && given.count > 1 {
            let other = given.first { $0 != "aws_ports" }!
            return fail("\(owner) has both 'aws_ports' and '\(other)'; give one of them", at: r.entries.first { $0.key == "aws_ports" }!.keyNode)
        }

        var range = TrafficRange.all
        if let node = r.value("ports"), !isNull(node) {
            guard let text = r.scalarString(node, key: "ports") else { return nil }
            switch PortRange.parse(text) {
            case .success(let ports): range = TrafficRange(ports: ports)
            case .failure(.malformed):
                return fail("'ports' of \(owner) must be a port (443), a range (1024-65535) or all, found '\(text)'", at: node)
            case .failure(.outOfRange(let port)):
                return fail("port \(port) in 'ports' of \(owner) is out of range (0-65535)", at: node)
            case .failure(.descending(let from, let to)):
                return fail("port range '\(text)' of \(owner) goes from \(from) down to \(to); did you mean '\(to)-\(from)'?", at: node)
            }
        }
        if ipProtocol.isICMP {
            func number(_ key: String) -> (value: Int?, node: Node?, ok: Bool) {
                guard let node = r.value(key), !isNull(node) else { return (nil, nil, true) }
                guard let text = r.scalarString(node, key: key) else { return (nil, node, false) }
                if text == "all" { return (nil, node, true) }
                guard text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let n = Int(text), n <= 255 else {
                    c.error("'\(key)' of \(owner) must be a number 0-255 or all, found '\(text)'", at: node, rule: "security-group-rule")
                    return (nil, node, false)
                }
                return (n, node, true)
            }
            let type = number("icmp_type"), code = number("icmp_code")
            guard type.ok, code.ok else { return nil }
            if let t = type.value {
                range = .icmp(ICMPFilter(type: t, code: code.value)!)
            } else if code.value != nil {
                return fail("'icmp_code' of \(owner) needs an 'icmp_type' (every type means every code)", at: code.node!)
            }
        }
        if let node = r.value("aws_ports"), !isNull(node) {
            /// One of the two numbers: `.some(nil)` for null, nil when it is not a whole number.
            func member(_ item: Node) -> Int?? {
                if isNull(item) { return .some(nil) }
                guard case .scalar(let scalar) = item, let value = Int(scalar.string) else { return nil }
                return .some(value)
            }
            guard case .sequence(let items) = node, items.count == 2, let from = member(items[0]), let to = member(items[1]) else {
                return fail("'aws_ports' of \(owner) must be [FromPort, ToPort], each a whole number or null, found \(describeNode(node))", at: node)
            }
            range = TrafficRange(ipProtocol: ipProtocol, fromPort: from, toPort: to)
            if case .asReported = range {
                c.warning("\(owner) keeps \(TrafficRange.reportedReason(ipProtocol: ipProtocol, fromPort: from, toPort: to)); documented as given",
                          at: node, rule: "security-group-rule")
            }
        }
        return SecurityGroupRule(ipProtocol: ipProtocol, range: range, sources: sources, description: r.string("description"), origin: r.origin)
    }

    enum Endpoint {
        case interface(InterfaceEndpoint)
        case gateway(GatewayEndpoint)
        case gatewayLoadBalancer(GatewayLoadBalancerEndpoint)
        case lattice(LatticeEndpoint)
    }

    static func readEndpoint(_ node: Node, region: String, _ c: ParseContext) -> Endpoint? {
        let keys = ["id", "name", "service", "type", "private_dns", "security_groups", "interfaces", "dns_suffix", "dns_names",
                    "private_dns_name", "route_tables", "prefix_list", "policy", "subnet", "ip", "state", "unknown_ip_subnets",
                    "additional_private_dns_names", "ip_address_type", "dns_record_ip_type", "private_dns_only_for_inbound_resolver_endpoint",
                    "requester_managed", "service_network", "resource_configuration", "subnets"]
        guard let m = MappingReader(node, what: "endpoint", keys: keys, context: c), let id = m.string("id", required: true) else { return nil }
        if let t = m.string("type"), let kind = LatticeEndpoint.Kind(rawValue: t) {
            for key in ["service", "interfaces", "dns_suffix", "private_dns_name", "route_tables", "prefix_list", "policy", "subnet", "ip",
                        "unknown_ip_subnets", "additional_private_dns_names", "dns_record_ip_type", "private_dns_only_for_inbound_resolver_endpoint",
                        "requester_managed"] where m.has(key) {
                c.error("'\(key)' does not apply to VPC Lattice endpoints; '\(id)' is one", at: m.entries.first { $0.key == key }!.keyNode, rule: "lattice-endpoint-key")
            }
            var endpoint = LatticeEndpoint(id: id, name: m.string("name"), kind: kind, serviceNetworkARN: m.string("service_network"),
                                           resourceConfigurationARN: m.string("resource_configuration"), subnetIDs: m.strings("subnets"),
                                           securityGroupIDs: m.strings("security_groups"), privateDNS: m.bool("private_dns") ?? false,
                                           dnsNames: m.strings("dns_names"), ipAddressType: m.string("ip_address_type"), origin: m.origin)
            endpoint.pendingState = m.choice("state", PendingState.allCases.map(\.rawValue)).flatMap(PendingState.init(rawValue:))
            return .lattice(endpoint)
        }
        for key in ["service_network", "resource_configuration", "subnets"] where m.has(key) {
            c.error("'\(key)' applies to VPC Lattice endpoints (type resource or service_network) only",
                    at: m.entries.first { $0.key == key }!.keyNode, rule: "endpoint-key")
        }
        guard let serviceText = m.string("service", required: true) else { return nil }
        let service = ServiceName(serviceText, region: region)
        checkService(service, written: serviceText, at: m.value("service")!, c)
        let type: String
        if m.has("type") {
            guard let t = m.choice("type", ["interface", "gateway", "gateway_load_balancer", "resource", "service_network"]) else { return nil }
            type = t
        } else if m.has("route_tables") {
            type = "gateway"
        } else if m.has("interfaces") {
            type = "interface"
        } else {
            type = service.supportsGatewayEndpoint ? "gateway" : "interface"
        }
        if type == "gateway_load_balancer" {
            for key in ["private_dns", "security_groups", "interfaces", "dns_suffix", "dns_names", "private_dns_name", "route_tables", "prefix_list", "policy", "state", "unknown_ip_subnets",
                        "additional_private_dns_names", "ip_address_type", "dns_record_ip_type", "private_dns_only_for_inbound_resolver_endpoint", "requester_managed"] where m.has(key) {
                c.error("'\(key)' does not apply to gateway load balancer endpoints; '\(id)' is one",
                        at: m.entries.first { $0.key == key }!.keyNode, rule: "gateway-load-balancer-endpoint-key")
            }
            return .gatewayLoadBalancer(GatewayLoadBalancerEndpoint(id: id, name: m.string("name"), service: service, subnetID: m.string("subnet"),
                                                                    ip: m.ip("ip"), origin: m.origin))
        }
        for key in ["subnet", "ip"] where m.has(key) {
            c.error("'\(key)' applies to gateway load balancer endpoints only; give an interface endpoint's IPs in 'interfaces'",
                    at: m.entries.first { $0.key == key }!.keyNode, rule: "endpoint-key")
        }
        let policy = m.value("policy").flatMap { readPolicy($0, c) }
        if type == "gateway" {
            for key in ["private_dns", "interfaces", "dns_suffix", "dns_names", "private_dns_name", "state", "unknown_ip_subnets",
                        "additional_private_dns_names", "ip_address_type", "dns_record_ip_type", "private_dns_only_for_inbound_resolver_endpoint", "requester_managed"] where m.has(key) {
                c.error("'\(key)' applies to interface endpoints only; '\(id)' is a gateway endpoint",
                        at: m.entries.first { $0.key == key }!.keyNode, rule: "gateway-endpoint-key")
            }
            return .gateway(GatewayEndpoint(id: id, name: m.string("name"), service: service, routeTableIDs: m.strings("route_tables"),
                                            declaredPrefixListID: m.string("prefix_list"), securityGroupIDs: m.strings("security_groups"),
                                            policy: policy, origin: m.origin))
        }
        for key in ["route_tables", "prefix_list"] where m.has(key) {
            c.error("'\(key)' applies to gateway endpoints only; '\(id)' is an interface endpoint",
                    at: m.entries.first { $0.key == key }!.keyNode, rule: "interface-endpoint-key")
        }
        let interfaces = m.value("interfaces").map { readInterfaces($0, owner: id, c) } ?? []
        var endpoint = InterfaceEndpoint(
            id: id, name: m.string("name"), service: service, privateDNS: m.bool("private_dns") ?? true,
            securityGroupIDs: m.strings("security_groups"), interfaces: interfaces, dnsSuffix: m.string("dns_suffix"),
            declaredDNSNames: m.has("dns_names") ? m.strings("dns_names") : nil, declaredPrivateDNSName: m.string("private_dns_name"),
            policy: policy, origin: m.origin)
        endpoint.pendingState = m.choice("state", PendingState.allCases.map(\.rawValue)).flatMap(PendingState.init(rawValue:))
        endpoint.unknownIPSubnetIDs = m.strings("unknown_ip_subnets")
        endpoint.additionalPrivateDNSNames = m.strings("additional_private_dns_names")
        endpoint.ipAddressType = m.choice("ip_address_type", ["ipv4", "dualstack", "ipv6"])
        endpoint.dnsRecordIPType = m.choice("dns_record_ip_type", ["ipv4", "dualstack", "ipv6", "service-defined"])
        endpoint.privateDNSOnlyForInboundResolverEndpoint = m.bool("private_dns_only_for_inbound_resolver_endpoint")
        endpoint.requesterManaged = m.bool("requester_managed") ?? false
        return .interface(endpoint)
    }

    /// `{subnet-a: 10.0.1.10, …}` or `[{subnet: subnet-a, ip: 10.0.1.10, eni: eni-…, ipv6: 2001:db8::10}, …]`.
    static func readInterfaces(_ node: Node, owner: String, _ c: ParseContext) -> [EndpointInterface] {
        switch node {
        case .mapping(let mapping):
            return mapping.compactMap { key, value in
                guard let subnet = key.string else { return nil }
                guard case .scalar(let scalar) = value, !isNull(value) else {
                    c.error("expected an IP address for subnet '\(subnet)' of '\(owner)', found \(kindName(value))", at: value, rule: "type-mismatch")
                    return nil
                }
                guard let ip = parseIP(scalar.string, at: value, context: c) else { return nil }
                return EndpointInterface(subnetID: subnet, ip: ip, origin: Origin(c.location(key), fields: ["subnet": c.location(key), "ip": c.location(value)]))
            }
        case .sequence(let sequence):
            return sequence.compactMap { item in
                guard let m = MappingReader(item, what: "network interface of '\(owner)'", keys: ["subnet", "ip", "eni", "ipv6"], context: c),
                      let subnet = m.string("subnet", required: true) else { return nil }
                guard m.has("ip") else { m.missing("ip"); return nil }
                guard let ip = m.ip("ip") else { return nil }
                return EndpointInterface(subnetID: subnet, ip: ip, networkInterfaceID: m.string("eni"), ipv6: m.has("ipv6") ? m.ip("ipv6") : nil, origin: m.origin)
            }
        default:
            if !isNull(node) {
                c.error("expected a mapping (subnet: ip) or a list of network interfaces, found \(kindName(node))", at: node, rule: "type-mismatch")
            }
            return []
        }
    }

    /// A policy as JSON text, or as a YAML mapping written out as compact JSON.
    static func readPolicy(_ node: Node, _ c: ParseContext) -> String? {
        if isNull(node) { return nil }
        if case .scalar(let scalar) = node { return scalar.string }
        guard let text = JSONText.render(node) else {
            c.error("the policy is longer than \(JSONText.policyLimit) characters, AWS's limit for an endpoint policy", at: node, rule: "policy-too-large")
            return nil
        }
        return text
    }

    static func readResolverEndpoint(_ node: Node, _ c: ParseContext) -> ResolverEndpoint? {
        guard let m = MappingReader(node, what: "resolver endpoint", keys: ["id", "name", "direction", "security_groups", "ips", "unknown_ips"], context: c),
              let id = m.string("id", required: true) else { return nil }
        guard m.has("direction") else { m.missing("direction"); return nil }
        guard let direction = m.choice("direction", ["inbound", "outbound"]).flatMap(ResolverEndpoint.Direction.init) else { return nil }
        var endpoint = ResolverEndpoint(id: id, name: m.string("name"), direction: direction, securityGroupIDs: m.strings("security_groups"),
                                        ipAddresses: m.value("ips").map { readInterfaces($0, owner: id, c) } ?? [], origin: m.origin)
        endpoint.unknownIPAddressCount = max(m.int("unknown_ips") ?? 0, 0)
        return endpoint
    }

    // MARK: - Regional connectivity and DNS

    static func readPeering(_ node: Node, _ c: ParseContext) -> PeeringConnection? {
        guard let m = MappingReader(node, what: "peering", keys: ["id", "name", "vpcs"], context: c),
              let id = m.string("id", required: true) else { return nil }
        let vpcs = m.strings("vpcs")
        guard vpcs.count == 2 else {
            c.error("peering '\(id)' must name exactly two vpcs (requester, accepter), found \(vpcs.count)", at: m.value("vpcs") ?? node, rule: "peering-vpcs")
            return nil
        }
        return PeeringConnection(id: id, name: m.string("name"), requesterVPCID: vpcs[0], accepterVPCID: vpcs[1], origin: m.origin)
    }

    static func readTransitGateway(_ node: Node, _ c: ParseContext) -> TransitGateway? {
        guard let m = MappingReader(node, what: "transit gateway", keys: ["id", "name", "asn", "attachments", "route_tables", "direct_connect_gateways"], context: c),
              let id = m.string("id", required: true) else { return nil }
        let attachments = m.list("attachments", allowScalar: false).compactMap { item -> TransitGatewayAttachment? in
            guard let a = MappingReader(item, what: "attachment of '\(id)'", keys: ["id", "vpc", "subnets", "vpn", "peer", "direct_connect_gateway"], context: c),
                  let attachmentID = a.string("id", required: true) else { return nil }
            let kinds = ["vpc", "vpn", "peer", "direct_connect_gateway"].filter(a.has)
            guard kinds.count == 1 else {
                c.error("attachment '\(attachmentID)' must name exactly one of 'vpc', 'vpn', 'peer', 'direct_connect_gateway'", at: item, rule: "attachment-kind")
                return nil
            }
            let resource: TransitGatewayAttachment.Resource
            switch kinds[0] {
            case "vpc": resource = .vpc(id: a.string("vpc")!, subnetIDs: a.strings("subnets"))
            case "vpn": resource = .vpn(id: a.string("vpn")!)
            case "direct_connect_gateway": resource = .directConnectGateway(id: a.string("direct_connect_gateway")!)
            default: resource = .peering(transitGatewayID: a.string("peer")!)
            }
            return TransitGatewayAttachment(id: attachmentID, resource: resource, origin: a.origin)
        }
        var gateway = TransitGateway(id: id, name: m.string("name"), asn: m.int("asn"), attachments: attachments, origin: m.origin)
        gateway.directConnectGateways = readDirectConnectLinks(m, owner: id, c)
        gateway.routeTables = m.list("route_tables", allowScalar: false).compactMap { item -> TransitGatewayRouteTable? in
            guard let t = MappingReader(item, what: "route table of '\(id)'", keys: ["id", "name", "default_association", "default_propagation",
                                                                                  "associations", "propagations", "routes"], context: c),
                  let tableID = t.string("id", required: true) else { return nil }
            let routes = t.list("routes", allowScalar: false).compactMap { routeNode -> TransitGatewayRoute? in
                guard let r = MappingReader(routeNode, what: "route in '\(tableID)'", keys: ["destination", "attachments", "type", "state"], context: c),
                      let text = r.string("destination", required: true) else { return nil }
                let destination: Route.Destination
                if IDRules.isWritten(text, as: .prefixList) {
                    destination = .prefixList(text)
                } else {
                    guard let cidr = parseCIDR(text, at: r.value("destination")!, context: c) else { return nil }
                    destination = .cidr(cidr)
                }
                return TransitGatewayRoute(destination: destination, attachmentIDs: r.strings("attachments"),
                                           kind: r.choice("type", TransitGatewayRoute.Kind.allCases.map(\.rawValue)).flatMap(TransitGatewayRoute.Kind.init) ?? .static,
                                           state: r.choice("state", TransitGatewayRoute.State.allCases.map(\.rawValue)).flatMap(TransitGatewayRoute.State.init) ?? .active,
                                           origin: r.origin)
            }
            return TransitGatewayRouteTable(id: tableID, name: t.string("name"), isDefaultAssociation: t.bool("default_association") ?? false,
                                            isDefaultPropagation: t.bool("default_propagation") ?? false, associations: t.strings("associations"),
                                            propagations: t.strings("propagations"), routes: routes, origin: t.origin)
        }
        return gateway
    }

    static func readVPNConnection(_ node: Node, _ c: ParseContext) -> VPNConnection? {
        guard let m = MappingReader(node, what: "vpn connection", keys: ["id", "name", "vpn_gateway", "transit_gateway", "customer_gateway", "on_premises",
                                                                                   "customer_gateway_ip", "customer_gateway_asn", "tunnels"], context: c),
              let id = m.string("id", required: true) else { return nil }
        let gateway: VPNConnection.Gateway
        switch (m.string("vpn_gateway"), m.string("transit_gateway")) {
        case (let vgw?, nil): gateway = .vpnGateway(vgw)
        case (nil, let tgw?): gateway = .transitGateway(tgw)
        default:
            c.error("vpn connection '\(id)' must name exactly one of 'vpn_gateway', 'transit_gateway'", at: node, rule: "vpn-gateway")
            return nil
        }
        var connection = VPNConnection(id: id, name: m.string("name"), gateway: gateway, customerGatewayID: m.string("customer_gateway"),
                                       onPremisesID: m.string("on_premises"), origin: m.origin)
        connection.customerGatewayIP = m.ip("customer_gateway_ip")
        connection.customerGatewayASN = m.int("customer_gateway_asn")
        connection.tunnels = m.list("tunnels", allowScalar: false).compactMap { item -> VPNTunnel? in
            guard let t = MappingReader(item, what: "tunnel of '\(id)'", keys: ["outside_ip", "status", "status_message"], context: c) else { return nil }
            guard t.has("outside_ip") else { t.missing("outside_ip"); return nil }
            guard let ip = t.ip("outside_ip") else { return nil }
            return VPNTunnel(outsideIP: ip, status: t.string("status"), statusMessage: t.string("status_message"), origin: t.origin)
        }
        return connection
    }

    static func readHostedZone(_ node: Node, _ c: ParseContext) -> PrivateHostedZone? {
        guard let m = MappingReader(node, what: "private hosted zone", keys: ["id", "name", "vpcs", "records", "alias"], context: c),
              let name = m.string("name", required: true) else { return nil }
        let zoneName = trimDot(name)
        var zone = PrivateHostedZone(zoneID: m.string("id"), name: zoneName, vpcIDs: m.strings("vpcs"), origin: m.origin)
        if let alias = m.string("alias") {
            zone.records.append(DNSRecord(name: zoneName, type: "A", value: .endpointAlias(alias), origin: Origin(m.valueLocation("alias"))))
        }
        zone.records += m.list("records", allowScalar: false).compactMap { item -> DNSRecord? in
            guard let r = MappingReader(item, what: "record in '\(zoneName)'", keys: ["name", "type", "alias", "values"], context: c) else { return nil }
            let recordName = r.string("name").map { $0 == "@" ? zoneName : trimDot($0) } ?? zoneName
            let type = r.string("type") ?? "A"
            switch (r.string("alias"), r.has("values")) {
            case (let alias?, false): return DNSRecord(name: recordName, type: type, value: .endpointAlias(alias), origin: r.origin)
            case (nil, true): return DNSRecord(name: recordName, type: type, value: .values(r.strings("values")), origin: r.origin)
            default:
                c.error("record '\(recordName)' must have exactly one of 'alias', 'values'", at: item, rule: "record-value")
                return nil
            }
        }
        return zone
    }

    static func readResolverRule(_ node: Node, _ c: ParseContext) -> ResolverRule? {
        guard let m = MappingReader(node, what: "resolver rule", keys: ["id", "name", "domain", "resolver_endpoint", "targets", "vpcs"], context: c),
              let id = m.string("id", required: true), let domain = m.string("domain", required: true) else { return nil }
        let targets = m.list("targets").compactMap { n in m.scalarString(n, key: "targets").flatMap { parseIP($0, at: n, context: c) } }
        return ResolverRule(id: id, name: m.string("name"), domain: trimDot(domain), resolverEndpointID: m.string("resolver_endpoint"),
                            targetIPs: targets, vpcIDs: m.strings("vpcs"), origin: m.origin)
    }

    static func readOnPremises(_ node: Node, _ c: ParseContext) -> OnPremisesNetwork? {
        guard let m = MappingReader(node, what: "on-premises network", keys: ["id", "name", "cidrs", "dns_servers", "forward"], context: c),
              let id = m.string("id", required: true) else { return nil }
        var network = OnPremisesNetwork(id: id, name: m.string("name"), cidrs: m.cidrs("cidrs"), origin: m.origin)
        network.dnsServers = m.list("dns_servers").compactMap { n in m.scalarString(n, key: "dns_servers").flatMap { parseIP($0, at: n, context: c) } }
        if let forward = m.value("forward"), !isNull(forward) {
            guard case .mapping(let mapping) = forward else {
                c.error("expected a mapping (domain: resolver endpoint or IPs) for 'forward', found \(kindName(forward))", at: forward, rule: "type-mismatch")
                return network
            }
            for (key, value) in mapping {
                guard let domain = key.string else { continue }
                let targetNodes: [Node] = if case .sequence(let s) = value { Array(s) } else { [value] }
                let targets = targetNodes.compactMap { n -> ForwardingRule.Target? in
                    guard let text = m.scalarString(n, key: "forward") else { return nil }
                    if text.hasPrefix("rslvr-") { return .resolverEndpoint(text) }
                    return parseIP(text, at: n, context: c).map(ForwardingRule.Target.ip)
                }
                network.forwardingRules.append(ForwardingRule(domain: trimDot(domain), targets: targets,
                                                              origin: Origin(c.location(key), fields: ["targets": c.location(value)])))
            }
        }
        return network
    }

    static func trimDot(_ name: String) -> String {
        name.hasSuffix(".") ? String(name.dropLast()) : name
    }
}
