import Foundation
import Testing
@testable import VPCModel
import VPCReaders

/// `explain` through a transit gateway: with its route tables, the table associated with the
/// sender's attachment decides (propagated and static routes, blackholes) and the receiver's table
/// must route the replies back; without them, the walk assumes the default association and
/// propagation, and says so.
@Suite struct ExplainTransitGatewayTests {
    static let yaml = """
        regions:
          eu-west-1:
            vpcs:
              - id: vpc-0a0000000000000a1
                name: app
                cidr: 10.1.0.0/16
                subnets: [{id: subnet-0a00000000000a101, az: eu-west-1a, cidr: 10.1.1.0/24}]
                route_tables:
                  - {id: rtb-0a00000000000a100, main: true, routes: {10.0.0.0/8: tgw-0a000000000000001}}
              - id: vpc-0a0000000000000b1
                name: data
                cidr: 10.2.0.0/16
                subnets: [{id: subnet-0a00000000000b101, az: eu-west-1a, cidr: 10.2.1.0/24}]
                route_tables:
                  - {id: rtb-0a00000000000b100, main: true, routes: {10.0.0.0/8: tgw-0a000000000000001}}
            transit_gateways:
              - id: tgw-0a000000000000001
                name: core
                attachments:
                  - {id: tgw-attach-0a0000000000000a1, vpc: vpc-0a0000000000000a1, subnets: [subnet-0a00000000000a101]}
                  - {id: tgw-attach-0a0000000000000b1, vpc: vpc-0a0000000000000b1, subnets: [subnet-0a00000000000b101]}
                route_tables:
                  - id: tgw-rtb-0a0000000000000a1
                    name: spokes
                    associations: [tgw-attach-0a0000000000000a1, tgw-attach-0a0000000000000b1]
                    propagations: [tgw-attach-0a0000000000000a1, tgw-attach-0a0000000000000b1]
                    routes:
                      - {destination: 10.1.0.0/16, attachments: [tgw-attach-0a0000000000000a1], type: propagated}
                      - {destination: 10.2.0.0/16, attachments: [tgw-attach-0a0000000000000b1], type: propagated}

        """

    static func topology(_ edit: (String) -> String = { $0 }) -> Topology {
        let (topology, diagnostics) = TopologyParser.parse(edit(yaml), file: "tgw.yaml")
        #expect(diagnostics.filter { $0.severity == .error } == [])
        return topology!
    }

    @Test func aPropagatedRouteLeadsToTheOtherVPCAndItsTableRoutesTheRepliesBack() throws {
        let e = try Self.topology().explain(from: .subnet("subnet-0a00000000000a101"), to: "10.2.1.5:5432").get()
        #expect(e.text == """
            explain: from subnet 'subnet-0a00000000000a101' in vpc 'vpc-0a0000000000000a1' (app), eu-west-1a to 10.2.1.5:5432 (tcp)
              1. dns: '10.2.1.5' is an IP address: no DNS lookup
              2. route: the main route table 'rtb-0a00000000000a100' of subnet 'subnet-0a00000000000a101': 10.0.0.0/8 → tgw-0a000000000000001, the longest prefix that matches  [tgw.yaml:9:62]
              3. network-acl: network ACL of subnet 'subnet-0a00000000000a101': not in the snapshot (not evaluated)
              4. hop: transit gateway 'tgw-0a000000000000001' (core)  [tgw.yaml:17:9]
              5. route: transit gateway route table 'tgw-rtb-0a0000000000000a1' (spokes), associated with attachment 'tgw-attach-0a0000000000000a1': 10.2.0.0/16 → tgw-attach-0a0000000000000b1 (propagated), the longest prefix that matches  [tgw.yaml:29:17]
              6. hop: attachment 'tgw-attach-0a0000000000000b1' to vpc 'vpc-0a0000000000000b1' (data)  [tgw.yaml:21:13]
              7. route: reply route: transit gateway route table 'tgw-rtb-0a0000000000000a1', associated with attachment 'tgw-attach-0a0000000000000b1', sends 10.1.0.0/16 back to attachment 'tgw-attach-0a0000000000000a1' (propagated)  [tgw.yaml:28:17]
              8. network-acl: network ACL of subnet 'subnet-0a00000000000b101': not in the snapshot (not evaluated)
              9. route: reply route: route table 'rtb-0a00000000000b100' of subnet 'subnet-0a00000000000b101' sends 10.0.0.0/8 back through 'tgw-0a000000000000001'  [tgw.yaml:15:62]
            result: reaches 10.2.1.5 in subnet 'subnet-0a00000000000b101' of vpc 'vpc-0a0000000000000b1'; the security groups of whatever holds the address (not in the input) decide

            """)
        #expect(e.outcome.end == .peeredVPC)
    }

    @Test func aStaticBlackholeRouteDropsTheTraffic() throws {
        // A static route is more specific than the propagated one: the blackhole wins.
        let t = Self.topology { $0 + "              - {destination: 10.2.1.128/25, type: static, state: blackhole}\n" }
        let e = try t.explain(from: .subnet("subnet-0a00000000000a101"), to: "10.2.1.200").get()
        #expect(!e.outcome.reached)
        #expect(e.outcome.text == "the route to 10.2.1.128/25 in transit gateway route table 'tgw-rtb-0a0000000000000a1' (spokes) is a blackhole: the transit gateway drops the traffic")
        #expect(e.steps.last?.text == "transit gateway route table 'tgw-rtb-0a0000000000000a1' (spokes), associated with attachment 'tgw-attach-0a0000000000000a1': 10.2.1.128/25 → blackhole (static), the longest prefix that matches")
        #expect(e.steps.last?.location?.description == "tgw.yaml:30:17")
        // Elsewhere in the VPC the propagated route still carries it.
        #expect(try t.explain(from: .subnet("subnet-0a00000000000a101"), to: "10.2.1.5").get().outcome.reached)
    }

    @Test func withoutAPropagatedRouteBackRepliesCannotReturn() throws {
        let t = Self.topology { $0.replacingOccurrences(of: "              - {destination: 10.1.0.0/16, attachments: [tgw-attach-0a0000000000000a1], type: propagated}\n", with: "") }
        let e = try t.explain(from: .subnet("subnet-0a00000000000a101"), to: "10.2.1.5").get()
        #expect(e.outcome.text == "replies cannot return: transit gateway route table 'tgw-rtb-0a0000000000000a1', associated with attachment 'tgw-attach-0a0000000000000b1', has no route to 10.1.1.0/24 through attachment 'tgw-attach-0a0000000000000a1'")
    }

    @Test func anAttachmentAssociatedWithNoTableIsDropped() throws {
        let t = Self.topology { $0.replacingOccurrences(of: "associations: [tgw-attach-0a0000000000000a1, tgw-attach-0a0000000000000b1]", with: "associations: [tgw-attach-0a0000000000000b1]") }
        let e = try t.explain(from: .subnet("subnet-0a00000000000a101"), to: "10.2.1.5").get()
        #expect(e.outcome.text == "attachment 'tgw-attach-0a0000000000000a1' of vpc 'vpc-0a0000000000000a1' is associated with no route table of transit gateway 'tgw-0a000000000000001': the transit gateway drops its traffic")
    }

    @Test func withoutRouteTablesTheDefaultAssociationAndPropagationAreAssumedAndSaid() throws {
        let t = Self.topology { String($0[..<$0.range(of: "        route_tables:\n          - id: tgw-rtb")!.lowerBound]) }
        let e = try t.explain(from: .subnet("subnet-0a00000000000a101"), to: "10.2.1.5").get()
        #expect(e.outcome.reached)
        #expect(e.steps.map(\.text).contains("transit gateway 'tgw-0a000000000000001' (core): transit gateway route tables not in the snapshot: assumed default association/propagation"))
    }
}
