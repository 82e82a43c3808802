import AWSCollect
import AWSImport
import Foundation
import TestSupport
import Testing
import VPCModel
import VPCReaders

/// The whole path against a real AWS API server on loopback: build a two-region network in moto
/// with boto3, collect it with `vpcgraph collect` and the real AWS CLI, import it, check the model
/// against what the server says, then render. The server is stopped whatever happens.
@Suite(.serialized) struct MotoCollectTests {
    @Test func collectsImportsAndRendersATwoRegionNetwork() async throws {
        try await withMotoServer { server in
            let env = server.environment()
            let built = try Tools.run("python3", [Tools.repositoryRoot + "/scripts/moto-network.py", server.endpoint], environment: env)
            try #require(built.status == 0, "moto-network.py failed: \(built.stderr)")
            var parser = JSONParser(Array(built.stdout.utf8), redactedKeys: [])
            let m = Manifest(try parser.parse())

            let work = try Tools.temporaryFolder()
            defer { try? FileManager.default.removeItem(atPath: work) }
            let snapshot = work + "/snapshot"
            let collected = try Run.vpcgraph(["collect", "--region", "eu-west-1", "--region", "us-east-1", "-o", snapshot], environment: env)
            try #require(collected.status == 0, "collect failed: \(collected.stderr)")
            #expect(collected.stderr.contains("collect: [1/") && collected.stderr.hasSuffix("wrote \(snapshot)\n"))

            // The raw moto snapshot imports with two warnings: it lists the NAT gateway the setup deleted
            // (left out, named), and keeps the route to it active (kept and flagged; AWS would say blackhole).
            let result = importAWSSnapshot(at: snapshot, displayPath: "snapshot")
            #expect(result.diagnostics.map { "\($0.severity == .warning) \($0.rule ?? "")" } == ["true aws-gone", "true aws-target-going"],
                    "\(result.diagnostics.map(\.description))")
            checkModel(result.topology, m, motoRaw: true)

            // What the model's own rules say of moto's fakes (see MotoQuirks): nothing else.
            let rules = Set(result.topology.validate().filter { $0.severity == .error }.compactMap(\.rule))
            #expect(rules.isSubset(of: ["eni-ip-outside-subnet", "ip-outside-subnet", "unknown-reference"]))

            // Lossless through the project's YAML.
            let yaml = TopologyWriter.write(result.topology)
            let (parsed, parseDiagnostics) = TopologyParser.parse(yaml, file: "topology.yaml")
            #expect(parseDiagnostics.isEmpty && parsed == result.topology)

            // With moto's fakes corrected to what AWS would say, the CLI checks, imports and renders it.
            try MotoQuirks.correct(snapshot: snapshot)
            let corrected = importAWSSnapshot(at: snapshot)
            checkModel(corrected.topology, m, motoRaw: false)
            let check = try Run.vpcgraph(["check", "--from", "aws", snapshot])
            // The deleted NAT gateway is left out, and the route to it is the blackhole the advice names.
            #expect(check.status == 0 && check.stderr.split(separator: "\n").map {
                $0.hasSuffix("is deleted; left out [aws-gone]") ? "gone" : $0.hasSuffix("is dropped [blackhole-route]") ? "blackhole" : String($0)
            } == ["gone", "blackhole"], "\(check.stderr)")
            let rendered = try Run.vpcgraph(["render", "--from", "aws", snapshot, "-o", work + "/out"])
            #expect(rendered.status == 0, "\(rendered.stderr)")
            let imported = try Run.vpcgraph(["import", "aws", snapshot, "-o", work + "/yaml/snapshot.yaml"], currentDirectory: nil)
            #expect(imported.status == 1, "the yaml folder does not exist yet")
            try FileManager.default.createDirectory(atPath: work + "/yaml", withIntermediateDirectories: true)
            let importedAgain = try Run.vpcgraph(["import", "aws", snapshot, "-o", work + "/yaml/snapshot.yaml"])
            #expect(importedAgain.status == 0, "\(importedAgain.stderr)")
            let fromYAML = try Run.vpcgraph(["render", work + "/yaml/snapshot.yaml", "-o", work + "/out-yaml"])
            #expect(fromYAML.status == 0, "\(fromYAML.stderr)")
            // Drawing the snapshot and drawing its imported YAML give the same diagram.
            let dot = try Fixture.read(work + "/out/snapshot.dot")
            #expect(dot == (try Fixture.read(work + "/out-yaml/snapshot.dot")))
            #expect(dot.contains(m.string("interface_endpoint")))

            // No secret moto generated reaches a file vpcgraph wrote.
            let secrets = m.secretMarkers
            #expect(!secrets.isEmpty)
            for file in try FileManager.default.subpathsOfDirectory(atPath: work) where !file.hasSuffix("/") {
                guard let text = try? Fixture.read(work + "/" + file) else { continue }
                for secret in secrets { #expect(!text.contains(secret), "\(file) holds a secret") }
            }
        }
    }

    func checkModel(_ t: Topology, _ m: Manifest, motoRaw: Bool) {
        #expect(t.regions.map(\.name) == ["eu-west-1", "us-east-1"])
        let eu = t.region("eu-west-1"), us = t.region("us-east-1")
        let app = t.vpc(m.vpc("app")), shared = t.vpc(m.vpc("shared")), consumer = t.vpc(m.vpc("consumer"))
        #expect(eu?.vpcs.contains { $0.id == m.vpc("app") } == true && eu?.vpcs.contains { $0.id == m.vpc("shared") } == true)
        #expect(us?.vpcs.contains { $0.id == m.vpc("consumer") } == true)
        #expect(app?.name == "app" && shared?.name == "shared-services" && consumer?.name == "consumer")
        #expect(app?.cidrs == [CIDR("10.0.0.0/16")!] && app?.dnsHostnames == true && shared?.dnsHostnames == true && consumer?.dnsHostnames == false)
        guard let app, let shared, let consumer else { return }

        // Every subnet, in its VPC, with its name, zone and route table.
        for (name, vpc) in [("app-public-a", app), ("app-public-b", app), ("app-private-a", app), ("app-private-b", app),
                            ("shared-a", shared), ("shared-b", shared), ("consumer-a", consumer)] {
            let subnet = vpc.subnet(m.subnet(name))
            #expect(subnet?.name == name)
            #expect(subnet?.availabilityZone.hasPrefix(name == "consumer-a" ? "us-east-1" : "eu-west-1") == true)
        }
        let publicTable = m.string("route_tables", "public"), privateTable = m.string("route_tables", "private")
        #expect(app.subnet(m.subnet("app-public-a"))?.routeTableID == publicTable)
        #expect(app.subnet(m.subnet("app-private-b"))?.routeTableID == privateTable)
        #expect(shared.subnet(m.subnet("shared-a"))?.routeTableID == nil && shared.mainRouteTable != nil)
        #expect(app.subnets.filter { app.isPublic($0) }.map(\.name) == ["app-public-a", "app-public-b"])

        // Routes: the internet, the NAT gateway, the peering, and the one to a deleted NAT gateway.
        let routes = app.routeTables.first { $0.id == privateTable }.map { app.effectiveRoutes(of: $0) } ?? []
        let described = routes.map { "\($0.destination) → \($0.target) \($0.state)" }
        #expect(described.contains("0.0.0.0/0 → \(m.string("nat")) active"))
        #expect(described.contains("10.1.0.0/16 → \(m.string("peerings", "app")) active"))
        #expect(described.contains("192.168.0.0/16 → \(m.string("blackhole_nat")) \(motoRaw ? "active" : "blackhole")"))
        #expect(app.routeTables.first { $0.id == publicTable }?.routes.map { "\($0.destination) → \($0.target)" } == ["0.0.0.0/0 → \(m.string("igw"))"])
        #expect(app.internetGateway?.id == m.string("igw") && app.natGateways.map(\.id) == [m.string("nat")])

        // Endpoints: the interface endpoint's IPs are the network interfaces' ones.
        let endpoint = app.interfaceEndpoints.first { $0.id == m.string("interface_endpoint") }
        #expect(endpoint?.name == "execute-api" && endpoint?.securityGroupIDs == [m.string("security_group")])
        let ips = Dictionary(uniqueKeysWithValues: (endpoint?.interfaces ?? []).map { ($0.subnetID, $0.ip.description) })
        #expect(Set(ips.keys) == [m.subnet("app-private-a"), m.subnet("app-private-b")])
        if motoRaw { #expect(ips == m.dictionary("interface_endpoint_ips")) }
        for interface in endpoint?.interfaces ?? [] where !motoRaw {
            #expect(app.subnet(interface.subnetID)?.cidr.contains(interface.ip) == true)
        }
        let gateway = app.gatewayEndpoints.first
        #expect(gateway?.id == m.string("gateway_endpoint") && gateway?.routeTableIDs == [privateTable] && gateway?.prefixListID != nil)
        #expect(routes.contains { $0.target.id == m.string("gateway_endpoint") && $0.destination == .prefixList(gateway?.prefixListID ?? "") })
        #expect(consumer.gatewayEndpoints.map(\.id) == [m.string("consumer_gateway_endpoint")])
        #expect(consumer.gatewayEndpoints.first?.service.fullName == "com.amazonaws.us-east-1.dynamodb")

        // Peerings (one cross-region), transit gateway, VPN, Resolver, private zone.
        #expect(eu?.peerings.map(\.id).sorted() == [m.string("peerings", "app"), m.string("peerings", "consumer")].sorted())
        #expect(eu?.peerings.first { $0.id == m.string("peerings", "consumer") }?.vpcIDs == [m.vpc("shared"), m.vpc("consumer")])
        let tgw = eu?.transitGateways.first
        #expect(tgw?.id == m.string("transit_gateway") && tgw?.name == "hub" && tgw?.asn == 64512)
        #expect(tgw?.attachments.map(\.resource).contains(.vpc(id: m.vpc("app"), subnetIDs: [m.subnet("app-private-a"), m.subnet("app-private-b")])) == true)
        #expect(tgw?.attachments.count == 2)
        // Its route table (describe-transit-gateway-route-tables, search-transit-gateway-routes, associations, propagations).
        let appAttachment = m.string("transit_gateway_attachments", m.vpc("app")), sharedAttachment = m.string("transit_gateway_attachments", m.vpc("shared"))
        let spokes = tgw?.routeTables.first { $0.id == m.string("transit_gateway_route_table") }
        #expect(spokes?.name == "spokes" && spokes?.associations == [appAttachment] && spokes?.propagations == [sharedAttachment])
        // The static route to the shared VPC's attachment. moto 5.2 keeps that attachment as a bare structure where EC2's
        // XML has a list of items, so the AWS CLI prints `"TransitGatewayAttachments": []`: the attachment is not in the
        // output at all (the importer reads a list and a single object alike; SnapshotRuleTests checks both shapes).
        // With a moto that serialises it, the attachment must be the shared VPC's.
        let staticRoute = spokes?.routes.first { $0.destination == .cidr(CIDR("10.1.0.0/16")!) }
        #expect(staticRoute?.kind == .static && staticRoute?.state == .active)
        #expect(staticRoute?.attachmentIDs == [sharedAttachment] || staticRoute?.attachmentIDs == [], "\(String(describing: staticRoute))")
        // Network ACLs (moto's default one per VPC, with every subnet), DHCP options, the egress-only IGW, the prefix list's entries.
        #expect(app.networkACLs.first { $0.isDefault }?.subnetIDs.count == 4)
        #expect(app.networkACLs.first { $0.isDefault }?.ingress.map { "\($0.ruleText) \($0.action)" }.last == "* deny")
        #expect(app.dhcpOptions != nil)
        #expect(app.egressOnlyInternetGateway?.id == m.string("egress_only_internet_gateway"))
        let offices = eu?.prefixLists.first { $0.id == m.string("prefix_list") }
        #expect(offices?.name == "offices" && offices?.entries.map { "\($0.cidr) \($0.description ?? "")" } == ["198.51.100.0/24 Berlin"])
        #expect(shared.vpnGateway?.id == m.string("vpn_gateway"))
        #expect(eu?.vpnConnections.map(\.id) == [m.string("vpn_connection")])
        #expect(t.onPremises.map { "\($0.id) \($0.name ?? "")" } == ["\(m.string("customer_gateway")) datacenter"])
        let inbound = shared.resolverEndpoints.first { $0.id == m.string("resolver_endpoint") }
        #expect(inbound?.direction == .inbound && inbound?.ipAddresses.map(\.ip.description) == ["10.1.0.53", "10.1.1.53"])
        #expect(shared.resolverEndpoints.first { $0.id == m.string("resolver_outbound_endpoint") }?.direction == .outbound)
        #expect(eu?.resolverRules.map { "\($0.id) \($0.domain) \($0.targetIPs) \($0.vpcIDs)" } ==
                ["\(m.string("resolver_rule")) corp.example.com [172.16.0.53] \([m.vpc("app"), m.vpc("shared")].sorted())"])
        let zone = eu?.privateHostedZones.first
        let zoneID = motoRaw ? m.string("hosted_zone") : MotoQuirks.zoneID(m.string("hosted_zone"))
        #expect(zone?.zoneID == zoneID && zone?.name == "internal.example.com")
        #expect(zone?.vpcIDs == [m.vpc("app"), m.vpc("shared")])
        #expect(zone?.records.map { "\($0.name) \($0.type) \($0.value)" } == ["db.internal.example.com A 10.0.10.20"])
    }
}

/// What moto-network.py printed: the ids moto generated.
struct Manifest {
    let value: JSONValue
    init(_ value: JSONValue) { self.value = value }

    func string(_ keys: String...) -> String {
        var v: JSONValue? = value
        for k in keys { v = v?[k] }
        if case .string(let s)? = v { return s }
        return "<missing \(keys.joined(separator: "."))>"
    }

    func vpc(_ name: String) -> String { string("vpcs", name) }
    func subnet(_ name: String) -> String { string("subnets", name) }

    func dictionary(_ key: String) -> [String: String] {
        guard case .object(let members)? = value[key] else { return [:] }
        return Dictionary(uniqueKeysWithValues: members.compactMap { m in if case .string(let s) = m.value { (m.key, s) } else { nil } })
    }

    /// Distinctive parts of the secrets moto generated (its device configuration's pre-shared keys).
    var secretMarkers: [String] {
        guard case .array(let items)? = value["secrets"] else { return [] }
        var markers: [String] = []
        for case .string(let text) in items {
            for part in text.components(separatedBy: "<pre_shared_key>").dropFirst() {
                if let key = part.components(separatedBy: "</pre_shared_key>").first, !key.isEmpty { markers.append(key) }
            }
            if !text.contains("<pre_shared_key>") { markers.append(text) }
        }
        return markers
    }
}
