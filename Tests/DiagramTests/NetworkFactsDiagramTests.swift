@testable import Diagram
import Foundation
import Pipeline
import TestSupport
import Testing
import VPCModel

/// The network facts of issue 12 in the per-VPC diagram (issue 9), on `Fixtures/network-facts.yaml`:
/// each fact is drawn at the detail levels where a wiki reader needs it, and left out of the others.
@Suite struct NetworkFactsDiagramTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/network-facts.yaml")
    static let vpc = "vpc-0f0f0f0f0f0f0f0f1"

    static func svg(_ detail: DetailLevel) throws -> String {
        let topology = try SampleRendering.load(fixture)
        let files = VPCSceneTests.render(topology, view: .vpc, detail: detail)
        return try #require(files["account.\(vpc).svg"], "\(files.keys.sorted())")
    }

    static func t(_ text: String) -> String { VPCSceneTests.t(text) }

    static func count(_ text: String, in svg: String) -> Int { svg.components(separatedBy: text).count - 1 }

    /// The `<g>` of one node or edge (by its SVG id), up to the next node, edge or cluster.
    static func element(_ id: String, in svg: String) -> String? {
        guard let start = svg.range(of: "id=\"\(t(id))\"") else { return nil }
        guard let tagEnd = svg[start.upperBound...].firstIndex(of: ">") else { return nil }
        let rest = svg[tagEnd...]
        let end = ["class=\"node ", "class=\"edge ", "class=\"cluster "].compactMap { rest.range(of: $0)?.lowerBound }.min() ?? rest.endIndex
        return String(svg[start.lowerBound..<end])
    }

    @Test func egressOnlyInternetGatewayBesideTheInternetGatewayWithIPv6Routes() throws {
        for detail in DetailLevel.allCases {
            let svg = try Self.svg(detail)
            #expect(svg.contains(Self.t("class=\"node egress-only-internet-gateway\"")), "\(detail)")
            #expect(svg.contains(Self.t(">egress-only internet gateway<")), "\(detail)")
        }
        let standard = try Self.svg(.standard)
        // Both app tables route ::/0 to it.
        for table in ["rtb-0f0f0f0f0f0f0f0a2", "rtb-0f0f0f0f0f0f0f0b2"] {
            let edge = try #require(Self.element("\(table)--eigw-0f0f0f0f0f0f0f0f1", in: standard), "\(table)")
            #expect(edge.contains(Self.t("class=\"edge route\"")))
            #expect(edge.contains(">::/0<"))
        }
        // Summary: the gateway, no routes.
        #expect(!(try Self.svg(.summary)).contains(Self.t("--eigw-0f0f0f0f0f0f0f0f1")))
        // Full: its id.
        #expect(try Self.svg(.full).contains(Self.t(">eigw-0f0f0f0f0f0f0f0f1<")))
    }

    @Test func ipv6BlocksOnTheVPCAndSubnetsFromStandardUp() throws {
        for detail in [DetailLevel.standard, .full] {
            let svg = try Self.svg(detail)
            #expect(svg.contains("2001:db8:1234::/56<"), "\(detail)")
            #expect(svg.contains(">2001:db8:1234:10::/64<"), "\(detail)")
        }
        let summary = try Self.svg(.summary)
        #expect(!summary.contains(">2001:db8:1234:10::/64<"))
        #expect(!summary.contains("2001:db8:1234::/56<"))
    }

    @Test func aCustomNetworkACLIsABadgeWithItsRulesInOrder() throws {
        let standard = try Self.svg(.standard)
        // app-a and app-b use app-nacl; the default ACL's subnets get no badge.
        #expect(Self.count(">NACL<", in: standard) == 2)
        let appA = try #require(Self.element("subnet-0f0f0f0f0f0f0f0a2", in: standard))
        #expect(appA.contains(">NACL<"))
        let rules = ["network ACL app&#45;nacl acl&#45;0f0f0f0f0f0f0f0c1, rules in order", "inbound:", "90 deny all traffic 198.51.100.0/24",
                     "100 allow tcp 443 10.20.0.0/16", "* deny all traffic 0.0.0.0/0", "outbound:", "100 allow all traffic 0.0.0.0/0"]
        var position = appA.startIndex
        for rule in rules {
            let found = try #require(appA[position...].range(of: rule), "'\(rule)' missing or out of order")
            position = found.upperBound
        }
        let publicA = try #require(Self.element("subnet-0f0f0f0f0f0f0f0a1", in: standard))
        #expect(!publicA.contains(">NACL<"))
        // Full: its name and id written; summary: nothing.
        #expect(try Self.svg(.full).contains(Self.t(">NACL app-nacl · acl-0f0f0f0f0f0f0f0c1<")))
        #expect(!(try Self.svg(.summary)).contains(">NACL"))
    }

    @Test func aSubnetSharedFromAnotherAccountSaysSo() throws {
        for detail in [DetailLevel.standard, .full] {
            let svg = try Self.svg(detail)
            let appB = try #require(Self.element("subnet-0f0f0f0f0f0f0f0b2", in: svg))
            #expect(appB.contains(">shared from 222222222222<"), "\(detail)")
            #expect(appB.contains("owned by account 222222222222, shared with this VPC&#39;s account 111111111111")
                || appB.contains("owned by account 222222222222, shared with this VPC's account 111111111111"), "\(detail)")
            // The VPC owner's own subnets are not shared.
            #expect(Self.count(">shared from ", in: svg) == 1, "\(detail)")
        }
        #expect(!(try Self.svg(.summary)).contains(">shared from"))
    }

    @Test func gatewayLoadBalancerAndLatticeEndpoints() throws {
        let standard = try Self.svg(.standard)
        // The GWLB endpoint is a chip in its subnet; routes end at it like at a NAT gateway.
        #expect(standard.contains(">GWLB 10.20.20.10<"))
        let route = try #require(Self.element("rtb-0f0f0f0f0f0f0f0a2--subnet-0f0f0f0f0f0f0f0a3.vpce-0f0f0f0f0f0f0f0e1", in: standard))
        #expect(route.contains(Self.t("class=\"edge route\"")))
        #expect(route.contains(">0.0.0.0/0<"))
        // Lattice endpoints in the endpoints band, with their type.
        #expect(standard.contains(Self.t("class=\"cluster endpoints\"")))
        #expect(Self.count(Self.t("class=\"node lattice-endpoint\""), in: standard) == 2)
        #expect(standard.contains(">Resource endpoint<"))
        #expect(standard.contains(Self.t(">Service-network endpoint<")))
        #expect(standard.contains(Self.t(">interface, VPC Lattice endpoints<")) || standard.contains(Self.t(">interface and VPC Lattice endpoints<")))
        let serviceNetwork = try #require(Self.element("vpce-0f0f0f0f0f0f0f0e4", in: standard))
        #expect(serviceNetwork.contains(">pending<"))
        // Summary: named in the endpoint group.
        let summary = try Self.svg(.summary)
        #expect(summary.contains(">GWLB: inspection<"))
        #expect(summary.contains(Self.t(">Lattice: orders-db, shared-services<")))
        #expect(summary.contains(">4 VPC endpoints<"))
    }

    @Test func theInternetGatewayIsLinkedToItsIngressRouteTable() throws {
        for detail in [DetailLevel.standard, .full] {
            let svg = try Self.svg(detail)
            let edge = try #require(Self.element("igw-0f0f0f0f0f0f0f0f1--rtb-0f0f0f0f0f0f0f0e1", in: svg), "\(detail)")
            #expect(edge.contains(Self.t("class=\"edge edge-association\"")))
            #expect(edge.contains("stroke-dasharray=\"1,5\""), "dotted")
            let table = try #require(Self.element("rtb-0f0f0f0f0f0f0f0e1", in: svg))
            #expect(table.contains(">ingress route table<"))
            // Its route to the GWLB endpoint.
            #expect(svg.contains(Self.t("id=\"rtb-0f0f0f0f0f0f0f0e1--subnet-0f0f0f0f0f0f0f0a3.vpce-0f0f0f0f0f0f0f0e1\"")))
        }
        #expect(!(try Self.svg(.summary)).contains(Self.t("edge-association")))
    }

    @Test func routeStatesAndOriginsHaveTheirOwnLine() throws {
        let svg = try Self.svg(.standard)
        let cases: [(id: String, kind: EdgeKind, text: String)] = [
            ("rtb-0f0f0f0f0f0f0f0a2--vgw-0f0f0f0f0f0f0f0f1", .routePropagated, "172.16.0.0/12"),
            ("rtb-0f0f0f0f0f0f0f0a2--vgw-0f0f0f0f0f0f0f0f1--2", .routeFiltered, "172.16.8.0/24"),
            ("rtb-0f0f0f0f0f0f0f0a2--pcx-0f0f0f0f0f0f0f0f1", .routeBlackhole, "10.99.0.0/16"),
            ("rtb-0f0f0f0f0f0f0f0b2--nat-0f0f0f0f0f0f0f0f9", .routeTargetDeleting, "192.168.0.0/16"),
        ]
        for (id, kind, text) in cases {
            let edge = try #require(Self.element(id, in: svg), "\(id)")
            #expect(edge.contains(Self.t("class=\"edge \(kind.rawValue)\"")), "\(id)")
            #expect(edge.contains(">\(text)<"), "\(id)")
        }
        // Distinguishable lines: each kind its own dash and colour.
        let looks = Set(cases.map { SceneEncoder(detail: .standard).look($0.kind) }.map { "\($0.style ?? "") \($0.color) \($0.arrowhead)" }
            + [SceneEncoder(detail: .standard).look(.route)].map { "\($0.style ?? "") \($0.color) \($0.arrowhead)" })
        #expect(looks.count == 5)
        // The targets not in the input are drawn as such, not as bare Graphviz nodes.
        for (target, badge) in [("pcx-0f0f0f0f0f0f0f0f1", "blackhole"), ("nat-0f0f0f0f0f0f0f0f9", "deleting")] {
            let node = try #require(Self.element(target, in: svg), "\(target)")
            #expect(node.contains(Self.t("class=\"node missing-route-target\"")))
            #expect(node.contains(">\(badge)<"))
        }
        let legend = try #require(svg.firstRange(of: "id=\"legend\"").map { String(svg[$0.lowerBound...]) })
        #expect(legend.contains(">route target not in the input<"))
        // A pending NAT gateway's chip says so.
        #expect(svg.contains(Self.t(">NAT nat-b pending<")))
    }

    /// The legend names every edge kind drawn, at every level; no text under 9 pt.
    @Test(arguments: DetailLevel.allCases)
    func legendNamesEveryEdgeKindAndTextIsReadable(_ detail: DetailLevel) throws {
        let svg = try Self.svg(detail)
        let drawn = Set(svg.matches(of: /class="edge ([a-z&#0-9;]+)"/).map { String($0.output.1).replacing("&#45;", with: "-") }).compactMap { EdgeKind(rawValue: $0) }
        if detail != .summary {
            for kind in [EdgeKind.route, .routePropagated, .routeFiltered, .routeBlackhole, .routeTargetDeleting, .edgeAssociation, .association, .endpointENI] {
                #expect(drawn.contains(kind), "\(detail): no \(kind) edge")
            }
        }
        let legend = try #require(svg.firstRange(of: "id=\"legend\"").map { String(svg[$0.lowerBound...]) })
        for kind in drawn {
            #expect(legend.contains(">\(Self.t(kind.title))<"), "\(detail): legend lacks '\(kind.title)'")
        }
        for kind in EdgeKind.allCases where !drawn.contains(kind) {
            #expect(!legend.contains(">\(Self.t(kind.title))<"), "\(detail): legend names '\(kind.title)', not drawn")
        }
        let small = VPCSceneTests.fontSizes(svg).filter { $0 < 9 }
        #expect(small.isEmpty, "\(detail): text at \(small) pt")
    }
}
