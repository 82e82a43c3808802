import VPCModel

/// What the AWS CLI outputs of a snapshot say, decoded but not yet joined: one record per resource,
/// each with its location and the region of the folder it was found in (if the folder names one).
struct AWSSnapshot {
    struct Record<Value> {
        var value: Value
        var location: SourceLocation
        /// The region the file's folder names, if any.
        var folderRegion: String?
    }

    /// A reference to another resource, with where it was written.
    struct Reference {
        var id: String
        var location: SourceLocation
    }

    struct VPCFacts { var vpc: VPC; var isDefault: Bool; var dhcpOptionsID: String? = nil }
    struct VPCAttribute { var vpcID: String; var dnsSupport: Bool?; var dnsHostnames: Bool? }
    struct SubnetFacts { var subnet: Subnet; var vpc: Reference }
    struct RouteTableFacts { var table: RouteTable; var vpc: Reference; var subnets: [Reference] }
    struct InterfaceEndpointFacts {
        var endpoint: InterfaceEndpoint
        var vpc: Reference
        var subnets: [Reference]
        var networkInterfaceIDs: [String]
        var dnsNames: [String]
        var defaultPolicy: Bool
    }
    struct GatewayEndpointFacts { var endpoint: GatewayEndpoint; var vpc: Reference; var defaultPolicy: Bool }
    struct GatewayLoadBalancerEndpointFacts { var endpoint: GatewayLoadBalancerEndpoint; var vpc: Reference; var networkInterfaceIDs: [String] }
    struct NetworkInterfaceFacts {
        var id: String
        var subnetID: String
        var ip: IPAddress
        /// The primary (else first) of `Ipv6Addresses`.
        var ipv6: IPAddress?
        var description: String
        var availabilityZone: String?
        var origin: Origin
    }
    struct InternetGatewayFacts { var gateway: InternetGateway; var vpcs: [Reference] }
    struct NATGatewayFacts { var gateway: NATGateway; var vpc: Reference }
    struct PeeringFacts {
        var peering: PeeringConnection
        var requesterRegion: String?
        var accepterRegion: String?
        var requesterLocation: SourceLocation
        var accepterLocation: SourceLocation
        var status: String
        /// What the peering reports of each side (`OwnerId`, `CidrBlockSet`), kept for a side outside the snapshot.
        var requesterOwner: String? = nil
        var accepterOwner: String? = nil
        var requesterCIDRs: [CIDR] = []
        var accepterCIDRs: [CIDR] = []
        var requesterIPv6CIDRs: [CIDR] = []
        var accepterIPv6CIDRs: [CIDR] = []
    }
    struct TransitGatewayFacts { var gateway: TransitGateway; var arnRegion: String? }
    struct TransitGatewayAttachmentFacts {
        var id: String
        var transitGatewayID: String
        var resourceType: String
        var resourceID: String?
        var subnetIDs: [String]?
        var state: String
        /// `Association.TransitGatewayRouteTableId` (describe-transit-gateway-attachments), when associated.
        var routeTableID: String? = nil
    }
    struct VPNConnectionFacts { var connection: VPNConnection; var remoteCIDRs: [CIDR] }
    struct VPNGatewayFacts { var gateway: VPNGateway; var vpcs: [Reference] }
    struct CustomerGatewayFacts { var id: String; var name: String?; var ip: IPAddress? = nil; var asn: Int? = nil }
    struct NetworkACLFacts { var acl: NetworkACL; var vpc: Reference }
    /// A Direct Connect gateway (global: every region's output lists it).
    struct DirectConnectGatewayFacts { var id: String; var name: String?; var asn: Int? }
    /// An association of a Direct Connect gateway with a virtual private gateway or a transit gateway.
    struct DirectConnectAssociationFacts {
        var id: String
        var directConnectGatewayID: String
        var gatewayID: String
        var allowedPrefixes: [CIDR]
    }
    struct EgressOnlyInternetGatewayFacts { var gateway: EgressOnlyInternetGateway; var vpcs: [Reference] }
    struct TransitGatewayRouteTableFacts { var table: TransitGatewayRouteTable; var transitGatewayID: String }
    /// One `search-transit-gateway-routes` output: it does not say which route table it searched.
    struct TransitGatewayRouteList { var fileName: String; var routes: [TransitGatewayRoute]; var truncated: Bool }
    /// One associations or propagations output of a TGW route table: the attachment ids it lists.
    struct TransitGatewayAttachmentList { var fileName: String; var attachmentIDs: [String] }
    /// One `get-managed-prefix-list-entries` output: it does not say which list it lists.
    struct PrefixListEntryList { var fileName: String; var entries: [PrefixListEntry] }
    struct LatticeEndpointFacts { var endpoint: LatticeEndpoint; var vpc: Reference }
    struct SecurityGroupFacts { var group: SecurityGroup; var vpc: Reference }
    struct PrefixListFacts { var id: String; var name: String }
    struct ResolverEndpointFacts { var endpoint: ResolverEndpoint; var vpc: Reference; var arnRegion: String?; var ipAddressCount: Int? }
    /// One `list-resolver-endpoint-ip-addresses` output: it does not say which endpoint it lists.
    struct ResolverIPAddressList { var fileName: String; var addresses: [(ipID: String?, interface: EndpointInterface)] }
    struct ResolverRuleFacts { var rule: ResolverRule; var arnRegion: String? }
    struct ResolverRuleAssociationFacts { var ruleID: String; var vpc: Reference }
    struct HostedZoneFacts {
        var zoneID: String
        var name: String
        var isPrivate: Bool?
        /// From `get-hosted-zone` only: the associated VPCs with their regions.
        var vpcs: [(reference: Reference, region: String?)]?
    }
    /// One `list-hosted-zones-by-vpc` output: it does not say which VPC it was asked about.
    struct HostedZoneSummaryList { var fileName: String; var zones: [Record<(zoneID: String, name: String)>] }
    /// One `list-resource-record-sets` output: it does not say which zone it lists.
    struct RecordSetList { var fileName: String; var records: [DNSRecord]; var apexNames: [String]; var location: SourceLocation }

    var vpcs: [Record<VPCFacts>] = []
    var vpcAttributes: [Record<VPCAttribute>] = []
    var subnets: [Record<SubnetFacts>] = []
    var routeTables: [Record<RouteTableFacts>] = []
    var interfaceEndpoints: [Record<InterfaceEndpointFacts>] = []
    var gatewayEndpoints: [Record<GatewayEndpointFacts>] = []
    var gatewayLoadBalancerEndpoints: [Record<GatewayLoadBalancerEndpointFacts>] = []
    var networkInterfaces: [Record<NetworkInterfaceFacts>] = []
    var internetGateways: [Record<InternetGatewayFacts>] = []
    var natGateways: [Record<NATGatewayFacts>] = []
    var peerings: [Record<PeeringFacts>] = []
    var transitGateways: [Record<TransitGatewayFacts>] = []
    var transitGatewayAttachments: [Record<TransitGatewayAttachmentFacts>] = []
    var vpnConnections: [Record<VPNConnectionFacts>] = []
    var vpnGateways: [Record<VPNGatewayFacts>] = []
    var customerGateways: [Record<CustomerGatewayFacts>] = []
    var securityGroups: [Record<SecurityGroupFacts>] = []
    var prefixLists: [Record<PrefixListFacts>] = []
    var resolverEndpoints: [Record<ResolverEndpointFacts>] = []
    var resolverIPAddressLists: [Record<ResolverIPAddressList>] = []
    var resolverRules: [Record<ResolverRuleFacts>] = []
    var resolverRuleAssociations: [Record<ResolverRuleAssociationFacts>] = []
    var hostedZones: [Record<HostedZoneFacts>] = []
    var hostedZoneSummaryLists: [Record<HostedZoneSummaryList>] = []
    var recordSetLists: [Record<RecordSetList>] = []
    var networkACLs: [Record<NetworkACLFacts>] = []
    var directConnectGateways: [Record<DirectConnectGatewayFacts>] = []
    var directConnectAssociations: [Record<DirectConnectAssociationFacts>] = []
    var dhcpOptions: [Record<DHCPOptions>] = []
    var egressOnlyInternetGateways: [Record<EgressOnlyInternetGatewayFacts>] = []
    var transitGatewayRouteTables: [Record<TransitGatewayRouteTableFacts>] = []
    var transitGatewayRouteLists: [Record<TransitGatewayRouteList>] = []
    var transitGatewayAssociationLists: [Record<TransitGatewayAttachmentList>] = []
    var transitGatewayPropagationLists: [Record<TransitGatewayAttachmentList>] = []
    /// Customer-managed prefix lists (`describe-managed-prefix-lists`).
    var managedPrefixLists: [Record<PrefixList>] = []
    var prefixListEntryLists: [Record<PrefixListEntryList>] = []
    var latticeEndpoints: [Record<LatticeEndpointFacts>] = []

    /// A resource AWS lists in a state that is gone or going (`deleted`, `deleting`, `detaching`, …):
    /// left out of the topology, named in a warning, and looked up by the routes that still use it.
    struct GoneResource {
        /// `NAT gateway`, `VPC endpoint`, …
        var what: String
        var id: String
        var state: String
        /// More words for the warning: ` from VPC 'vpc-…'`.
        var detail = ""
        var location: SourceLocation
    }

    var goneResources: [GoneResource] = []

    /// How many outputs were recognised.
    var outputCount = 0
}
