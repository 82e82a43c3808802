/// A private hosted zone associated with one or more VPCs.
public struct PrivateHostedZone: Equatable, Sendable {
    /// The zone id (`Z0123…`) when known, else nil.
    public var zoneID: String?
    /// The domain, e.g. `apigateway.eu-west-1.amazonaws.com`.
    public var name: String
    public var vpcIDs: [String]
    public var records: [DNSRecord]
    public var origin: Origin

    public init(zoneID: String? = nil, name: String, vpcIDs: [String] = [], records: [DNSRecord] = [], origin: Origin = Origin()) {
        self.zoneID = zoneID
        self.name = name
        self.vpcIDs = vpcIDs
        self.records = records
        self.origin = origin
    }

    /// The zone id, or the domain when no id was given.
    public var id: String { zoneID ?? name }
}

/// A record in a private hosted zone.
public struct DNSRecord: Equatable, Sendable {
    public enum Value: Hashable, Sendable, CustomStringConvertible {
        /// An alias to an interface endpoint's regional DNS name.
        case endpointAlias(String)
        /// Literal values (IPs or DNS names).
        case values([String])

        public var description: String {
            switch self {
            case .endpointAlias(let id): "alias \(id)"
            case .values(let v): v.joined(separator: ", ")
            }
        }
    }

    /// The fully qualified name (no trailing dot).
    public var name: String
    public var type: String
    public var value: Value
    public var origin: Origin

    public init(name: String, type: String = "A", value: Value, origin: Origin = Origin()) {
        self.name = name
        self.type = type
        self.value = value
        self.origin = origin
    }
}

/// A Route 53 Resolver endpoint: inbound (on-premises asks the VPC) or outbound (the VPC asks on-premises).
public struct ResolverEndpoint: Equatable, Sendable {
    public enum Direction: String, Sendable { case inbound, outbound }

    public var id: String
    public var name: String?
    public var direction: Direction
    public var securityGroupIDs: [String]
    public var ipAddresses: [EndpointInterface]
    /// How many IP addresses AWS counts (`IpAddressCount`) that the input does not list (a snapshot
    /// without `list-resolver-endpoint-ip-addresses`): costed, documented as not in the snapshot.
    public var unknownIPAddressCount = 0
    public var origin: Origin

    public init(id: String, name: String? = nil, direction: Direction, securityGroupIDs: [String] = [],
                ipAddresses: [EndpointInterface] = [], origin: Origin = Origin()) {
        self.id = id
        self.name = name
        self.direction = direction
        self.securityGroupIDs = securityGroupIDs
        self.ipAddresses = ipAddresses
        self.origin = origin
    }
}

/// A Resolver forwarding rule: queries for `domain` from the associated VPCs go out through an
/// outbound endpoint to the target IPs.
public struct ResolverRule: Equatable, Sendable {
    public var id: String
    public var name: String?
    public var domain: String
    public var resolverEndpointID: String?
    public var targetIPs: [IPAddress]
    public var vpcIDs: [String]
    public var origin: Origin

    public init(id: String, name: String? = nil, domain: String, resolverEndpointID: String? = nil, targetIPs: [IPAddress] = [],
                vpcIDs: [String] = [], origin: Origin = Origin()) {
        self.id = id
        self.name = name
        self.domain = domain
        self.resolverEndpointID = resolverEndpointID
        self.targetIPs = targetIPs
        self.vpcIDs = vpcIDs
        self.origin = origin
    }
}
