// How a network ACL decides one direction of a TCP flow: its rules of that direction in rule-number
// order, the first that matches wins, and what no rule matches is denied (AWS's final `*` rule,
// there whether or not the input lists it). Stateless: a reply is judged on its own, in the other
// direction, to the client's ephemeral port. Used by `explain`.

/// The far end of a flow as a network ACL sees it: the destination of outbound traffic, the source
/// of inbound traffic.
public enum NetworkACLPeer: Equatable, Sendable, CustomStringConvertible {
    case cidr(CIDR)
    /// Public addresses the input does not list (an AWS service's, a name's on the internet): only a
    /// rule for every IPv4 address (`0.0.0.0/0`) is known to cover them.
    case publicAddresses(String)

    public var description: String {
        switch self {
        case .cidr(let c): c.description
        case .publicAddresses(let what): what
        }
    }
}

/// What a network ACL decides for one direction.
public enum NetworkACLVerdict: Equatable, Sendable {
    /// The first matching rule allows every address and port of the flow.
    case allowed(NetworkACLRule)
    /// The first matching rule denies it.
    case denied(NetworkACLRule)
    /// A deny rule matching part of the peer's addresses or of the ports comes first: some of the flow is denied.
    case partlyDenied(NetworkACLRule)
    /// No numbered rule matches (all of) it: the final `*` rule denies it. `partialAllows`: rules
    /// before that allowed only part of it.
    case implicitlyDenied(partialAllows: [NetworkACLRule])
    /// A rule for a narrower block than `0.0.0.0/0` matches, and whether it holds the peer's public
    /// addresses is not in the input.
    case undecided(NetworkACLRule)
}

/// The ports replies are assumed to go to: the ephemeral range AWS's documentation recommends
/// network ACLs allow (NAT gateways use 1024-65535; Linux 32768-60999, Windows 49152-65535).
public let ephemeralPorts = PortRange(from: 1024, to: 65535)!

extension NetworkACL {
    /// The rules of one direction in evaluation order: by rule number, IPv4 before IPv6 for the two
    /// default rules sharing 32767.
    public func rules(outbound: Bool) -> [NetworkACLRule] {
        (outbound ? egress : ingress).enumerated().sorted { a, b in
            (a.element.ruleNumber, a.element.cidr.family == .v4 ? 0 : 1, a.offset) < (b.element.ruleNumber, b.element.cidr.family == .v4 ? 0 : 1, b.offset)
        }.map(\.element)
    }

    /// Evaluates TCP traffic to `ports` with `peer` in one direction.
    public func evaluate(outbound: Bool, ports: PortRange, peer: NetworkACLPeer) -> NetworkACLVerdict {
        var partialAllows: [NetworkACLRule] = []
        for rule in rules(outbound: outbound) {
            guard rule.ipProtocol == .all || rule.ipProtocol == .tcp, let rulePorts = rule.portRange,
                  rulePorts.from <= ports.to, ports.from <= rulePorts.to else { continue }
            let allPorts = rulePorts.from <= ports.from && ports.to <= rulePorts.to
            let allAddresses: Bool
            switch peer {
            case .cidr(let c):
                guard rule.cidr.overlaps(c) else { continue }
                allAddresses = rule.cidr.contains(c)
            case .publicAddresses:
                guard rule.cidr.family == .v4 else { continue }
                guard rule.cidr.isDefaultRoute else { return .undecided(rule) }
                allAddresses = true
            }
            if allPorts && allAddresses { return rule.action == .allow ? .allowed(rule) : .denied(rule) }
            if rule.action == .deny { return .partlyDenied(rule) }
            partialAllows.append(rule)
        }
        return .implicitlyDenied(partialAllows: partialAllows)
    }
}

extension NetworkACLRule {
    /// The TCP ports the rule covers: every port for `all` traffic; nil for a range kept as AWS reported it.
    var portRange: PortRange? {
        switch range {
        case .all: .all
        case .ports(let p): p
        case .icmp, .asReported: nil
        }
    }

    /// `rule 100 (allow tcp 443 from 0.0.0.0/0)`, `rule * (deny all traffic to 0.0.0.0/0)`.
    public func summary(outbound: Bool) -> String {
        let what: String
        switch ipProtocol {
        case .all: what = "all traffic"
        default: what = "\(ipProtocol) " + (range.text(for: ipProtocol) ?? "all ports")
        }
        return "rule \(ruleText) (\(action.rawValue) \(what) \(outbound ? "to" : "from") \(cidr))"
    }
}

extension VPC {
    /// The network ACL a subnet is associated with, or the VPC's default one when no ACL names the
    /// subnet (`explicit` false); nil when the input holds neither.
    public func networkACL(for subnet: Subnet) -> (acl: NetworkACL, explicit: Bool)? {
        if let acl = networkACLs.first(where: { $0.subnetIDs.contains(subnet.id) }) { return (acl, true) }
        if let acl = networkACLs.first(where: \.isDefault) { return (acl, false) }
        return nil
    }
}
