/// Network facts real accounts hold beyond the core topology (issue 12): network ACLs, DHCP option
/// sets, egress-only internet gateways, transit gateway route tables, customer-managed prefix lists,
/// VPCs outside the snapshot reached by peering, VPC Lattice endpoints and Direct Connect links.
/// Every type here is written to and read from the YAML format unchanged.

/// A network ACL: stateless rules, evaluated in rule-number order, for the subnets it is associated with.
public struct NetworkACL: Equatable, Sendable {
    public var id: String
    public var name: String?
    /// The VPC's default network ACL (`IsDefault`): the one a new subnet is associated with.
    public var isDefault: Bool
    /// The subnets associated with it.
    public var subnetIDs: [String]
    /// Inbound rules in rule-number order (the default `*` rule, number 32767, last).
    public var ingress: [NetworkACLRule]
    /// Outbound rules in rule-number order.
    public var egress: [NetworkACLRule]
    public var origin: Origin

    public init(id: String, name: String? = nil, isDefault: Bool = false, subnetIDs: [String] = [], ingress: [NetworkACLRule] = [],
                egress: [NetworkACLRule] = [], origin: Origin = Origin()) {
        self.id = id
        self.name = name
        self.isDefault = isDefault
        self.subnetIDs = subnetIDs
        self.ingress = ingress
        self.egress = egress
        self.origin = origin
    }
}

/// One numbered network ACL rule (an `Entries` item of `describe-network-acls`).
public struct NetworkACLRule: Equatable, Sendable {
    public enum Action: String, Sendable, CaseIterable { case allow, deny }

    /// The rule number, 1–32766; 32767 is AWS's default rule, shown as `*`.
    public var ruleNumber: Int
    public var action: Action
    public var ipProtocol: IPProtocol
    /// Ports for tcp/udp, the ICMP type and code for icmp/icmpv6, `.all` otherwise.
    public var range: TrafficRange
    /// The source (inbound) or destination (outbound) block, IPv4 or IPv6.
    public var cidr: CIDR
    public var origin: Origin

    /// The number of AWS's default rule, which denies what no numbered rule matched.
    public static let defaultRuleNumber = 32767

    public init(ruleNumber: Int, action: Action, ipProtocol: IPProtocol = .all, range: TrafficRange = .all, cidr: CIDR, origin: Origin = Origin()) {
        self.ruleNumber = ruleNumber
        self.action = action
        self.ipProtocol = ipProtocol
        self.range = range
        self.cidr = cidr
        self.origin = origin
    }

    /// `*` for the default rule, the number otherwise.
    public var ruleText: String { ruleNumber == Self.defaultRuleNumber ? "*" : String(ruleNumber) }
}

/// A DHCP option set (`describe-dhcp-options`), as associated with a VPC.
public struct DHCPOptions: Equatable, Sendable {
    /// `dopt-…`, or `default` for a VPC with no option set (AWS's own DNS, no domain name).
    public var id: String
    public var name: String?
    /// `domain-name`: the search domain instances get.
    public var domainName: String?
    /// `domain-name-servers`: `AmazonProvidedDNS` (the Route 53 Resolver) or IP addresses of custom DNS servers.
    public var domainNameServers: [String]
    /// `ntp-servers`.
    public var ntpServers: [String]
    public var origin: Origin

    public init(id: String, name: String? = nil, domainName: String? = nil, domainNameServers: [String] = [], ntpServers: [String] = [],
                origin: Origin = Origin()) {
        self.id = id
        self.name = name
        self.domainName = domainName
        self.domainNameServers = domainNameServers
        self.ntpServers = ntpServers
        self.origin = origin
    }

    /// The value AWS writes for its own Resolver in `domain-name-servers`.
    public static let amazonProvidedDNS = "AmazonProvidedDNS"

    /// True when instances ask servers other than the Route 53 Resolver: then private DNS of endpoints
    /// and private hosted zones answer only if those servers forward to the Resolver.
    public var usesCustomDNSServers: Bool {
        domainNameServers.contains { $0 != Self.amazonProvidedDNS }
    }
}

/// An egress-only internet gateway: outbound-only IPv6 to the internet (routes `::/0 → eigw-…`).
public struct EgressOnlyInternetGateway: Equatable, Sendable {
    public var id: String
    public var name: String?
    public var origin: Origin

    public init(id: String, name: String? = nil, origin: Origin = Origin()) {
        self.id = id
        self.name = name
        self.origin = origin
    }
}

/// A transit gateway route table: which attachments use it (associations), which attachments'
/// routes it learns (propagations), and its routes.
public struct TransitGatewayRouteTable: Equatable, Sendable {
    public var id: String
    public var name: String?
    /// The transit gateway's default association route table.
    public var isDefaultAssociation: Bool
    /// The transit gateway's default propagation route table.
    public var isDefaultPropagation: Bool
    /// Attachment ids associated with the table (their traffic is routed by it).
    public var associations: [String]
    /// Attachment ids whose routes propagate into the table.
    public var propagations: [String]
    public var routes: [TransitGatewayRoute]
    public var origin: Origin

    public init(id: String, name: String? = nil, isDefaultAssociation: Bool = false, isDefaultPropagation: Bool = false,
                associations: [String] = [], propagations: [String] = [], routes: [TransitGatewayRoute] = [], origin: Origin = Origin()) {
        self.id = id
        self.name = name
        self.isDefaultAssociation = isDefaultAssociation
        self.isDefaultPropagation = isDefaultPropagation
        self.associations = associations
        self.propagations = propagations
        self.routes = routes
        self.origin = origin
    }
}

/// A route of a transit gateway route table (`search-transit-gateway-routes`).
public struct TransitGatewayRoute: Equatable, Sendable {
    public enum Kind: String, Sendable, CaseIterable { case `static`, propagated }
    public enum State: String, Sendable, CaseIterable { case active, blackhole }

    public var destination: Route.Destination
    /// The attachments traffic goes to; empty for a blackhole route.
    public var attachmentIDs: [String]
    public var kind: Kind
    public var state: State
    public var origin: Origin

    public init(destination: Route.Destination, attachmentIDs: [String] = [], kind: Kind = .static, state: State = .active, origin: Origin = Origin()) {
        self.destination = destination
        self.attachmentIDs = attachmentIDs
        self.kind = kind
        self.state = state
        self.origin = origin
    }
}

/// A customer-managed prefix list and its entries (`describe-managed-prefix-lists`,
/// `get-managed-prefix-list-entries`); AWS-managed lists (`com.amazonaws.…`) are not held.
public struct PrefixList: Equatable, Sendable {
    public var id: String
    public var name: String?
    /// `IPv4` or `IPv6`.
    public var addressFamily: String?
    public var maxEntries: Int?
    public var ownerID: String?
    public var entries: [PrefixListEntry]
    public var origin: Origin

    public init(id: String, name: String? = nil, addressFamily: String? = nil, maxEntries: Int? = nil, ownerID: String? = nil,
                entries: [PrefixListEntry] = [], origin: Origin = Origin()) {
        self.id = id
        self.name = name
        self.addressFamily = addressFamily
        self.maxEntries = maxEntries
        self.ownerID = ownerID
        self.entries = entries
        self.origin = origin
    }
}

public struct PrefixListEntry: Equatable, Sendable {
    public var cidr: CIDR
    public var description: String?
    public var origin: Origin

    public init(cidr: CIDR, description: String? = nil, origin: Origin = Origin()) {
        self.cidr = cidr
        self.description = description
        self.origin = origin
    }
}

/// A VPC outside the snapshot (another account's, or another region's not collected) that a peering
/// connection reaches: kept as an external node with what the peering reports of it.
public struct ExternalVPC: Equatable, Sendable {
    public var id: String
    public var name: String?
    /// The account that owns it.
    public var ownerID: String?
    /// Its region; nil when it is the region it is listed under.
    public var region: String?
    public var cidrs: [CIDR]
    public var ipv6CIDRs: [CIDR]
    public var origin: Origin

    public init(id: String, name: String? = nil, ownerID: String? = nil, region: String? = nil, cidrs: [CIDR] = [], ipv6CIDRs: [CIDR] = [],
                origin: Origin = Origin()) {
        self.id = id
        self.name = name
        self.ownerID = ownerID
        self.region = region
        self.cidrs = cidrs
        self.ipv6CIDRs = ipv6CIDRs
        self.origin = origin
    }
}

/// A VPC Lattice endpoint: a Resource endpoint (to a resource configuration) or a Service-Network
/// endpoint (to a service network). Network interfaces in its subnets; no route-table entries.
public struct LatticeEndpoint: Equatable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// `VpcEndpointType: Resource`.
        case resource
        /// `VpcEndpointType: ServiceNetwork`.
        case serviceNetwork = "service_network"

        /// How documents name it.
        public var title: String {
            switch self {
            case .resource: "Resource endpoint"
            case .serviceNetwork: "Service-network endpoint"
            }
        }
    }

    public var id: String
    public var name: String?
    public var kind: Kind
    /// `ServiceNetworkArn` (service-network endpoints, and resource endpoints reached through one).
    public var serviceNetworkARN: String?
    /// `ResourceConfigurationArn` (resource endpoints).
    public var resourceConfigurationARN: String?
    public var subnetIDs: [String]
    public var securityGroupIDs: [String]
    public var privateDNS: Bool
    /// DNS names as AWS reported them.
    public var dnsNames: [String]
    /// `IpAddressType`: `ipv4`, `dualstack` or `ipv6`.
    public var ipAddressType: String?
    /// Nil when the endpoint is available.
    public var pendingState: PendingState?
    public var origin: Origin

    public init(id: String, name: String? = nil, kind: Kind, serviceNetworkARN: String? = nil, resourceConfigurationARN: String? = nil,
                subnetIDs: [String] = [], securityGroupIDs: [String] = [], privateDNS: Bool = false, dnsNames: [String] = [],
                ipAddressType: String? = nil, origin: Origin = Origin()) {
        self.id = id
        self.name = name
        self.kind = kind
        self.serviceNetworkARN = serviceNetworkARN
        self.resourceConfigurationARN = resourceConfigurationARN
        self.subnetIDs = subnetIDs
        self.securityGroupIDs = securityGroupIDs
        self.privateDNS = privateDNS
        self.dnsNames = dnsNames
        self.ipAddressType = ipAddressType
        self.origin = origin
    }
}

/// One tunnel of a site-to-site VPN connection (`VgwTelemetry`): AWS's outside IP and its status.
public struct VPNTunnel: Equatable, Sendable {
    public var outsideIP: IPAddress
    /// `UP` or `DOWN`.
    public var status: String?
    public var statusMessage: String?
    public var origin: Origin

    public init(outsideIP: IPAddress, status: String? = nil, statusMessage: String? = nil, origin: Origin = Origin()) {
        self.outsideIP = outsideIP
        self.status = status
        self.statusMessage = statusMessage
        self.origin = origin
    }
}

/// A Direct Connect gateway reaching AWS through a transit gateway attachment
/// (`ResourceType: direct-connect-gateway`) or associated with a virtual private gateway: an
/// on-premises link, like a VPN.
public struct DirectConnectGatewayLink: Equatable, Sendable {
    /// `dxgw-…`: the Direct Connect gateway id AWS reports as the attachment's resource (may be a bare UUID).
    public var directConnectGatewayID: String
    /// The on-premises network at the other end, when the topology names one.
    public var onPremisesID: String?
    /// The Direct Connect gateway's name (`directConnectGatewayName`).
    public var name: String?
    /// The Amazon side's BGP ASN of the Direct Connect gateway (`amazonSideAsn`).
    public var asn: Int?
    /// The prefixes the association advertises to on premises (`allowedPrefixesToDirectConnectGateway`).
    public var allowedPrefixes: [CIDR] = []
    public var origin: Origin

    public init(directConnectGatewayID: String, onPremisesID: String? = nil, name: String? = nil, asn: Int? = nil,
                allowedPrefixes: [CIDR] = [], origin: Origin = Origin()) {
        self.directConnectGatewayID = directConnectGatewayID
        self.onPremisesID = onPremisesID
        self.name = name
        self.asn = asn
        self.allowedPrefixes = allowedPrefixes
        self.origin = origin
    }
}
