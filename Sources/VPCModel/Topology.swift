/// A whole network description: what one input file holds.
public struct Topology: Equatable, Sendable {
    public var title: String?
    public var description: String?
    public var regions: [Region]
    public var onPremises: [OnPremisesNetwork]
    public var origin: Origin

    public init(title: String? = nil, description: String? = nil, regions: [Region] = [], onPremises: [OnPremisesNetwork] = [], origin: Origin = Origin()) {
        self.title = title
        self.description = description
        self.regions = regions
        self.onPremises = onPremises
        self.origin = origin
    }
}

/// An AWS region and what lives in it.
public struct Region: Equatable, Sendable {
    /// The region code, e.g. `eu-west-1`; also its id.
    public var name: String
    public var vpcs: [VPC]
    public var peerings: [PeeringConnection]
    public var transitGateways: [TransitGateway]
    public var vpnConnections: [VPNConnection]
    public var privateHostedZones: [PrivateHostedZone]
    public var resolverRules: [ResolverRule]
    public var origin: Origin
    /// Customer-managed prefix lists with their entries.
    public var prefixLists: [PrefixList] = []
    /// VPCs outside the topology (another account's or region's) that its peerings reach.
    public var externalVPCs: [ExternalVPC] = []

    public init(name: String, vpcs: [VPC] = [], peerings: [PeeringConnection] = [], transitGateways: [TransitGateway] = [],
                vpnConnections: [VPNConnection] = [], privateHostedZones: [PrivateHostedZone] = [],
                resolverRules: [ResolverRule] = [], origin: Origin = Origin()) {
        self.name = name
        self.vpcs = vpcs
        self.peerings = peerings
        self.transitGateways = transitGateways
        self.vpnConnections = vpnConnections
        self.privateHostedZones = privateHostedZones
        self.resolverRules = resolverRules
        self.origin = origin
    }

    public var id: String { name }
}

/// A virtual private cloud.
public struct VPC: Equatable, Sendable {
    public var id: String
    public var name: String?
    public var cidrs: [CIDR]
    /// `enableDnsSupport` (AWS default: true).
    public var dnsSupport: Bool
    /// `enableDnsHostnames` (AWS default for a VPC you create: false).
    public var dnsHostnames: Bool
    /// False when the input does not say (a snapshot without `describe-vpc-attribute`): `dnsSupport`
    /// then holds `VPC.assumedDNSSupport`, which only DNS resolution uses, and documents say "unknown".
    public var dnsSupportKnown: Bool = true
    /// Like `dnsSupportKnown`, for `dnsHostnames` (then `VPC.assumedDNSHostnames`).
    public var dnsHostnamesKnown: Bool = true
    public var subnets: [Subnet]
    public var routeTables: [RouteTable]
    public var internetGateway: InternetGateway?
    public var natGateways: [NATGateway]
    public var vpnGateway: VPNGateway?
    public var securityGroups: [SecurityGroup]
    public var interfaceEndpoints: [InterfaceEndpoint]
    public var gatewayEndpoints: [GatewayEndpoint]
    /// Gateway Load Balancer endpoints (traffic inspection appliances reached through routes).
    public var gatewayLoadBalancerEndpoints: [GatewayLoadBalancerEndpoint] = []
    public var resolverEndpoints: [ResolverEndpoint]
    /// AWS services this VPC's workloads use, beyond its endpoints (e.g. S3 in another region).
    public var reaches: [ServiceName]
    /// The AWS account that owns the VPC (`OwnerId`).
    public var ownerID: String?
    /// IPv6 blocks associated with the VPC (`Ipv6CidrBlockAssociationSet`).
    public var ipv6CIDRs: [CIDR] = []
    /// The DHCP option set associated with the VPC; nil when the input does not say.
    public var dhcpOptions: DHCPOptions?
    public var egressOnlyInternetGateway: EgressOnlyInternetGateway?
    /// Network ACLs, each with its subnet associations.
    public var networkACLs: [NetworkACL] = []
    /// VPC Lattice Resource and Service-Network endpoints.
    public var latticeEndpoints: [LatticeEndpoint] = []
    public var origin: Origin

    public init(id: String, name: String? = nil, cidrs: [CIDR] = [], dnsSupport: Bool = true, dnsHostnames: Bool = false,
                subnets: [Subnet] = [], routeTables: [RouteTable] = [], internetGateway: InternetGateway? = nil,
                natGateways: [NATGateway] = [], vpnGateway: VPNGateway? = nil, securityGroups: [SecurityGroup] = [],
                interfaceEndpoints: [InterfaceEndpoint] = [], gatewayEndpoints: [GatewayEndpoint] = [],
                resolverEndpoints: [ResolverEndpoint] = [], reaches: [ServiceName] = [], origin: Origin = Origin()) {
        self.id = id
        self.name = name
        self.cidrs = cidrs
        self.dnsSupport = dnsSupport
        self.dnsHostnames = dnsHostnames
        self.subnets = subnets
        self.routeTables = routeTables
        self.internetGateway = internetGateway
        self.natGateways = natGateways
        self.vpnGateway = vpnGateway
        self.securityGroups = securityGroups
        self.interfaceEndpoints = interfaceEndpoints
        self.gatewayEndpoints = gatewayEndpoints
        self.resolverEndpoints = resolverEndpoints
        self.reaches = reaches
        self.origin = origin
    }
}

/// A subnet: one CIDR in one availability zone.
public struct Subnet: Equatable, Sendable {
    public var id: String
    public var name: String?
    public var availabilityZone: String
    public var cidr: CIDR
    /// The explicitly associated route table; `nil` means the VPC's main route table.
    public var routeTableID: String?
    /// `public:` as written; `nil` lets the model derive it from the routes.
    public var declaredPublic: Bool?
    /// The zone's id, the same physical zone in every account (`euw1-az1`); zone names differ per account.
    public var availabilityZoneID: String?
    /// `MapPublicIpOnLaunch`: instances launched here get a public IPv4 address.
    public var mapPublicIPOnLaunch = false
    /// The AWS account that owns the subnet (`OwnerId`); another account's in a shared VPC.
    public var ownerID: String?
    /// IPv6 blocks of the subnet (`Ipv6CidrBlockAssociationSet`).
    public var ipv6CIDRs: [CIDR] = []
    public var origin: Origin

    public init(id: String, name: String? = nil, availabilityZone: String, cidr: CIDR, routeTableID: String? = nil,
                declaredPublic: Bool? = nil, origin: Origin = Origin()) {
        self.id = id
        self.name = name
        self.availabilityZone = availabilityZone
        self.cidr = cidr
        self.routeTableID = routeTableID
        self.declaredPublic = declaredPublic
        self.origin = origin
    }
}

/// A route table and its routes. Subnet associations are held by the subnets.
public struct RouteTable: Equatable, Sendable {
    public var id: String
    public var name: String?
    public var isMain: Bool
    /// Routes as written or imported; the `local` route and gateway endpoint routes are derived when absent.
    public var routes: [Route]
    /// Gateways (internet or virtual private) the table is associated with as an ingress (edge) route
    /// table: it routes traffic entering the VPC through them.
    public var gatewayIDs: [String] = []
    public var origin: Origin

    public init(id: String, name: String? = nil, isMain: Bool = false, routes: [Route] = [], origin: Origin = Origin()) {
        self.id = id
        self.name = name
        self.isMain = isMain
        self.routes = routes
        self.origin = origin
    }
}

public struct Route: Equatable, Sendable {
    public enum Destination: Hashable, Sendable, CustomStringConvertible {
        case cidr(CIDR)
        case prefixList(String)

        public var description: String {
            switch self {
            case .cidr(let c): c.description
            case .prefixList(let id): id
            }
        }
    }

    /// AWS's route states: `filtered` is a route AWS keeps but does not use (e.g. a propagated route
    /// a more specific or static route overrides on a VGW/TGW path); `blackhole` has lost its target.
    public enum State: String, Sendable, CaseIterable { case active, blackhole, filtered }

    public var destination: Destination
    public var target: RouteTarget
    public var state: State
    /// True for a route the virtual private gateway propagated (`Origin: EnableVgwRoutePropagation`).
    public var propagated: Bool
    /// The state of a target that is going while the route still uses it (a NAT gateway `deleting`, an
    /// internet gateway `detaching`): the target is not in the topology; the route is kept and flagged.
    public var targetState: String?
    public var origin: Origin

    public init(destination: Destination, target: RouteTarget, state: State = .active, propagated: Bool = false,
                targetState: String? = nil, origin: Origin = Origin()) {
        self.destination = destination
        self.target = target
        self.state = state
        self.propagated = propagated
        self.targetState = targetState
        self.origin = origin
    }

    /// True when the target is in the topology to be looked up: not gone (blackhole) nor going.
    public var targetIsPresent: Bool { state != .blackhole && targetState == nil }
}

/// Where a route sends traffic: `local` or a resource id whose prefix tells its kind.
public struct RouteTarget: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        case local
        case internetGateway = "internet-gateway"
        case egressOnlyInternetGateway = "egress-only-internet-gateway"
        case natGateway = "nat-gateway"
        case gatewayEndpoint = "gateway-endpoint"
        case peering = "peering-connection"
        case transitGateway = "transit-gateway"
        case vpnGateway = "virtual-private-gateway"
        case networkInterface = "network-interface"

        /// The id prefix AWS uses for this kind of target (from `IDKind`).
        public var idPrefix: String? { idKind?.prefix }
    }

    public let kind: Kind
    /// The resource id, or `local`.
    public let id: String

    /// Reads a target the way AWS writes it (`local`, `igw-…`, `nat-…`, `vpce-…`, …); nil for an unknown prefix.
    public init?(_ id: String) {
        if id == "local" {
            kind = .local
        } else if let kind = Kind.allCases.first(where: { $0.idPrefix.map(id.hasPrefix) ?? false }) {
            self.kind = kind
        } else {
            return nil
        }
        self.id = id
    }

    public static let local = RouteTarget("local")!

    public var description: String { id }
}

public struct InternetGateway: Equatable, Sendable {
    public var id: String
    public var name: String?
    public var origin: Origin

    public init(id: String, name: String? = nil, origin: Origin = Origin()) {
        self.id = id
        self.name = name
        self.origin = origin
    }
}

/// A resource AWS is still creating or waiting on: documented as such, not costed as running.
public enum PendingState: String, Sendable, CaseIterable {
    case pending
    /// An endpoint waiting for the endpoint service's owner to accept it (`pendingAcceptance`).
    case pendingAcceptance = "pending-acceptance"
    case provisioning

    /// From an AWS state, compared without case (`pendingAcceptance`, `Pending`, …); nil for any other.
    public init?(aws state: String) {
        switch state.lowercased() {
        case "pending": self = .pending
        case "pendingacceptance", "pending-acceptance": self = .pendingAcceptance
        case "provisioning": self = .provisioning
        default: return nil
        }
    }
}

public struct NATGateway: Equatable, Sendable {
    public enum Connectivity: String, Sendable { case `public`, `private` }

    public var id: String
    public var name: String?
    public var subnetID: String
    public var connectivity: Connectivity
    public var privateIP: IPAddress?
    public var publicIP: IPAddress?
    /// Nil when the NAT gateway is available.
    public var pendingState: PendingState?
    /// Secondary private IPv4 addresses (`NatGatewayAddresses` that are not primary).
    public var secondaryPrivateIPs: [IPAddress] = []
    /// Elastic IPs of secondary addresses.
    public var secondaryPublicIPs: [IPAddress] = []
    public var origin: Origin

    public init(id: String, name: String? = nil, subnetID: String, connectivity: Connectivity = .public,
                privateIP: IPAddress? = nil, publicIP: IPAddress? = nil, origin: Origin = Origin()) {
        self.id = id
        self.name = name
        self.subnetID = subnetID
        self.connectivity = connectivity
        self.privateIP = privateIP
        self.publicIP = publicIP
        self.origin = origin
    }
}

/// A virtual private gateway attached to a VPC (the AWS side of a site-to-site VPN).
public struct VPNGateway: Equatable, Sendable {
    public var id: String
    public var name: String?
    /// Direct Connect gateways associated with it: on-premises links over Direct Connect.
    public var directConnectGateways: [DirectConnectGatewayLink] = []
    public var origin: Origin

    public init(id: String, name: String? = nil, origin: Origin = Origin()) {
        self.id = id
        self.name = name
        self.origin = origin
    }
}

public struct SecurityGroup: Equatable, Sendable {
    public var id: String
    public var name: String?
    public var description: String?
    public var ingress: [SecurityGroupRule]
    /// Outbound rules; a rule's `sources` are then its destinations.
    public var egress: [SecurityGroupRule] = []
    public var origin: Origin

    public init(id: String, name: String? = nil, description: String? = nil, ingress: [SecurityGroupRule] = [], origin: Origin = Origin()) {
        self.id = id
        self.name = name
        self.description = description
        self.ingress = ingress
        self.origin = origin
    }
}

/// An on-premises network reached over VPN.
public struct OnPremisesNetwork: Equatable, Sendable {
    public var id: String
    public var name: String?
    public var cidrs: [CIDR]
    public var dnsServers: [IPAddress]
    /// Conditional forwarding rules of the on-premises DNS servers.
    public var forwardingRules: [ForwardingRule]
    public var origin: Origin

    public init(id: String, name: String? = nil, cidrs: [CIDR] = [], dnsServers: [IPAddress] = [],
                forwardingRules: [ForwardingRule] = [], origin: Origin = Origin()) {
        self.id = id
        self.name = name
        self.cidrs = cidrs
        self.dnsServers = dnsServers
        self.forwardingRules = forwardingRules
        self.origin = origin
    }
}

/// "Send queries for this domain to these targets": a Route 53 Resolver inbound endpoint, or IPs.
public struct ForwardingRule: Equatable, Sendable {
    public enum Target: Hashable, Sendable, CustomStringConvertible {
        case resolverEndpoint(String)
        case ip(IPAddress)

        public var description: String {
            switch self {
            case .resolverEndpoint(let id): id
            case .ip(let ip): ip.description
            }
        }
    }

    public var domain: String
    public var targets: [Target]
    public var origin: Origin

    public init(domain: String, targets: [Target], origin: Origin = Origin()) {
        self.domain = domain
        self.targets = targets
        self.origin = origin
    }
}
