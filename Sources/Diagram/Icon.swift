/// The project's own icons (`templates/icons/<name>.svg`, embedded by `scripts/embed-resources.py`).
///
/// Graphviz can only *link* image files, and an SVG shown through `<img>` loads nothing external,
/// so labels reserve a fixed-size cell for each icon, filled with a placeholder colour that names
/// the icon; `SVGPostProcessor` replaces that rectangle with `<use href="#icon-…">` and puts each
/// icon used once into `<defs>` as a `<symbol>`.
public enum Icon: String, CaseIterable, Sendable, Comparable {
    case vpc, subnet
    case internetGateway = "internet-gateway"
    case natGateway = "nat-gateway"
    case interfaceEndpoint = "interface-endpoint"
    case gatewayEndpoint = "gateway-endpoint"
    case eni
    case routeTable = "route-table"
    case transitGateway = "transit-gateway"
    case vpn, peering
    case resolverEndpoint = "resolver-endpoint"
    case hostedZone = "hosted-zone"
    case s3, dynamodb
    case awsService = "aws-service"
    case onPremises = "on-premises"
    case directConnect = "direct-connect"

    /// What the legend calls it.
    public var title: String {
        switch self {
        case .vpc: "VPC"
        case .subnet: "subnet"
        case .internetGateway: "internet gateway"
        case .natGateway: "NAT gateway"
        case .interfaceEndpoint: "interface endpoint"
        case .gatewayEndpoint: "gateway endpoint"
        case .eni: "network interface (ENI)"
        case .routeTable: "route table"
        case .transitGateway: "transit gateway"
        case .vpn: "VPN"
        case .peering: "VPC peering"
        case .resolverEndpoint: "Route 53 Resolver endpoint"
        case .hostedZone: "private hosted zone"
        case .s3: "Amazon S3"
        case .dynamodb: "Amazon DynamoDB"
        case .awsService: "AWS service"
        case .onPremises: "on-premises"
        case .directConnect: "Direct Connect"
        }
    }

    /// The `id` of the icon's `<symbol>` in the SVG.
    public var symbolID: String { "icon-\(rawValue)" }

    /// The icon for an AWS service node.
    static func service(_ shortName: String) -> Icon {
        switch shortName {
        case "s3": .s3
        case "dynamodb": .dynamodb
        default: .awsService
        }
    }

    public static func < (a: Icon, b: Icon) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    // MARK: - Placeholders

    /// The fill colour of the rectangle Graphviz draws where this icon goes: `#0117` and the
    /// icon's index. Never used for anything else.
    var placeholderColor: String {
        let index = Icon.allCases.firstIndex(of: self)!
        let hex = String(index, radix: 16)
        return "#0117" + (hex.count < 2 ? "0" + hex : hex)
    }

    static let placeholderPrefix = "#0117"

    /// The icon a placeholder colour stands for.
    static func fromPlaceholder(_ color: String) -> Icon? {
        guard color.count == 7, color.hasPrefix(placeholderPrefix), let index = Int(color.dropFirst(5), radix: 16),
              index < allCases.count else { return nil }
        return allCases[index]
    }

    // MARK: - Sources

    /// The icon's SVG file as embedded.
    public var source: String {
        let text = EmbeddedIcons.files.first { $0.path == "\(rawValue).svg" }?.contents ?? ""
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }

    /// The icon as a `<symbol>`: the file's `viewBox` and contents.
    public var symbol: String {
        let text = source
        guard let open = text.firstRange(of: "<svg"), let openEnd = text[open.upperBound...].firstIndex(of: ">"),
              let close = text.ranges(of: "</svg>").last else { return "" }
        let attributes = text[open.upperBound..<openEnd]
        var viewBox = "0 0 32 32"
        if let start = attributes.firstRange(of: "viewBox=\"") {
            viewBox = String(attributes[start.upperBound...].prefix { $0 != "\"" })
        }
        var body = text[text.index(after: openEnd)..<close.lowerBound]
        while body.first?.isNewline == true { body = body.dropFirst() }
        while body.last?.isNewline == true { body = body.dropLast() }
        return "<symbol id=\"\(symbolID)\" viewBox=\"\(viewBox)\">\n\(body)\n</symbol>"
    }
}
