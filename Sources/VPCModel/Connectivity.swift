/// A VPC peering connection between two VPCs (possibly in two regions).
public struct PeeringConnection: Equatable, Sendable {
    public var id: String
    public var name: String?
    public var requesterVPCID: String
    public var accepterVPCID: String
    public var origin: Origin

    public init(id: String, name: String? = nil, requesterVPCID: String, accepterVPCID: String, origin: Origin = Origin()) {
        self.id = id
        self.name = name
        self.requesterVPCID = requesterVPCID
        self.accepterVPCID = accepterVPCID
        self.origin = origin
    }

    public var vpcIDs: [String] { [requesterVPCID, accepterVPCID] }
}

public struct TransitGateway: Equatable, Sendable {
    public var id: String
    public var name: String?
    public var asn: Int?
    public var attachments: [TransitGatewayAttachment]
    /// Its route tables; empty when the input does not give them.
    public var routeTables: [TransitGatewayRouteTable] = []
    /// Direct Connect gateways associated with it (`describe-direct-connect-gateway-associations`).
    public var directConnectGateways: [DirectConnectGatewayLink] = []
    public var origin: Origin

    public init(id: String, name: String? = nil, asn: Int? = nil, attachments: [TransitGatewayAttachment] = [], origin: Origin = Origin()) {
        self.id = id
        self.name = name
        self.asn = asn
        self.attachments = attachments
        self.origin = origin
    }
}

public struct TransitGatewayAttachment: Equatable, Sendable {
    public enum Resource: Hashable, Sendable {
        /// A VPC attachment, with one subnet per AZ the transit gateway uses.
        case vpc(id: String, subnetIDs: [String])
        case vpn(id: String)
        case peering(transitGatewayID: String)
        /// A Direct Connect gateway (`ResourceType: direct-connect-gateway`): an on-premises link.
        case directConnectGateway(id: String)
    }

    public var id: String
    public var resource: Resource
    public var origin: Origin

    public init(id: String, resource: Resource, origin: Origin = Origin()) {
        self.id = id
        self.resource = resource
        self.origin = origin
    }
}

/// A site-to-site VPN connection from AWS (a virtual private gateway or a transit gateway) to an
/// on-premises network. Pre-shared keys and device configuration are never held.
public struct VPNConnection: Equatable, Sendable {
    public enum Gateway: Hashable, Sendable {
        case vpnGateway(String)
        case transitGateway(String)

        public var id: String {
            switch self {
            case .vpnGateway(let id), .transitGateway(let id): id
            }
        }
    }

    public var id: String
    public var name: String?
    public var gateway: Gateway
    public var customerGatewayID: String?
    /// The id of the on-premises network at the other end.
    public var onPremisesID: String?
    /// The customer gateway's public IP (`IpAddress`) and BGP ASN.
    public var customerGatewayIP: IPAddress?
    public var customerGatewayASN: Int?
    /// Its two tunnels: AWS's outside IPs and their status (never their keys).
    public var tunnels: [VPNTunnel] = []
    public var origin: Origin

    public init(id: String, name: String? = nil, gateway: Gateway, customerGatewayID: String? = nil, onPremisesID: String? = nil, origin: Origin = Origin()) {
        self.id = id
        self.name = name
        self.gateway = gateway
        self.customerGatewayID = customerGatewayID
        self.onPremisesID = onPremisesID
        self.origin = origin
    }
}
