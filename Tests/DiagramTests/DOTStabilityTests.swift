import Diagram
import Foundation
import TestSupport
import Testing
import VPCModel

@Suite struct DOTStabilityTests {
    /// Adding a subnet to a VPC changes only lines about that subnet: every added line names it (or
    /// is blank or a closing brace), and no line is removed.
    @Test func addingASubnetChangesOnlyItsLines() throws {
        let url = Paths.samples.appendingPathComponent("app-vpc.yaml")
        var topology = try SampleRendering.load(url)
        let before = DOTWriter.write(buildDiagram(topology, name: "app-vpc"))
        let newID = "subnet-0e1a2b3c4d5e6f705"
        topology.regions[0].vpcs[0].subnets.append(
            Subnet(id: newID, name: "data-b", availabilityZone: "eu-west-1b", cidr: CIDR("10.0.21.0/24")!, routeTableID: "rtb-0c1a2b3c4d5e6f703"))
        let after = DOTWriter.write(buildDiagram(topology, name: "app-vpc"))

        let diff = Golden.unifiedDiff(before, after).split(separator: "\n").dropFirst(2)
        let removed = diff.filter { $0.hasPrefix("-") }
        let added = diff.filter { $0.hasPrefix("+") }.map { $0.dropFirst() }
        #expect(removed.isEmpty, "removed lines: \(removed)")
        #expect(added.count >= 3)
        for line in added {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            #expect(trimmed.isEmpty || trimmed == "}" || line.contains(newID), "unrelated line changed: \(line)")
        }
    }

    @Test func nodeAndClusterNamesComeFromAWSIds() throws {
        let dot = DOTWriter.write(buildDiagram(try SampleRendering.load(Paths.samples.appendingPathComponent("app-vpc.yaml")), name: "x"))
        #expect(dot.contains("subgraph \"cluster_vpc_vpc-0a1b2c3d4e5f60718\""))
        #expect(dot.contains("\"subnet-0c1a2b3c4d5e6f703\" ["))
        #expect(dot.contains("subgraph \"cluster_az_vpc-0a1b2c3d4e5f60718_eu-west-1a\""))
        #expect(dot.contains("\"vpce-0a1b2c3d4e5f60103\" ["))
        #expect(!dot.contains("\"node"), "no counter-based names")
    }

    @Test func quotingKeepsDOTValid() {
        #expect(DOTWriter.quote("a\"b") == "\"a\\\"b\"")
        #expect(DOTWriter.quote("line\nbreak") == "\"line\\nbreak\"")
    }
}
