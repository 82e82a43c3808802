import Markdown
import Testing
import VPCModel

/// The Findings section, and "✓" only where DNS, routes and security groups all let a client reach
/// the endpoint (otherwise the answer says which of them does not).
@Suite struct FindingsMarkdownTests {
    func lines(_ topology: Topology, containing text: String) -> [String] {
        renderMarkdown(topology, documentName: "net").split(separator: "\n").map(String.init).filter { $0.contains(text) }
    }

    @Test func blockedConsumersAreNotClaimedConnected() {
        let answers = lines(DocumentCases.blockedConsumers, containing: "**Answer:**")
        #expect(answers == [
            "  - **Answer:** `10.0.1.10`, `10.0.2.10`, the network interfaces of this endpoint ✓",
            "  - **Answer:** `10.0.1.10`, `10.0.2.10`, the network interfaces of this endpoint, but the traffic does not get there: from [`vpc-0a0000000000000002`](#vpc-0a0000000000000002), a route is missing; from [`vpc-0a0000000000000003`](#vpc-0a0000000000000003), its security groups do not admit TCP 443 (see [Findings](#section-findings)) ✗",
            "  - **Answer:** `10.0.1.10`, `10.0.2.10`, the network interfaces of this endpoint, but the traffic does not get there: its security groups do not admit TCP 443 and there is no VPN path (see [Findings](#section-findings)) ✗",
        ])
    }

    @Test func findingsLinkTheirResources() {
        let rows = lines(DocumentCases.blockedConsumers, containing: "| ⚠ warning |") + lines(DocumentCases.blockedConsumers, containing: "| ℹ note |")
        #expect(rows.count == 4)
        #expect(rows.first?.hasPrefix("| ⚠ warning | [`rtb-0a0000000000000001`](#rtb-0a0000000000000001), [`vpce-0a0000000000000001`](#vpce-0a0000000000000001), [`vpc-0a0000000000000002`](#vpc-0a0000000000000002), [`pcx-0a0000000000000002`](#pcx-0a0000000000000002) | route table 'rtb-0a0000000000000001' of interface endpoint") == true)
        #expect(rows.allSatisfy { $0.hasSuffix("` |") })
    }

    @Test func aCleanNetworkSaysSo() throws {
        let topology = try #require(DocumentCases.sample("app-vpc").topology)
        #expect(lines(topology, containing: "has no advice about this network") == [
            "`vpcgraph check` has no advice about this network: endpoints, routes, security groups and DNS are as the article recommends.",
        ])
    }
}
