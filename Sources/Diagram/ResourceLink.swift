import VPCModel

/// What resources in a diagram link to.
public enum LinkTarget: Sendable, Equatable {
    case none
    /// The Markdown document's section of each resource: `<file>#<resource's anchor>`.
    case docs(String)
    /// The resource's page in the AWS console (VPCs, subnets, route tables, endpoints, gateways,
    /// peering connections, transit gateways).
    case console
}

/// Where a link in an SVG may go, and the one place its text is made. Graphviz writes a `URL`
/// into `xlink:href` without escaping quotes, and reads `\N`-style escapes in it, so every part
/// that comes from the input is percent-encoded here. Only three kinds of target exist: a
/// fragment of a file this render writes (`#…`), such a file, and a page of the AWS console.
public enum Href: Sendable, Hashable {
    /// A file this render writes (a diagram or the Markdown document), optionally at a fragment.
    case file(String, fragment: String? = nil)
    /// `https://console.aws.amazon.com/vpcconsole/home?region=<region>#<page>:<key>=<id>`.
    case console(region: String, page: String, key: String, id: String)
    /// `https://console.aws.amazon.com/route53/v2/hostedzones#ListRecordSets/<zone id>`.
    case hostedZoneConsole(zoneID: String)
    /// `https://console.aws.amazon.com/route53resolver/home?region=<region>#/<inbound|outbound>-endpoints/details/<id>`.
    case resolverEndpointConsole(region: String, direction: String, id: String)

    /// A resource's section of the Markdown document: its `DocumentAnchor`.
    public static func document(_ file: String, resource id: String) -> Href { .file(file, fragment: DocumentAnchor.id(for: id)) }

    /// An element of another diagram (its SVG `id`, which is the resource id).
    public static func diagram(_ file: String, element id: String? = nil) -> Href { .file(file, fragment: id) }

    /// The URL, every part from the input percent-encoded.
    public var url: String {
        switch self {
        case .file(let name, let fragment):
            let file = Href.percentEncoded(name)
            guard let fragment else { return file }
            return file + "#" + Href.percentEncoded(fragment)
        case .console(let region, let page, let key, let id):
            return "https://console.aws.amazon.com/vpcconsole/home?region=\(Href.percentEncoded(region))#\(page):\(key)=\(Href.percentEncoded(id))"
        case .hostedZoneConsole(let zoneID):
            return "https://console.aws.amazon.com/route53/v2/hostedzones#ListRecordSets/\(Href.percentEncoded(zoneID))"
        case .resolverEndpointConsole(let region, let direction, let id):
            return "https://console.aws.amazon.com/route53resolver/home?region=\(Href.percentEncoded(region))#/\(Href.percentEncoded(direction))-endpoints/details/\(Href.percentEncoded(id))"
        }
    }

    /// Every byte outside RFC 3986's unreserved characters (`A-Z a-z 0-9 - . _ ~`) as `%XX`.
    static func percentEncoded(_ text: String) -> String {
        guard !text.utf8.allSatisfy(isUnreserved) else { return text }
        return ByteEncoding.encode(text, marker: "%") { _, byte in isUnreserved(byte) }
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): true
        default: false
        }
    }
}

extension Attributes {
    /// Makes the object a link to `href` (opened in the whole window, not inside a wiki's frame).
    mutating func link(_ href: Href?) {
        guard let href else { return }
        self["URL"] = .string(href.url)
        self["target"] = .string("_top")
    }

    /// The attributes, made a link to `href` when there is one.
    func linked(_ href: Href?) -> Attributes {
        var a = self
        a.link(href)
        return a
    }
}

/// The one place that decides what a resource of any view links to, for the render's `--link`:
/// its section of the Markdown document (the anchor is always `DocumentAnchor.id(for:)` of the
/// resource id, the same function the Markdown's `<a id="…">` uses), its console page, or nothing.
/// VPC nodes of a split overview link to their own diagrams whatever `--link` says.
struct Links: Sendable {
    let target: LinkTarget

    init(_ target: LinkTarget) { self.target = target }

    /// Where the resource links to, or nil.
    func href(_ link: ResourceLink) -> Href? {
        switch target {
        case .none: nil
        case .docs(let file): .document(file, resource: link.id)
        case .console: link.console
        }
    }

    /// A section of the document that is not a resource's (`section-dns`); nil unless linking docs.
    func section(_ anchor: String) -> Href? {
        guard case .docs(let file) = target else { return nil }
        return .file(file, fragment: anchor)
    }
}

/// A resource that can be linked: its id (the anchor in the Markdown document) and, for kinds the
/// VPC console shows, its console page — only when AWS assigned the id (`IDRules.isAWSAssigned`):
/// a Terraform plan's addresses and CloudFormation's logical ids name nothing the console can open.
struct ResourceLink: Sendable {
    let id: String
    let console: Href?

    init(id: String, console: Href? = nil) {
        self.id = id
        self.console = console
    }

    static func vpcConsole(_ id: String, _ kind: IDKind, region: String, page: String, key: String) -> ResourceLink {
        ResourceLink(id: id, console: IDRules.isAWSAssigned(id, as: kind) ? .console(region: region, page: page, key: key, id: id) : nil)
    }

    static func vpc(_ id: String, region: String) -> ResourceLink { vpcConsole(id, .vpc, region: region, page: "VpcDetails", key: "VpcId") }
    static func subnet(_ id: String, region: String) -> ResourceLink { vpcConsole(id, .subnet, region: region, page: "SubnetDetails", key: "subnetId") }
    static func routeTable(_ id: String, region: String) -> ResourceLink {
        vpcConsole(id, .routeTable, region: region, page: "RouteTableDetails", key: "RouteTableId")
    }
    static func endpoint(_ id: String, region: String) -> ResourceLink {
        vpcConsole(id, .vpcEndpoint, region: region, page: "EndpointDetails", key: "vpcEndpointId")
    }
    static func internetGateway(_ id: String, region: String) -> ResourceLink {
        vpcConsole(id, .internetGateway, region: region, page: "InternetGateway", key: "internetGatewayId")
    }
    static func natGateway(_ id: String, region: String) -> ResourceLink {
        vpcConsole(id, .natGateway, region: region, page: "NatGatewayDetails", key: "natGatewayId")
    }
    static func vpnGateway(_ id: String, region: String) -> ResourceLink {
        vpcConsole(id, .vpnGateway, region: region, page: "VpnGatewayDetails", key: "VpnGatewayId")
    }
    static func peering(_ id: String, region: String) -> ResourceLink {
        vpcConsole(id, .peeringConnection, region: region, page: "PeeringConnectionDetails", key: "VpcPeeringConnectionId")
    }
    static func transitGateway(_ id: String, region: String) -> ResourceLink {
        vpcConsole(id, .transitGateway, region: region, page: "TransitGatewayDetails", key: "transitGatewayId")
    }
    static func transitGatewayAttachment(_ id: String, region: String) -> ResourceLink {
        vpcConsole(id, .transitGatewayAttachment, region: region, page: "TransitGatewayAttachmentDetails", key: "transitGatewayAttachmentId")
    }
    static func vpnConnection(_ id: String, region: String) -> ResourceLink {
        vpcConsole(id, .vpnConnection, region: region, page: "VpnConnectionDetails", key: "VpnConnectionId")
    }
    static func hostedZone(_ zone: PrivateHostedZone) -> ResourceLink {
        ResourceLink(id: zone.id, console: zone.zoneID.flatMap { IDRules.isAWSAssigned($0, as: .hostedZone) ? .hostedZoneConsole(zoneID: $0) : nil })
    }
    static func resolverEndpoint(_ endpoint: ResolverEndpoint, region: String) -> ResourceLink {
        let kind: IDKind = endpoint.direction == .inbound ? .inboundResolverEndpoint : .outboundResolverEndpoint
        return ResourceLink(id: endpoint.id, console: IDRules.isAWSAssigned(endpoint.id, as: kind)
            ? .resolverEndpointConsole(region: region, direction: endpoint.direction.rawValue, id: endpoint.id) : nil)
    }
}
