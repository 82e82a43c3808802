/// A Terraform resource address used as an id: `aws_subnet.private["a"]`, `module.net.aws_vpc.this[0]`,
/// optionally followed by one attribute name (`aws_vpc.app.main_route_table_id`). A plan does not know
/// most AWS ids until apply, so resources it creates are named by their address; the resource type
/// says what kind of id it stands for, where an AWS id's prefix would.
///
/// Only printable ASCII is accepted (an instance key with anything else is not taken as an address, and
/// the id rules then report it), so an address is as safe to print as an AWS id.
public struct TerraformAddress: Hashable, Sendable {
    /// `aws_subnet`.
    public let type: String
    /// The attribute after the resource address, if any (`main_route_table_id`).
    public let attribute: String?

    public init?(_ text: String) {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        var rest = Substring(text)
        // module.NAME[KEY]. …
        while rest.hasPrefix("module.") {
            rest = rest.dropFirst("module.".count)
            guard TerraformAddress.name(&rest), TerraformAddress.key(&rest), rest.hasPrefix(".") else { return nil }
            rest = rest.dropFirst()
        }
        let typeStart = rest.startIndex
        guard TerraformAddress.name(&rest) else { return nil }
        let type = String(text[typeStart..<rest.startIndex])
        guard type.hasPrefix("aws_"), rest.hasPrefix(".") else { return nil }
        rest = rest.dropFirst()
        guard TerraformAddress.name(&rest), TerraformAddress.key(&rest) else { return nil }
        if rest.hasPrefix(".") {
            rest = rest.dropFirst()
            let attributeStart = rest.startIndex
            guard TerraformAddress.name(&rest), rest.isEmpty else { return nil }
            attribute = String(text[attributeStart...])
        } else {
            guard rest.isEmpty else { return nil }
            attribute = nil
        }
        self.type = type
    }

    /// The kinds of id this address can stand for.
    public var idKinds: [IDKind] {
        if let attribute {
            switch (type, attribute) {
            case ("aws_vpc", "main_route_table_id"), ("aws_vpc", "default_route_table_id"): return [.routeTable]
            case ("aws_vpc", "default_security_group_id"): return [.securityGroup]
            default: return []
            }
        }
        switch type {
        case "aws_vpc": return [.vpc]
        case "aws_subnet": return [.subnet]
        case "aws_route_table", "aws_default_route_table": return [.routeTable]
        case "aws_internet_gateway": return [.internetGateway]
        case "aws_egress_only_internet_gateway": return [.egressOnlyInternetGateway]
        case "aws_nat_gateway": return [.natGateway]
        case "aws_vpn_gateway": return [.vpnGateway]
        case "aws_customer_gateway": return [.customerGateway, .onPremisesNetwork]
        case "aws_security_group", "aws_default_security_group": return [.securityGroup]
        case "aws_vpc_endpoint": return [.vpcEndpoint]
        case "aws_network_interface": return [.networkInterface]
        case "aws_ec2_managed_prefix_list": return [.prefixList]
        case "aws_vpc_peering_connection": return [.peeringConnection]
        case "aws_ec2_transit_gateway": return [.transitGateway]
        case "aws_ec2_transit_gateway_vpc_attachment", "aws_ec2_transit_gateway_peering_attachment": return [.transitGatewayAttachment]
        case "aws_vpn_connection": return [.vpnConnection]
        case "aws_route53_resolver_endpoint": return [.inboundResolverEndpoint, .outboundResolverEndpoint]
        case "aws_route53_resolver_rule": return [.resolverRule]
        case "aws_route53_zone": return [.hostedZone]
        default: return []
        }
    }

    /// The kind of route target the address stands for, if it is one.
    public var routeTargetKind: RouteTarget.Kind? {
        idKinds.lazy.compactMap { kind in RouteTarget.Kind.allCases.first { $0.idKind == kind } }.first
    }

    /// A Terraform name: a letter or `_`, then letters, digits, `_` and `-`.
    private static func name(_ rest: inout Substring) -> Bool {
        guard let first = rest.first, first.isLetter || first == "_" else { return false }
        let end = rest.firstIndex { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") } ?? rest.endIndex
        rest = rest[end...]
        return true
    }

    /// An optional instance key: `[0]` or `["a"]` (with `\"` and `\\` escapes).
    private static func key(_ rest: inout Substring) -> Bool {
        guard rest.hasPrefix("[") else { return true }
        var s = rest.dropFirst()
        if s.hasPrefix("\"") {
            s = s.dropFirst()
            while let c = s.first, c != "\"" {
                s = s.dropFirst()
                if c == "\\" {
                    guard let next = s.first, next == "\"" || next == "\\" else { return false }
                    s = s.dropFirst()
                }
            }
            guard s.hasPrefix("\"]") else { return false }
            rest = s.dropFirst(2)
            return true
        }
        let digits = s.prefix { $0.isNumber }
        guard !digits.isEmpty, s.dropFirst(digits.count).hasPrefix("]") else { return false }
        rest = s.dropFirst(digits.count + 1)
        return true
    }
}
