/// A service name as AWS writes it: `com.amazonaws.eu-west-1.s3`, or a PrivateLink
/// endpoint service `com.amazonaws.vpce.eu-west-1.vpce-svc-0123…`.
public struct ServiceName: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let fullName: String
    /// The region named in the service name, if any.
    public let region: String?
    /// The part after the region: `s3`, `execute-api`, `ecr.dkr`, `vpce-svc-0123…`.
    public let shortName: String

    public init(fullName: String) {
        self.fullName = fullName
        // Split once: the parts are read for every label, route and DNS name.
        let parts = fullName.split(separator: ".", omittingEmptySubsequences: false)
        if let index = parts.firstIndex(where: { Regions.looksLikeRegion(String($0)) }) {
            region = String(parts[index])
            shortName = index + 1 < parts.count ? parts[(index + 1)...].joined(separator: ".") : fullName
        } else {
            region = nil
            shortName = fullName
        }
    }

    /// Expands a short name (`s3`, `execute-api`) to `com.amazonaws.REGION.NAME`; full names stay as they are.
    public init(_ text: String, region: String) {
        if text.hasPrefix("com.amazonaws.") || text.hasPrefix("aws.") || text.contains(".vpce-svc-") {
            self.init(fullName: text)
        } else {
            self.init(fullName: "com.amazonaws.\(region).\(text)")
        }
    }

    /// True for services that also offer gateway endpoints.
    public var supportsGatewayEndpoint: Bool { shortName == "s3" || shortName == "dynamodb" }

    /// The service's own public DNS name, which private DNS makes resolve to the endpoint, as AWS
    /// names it (`ServiceDNS`): `*.execute-api.eu-west-1.amazonaws.com`, `api.ecr.eu-west-1.amazonaws.com`.
    /// Nil for endpoint services of other accounts.
    public var publicDNSName: String? {
        guard let region, fullName.hasPrefix("com.amazonaws.\(region).") else { return nil }
        return ServiceDNS.form(of: shortName).privateDNSName(region: region)
    }

    /// True for an AWS service (`com.amazonaws.REGION.NAME`), not another account's endpoint service.
    public var isAWSService: Bool {
        guard let region else { return false }
        return fullName == "com.amazonaws.\(region).\(shortName)"
    }

    public var description: String { fullName }
    public static func < (a: ServiceName, b: ServiceName) -> Bool { a.fullName < b.fullName }
}

/// An interface endpoint (AWS PrivateLink): one network interface with a private IP in each of its
/// subnets, at most one subnet per availability zone.
public struct InterfaceEndpoint: Equatable, Sendable {
    public var id: String
    public var name: String?
    public var service: ServiceName
    public var privateDNS: Bool
    public var securityGroupIDs: [String]
    public var interfaces: [EndpointInterface]
    /// The random part AWS puts after the id in the endpoint's DNS names (`l1xf6pcv` in
    /// `vpce-0c11…-l1xf6pcv.kendra-ranking.eu-west-1.vpce.amazonaws.com`).
    public var dnsSuffix: String?
    /// DNS names as AWS reported them (regional first, then per AZ); nil derives them.
    public var declaredDNSNames: [String]?
    /// The name private DNS makes resolve to the endpoint; nil derives it from the service.
    public var declaredPrivateDNSName: String?
    /// The endpoint policy as JSON text; nil means AWS's default (full access).
    public var policy: String?
    /// Nil when the endpoint is available.
    public var pendingState: PendingState?
    /// Subnets the endpoint is in whose network interface the input lacks (a snapshot without
    /// `describe-network-interfaces`): they count for its zones and cost; their IPs are unknown.
    public var unknownIPSubnetIDs: [String] = []
    /// `IpAddressType`: `ipv4`, `dualstack` or `ipv6`; nil when the input does not say (AWS's default, ipv4).
    public var ipAddressType: String?
    /// `DnsOptions.DnsRecordIpType`: `ipv4` (A records), `dualstack` (A and AAAA), `ipv6` (AAAA) or `service-defined`.
    public var dnsRecordIPType: String?
    /// `DnsOptions.PrivateDnsOnlyForInboundResolverEndpoint`: when true (S3 with a gateway endpoint in the
    /// same VPC), private DNS answers only queries that come through a Resolver inbound endpoint; clients in
    /// the VPC resolve the service to the gateway endpoint. Nil when the input does not say.
    public var privateDNSOnlyForInboundResolverEndpoint: Bool?
    /// `RequesterManaged`: created by a service on the account's behalf.
    public var requesterManaged = false
    /// Private DNS names beyond `declaredPrivateDNSName` (`PrivateDnsNames` holds several for some services).
    public var additionalPrivateDNSNames: [String] = []
    public var origin: Origin

    public init(id: String, name: String? = nil, service: ServiceName, privateDNS: Bool = true, securityGroupIDs: [String] = [],
                interfaces: [EndpointInterface] = [], dnsSuffix: String? = nil, declaredDNSNames: [String]? = nil,
                declaredPrivateDNSName: String? = nil, policy: String? = nil, origin: Origin = Origin()) {
        self.id = id
        self.name = name
        self.service = service
        self.privateDNS = privateDNS
        self.securityGroupIDs = securityGroupIDs
        self.interfaces = interfaces
        self.dnsSuffix = dnsSuffix
        self.declaredDNSNames = declaredDNSNames
        self.declaredPrivateDNSName = declaredPrivateDNSName
        self.policy = policy
        self.origin = origin
    }
}

/// One network interface of an interface endpoint (or a Resolver endpoint).
public struct EndpointInterface: Equatable, Sendable {
    public var subnetID: String
    public var ip: IPAddress
    public var networkInterfaceID: String?
    /// The interface's IPv6 address (`Ipv6Addresses` of describe-network-interfaces), for dual-stack endpoints.
    public var ipv6: IPAddress?
    public var origin: Origin

    public init(subnetID: String, ip: IPAddress, networkInterfaceID: String? = nil, ipv6: IPAddress? = nil, origin: Origin = Origin()) {
        self.subnetID = subnetID
        self.ip = ip
        self.networkInterfaceID = networkInterfaceID
        self.ipv6 = ipv6
        self.origin = origin
    }
}

extension InterfaceEndpoint {
    /// The record types the endpoint's DNS names answer: A for `ipv4`, AAAA for `ipv6`, both for
    /// `dualstack` (`DnsOptions.DnsRecordIpType`; when not given or `service-defined`, the
    /// endpoint's `IpAddressType`; A only when neither is given, AWS's default).
    public var dnsRecordTypes: (a: Bool, aaaa: Bool) {
        let type = dnsRecordIPType == nil || dnsRecordIPType == "service-defined" ? ipAddressType : dnsRecordIPType
        switch type {
        case "dualstack": return (true, true)
        case "ipv6": return (false, true)
        default: return (true, false)
        }
    }

    /// What DNS answers for `interfaces` of the endpoint: their IPv4 addresses (A records), then their
    /// IPv6 addresses (AAAA records) the input holds, as the record types say.
    public func answerAddresses(of interfaces: [EndpointInterface]) -> [IPAddress] {
        let types = dnsRecordTypes
        return (types.a ? interfaces.map(\.ip) : []) + (types.aaaa ? interfaces.compactMap(\.ipv6) : [])
    }
}

/// A gateway endpoint (S3 or DynamoDB only): attached to the VPC, reached through route-table
/// entries whose destination is the region's prefix list for the service. No security groups.
public struct GatewayEndpoint: Equatable, Sendable {
    public var id: String
    public var name: String?
    public var service: ServiceName
    public var routeTableIDs: [String]
    /// The prefix list id used as route destination; nil derives it from the region.
    public var declaredPrefixListID: String?
    /// Security groups as written: always an error for a gateway endpoint, kept to say so.
    public var securityGroupIDs: [String]
    public var policy: String?
    public var origin: Origin

    public init(id: String, name: String? = nil, service: ServiceName, routeTableIDs: [String] = [], declaredPrefixListID: String? = nil,
                securityGroupIDs: [String] = [], policy: String? = nil, origin: Origin = Origin()) {
        self.id = id
        self.name = name
        self.service = service
        self.routeTableIDs = routeTableIDs
        self.declaredPrefixListID = declaredPrefixListID
        self.securityGroupIDs = securityGroupIDs
        self.policy = policy
        self.origin = origin
    }

    /// The prefix list id: as declared, or AWS's well-known id for the service in its region.
    public var prefixListID: String? {
        declaredPrefixListID ?? service.region.flatMap { Regions.prefixListID(service: service.shortName, region: $0) }
    }
}

/// A Gateway Load Balancer endpoint: one network interface in one subnet, through which routes send
/// traffic to the inspection appliances behind an endpoint service (often another account's).
public struct GatewayLoadBalancerEndpoint: Equatable, Sendable {
    public var id: String
    public var name: String?
    /// The endpoint service of the Gateway Load Balancer: `com.amazonaws.vpce.eu-west-1.vpce-svc-…`.
    public var service: ServiceName
    /// Its subnet; nil when the input does not say.
    public var subnetID: String?
    /// The private IP of its network interface; nil when the input does not have it.
    public var ip: IPAddress?
    public var origin: Origin

    public init(id: String, name: String? = nil, service: ServiceName, subnetID: String? = nil, ip: IPAddress? = nil, origin: Origin = Origin()) {
        self.id = id
        self.name = name
        self.service = service
        self.subnetID = subnetID
        self.ip = ip
        self.origin = origin
    }
}

extension VPC {
    /// What DNS resolution assumes when `enableDnsSupport` is unknown: AWS's default, on.
    public static let assumedDNSSupport = true

    /// What DNS resolution assumes when `enableDnsHostnames` is unknown: on when the VPC has an interface
    /// endpoint with private DNS (AWS refuses private DNS without it), else AWS's default for a new VPC, off.
    public static func assumedDNSHostnames(interfaceEndpoints: [InterfaceEndpoint]) -> Bool {
        interfaceEndpoints.contains { $0.privateDNS }
    }
}
