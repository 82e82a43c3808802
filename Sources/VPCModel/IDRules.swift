/// The kinds of ids the topology format takes, each with the prefix AWS gives it: the one table the
/// id rules read.
public enum IDKind: String, CaseIterable, Sendable {
    case vpc, subnet, routeTable, internetGateway, egressOnlyInternetGateway, natGateway, vpnGateway, customerGateway
    case securityGroup, vpcEndpoint, networkInterface, prefixList, peeringConnection, transitGateway, transitGatewayAttachment
    case vpnConnection, inboundResolverEndpoint, outboundResolverEndpoint, resolverRule, hostedZone
    /// Not an AWS id: a name the topology gives the network (or, imported, its customer gateway id).
    case onPremisesNetwork

    /// What AWS starts such an id with; nil for on-premises networks.
    public var prefix: String? {
        switch self {
        case .vpc: "vpc-"
        case .subnet: "subnet-"
        case .routeTable: "rtb-"
        case .internetGateway: "igw-"
        case .egressOnlyInternetGateway: "eigw-"
        case .natGateway: "nat-"
        case .vpnGateway: "vgw-"
        case .customerGateway: "cgw-"
        case .securityGroup: "sg-"
        case .vpcEndpoint: "vpce-"
        case .networkInterface: "eni-"
        case .prefixList: "pl-"
        case .peeringConnection: "pcx-"
        case .transitGateway: "tgw-"
        case .transitGatewayAttachment: "tgw-attach-"
        case .vpnConnection: "vpn-"
        case .inboundResolverEndpoint: "rslvr-in-"
        case .outboundResolverEndpoint: "rslvr-out-"
        case .resolverRule: "rslvr-rr-"
        case .hostedZone: "Z"
        case .onPremisesNetwork: nil
        }
    }

    /// The kind as messages name it: `VPC`, `subnet`, `route table`, …
    public var name: String {
        switch self {
        case .vpc: "VPC"
        case .subnet: "subnet"
        case .routeTable: "route table"
        case .internetGateway: "internet gateway"
        case .egressOnlyInternetGateway: "egress-only internet gateway"
        case .natGateway: "NAT gateway"
        case .vpnGateway: "virtual private gateway"
        case .customerGateway: "customer gateway"
        case .securityGroup: "security group"
        case .vpcEndpoint: "VPC endpoint"
        case .networkInterface: "network interface"
        case .prefixList: "prefix list"
        case .peeringConnection: "peering connection"
        case .transitGateway: "transit gateway"
        case .transitGatewayAttachment: "transit gateway attachment"
        case .vpnConnection: "VPN connection"
        case .inboundResolverEndpoint: "inbound Resolver endpoint"
        case .outboundResolverEndpoint: "outbound Resolver endpoint"
        case .resolverRule: "Resolver rule"
        case .hostedZone: "hosted zone"
        case .onPremisesNetwork: "on-premises network"
        }
    }
}

/// The id rules, in one place:
/// - `[id-characters]` (error): an AWS id has only ASCII letters, digits and `-`; an on-premises
///   network id (a name of ours) only those and `.` and `_`. An empty id is an error too.
/// - `[id-format]` (warning): an AWS id is its kind's prefix and lower-case hex digits (AWS uses 8
///   or 17; the length is not checked, so short ids such as `vpc-1` in examples pass); a hosted
///   zone id is `Z` and upper-case letters and digits. Console links need the real form.
public enum IDRules {
    /// True when `id` has the form AWS gives ids of `kind` — its prefix and 8 or 17 lower-case hex
    /// digits; a hosted zone's `Z` and upper-case letters and digits — so AWS assigned it and its
    /// console can open it. Terraform addresses (a plan's unknown ids), CloudFormation logical ids
    /// (`vpc-Vpc`, `rtb-Vpc-main`) and hand-made ids (`vpc-1`) are not.
    public static func isAWSAssigned(_ id: String, as kind: IDKind) -> Bool {
        guard let prefix = kind.prefix, id.hasPrefix(prefix) else { return false }
        let rest = id.utf8.dropFirst(prefix.utf8.count)
        if kind == .hostedZone { return rest.count >= 2 && rest.allSatisfy { isUpper($0) || isDigit($0) } }
        return (rest.count == 8 || rest.count == 17) && rest.allSatisfy { isDigit($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
    }

    /// True when `text` is written as an id of `kind`: its prefix (`pl-…`), or a Terraform address of
    /// a resource of that kind (`aws_ec2_managed_prefix_list.corp`), as a plan names it.
    public static func isWritten(_ text: String, as kind: IDKind) -> Bool {
        if let prefix = kind.prefix, text.hasPrefix(prefix) { return true }
        return TerraformAddress(text)?.idKinds.contains(kind) ?? false
    }

    /// The diagnostic for `id` used as an id of `kind` at `location`, or nil when it is well-formed.
    public static func check(_ id: String, as kind: IDKind, at location: SourceLocation?) -> Diagnostic? {
        var what: String { "\(kind.name) id" }
        // A Terraform plan names what it will create by address (`aws_subnet.private["a"]`).
        if let address = TerraformAddress(id), address.idKinds.contains(kind) { return nil }
        if id.isEmpty {
            return .error("\(what) is empty", at: location, rule: "id-characters")
        }
        let isOnPremises = kind == .onPremisesNetwork
        func allowed(_ byte: UInt8) -> Bool {
            isLetterOrDigit(byte) || byte == UInt8(ascii: "-") || (isOnPremises && (byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")))
        }
        if !id.utf8.allSatisfy(allowed) {
            var offending: [Unicode.Scalar] = []
            for scalar in id.unicodeScalars where !(scalar.isASCII && allowed(UInt8(scalar.value))) && !offending.contains(scalar) {
                offending.append(scalar)
            }
            let list = offending.map { "'\(escaped(String($0)))'" }.joined(separator: ", ")
            let message = isOnPremises
                ? "\(what) '\(escaped(id))' has characters vpcgraph does not allow in it: \(list) (use letters, digits, '.', '_' and '-')"
                : "\(what) '\(escaped(id))' has characters no AWS id has: \(list) (AWS ids are letters, digits and '-')"
            return .error(message, at: location, rule: "id-characters")
        }
        guard let prefix = kind.prefix else { return nil }
        let consequence = "links to the AWS console will not work"
        var article: String { "aeiou".contains(kind.name.first!) ? "an" : "a" }
        guard id.utf8.count > prefix.utf8.count, id.utf8.starts(with: prefix.utf8) else {
            return .warning("'\(id)' does not look like \(article) \(what) (\(prefix)…); \(consequence)", at: location, rule: "id-format")
        }
        // Only ASCII from here on (checked above), so bytes are characters.
        let rest = id.utf8.dropFirst(prefix.utf8.count)
        if kind == .hostedZone {
            if !rest.allSatisfy({ isUpper($0) || isDigit($0) }) {
                return .warning("'\(id)' does not look like \(article) \(what) (Z and upper-case letters and digits); \(consequence)", at: location, rule: "id-format")
            }
        } else if !rest.allSatisfy({ isDigit($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }) {
            return .warning("'\(id)' does not look like \(article) \(what) (\(prefix) and lower-case hex digits); \(consequence)", at: location, rule: "id-format")
        }
        return nil
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
    static func isUpper(_ b: UInt8) -> Bool { b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") }
    static func isLetterOrDigit(_ b: UInt8) -> Bool { isDigit(b) || isUpper(b) || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) }

    /// `text` with everything but printable ASCII written as `\u{…}`, and `\` and `'` escaped, so that
    /// a message shows exactly what the input holds and a terminal shows nothing it would act on.
    public static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case " "..."~": out.unicodeScalars.append(scalar)
            default: out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return out
    }
}

extension RouteTarget.Kind {
    /// The kind of id a route target of this kind has; nil for `local`.
    public var idKind: IDKind? {
        switch self {
        case .local: nil
        case .internetGateway: .internetGateway
        case .egressOnlyInternetGateway: .egressOnlyInternetGateway
        case .natGateway: .natGateway
        case .gatewayEndpoint: .vpcEndpoint
        case .peering: .peeringConnection
        case .transitGateway: .transitGateway
        case .vpnGateway: .vpnGateway
        case .networkInterface: .networkInterface
        }
    }
}
