import Foundation
import Pipeline
import TestSupport
import Testing
import VPCModel
@testable import CloudFormationImport

/// The networks of `samples/` written once as CloudFormation templates give the same facts as the
/// YAML samples, ids aside.
///
/// How they are compared: ids differ by construction (`subnet-0a1a…` against `subnet-PublicSubnetA`),
/// so every resource is named by its name (the `Name` tag), else by what it is, and each fact the
/// Markdown document states is listed in those words: VPC CIDRs and DNS attributes; each subnet's
/// zone, CIDR, tier and the routes it gets (local, gateway-endpoint and declared routes, through
/// whichever table it uses); endpoints with service, type, private DNS, subnets, route tables and
/// security groups; security group rules; Resolver endpoints and their IPs; peerings; transit
/// gateways and attachments; VPN connections and the on-premises CIDRs; private hosted zones, their
/// VPCs and records. Left out, because a template cannot say them (AWS decides them at deployment,
/// or they are not AWS resources): interface endpoint IPs and DNS suffixes, hosted zone ids, NAT
/// gateways' public IPs, which table is the VPC's main one (a template cannot name it: subnets are
/// associated explicitly instead, and their routes are compared), on-premises DNS servers and
/// forwarding, `reaches:`, and security group descriptions (the samples have none; CloudFormation
/// requires one).
@Suite struct SampleEquivalenceTests {
    static func facts(_ topology: Topology) -> [String] {
        var label: [String: String] = [:]
        for region in topology.regions {
            for vpc in region.vpcs {
                label[vpc.id] = vpc.name ?? "vpc"
                for s in vpc.subnets { label[s.id] = s.name ?? "subnet \(s.cidr)" }
                for t in vpc.routeTables { label[t.id] = t.name ?? "route table" }
                if let g = vpc.internetGateway { label[g.id] = "internet gateway \(g.name ?? "")" }
                if let g = vpc.vpnGateway { label[g.id] = "virtual private gateway \(g.name ?? "")" }
                for n in vpc.natGateways { label[n.id] = "nat gateway in \(label[n.subnetID] ?? "?")" }
                for g in vpc.securityGroups { label[g.id] = g.name ?? "security group" }
                for e in vpc.interfaceEndpoints { label[e.id] = "\(e.service.shortName) endpoint" }
                for e in vpc.gatewayEndpoints { label[e.id] = "\(e.service.shortName) endpoint" }
                for e in vpc.resolverEndpoints { label[e.id] = e.name ?? "resolver endpoint" }
            }
            for p in region.peerings { label[p.id] = "peering \(label[p.requesterVPCID] ?? "?")-\(label[p.accepterVPCID] ?? "?")" }
            for t in region.transitGateways { label[t.id] = "transit gateway \(t.name ?? "")" }
        }
        func name(_ id: String) -> String { label[id] ?? "?\(id)" }
        func names(_ ids: [String]) -> String { ids.map(name).sorted().joined(separator: ", ") }
        func rule(_ r: SecurityGroupRule) -> String {
            let sources = r.sources.map { source -> String in
                if case .securityGroup(let id) = source { return name(id) }
                return source.description
            }
            return "\(r.ipProtocol) \(r.range) from \(sources.joined(separator: ", ")) \(r.description ?? "")"
        }
        var facts: [String] = []
        for region in topology.regions {
            for vpc in region.vpcs {
                let v = name(vpc.id)
                facts.append("vpc \(v) in \(region.name): \(vpc.cidrs.map(\.description).joined(separator: ", ")) dns \(vpc.dnsSupport)/\(vpc.dnsHostnames)")
                for s in vpc.subnets {
                    let routes = vpc.routeTable(for: s).map(vpc.effectiveRoutes)?.map { "\($0.destination) → \($0.target.kind == .local ? "local" : name($0.target.id))" } ?? []
                    facts.append("subnet \(v)/\(name(s.id)): \(s.availabilityZone) \(s.cidr) \(vpc.tier(of: s)) routes [\(routes.sorted().joined(separator: "; "))]")
                }
                for n in vpc.natGateways { facts.append("\(name(n.id)): \(n.connectivity) \(n.privateIP?.description ?? "")") }
                for g in vpc.securityGroups {
                    facts.append("security group \(v)/\(name(g.id)): in [\(g.ingress.map(rule).joined(separator: "; "))] out [\(g.egress.map(rule).joined(separator: "; "))]")
                }
                for e in vpc.interfaceEndpoints {
                    let subnets = e.interfaces.map(\.subnetID) + e.unknownIPSubnetIDs
                    facts.append("interface endpoint \(v)/\(e.service): private dns \(e.privateDNS) subnets [\(names(subnets))] groups [\(names(e.securityGroupIDs))] policy \(e.policy ?? "default")")
                }
                for e in vpc.gatewayEndpoints { facts.append("gateway endpoint \(v)/\(e.service): tables [\(names(e.routeTableIDs))]") }
                for e in vpc.resolverEndpoints {
                    facts.append("resolver endpoint \(v)/\(name(e.id)): \(e.direction) groups [\(names(e.securityGroupIDs))] ips [\(e.ipAddresses.map { "\(name($0.subnetID)) \($0.ip)" }.sorted().joined(separator: ", "))]")
                }
            }
            for p in region.peerings { facts.append(name(p.id)) }
            for t in region.transitGateways {
                let attachments = t.attachments.map { a -> String in
                    if case .vpc(let id, let subnets) = a.resource { return "\(name(id)) [\(names(subnets))]" }
                    return "\(a.resource)"
                }
                facts.append("\(name(t.id)) asn \(t.asn.map(String.init) ?? "-"): \(attachments.sorted().joined(separator: "; "))")
            }
            for c in region.vpnConnections {
                let cidrs = topology.onPremises.first { $0.id == c.onPremisesID }?.cidrs.map(\.description) ?? []
                facts.append("vpn \(c.name ?? "") via \(name(c.gateway.id)) to [\(cidrs.joined(separator: ", "))]")
            }
            for z in region.privateHostedZones {
                let records = z.records.map { r -> String in
                    if case .endpointAlias(let id) = r.value { return "\(r.name) \(r.type) alias \(name(id))" }
                    return "\(r.name) \(r.type) \(r.value)"
                }
                facts.append("zone \(z.name): vpcs [\(names(z.vpcIDs))] records [\(records.joined(separator: "; "))]")
            }
        }
        return facts.sorted()
    }

    static func cloudFormation(_ files: [String]) throws -> Topology {
        var merged = Topology()
        for file in files {
            let (topology, diagnostics) = Fixtures.load(file)
            #expect(!diagnostics.contains { $0.contains(": error: ") }, "\(diagnostics)")
            let t = try #require(topology)
            merged.regions += t.regions
            merged.onPremises += t.onPremises
        }
        return merged
    }

    @Test(arguments: [("app-vpc", ["app-vpc.yaml"]), ("shared-services", ["shared-services.yaml"]),
                      ("multi-region", ["multi-region-eu-west-1.yaml", "multi-region-eu-central-1.yaml"])])
    func sampleAsCloudFormation(sample: String, templates: [String]) throws {
        let (yaml, diagnostics) = Pipeline.load(path: Paths.samples.appendingPathComponent("\(sample).yaml").path)
        #expect(!diagnostics.contains { $0.severity == .error })
        // app-vpc names no zone (`!GetAZs`): read for eu-west-1, as `--region eu-west-1` does.
        let template = sample == "app-vpc"
            ? try #require(Fixtures.load("app-vpc.yaml", CloudFormationOptions(region: "eu-west-1")).topology)
            : try Self.cloudFormation(templates)
        let expected = Self.facts(try #require(yaml)), actual = Self.facts(template)
        #expect(actual == expected, "\(Golden.unifiedDiff(expected.joined(separator: "\n") + "\n", actual.joined(separator: "\n") + "\n"))")
        #expect(expected.count > 5)
        if ProcessInfo.processInfo.environment["PRINT_FACTS"] == "1" { print(actual.joined(separator: "\n")) }
    }
}
