// `explain`'s network ACL steps: where traffic crosses a subnet's boundary, the subnet's ACL is
// evaluated for the request (its port) and, being stateless, for the reply (to the ephemeral
// ports) in the other direction.

extension ExplainWalker {
    /// Evaluates the ACL of `subnet` for traffic leaving it (`outbound`) or entering it, to or from
    /// `peers`, on TCP `port`, and the replies in the other direction. Nil when both pass; else why not.
    mutating func networkACL(of subnet: Subnet, in vpc: VPC, outbound: Bool, port: Int, peers: [NetworkACLPeer]) -> String? {
        guard let (acl, explicit) = vpc.networkACL(for: subnet) else {
            // Said once per subnet (traffic through a NAT gateway enters and leaves its subnet).
            if unevaluatedACLSubnets.insert(subnet.id).inserted {
                step("network-acl", "network ACL of subnet '\(subnet.id)': \(topology.missingValueText) (not evaluated)")
            }
            return nil
        }
        let name = "\(explicit ? "" : "the default ")network ACL '\(acl.id)'\(acl.name.map { " (\($0))" } ?? "") of subnet '\(subnet.id)'"
            + (explicit ? "" : " (no ACL names the subnet)")
        let requestPorts = PortRange(port)!
        for (ports, direction, isReply) in [(requestPorts, outbound, false), (ephemeralPorts, !outbound, true)] {
            for peer in peers {
                if let refusal = evaluate(acl, name: name, outbound: direction, ports: ports, peer: peer, reply: isReply) { return refusal }
            }
        }
        return nil
    }

    /// One direction for one peer: a step naming the deciding rule at its location; nil when allowed.
    private mutating func evaluate(_ acl: NetworkACL, name: String, outbound: Bool, ports: PortRange, peer: NetworkACLPeer, reply: Bool) -> String? {
        let flow = "\(outbound ? "outbound" : "inbound") tcp \(ports) \(outbound ? "to" : "from") \(peer)"
        let what = reply ? "replies: \(flow) (return traffic is assumed to go to the ephemeral ports \(ephemeralPorts))" : flow
        switch acl.evaluate(outbound: outbound, ports: ports, peer: peer) {
        case .allowed(let rule):
            step("network-acl", "\(name) allows \(what): \(rule.summary(outbound: outbound)) matches first", at: rule.origin.location ?? acl.origin.location)
            return nil
        case .undecided(let rule):
            step("network-acl", "\(name): for \(what), \(rule.summary(outbound: outbound)) matches first if \(peer) are in \(rule.cidr), which the input does not say; not decided, followed as if it \(rule.action == .allow ? "allows" : "denies")",
                 at: rule.origin.location ?? acl.origin.location)
            return rule.action == .allow ? nil : refusal(name, what, "\(rule.summary(outbound: outbound)) would deny it")
        case .denied(let rule):
            step("network-acl", "\(name) denies \(what): \(rule.summary(outbound: outbound)) matches first", at: rule.origin.location ?? acl.origin.location)
            return refusal(name, what, "\(rule.summary(outbound: outbound)) denies it")
        case .partlyDenied(let rule):
            step("network-acl", "\(name) denies part of \(what): \(rule.summary(outbound: outbound)) matches first", at: rule.origin.location ?? acl.origin.location)
            return refusal(name, what, "\(rule.summary(outbound: outbound)) denies part of it")
        case .implicitlyDenied(let partial):
            let before = partial.isEmpty ? "no rule matches" : "only part of it is allowed (\(partial.map { $0.summary(outbound: outbound) }.joined(separator: ", ")))"
            step("network-acl", "\(name) denies \(what): \(before); the final rule * denies the rest", at: acl.origin.location)
            return refusal(name, what, "\(before), and the final rule * denies \(partial.isEmpty ? "it" : "the rest")")
        }
    }

    private func refusal(_ name: String, _ what: String, _ why: String) -> String {
        "\(name) does not let \(what) through: \(why)"
    }
}
