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
