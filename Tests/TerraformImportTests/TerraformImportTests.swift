import Foundation
import Pipeline
import TestSupport
import Testing
import VPCModel
import VPCReaders
@testable import TerraformImport

enum TF {
    static let fixtures = Paths.repository.appendingPathComponent("Tests/TerraformImportTests/Fixtures/terraform")
    static let samples = ["app-vpc", "shared-services", "multi-region"]
    static let documents = ["plan.json", "state.json", "terraform.tfstate"]
    /// Every document written by Terraform (plan) or by Terraform against moto (state, raw state). moto
    /// cannot associate VPCs with a private hosted zone (it calls the zone public), so the shared-services
    /// sample has a plan only.
    static let generated: [String] = (samples + ["modules", "vpc-module", "vpc-hand", "prefix-lists"]).flatMap { c in documents.map { "\(c)/\($0)" } }
        .filter { !$0.hasPrefix("shared-services/") || $0.hasSuffix("plan.json") }

    static func path(_ relative: String) -> String { fixtures.appendingPathComponent(relative).path }

    /// Imports with the file named relative to the fixtures, as diagnostics show it.
    static func load(_ relative: String) -> (topology: Topology?, diagnostics: [Diagnostic]) {
        let bytes = Array(FileManager.default.contents(atPath: path(relative)) ?? Data())
        let result = importTerraform(bytes: bytes, file: relative)
        if result.hasErrors { return (nil, result.diagnostics) }
        return (result.topology, result.diagnostics + result.topology.validate())
    }

    static func check(_ actual: String, golden relative: String) {
        if let problem = Golden.mismatch(actual, file: fixtures.appendingPathComponent(relative)) { Issue.record(Comment(rawValue: problem)) }
    }
}

/// Each fixture: the topology YAML it imports to, and its DOT, SVG and Markdown, as golden files.
@Suite struct TerraformGoldenTests {
    @Test(arguments: TF.generated)
    func importsCleanAndMatchesGoldenYAMLAndRenders(_ relative: String) throws {
        let (topology, diagnostics) = TF.load(relative)
        #expect(diagnostics.filter { $0.severity != .note }.map(\.description) == [])
        let t = try #require(topology)
        TF.check(TopologyWriter.write(t), golden: relative + ".yaml")
        let name = relative.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: ".", with: "-")
        let rendering = Pipeline(formats: [.dot, .svg, .md]).render(t, name: name)
        #expect(rendering.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        #expect(rendering.files.count >= 3)
        for file in rendering.files {
            TF.check(file.contents, golden: "rendered/\(file.fileName)")
        }
    }

    /// The YAML export reads back as the same topology (addresses as ids included).
    @Test(arguments: TF.generated)
    func exportReadsBackUnchanged(_ relative: String) throws {
        let t = try #require(TF.load(relative).topology)
        let yaml = TopologyWriter.write(t)
        let (again, diagnostics) = TopologyParser.parse(yaml, file: "export.yaml")
        #expect(diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        #expect(TopologyWriter.write(try #require(again)) == yaml)
    }
}

/// The sample networks written as Terraform, applied (state) and planned, document the same network as
/// the YAML samples. Compared as facts with every id replaced by the resource's name: AWS picks ids
/// (and a plan has only addresses), and AWS also picks what the facts leave out — public IPs, the
/// random part of endpoint DNS names. Also left out: what Terraform cannot say about the far end of a
/// VPN (the on-premises network's name, CIDRs, DNS servers and forwarding) and `reaches`.
@Suite struct TerraformSampleFactsTests {
    static let cases: [(String, String)] = TF.generated.filter { path in TF.samples.contains { path.hasPrefix($0 + "/") } }.map { path in
        let parts = path.split(separator: "/")
        return (String(parts[0]), String(parts[1]))
    }

    @Test(arguments: cases)
    func sameFactsAsTheYAMLSample(_ sample: String, _ document: String) throws {
        let yaml = try String(contentsOf: Paths.samples.appendingPathComponent("\(sample).yaml"), encoding: .utf8)
        let expected = try #require(TopologyParser.parse(yaml, file: "\(sample).yaml").topology)
        let actual = try #require(TF.load("\(sample)/\(document)").topology)
        let (a, b) = (Facts.of(expected), Facts.of(actual))
        #expect(a == b, "\(Golden.unifiedDiff(a.joined(separator: "\n") + "\n", b.joined(separator: "\n") + "\n"))")
    }
}

/// The facts of a topology with names for ids, sorted.
enum Facts {
    static func of(_ t: Topology) -> [String] {
        var names: [String: String] = [:]
        for (_, v) in t.allVPCs {
            names[v.id] = v.name ?? "?"
            for s in v.subnets { names[s.id] = s.name ?? "?" }
            for r in v.routeTables { names[r.id] = r.name ?? (r.isMain ? "(main)" : "?") }
            for n in v.natGateways { names[n.id] = n.name ?? "nat in \(v.subnet(n.subnetID)?.name ?? "?")" }
            for g in v.securityGroups { names[g.id] = g.name ?? "?" }
            for e in v.interfaceEndpoints { names[e.id] = e.name ?? e.service.shortName }
            for e in v.gatewayEndpoints { names[e.id] = e.name ?? e.service.shortName }
            for e in v.resolverEndpoints { names[e.id] = e.name ?? "?" }
            if let g = v.internetGateway { names[g.id] = "igw of \(v.name ?? "?")" }
            if let g = v.vpnGateway { names[g.id] = g.name ?? "?" }
        }
        for r in t.regions {
            for p in r.peerings { names[p.id] = "peering \(names[p.requesterVPCID] ?? "?")-\(names[p.accepterVPCID] ?? "?")" }
            for g in r.transitGateways { names[g.id] = g.name ?? "?" }
        }
        func n(_ id: String) -> String { names[id] ?? (id == "local" ? "local" : "?\(id)") }
        var facts: [String] = []
        for r in t.regions {
            for v in r.vpcs {
                let p = "\(r.name) vpc \(n(v.id))"
                facts.append("\(p) cidrs \(v.cidrs) dns \(v.dnsSupport)/\(v.dnsHostnames) igw \(v.internetGateway != nil) vgw \(v.vpnGateway.map { n($0.id) } ?? "-")")
                for s in v.subnets {
                    facts.append("\(p) subnet \(n(s.id)) \(s.availabilityZone) \(s.cidr) \(v.tier(of: s)) table \(v.routeTable(for: s).map { n($0.id) } ?? "-")")
                }
                for table in v.routeTables {
                    // A prefix list id is AWS's (moto's differ).
                    let routes = v.effectiveRoutes(of: table).map { route in
                        if case .prefixList = route.destination { "prefix list→\(n(route.target.id))" } else { "\(route.destination)→\(n(route.target.id))" }
                    }.sorted()
                    facts.append("\(p) table \(n(table.id)) main \(table.isMain) routes \(routes)")
                }
                for g in v.natGateways { facts.append("\(p) nat \(n(g.id)) in \(n(g.subnetID)) \(g.connectivity) \(g.privateIP.map(\.description) ?? "-")") }
                for g in v.securityGroups {
                    let rules = g.ingress.map { "\($0.ipProtocol) \($0.range) \($0.sources.map { s in if case .securityGroup(let id) = s { n(id) } else { s.description } })" }.sorted()
                    facts.append("\(p) sg \(n(g.id)) ingress \(rules)")
                }
                for e in v.interfaceEndpoints {
                    let ips = e.interfaces.map { "\(n($0.subnetID)) \($0.ip)" }.sorted()
                    facts.append("\(p) interface endpoint \(n(e.id)) \(e.service) private dns \(e.privateDNS) sgs \(e.securityGroupIDs.map(n).sorted()) ips \(ips) policy \(e.policy != nil)")
                }
                for e in v.gatewayEndpoints { facts.append("\(p) gateway endpoint \(n(e.id)) \(e.service) tables \(e.routeTableIDs.map(n).sorted())") }
                for e in v.resolverEndpoints {
                    facts.append("\(p) resolver endpoint \(n(e.id)) \(e.direction) sgs \(e.securityGroupIDs.map(n)) ips \(e.ipAddresses.map { "\(n($0.subnetID)) \($0.ip)" }.sorted())")
                }
            }
            for peering in r.peerings { facts.append("\(r.name) \(n(peering.id))") }
            for g in r.transitGateways {
                let attachments = g.attachments.map { a -> String in
                    if case .vpc(let id, let subnets) = a.resource { return "\(n(id)) \(subnets.map(n).sorted())" } else { return "other" }
                }
                facts.append("\(r.name) tgw \(n(g.id)) asn \(g.asn.map(String.init) ?? "-") \(attachments)")
            }
            for c in r.vpnConnections { facts.append("\(r.name) vpn \(c.name ?? "?") via \(n(c.gateway.id))") }
            for z in r.privateHostedZones {
                let records = z.records.map { rec in
                    if case .endpointAlias(let id) = rec.value { "\(rec.name) \(rec.type) alias \(n(id))" } else { "\(rec.name) \(rec.type) \(rec.value)" }
                }
                let alias = z.records.isEmpty ? "" : " \(records.sorted())"
                facts.append("\(r.name) zone \(z.name) vpcs \(z.vpcIDs.map(n).sorted())\(alias)")
            }
        }
        return facts.sorted()
    }
}
