/// What resources in a diagram link to.
public enum LinkTarget: Sendable, Equatable {
    case none
    /// The Markdown document's section of each resource: `<file>#<resource id>`.
    case docs(String)
    /// The resource's page in the AWS console (VPCs, subnets, route tables, endpoints, gateways,
    /// peering connections, transit gateways).
    case console
}

/// A resource that can be linked: its id (the anchor in the Markdown document) and, for kinds the
/// VPC console shows, its console page.
struct ResourceLink: Sendable {
    let id: String
    let console: String?

    init(id: String, console: String? = nil) {
        self.id = id
        self.console = console
    }

    /// `https://<region>.console.aws.amazon.com/vpcconsole/home?region=<region>#<page>:<key>=<id>`
    static func vpcConsole(_ id: String, region: String, page: String, key: String) -> ResourceLink {
        ResourceLink(id: id, console: "https://\(region).console.aws.amazon.com/vpcconsole/home?region=\(region)#\(page):\(key)=\(id)")
    }

    static func vpc(_ id: String, region: String) -> ResourceLink { vpcConsole(id, region: region, page: "VpcDetails", key: "VpcId") }
    static func subnet(_ id: String, region: String) -> ResourceLink { vpcConsole(id, region: region, page: "SubnetDetails", key: "subnetId") }
    static func routeTable(_ id: String, region: String) -> ResourceLink {
        vpcConsole(id, region: region, page: "RouteTableDetails", key: "RouteTableId")
    }
    static func endpoint(_ id: String, region: String) -> ResourceLink {
        vpcConsole(id, region: region, page: "EndpointDetails", key: "vpcEndpointId")
    }
    static func internetGateway(_ id: String, region: String) -> ResourceLink {
        vpcConsole(id, region: region, page: "InternetGateway", key: "internetGatewayId")
    }
    static func natGateway(_ id: String, region: String) -> ResourceLink {
        vpcConsole(id, region: region, page: "NatGatewayDetails", key: "natGatewayId")
    }
    static func vpnGateway(_ id: String, region: String) -> ResourceLink {
        vpcConsole(id, region: region, page: "VpnGatewayDetails", key: "VpnGatewayId")
    }
    static func peering(_ id: String, region: String) -> ResourceLink {
        vpcConsole(id, region: region, page: "PeeringConnectionDetails", key: "VpcPeeringConnectionId")
    }
    static func transitGateway(_ id: String, region: String) -> ResourceLink {
        vpcConsole(id, region: region, page: "TransitGatewayDetails", key: "transitGatewayId")
    }
}
