@testable import Diagram
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Pipeline
import TestSupport
import Testing
import VPCModel
import VPCReaders

/// Where the overview puts the VPCs: `OverviewOrder`, a pure type.
@Suite struct OverviewOrderTests {
    /// A peering chain given in shuffled order comes out in chain order, snaking through the rows
    /// so that each link joins neighbours.
    @Test func peeringChainIsKeptInOrderAndSnakes() {
        let chain = ["a", "b", "c", "d", "e", "f", "g"]
        let shuffled = ["e", "a", "g", "c", "f", "b", "d"]
        let order = OverviewOrder(vpcs: shuffled, links: zip(chain, chain.dropFirst()).map { ($0, $1) }, hubs: [], columns: 3)
        #expect(order.rows == [["a", "b", "c"], ["f", "e", "d"], ["g"]])
        #expect(order.hubs.isEmpty && order.loose.isEmpty)
        #expect(order.hubRow == 1)
    }

    /// A VPC peered with all the others (hub and spoke) sits in the middle of its group.
    @Test func peeringHubGoesInTheMiddle() {
        let spokes = ["s1", "s2", "s3", "s4"]
        let order = OverviewOrder(vpcs: ["hub"] + spokes, links: spokes.map { ("hub", $0) }, hubs: [], columns: 5)
        #expect(order.rows == [["s1", "s2", "hub", "s3", "s4"]])
    }

    /// Transit gateways go in a row in the middle of the connected VPCs; VPCs connected to nothing
    /// are packed in a grid below, in input order; peering groups before lone attachments.
    @Test func hubsInTheMiddleAndUnconnectedVPCsPackedBelow() {
        let vpcs = ["x1", "t1", "p1", "p2", "x2", "t2", "x3", "t3"]
        let order = OverviewOrder(vpcs: vpcs, links: [("p1", "p2"), ("p2", "t1")],
                                  hubs: [.init(id: "tgw", members: ["t1", "t2", "t3"])], columns: 2)
        // The chain t1 – p2 – p1 from its first end in input order, then the lone attachments.
        #expect(order.rows == [["t1", "p2"], ["t2", "p1"], ["t3"]])
        #expect(order.hubs == ["tgw"])
        #expect(order.hubRow == 1)
        #expect(order.loose == [["x1", "x2"], ["x3"]])
    }

    /// Two gateways: each one's VPCs together, each gateway under its own VPCs.
    @Test func hubsFollowTheirMembers() {
        let order = OverviewOrder(vpcs: ["b1", "a1", "b2", "a2"], links: [],
                                  hubs: [.init(id: "tgw-b", members: ["b1", "b2"]), .init(id: "tgw-a", members: ["a1", "a2"])], columns: 4)
        #expect(order.rows == [["b1", "b2", "a1", "a2"]])
        #expect(order.hubs == ["tgw-b", "tgw-a"])
    }

    /// Ends that are not VPCs of the region, self-links and repeated links change nothing.
    @Test func foreignEndsAndRepeatsAreIgnored() {
        let order = OverviewOrder(vpcs: ["a", "b"], links: [("a", "b"), ("b", "a"), ("a", "a"), ("a", "elsewhere")], hubs: [], columns: 4)
        #expect(order.rows == [["a", "b"]])
        #expect(order.loose.isEmpty)
    }
}

/// The overview on big accounts, read from the SVG the way a wiki shows it.
@Suite struct OverviewSizeTests {
    static func render(_ yaml: String, view: String = "overview") throws -> [String: String] {
        let topology = try #require(TopologyParser.parse(yaml, file: "generated.yaml").topology)
        let pipeline = Pipeline(formats: [.svg], view: DiagramView(rawValue: view)!)
        let (files, diagnostics) = pipeline.render(topology, name: "gen")
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        return Dictionary(uniqueKeysWithValues: files.map { ($0.fileName, $0.contents) })
    }

    /// Width ≤ 2,500 pt, the longer side at most 2.5 times the shorter, no text under 9 pt; the
    /// figures, for the report.
    static func expectReadable(_ svg: String, _ name: String) throws -> String {
        let geometry = try SVGGeometry(svg: svg)
        let (w, h) = (geometry.viewBox.width, geometry.viewBox.height)
        #expect(w <= 2500, "\(name): \(w) × \(h) pt")
        #expect(max(w / h, h / w) <= 2.5, "\(name): \(w) × \(h) pt")
        let sizes = fontSizes(svg)
        #expect(!sizes.isEmpty)
        #expect(sizes.allSatisfy { $0 >= 9 }, "\(name): text at \(sizes.filter { $0 < 9 }.sorted().first ?? 0) pt")
        return "\(name): \(Int(w)) × \(Int(h)) pt, smallest text \(sizes.min() ?? 0) pt"
    }

    static func fontSizes(_ svg: String) -> [Double] {
        svg.components(separatedBy: "font-size=\"").dropFirst().compactMap { Double($0.prefix { $0 != "\"" }) }
    }

    @Test(arguments: [("one region", GeneratedTopology.yaml(vpcs: 30)),
                      ("three regions", GeneratedTopology.yaml(regions: 3, vpcsPerRegion: 10)),
                      ("dense mesh", GeneratedTopology.yaml(vpcs: 40, peeringSpan: 3))])
    func bigAccountsStayReadable(_ label: String, _ yaml: String) throws {
        for view in ["overview", "full"] {
            let files = try Self.render(yaml, view: view)
            let name = view == "overview" ? "gen.overview.svg" : "gen.svg"
            let svg = try #require(files[name], "\(label): no \(name) in \(files.keys.sorted())")
            let figures = try Self.expectReadable(svg, "\(label) \(name)")
            print("overview size: \(figures)")
        }
    }

    /// More than two peerings per VPC: one edge per VPC to a "peering mesh" node, no edge per
    /// peering, and the document says who peers with whom.
    @Test func denseMeshIsBundledThroughOneNode() throws {
        let yaml = GeneratedTopology.yaml(vpcs: 40, peeringSpan: 3)
        let svg = try #require(try Self.render(yaml)["gen.overview.svg"])
        let geometry = try SVGGeometry(svg: svg)
        let bundled = geometry.ids(ofKind: "peering")
        #expect(bundled.count == 40 && bundled.allSatisfy { $0.hasSuffix("--eu-west-1.peering-mesh") }, "\(bundled)")
        #expect(geometry.classes["eu-west-1.peering-mesh"]?.contains("peering-connection") == true)
        #expect(svg.contains("114 peering connections among 40 VPCs"))
        // A chain of 29 peerings among 30 VPCs is drawn edge by edge, with no label.
        let chain = try #require(try Self.render(GeneratedTopology.yaml(vpcs: 30))["gen.overview.svg"])
        let chainGeometry = try SVGGeometry(svg: chain)
        #expect(chainGeometry.ids(ofKind: "peering").count == 29)
        #expect(chainGeometry.classes["eu-west-1.peering-mesh"] == nil)
        let document = try XMLDocument(data: Data(chain.utf8), options: [])
        let peeringTexts = try document.nodes(forXPath: "//*[local-name()='g'][contains(@class, 'peering')]//*[local-name()='text']")
        #expect(peeringTexts.isEmpty, "peering edges carry labels")
        // Tooltips name the connection and both VPCs with their CIDRs.
        #expect(chain.contains("<title>VPC peering connection \(GeneratedTopology.hex("pcx", 0).replacingOccurrences(of: "-", with: "&#45;"))"))
        #expect(chain.contains("vpc&#45;0 \(GeneratedTopology.hex("vpc", 0).replacingOccurrences(of: "-", with: "&#45;")) (10.0.0.0/16) ↔"))
    }

    /// Two transit gateways in two regions, peered: the overview joins them.
    @Test func transitGatewayPeeringAcrossRegionsIsDrawn() throws {
        let yaml = """
        regions:
          eu-west-1:
            vpcs:
              - {id: vpc-0aaaaaaaaaaaaaaa1, cidr: 10.1.0.0/16, subnets: [{id: subnet-0aaaaaaaaaaaaaaa1, az: eu-west-1a, cidr: 10.1.1.0/24}]}
            transit_gateways:
              - id: tgw-0aaaaaaaaaaaaaaa1
                name: hub-eu
                attachments:
                  - {id: tgw-attach-0aaaaaaaaaaaaaaa1, vpc: vpc-0aaaaaaaaaaaaaaa1, subnets: [subnet-0aaaaaaaaaaaaaaa1]}
                  - {id: tgw-attach-0ccccccccccccccc1, peer: tgw-0bbbbbbbbbbbbbbb1}
          us-east-1:
            vpcs:
              - {id: vpc-0bbbbbbbbbbbbbbb1, cidr: 10.2.0.0/16, subnets: [{id: subnet-0bbbbbbbbbbbbbbb1, az: us-east-1a, cidr: 10.2.1.0/24}]}
            transit_gateways:
              - id: tgw-0bbbbbbbbbbbbbbb1
                name: hub-us
                attachments:
                  - {id: tgw-attach-0bbbbbbbbbbbbbbb1, vpc: vpc-0bbbbbbbbbbbbbbb1, subnets: [subnet-0bbbbbbbbbbbbbbb1]}
                  - {id: tgw-attach-0ccccccccccccccc2, peer: tgw-0aaaaaaaaaaaaaaa1}
        """
        let topology = try #require(TopologyParser.parse(yaml, file: "t.yaml").topology)
        #expect(topology.validate().filter { $0.severity == .error }.isEmpty)
        let svg = try #require(try Self.render(yaml)["gen.overview.svg"])
        let geometry = try SVGGeometry(svg: svg)
        // Declared on both sides, drawn once; the two attachments to VPCs as well.
        #expect(geometry.ids(ofKind: "transit-gateway-peering") == ["tgw-0aaaaaaaaaaaaaaa1--tgw-0bbbbbbbbbbbbbbb1"])
        #expect(geometry.ids(ofKind: "transit-gateway-attachment") == ["vpc-0aaaaaaaaaaaaaaa1--tgw-0aaaaaaaaaaaaaaa1", "vpc-0bbbbbbbbbbbbbbb1--tgw-0bbbbbbbbbbbbbbb1"])
        // The legend names the edge kinds drawn.
        for kind in ["transit gateway peering", "transit gateway attachment"] { #expect(svg.contains(">\(kind)</text>"), "legend lacks \(kind)") }
        #expect(svg.contains("tgw&#45;0aaaaaaaaaaaaaaa1 (eu&#45;west&#45;1) ↔ tgw&#45;0bbbbbbbbbbbbbbb1 (us&#45;east&#45;1)</title>"))
        // The regions side by side: the two gateways on one level, eu-west-1 left.
        let eu = try #require(geometry.boxes["cluster_region_eu-west-1"] ?? geometry.boxes["eu-west-1"])
        let us = try #require(geometry.boxes["cluster_region_us-east-1"] ?? geometry.boxes["us-east-1"])
        #expect(eu.maxX <= us.minX, "\(eu) \(us)")
        #expect(abs(eu.minY - us.minY) < 1, "\(eu) \(us)")
    }
}
