import Foundation
import VPCReaders
import VPCModel

/// Topologies whose names and ids are written by an attacker (anyone who can tag a resource),
/// built without validation so the diagram stage's own escaping is what is tested.
enum HostileInput {
    /// `count` VPCs in one region, each peered with the next and with the one three before it (so
    /// peering edges skip over VPCs of the same row); the title, every VPC, its first subnet and
    /// every peering named `name`; VPC ids from `vpcID`.
    static func peered(count: Int, name: String, vpcID: (Int) -> String = { String(format: "vpc-%017x", $0 + 1) }) -> Topology {
        func placeholder(_ v: Int) -> String { String(format: "vpc-%017x", v + 1) }
        var vpcs: [String] = []
        var peerings: [String] = []
        for v in 0..<count {
            vpcs.append("""
                {"id": "\(placeholder(v))", "cidr": "10.\(v).0.0/16", "subnets": [\
                {"id": "subnet-\(String(format: "%017x", v * 10 + 1))", "az": "eu-west-1a", "cidr": "10.\(v).1.0/24"}, \
                {"id": "subnet-\(String(format: "%017x", v * 10 + 2))", "az": "eu-west-1b", "cidr": "10.\(v).2.0/24"}]}
                """)
            for back in [1, 3] where v >= back {
                peerings.append("{\"id\": \"pcx-\(String(format: "%017x", v * 10 + back))\", \"vpcs\": [\"\(placeholder(v - back))\", \"\(placeholder(v))\"]}")
            }
        }
        let yaml = "{\"regions\": {\"eu-west-1\": {\"vpcs\": [\(vpcs.joined(separator: ", "))], \"peerings\": [\(peerings.joined(separator: ", "))]}}}"
        let (parsed, diagnostics) = TopologyParser.parse(yaml, file: "hostile.yaml")
        precondition(parsed != nil, diagnostics.map(\.description).joined(separator: "\n"))
        var topology = parsed!
        var ids: [String: String] = [:]
        for v in 0..<count { ids[placeholder(v)] = vpcID(v) }
        topology.title = name
        for r in topology.regions.indices {
            for v in topology.regions[r].vpcs.indices {
                topology.regions[r].vpcs[v].id = ids[topology.regions[r].vpcs[v].id]!
                topology.regions[r].vpcs[v].name = name
                topology.regions[r].vpcs[v].subnets[0].name = name
            }
            for p in topology.regions[r].peerings.indices {
                topology.regions[r].peerings[p].name = name
                topology.regions[r].peerings[p].requesterVPCID = ids[topology.regions[r].peerings[p].requesterVPCID]!
                topology.regions[r].peerings[p].accepterVPCID = ids[topology.regions[r].peerings[p].accepterVPCID]!
            }
        }
        return topology
    }

    /// Names that have broken DOT, HTML labels, XML or links somewhere.
    static let names: [String] = [
        #"x\", URL=<javascript:alert(1)>, target=<_top>]; //"#,
        #"a\"b"#, #"back\slash\"#, "\\N \\G \\E", "quote\"s", "<script>alert(1)</script>", "]]> <!-- &amp; &#0; %s %n",
        "line\nbreak\r\ttab", "bell\u{7}nul\u{0}del\u{7F}c1\u{85}", "\u{202E}rtl\u{200F} emoji 🛰️ \u{2028}sep",
        "onmouseover=\"alert(1)\" x", String(repeating: "x", count: 10_000),
        String(repeating: "e\u{301}\u{302}\u{303}", count: 3_000),
    ]
}
