import Foundation
import Testing
import VPCModel
@testable import VPCReaders

/// A network ACL entry's wrong protocol or ports, by its full diagnostic.
extension DiagnosticTests {
    @Test func wrongNetworkACLEntriesAreErrorsAtTheValue() {
        let acl = "        network_acls:\n          - id: acl-1\n            ingress:\n"
            + "              - {rule: 100, action: allow, protocol: tcpp, ports: 443, cidr: 0.0.0.0/0}\n"
            + "              - {rule: 110, action: allow, protocol: tcp, ports: https, cidr: 0.0.0.0/0}\n"
        #expect(check(vpc(acl)).filter { $0.hasSuffix("[network-acl-rule]") } == [
            "bad.yaml:13:54: error: 'protocol' of ingress rule of 'acl-1' must be tcp, udp, icmp, icmpv6, all (or -1) or a protocol number 0-255, found 'tcpp' [network-acl-rule]",
            "bad.yaml:14:66: error: 'ports' of ingress rule of 'acl-1' must be a port (443), a range (1024-65535) or all, found 'https' [network-acl-rule]",
        ])
    }
}

/// A network ACL's associations and rule numbers, checked by `validate()`.
extension DiagnosticTests {
    @Test func networkACLSubnetsMustBeTheVPCsOwnAndEachInOneACL() {
        let acls = "        network_acls:\n"
            + "          - {id: acl-1, subnets: [subnet-a1, subnet-zz]}\n"
            + "          - {id: acl-2, subnets: [subnet-a1, subnet-c1]}\n"
            + "      - id: vpc-2\n        cidr: 10.1.0.0/16\n        subnets:\n          - {id: subnet-c1, az: eu-west-1a, cidr: 10.1.1.0/24}\n"
        #expect(check(vpc(acls)).filter { $0.hasSuffix("[network-acl-subnet]") } == [
            "bad.yaml:11:34: error: network ACL 'acl-1' of vpc 'vpc-1' is associated with subnet 'subnet-zz', which does not exist [network-acl-subnet]",
            "bad.yaml:12:34: error: network ACL 'acl-2' of vpc 'vpc-1' is associated with subnet 'subnet-c1', which is in vpc 'vpc-2': an ACL filters subnets of its own vpc only [network-acl-subnet]",
            "bad.yaml:12:34: error: subnet 'subnet-a1' is associated with network ACLs 'acl-1' and 'acl-2'; a subnet has one network ACL [network-acl-subnet]",
        ])
    }

    @Test func networkACLRuleNumbersAreUniquePerDirection() {
        let acl = "        network_acls:\n          - id: acl-1\n            ingress:\n"
            + "              - {rule: 100, action: allow, cidr: 10.0.0.0/8}\n"
            + "              - {rule: 100, action: deny, cidr: \"::/0\"}\n"
            + "              - {rule: 32767, action: deny, cidr: 0.0.0.0/0}\n"
            + "              - {rule: 32767, action: deny, cidr: \"::/0\"}\n"
            + "            egress:\n"
            + "              - {rule: 100, action: allow, cidr: 0.0.0.0/0}\n"
        // The same number in the other direction, and AWS's two default `*` rules, are fine.
        #expect(check(vpc(acl)).filter { $0.contains("[network-acl") } == [
            "bad.yaml:14:24: error: network ACL 'acl-1' has two ingress rules numbered 100; rules of one direction need distinct numbers [network-acl-duplicate-rule] | bad.yaml:13:24: note: ingress rule 100 is first defined here",
        ])
    }
}
