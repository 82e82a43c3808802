@testable import Diagram
import Foundation
import Pipeline
import TestSupport
import Testing
import VPCModel
import VPCReaders

/// The full view's region layer on the scene (issue 9): Direct Connect and external peers drawn in
/// the full view and the overview, transit gateway peering in the full view, the legend naming
/// what is drawn, no labelled edge that dot could lay flat, every edge between declared nodes.
@Suite struct RegionSceneTests {
    static let input = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Inputs/direct-connect.yaml")

    static func fixture() throws -> Topology { try SampleRendering.load(input) }

    static func render(_ topology: Topology, view: DiagramView, detail: DetailLevel = .standard, links: LinkTarget = .none) -> [String: String] {
        var options = DiagramOptions(links: links)
        options.detail = detail
        let (files, diagnostics) = Pipeline(formats: [.svg, .dot], diagramOptions: options, view: view).render(topology, name: "account")
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        return Dictionary(uniqueKeysWithValues: files.map { ($0.fileName, $0.contents) })
    }

    static func t(_ text: String) -> String { VPCSceneTests.t(text) }

    /// Ids of the elements of a class (`<g id="…" class="node kind">` or `class="edge kind"`).
    static func ids(_ svg: String, _ prefix: String, _ kind: String) -> [String] {
        let pattern = try! Regex("<g id=\"([^\"]+)\" class=\"\(prefix) \(t(kind))\"")
        return svg.matches(of: pattern).compactMap { $0.output[1].substring.map(String.init) }.map { $0.replacing("&#45;", with: "-") }
    }

    /// The text of the legend node.
    static func legend(_ svg: String) throws -> String {
        let start = try #require(svg.firstRange(of: "id=\"legend\""))
        let rest = svg[start.upperBound...]
        let end = rest.firstRange(of: "</g>")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    @Test(arguments: [DiagramView.full, .overview])
    func directConnectIsDrawn(_ view: DiagramView) throws {
        let files = Self.render(try Self.fixture(), view: view)
        let svg = try #require(files[view == .full ? "account.svg" : "account.overview.svg"])
        #expect(Self.ids(svg, "node", "direct-connect-gateway").sorted() == ["5f9c4a12-0d6e-4b8a-9c1e-1f2a3b4c5d6e", "dxgw-0d1c00000000001"])
        let edges = Self.ids(svg, "edge", "direct-connect")
        // The gateway (or its VPC, in the overview) to the Direct Connect gateway, that one to the
        // data centre, and the transit gateway to the other Direct Connect gateway.
        let gateway = view == .full ? "vgw-0d1c0000000000001" : "vpc-0d1c0000000000001"
        let network = view == .full ? "frankfurt.network" : "frankfurt"
        #expect(edges.sorted() == ["\(gateway)--dxgw-0d1c00000000001", "dxgw-0d1c00000000001--\(network)",
                                   "tgw-0d1c0000000000001--5f9c4a12-0d6e-4b8a-9c1e-1f2a3b4c5d6e"].sorted())
        // The transit gateway's attachment does not say where it goes on premises: the picture says so.
        #expect(svg.contains(Self.t(">on-premises end not in the input<")))
        let legend = try Self.legend(svg)
        #expect(legend.contains(">Direct Connect<"))
        #expect(legend.contains(">Direct Connect gateway<"))
        // Its line style is its own: solid, thicker than a VPN's dashes.
        let style = SceneEncoder(theme: .light).look(.directConnect)
        #expect(style.style == nil && style.penwidth == "2.5")
        #expect(SceneEncoder(theme: .light).look(.vpn).style == "dashed")
    }

    /// A VPC's own diagram shows the Direct Connect gateways of its gateways, and the data centre
    /// when the link names it.
    @Test func directConnectInEachVPCsDiagram() throws {
        let files = Self.render(try Self.fixture(), view: .vpc)
        let app = try #require(files["account.vpc-0d1c0000000000001.svg"])
        #expect(Self.ids(app, "node", "direct-connect-gateway") == ["dxgw-0d1c00000000001"])
        #expect(Self.ids(app, "node", "on-premises-network") == ["frankfurt.network"])
        #expect(Self.ids(app, "node", "external-vpc") == ["vpc-0e0000000000000f1"])
        let shared = try #require(files["account.vpc-0d1c0000000000002.svg"])
        #expect(Self.ids(shared, "node", "direct-connect-gateway") == ["5f9c4a12-0d6e-4b8a-9c1e-1f2a3b4c5d6e"])
        #expect(Self.ids(shared, "node", "on-premises-network").isEmpty)
        #expect(Self.ids(shared, "edge", "direct-connect") == ["tgw-0d1c0000000000001--5f9c4a12-0d6e-4b8a-9c1e-1f2a3b4c5d6e"])
    }

    @Test(arguments: [DiagramView.full, .overview])
    func externalPeerIsDrawn(_ view: DiagramView) throws {
        let files = Self.render(try Self.fixture(), view: view)
        let svg = try #require(files[view == .full ? "account.svg" : "account.overview.svg"])
        #expect(Self.ids(svg, "node", "external-vpc") == ["vpc-0e0000000000000f1"])
        for text in ["partner-analytics", "10.99.0.0/16", "account 210987654321 · region us-east-1"] {
            #expect(svg.contains(">\(Self.t(text))<"), "\(view): no '\(text)'")
        }
        #expect(svg.contains("owner account 210987654321"))
        // Joined by a peering edge (through the peering connection in the full view).
        let peerings = Self.ids(svg, "edge", "peering")
        let expected = view == .full ? "pcx-0d1c0000000000001--vpc-0e0000000000000f1" : "vpc-0d1c0000000000001--vpc-0e0000000000000f1"
        #expect(peerings.contains(expected), "\(peerings)")
        #expect(try Self.legend(svg).contains(">\(Self.t(NodeKind.externalVPC.title))<"))
    }

    /// Two peered transit gateways in two regions: their peering is drawn in the full view too.
    @Test func transitGatewayPeeringInTheFullView() throws {
        let yaml = """
        regions:
          eu-west-1:
            vpcs:
              - {id: vpc-0000000000000aaa1, name: left, cidr: 10.1.0.0/16, subnets: [{id: subnet-00000000000000a01, az: eu-west-1a, cidr: 10.1.1.0/24}]}
            transit_gateways:
              - id: tgw-0000000000000aaa1
                attachments:
                  - {id: tgw-attach-00000000000a1, vpc: vpc-0000000000000aaa1, subnets: [subnet-00000000000000a01]}
                  - {id: tgw-attach-00000000000a2, peer: tgw-0000000000000bbb1}
          us-east-1:
            vpcs:
              - {id: vpc-0000000000000bbb1, name: right, cidr: 10.3.0.0/16, subnets: [{id: subnet-00000000000000b01, az: us-east-1a, cidr: 10.3.1.0/24}]}
            transit_gateways:
              - id: tgw-0000000000000bbb1
                attachments:
                  - {id: tgw-attach-00000000000b1, vpc: vpc-0000000000000bbb1, subnets: [subnet-00000000000000b01]}
                  - {id: tgw-attach-00000000000b2, peer: tgw-0000000000000aaa1}
        """
        let topology = try #require(TopologyParser.parse(yaml, file: "peered.yaml").topology)
        let svg = try #require(Self.render(topology, view: .full)["account.svg"])
        #expect(Self.ids(svg, "edge", "transit-gateway-peering") == ["tgw-0000000000000aaa1--tgw-0000000000000bbb1"])
        #expect(Self.ids(svg, "edge", "transit-gateway-attachment").count == 2)
        #expect(try Self.legend(svg).contains(">transit gateway peering<"))
    }

    /// Every sample and the Direct Connect fixture, in the full view at every detail level: an
    /// edge with a `label` (not an `xlabel`) never joins nodes dot may put on one rank, and every
    /// edge joins nodes the diagram declares (no node Graphviz would make up from a dangling id).
    @Test(arguments: DetailLevel.allCases)
    func fullViewHasNoLabelledFlatEdgeNorDanglingEnd(_ detail: DetailLevel) throws {
        var inputs = SampleRendering.samples
        inputs.append(Self.input)
        for url in inputs {
            var options = DiagramOptions()
            options.detail = detail
            let graph = buildDiagram(try SampleRendering.load(url), name: "g", options: options)
            let dot = DOTWriter.write(graph)
            let lines = dot.split(separator: "\n").filter { $0.contains(" -> ") }
            #expect(lines.count == graph.edges.count)
            let groups = SameRankGroups(graph.root)
            let declared = Set(graph.root.allNodes.map(\.name))
            for (edge, line) in zip(graph.edges, lines) {
                if line.contains(" label=") || line.contains("[label=") {
                    #expect(!groups.canBeFlat(edge, defaults: graph.edgeDefaults), "\(url.lastPathComponent) \(detail): labelled flat edge \(line)")
                }
                #expect(declared.contains(edge.tail) && declared.contains(edge.head), "\(url.lastPathComponent) \(detail): \(edge.tail) -> \(edge.head)")
            }
        }
    }

    /// The legend names exactly the edge kinds drawn, in the full view of every sample and of the
    /// Direct Connect fixture.
    @Test func legendNamesExactlyTheEdgeKindsOfTheFullView() throws {
        var inputs = SampleRendering.samples
        inputs.append(Self.input)
        for url in inputs {
            let svg = try #require(Self.render(try SampleRendering.load(url), view: .full)["account.svg"])
            try VPCSceneTests.expectLegendNamesEdgeKinds(svg, name: url.lastPathComponent)
        }
    }

    /// The scene is a value: built twice, equal; rendered twice, byte-identical.
    @Test func fullViewAndOverviewAreDeterministic() throws {
        let topology = try Self.fixture()
        #expect(buildDiagramScene(topology, name: "a") == buildDiagramScene(topology, name: "a"))
        for view in [DiagramView.full, .overview] {
            #expect(Self.render(topology, view: view) == Self.render(topology, view: view))
        }
    }

    /// With `--link docs`, the new nodes link to sections the document has.
    @Test func directConnectAndExternalPeerLinkToTheDocument() throws {
        let topology = try Self.fixture()
        let (files, diagnostics) = Pipeline(formats: [.svg, .md], diagramOptions: DiagramOptions(links: .docs("account.md")), view: .full)
            .render(topology, name: "account")
        #expect(!diagnostics.contains { $0.severity == .error })
        let byName = Dictionary(uniqueKeysWithValues: files.map { ($0.fileName, $0.contents) })
        let svg = try #require(byName["account.svg"])
        let markdown = try #require(byName["account.md"])
        let anchors = Set(markdown.matches(of: /<a id="([^"]+)">/).map { String($0.output.1) }) .union(markdown.matches(of: /id="([^"]+)"/).map { String($0.output.1) })
        for id in ["dxgw-0d1c00000000001", "5f9c4a12-0d6e-4b8a-9c1e-1f2a3b4c5d6e", "vpc-0e0000000000000f1"] {
            let pattern = try Regex("<g id=\"\(Self.t(id))\" class=\"node [^\"]+\">\\s*<title>[^<]*</title>\\s*<g id=\"a_[^\"]*\"><a xlink:href=\"account.md#([^\"]+)\"")
            let match = try #require(svg.firstMatch(of: pattern), "\(id): no link")
            let fragment = try #require(match.output[1].substring.map(String.init))
            #expect(anchors.contains(fragment), "\(id) links to '#\(fragment)', not in the document")
        }
    }
}
