import Foundation
import TestSupport
import Testing

/// Issue 9 × issue 12: the network facts of the documented-shape snapshot variants reach the
/// per-VPC diagram, and rendering the snapshot equals rendering its `import aws` YAML.
extension RealAccountTests {
    /// Both variants at once: network ACLs, IPv6, an egress-only IGW, Lattice endpoints, a GWLB
    /// endpoint and an ingress (edge) route table of the internet gateway.
    static func withEveryDrawnFact(_ dir: String) throws {
        try withNetworkFacts(dir)
        try withGatewayLoadBalancerEndpoint(dir)
    }

    @Test(arguments: ["summary", "standard", "full"])
    func theNetworkFactsAreDrawnAndSurviveTheYAML(_ detail: String) throws {
        let folder = try Fixture.copy(edit: Self.withEveryDrawnFact)
        let work = try Tools.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(atPath: folder)
            try? FileManager.default.removeItem(atPath: work)
        }
        // The YAML named like the snapshot folder, so that both renders name their files alike.
        let snapshotName = URL(fileURLWithPath: folder).lastPathComponent
        let yaml = "\(work)/\(snapshotName).yaml"
        #expect(try Run.vpcgraph(["import", "aws", folder, "-o", yaml]).status == 0)
        let options = ["--format", "svg", "--view", "vpc", "--detail", detail]
        let fromSnapshot = try Run.vpcgraph(["render", "--from", "aws", folder, "-o", work + "/a"] + options)
        let fromYAML = try Run.vpcgraph(["render", yaml, "-o", work + "/b"] + options)
        #expect(fromSnapshot.status == 0 && fromYAML.status == 0, "\(fromSnapshot.stderr)\(fromYAML.stderr)")
        let name = "\(snapshotName).\(Self.appVPC).svg"
        let svg = try Fixture.read(work + "/a/" + name)
        #expect(svg == (try Fixture.read(work + "/b/" + name)), "\(name) differs through the YAML")
        func t(_ text: String) -> String { text.replacing("-", with: "&#45;") }
        // At every level: the egress-only internet gateway (a gateway).
        #expect(svg.contains(t("class=\"node egress-only-internet-gateway\"")))
        if detail == "summary" {
            #expect(svg.contains(">GWLB: ") && svg.contains(">Lattice: "))
            #expect(!svg.contains(t("edge-association")))
            return
        }
        // Standard and full: the custom ACL, IPv6 blocks, Lattice endpoints, the GWLB chip and
        // the internet gateway's ingress route table.
        #expect(svg.contains(">NACL<"))
        #expect(svg.contains("100 allow tcp 443 0.0.0.0/0"))
        #expect(svg.contains("::/56") || svg.contains("::/64"))
        #expect(svg.contains(t("class=\"node lattice-endpoint\"")))
        #expect(svg.contains(">GWLB "))
        #expect(svg.contains(t("class=\"edge edge-association\"")))
        #expect(svg.contains(t("id=\"igw-0c1d2e3f4a5b6c7d8--rtb-0e0e0e0e0e0e0e0e0\"")))
    }
}
