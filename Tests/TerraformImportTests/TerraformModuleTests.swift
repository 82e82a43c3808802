import Foundation
import TestSupport
import Testing
import VPCModel
import VPCReaders
@testable import TerraformImport

/// terraform-aws-modules/vpc and its vpc-endpoints submodule (vpc-module: stand-ins with the module's
/// resources at the module's addresses, planned and applied by a real Terraform) give the same network
/// as the same thing written as plain resources (vpc-hand): the same facts with names for ids, in the
/// state, the raw state and the plan. Besides the sample facts: network ACLs, security group egress,
/// every endpoint's subnets (with or without a known IP), and the default security group.
@Suite struct TerraformModuleTests {
    @Test(arguments: TF.documents)
    func moduleGivesTheSameNetworkAsHandWrittenResources(_ document: String) throws {
        let module = try #require(TF.load("vpc-module/\(document)").topology)
        let hand = try #require(TF.load("vpc-hand/\(document)").topology)
        let (a, b) = (Self.facts(hand), Self.facts(module))
        #expect(a.count > 25)
        #expect(a == b, "\(Golden.unifiedDiff(a.joined(separator: "\n") + "\n", b.joined(separator: "\n") + "\n"))")
    }

    /// The module's addresses are the ids of a plan; the for_each keys of the endpoints included.
    @Test func planIDsAreTheModuleAddresses() throws {
        let t = try #require(TF.load("vpc-module/plan.json").topology)
        let v = try #require(t.allVPCs.first?.vpc)
        #expect(v.id == "module.vpc.aws_vpc.this[0]")
        #expect(v.subnets.map(\.id).contains("module.vpc.aws_subnet.private[0]"))
        #expect(v.routeTables.first { $0.isMain }?.name == "app-default")
        #expect(v.networkACLs.map(\.id) == ["module.vpc.aws_default_network_acl.this[0]"])
        #expect(v.securityGroups.map(\.id).sorted() == ["module.endpoints.aws_security_group.this[0]", "module.vpc.aws_default_security_group.this[0]"])
        #expect(v.gatewayEndpoints.map(\.id) == ["module.endpoints.aws_vpc_endpoint.this[\"s3\"]"])
        #expect(v.gatewayEndpoints.first?.routeTableIDs == (0..<3).map { "module.vpc.aws_route_table.private[\($0)]" })
        #expect(v.interfaceEndpoints.map(\.unknownIPSubnetIDs) == Array(repeating: (0..<3).map { "module.vpc.aws_subnet.private[\($0)]" }, count: 2))
        let private0 = try #require(v.routeTables.first { $0.id == "module.vpc.aws_route_table.private[0]" })
        #expect(private0.routes.map(\.target.id) == ["module.vpc.aws_nat_gateway.this[0]"])
    }

    /// The database subnet group (and, in a state, the endpoints' service data sources) are counted in the one note.
    @Test func subnetGroupsAreInTheOneSummaryNote() {
        #expect(TF.load("vpc-module/state.json").diagnostics.map(\.description)
                == ["vpc-module/state.json: note: ignored 3 data sources and 1 resource of types vpcgraph does not draw: aws_db_subnet_group (1)"])
    }

    /// Entries of one for_each naming different resources of the wanted type: not a guess, an error.
    @Test func forEachEntriesNamingDifferentResourcesAreUnresolved() throws {
        let path = TF.path("vpc-module/plan.json")
        var text = try String(contentsOfFile: path, encoding: .utf8)
        // The ssm entry's subnets become the database subnets: the map now names two subnet resources.
        let needle = "\"module.vpc.private_subnets\",\n                \"module.vpc\",\n                \"module.vpc.private_subnets\""
        #expect(text.contains(needle))
        text = text.replacingOccurrences(of: needle, with: "\"module.vpc.private_subnets\",\n                \"module.vpc\",\n                \"module.vpc.database_subnets\"")
        let result = importTerraform(bytes: Array(text.utf8), file: "plan.json")
        let errors = result.diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(errors.count == 2)
        #expect(errors.allSatisfy { $0.contains("subnet_ids is known only after apply and comes from entries of a for_each that refer to 2 different resources; vpcgraph cannot tell which [tf-unresolved-reference]") })
    }

    static func facts(_ t: Topology) -> [String] {
        var facts = Facts.of(t)
        var names: [String: String] = [:]
        for (_, v) in t.allVPCs {
            for s in v.subnets { names[s.id] = s.name ?? "?" }
            for g in v.securityGroups { names[g.id] = g.name ?? "?" }
        }
        func n(_ id: String) -> String { names[id] ?? "?\(id)" }
        for (region, v) in t.allVPCs {
            let p = "\(region.name) vpc \(v.name ?? "?")"
            for acl in v.networkACLs {
                let rules = (acl.ingress.map { "in \($0.ruleText) \($0.action) \($0.ipProtocol) \($0.range) \($0.cidr)" }
                    + acl.egress.map { "out \($0.ruleText) \($0.action) \($0.ipProtocol) \($0.range) \($0.cidr)" })
                facts.append("\(p) acl \(acl.name ?? "?") default \(acl.isDefault) subnets \(acl.subnetIDs.map(n).sorted()) \(rules)")
            }
            for g in v.securityGroups {
                facts.append("\(p) sg \(n(g.id)) egress \(g.egress.map { "\($0.ipProtocol) \($0.range) \($0.sources.map(\.description))" }.sorted())")
            }
            for e in v.interfaceEndpoints {
                facts.append("\(p) interface endpoint \(e.name ?? "?") subnets \((e.interfaces.map(\.subnetID) + e.unknownIPSubnetIDs).map(n).sorted())")
            }
        }
        return facts.sorted()
    }
}

/// Customer-managed prefix lists (entry blocks, and aws_ec2_managed_prefix_list_entry) become the
/// model's prefix lists; routes and rules that name one name its model id (its address in a plan).
@Suite struct TerraformPrefixListTests {
    @Test(arguments: TF.documents)
    func prefixListsAndWhatUsesThem(_ document: String) throws {
        let t = try #require(TF.load("prefix-lists/\(document)").topology)
        let lists = try #require(t.regions.first?.prefixLists)
        #expect(lists.map(\.name) == ["corp", "partners"])
        #expect(lists.map { $0.entries.map(\.cidr.description) } == [["172.16.0.0/16", "172.17.0.0/16"], ["192.0.2.0/24"]])
        #expect(lists[0].entries.map(\.description) == ["head office", "branch offices"])
        #expect(lists.map(\.maxEntries) == [5, 2])
        if document == "plan.json" { #expect(lists.map(\.id) == ["aws_ec2_managed_prefix_list.corp", "aws_ec2_managed_prefix_list.partners"]) }
        else { #expect(lists.allSatisfy { $0.id.hasPrefix("pl-") }) }
        let v = try #require(t.allVPCs.first?.vpc)
        let table = try #require(v.routeTables.first { $0.name == "app" })
        #expect(table.routes.map(\.destination) == [.prefixList(lists[0].id)])
        let group = try #require(v.securityGroups.first)
        #expect(group.ingress.map(\.sources) == [[.prefixList(lists[0].id)], [.prefixList(lists[1].id)]])
    }

    @Test func anEntryThatIsNotACIDRIsAnError() throws {
        var text = try String(contentsOfFile: TF.path("prefix-lists/state.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\"cidr\": \"192.0.2.0/24\"", with: "\"cidr\": \"192.0.2.0/33\"")
        let result = importTerraform(bytes: Array(text.utf8), file: "state.json")
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.description).allSatisfy { $0.hasSuffix("prefix list entry '192.0.2.0/33' is not a CIDR [tf-invalid-value]") })
        #expect(result.hasErrors)
    }
}

/// What the module does with optional parts and network ACLs, in small documents.
@Suite struct TerraformModulePartsTests {
    /// A subnet one dedicated ACL names is not also the default ACL's (the module gives the default
    /// "every subnet minus the dedicated ACLs'").
    @Test func aSubnetOfADedicatedACLLeavesTheDefaultACL() throws {
        let document = TerraformRuleTests.state([
            ("aws_vpc", "main", #"{"id": "vpc-0a1b2c3d4e5f60718", "cidr_block": "10.0.0.0/16", "default_network_acl_id": "acl-0a0a0a0a0a0a0a0a0"}"#),
            ("aws_subnet", "a", #"{"id": "subnet-0a1b2c3d4e5f6071a", "vpc_id": "vpc-0a1b2c3d4e5f60718", "cidr_block": "10.0.1.0/24", "availability_zone": "eu-west-1a"}"#),
            ("aws_subnet", "b", #"{"id": "subnet-0a1b2c3d4e5f6071b", "vpc_id": "vpc-0a1b2c3d4e5f60718", "cidr_block": "10.0.2.0/24", "availability_zone": "eu-west-1a"}"#),
            ("aws_default_network_acl", "this", #"{"id": "acl-0a0a0a0a0a0a0a0a0", "default_network_acl_id": "acl-0a0a0a0a0a0a0a0a0", "subnet_ids": ["subnet-0a1b2c3d4e5f6071a", "subnet-0a1b2c3d4e5f6071b"]}"#),
            ("aws_network_acl", "public", #"{"id": "acl-0b0b0b0b0b0b0b0b0", "vpc_id": "vpc-0a1b2c3d4e5f60718", "subnet_ids": ["subnet-0a1b2c3d4e5f6071a"]}"#),
        ])
        let result = importTerraform(bytes: Array(document.utf8), file: "state.json")
        #expect(result.diagnostics.map(\.description) == [])
        let acls = try #require(result.topology.allVPCs.first?.vpc.networkACLs)
        #expect(acls.map(\.subnetIDs) == [["subnet-0a1b2c3d4e5f6071b"], ["subnet-0a1b2c3d4e5f6071a"]])
    }

    /// A reference to a resource the configuration declares with `count = 0` (the module's database
    /// route table when it makes none) is no error: the other candidates decide.
    @Test func aReferenceToAResourceWithoutInstancesIsSkipped() throws {
        let plan = TerraformRuleTests.plan([
            ("aws_vpc", "main", #"{"cidr_block": "10.0.0.0/16"}"#, #"{"id": true}"#),
            ("aws_subnet", "db", #"{"cidr_block": "10.0.1.0/24", "availability_zone": "eu-west-1a"}"#, #"{"id": true, "vpc_id": true}"#),
            ("aws_route_table", "private", "{}", #"{"id": true, "vpc_id": true}"#),
            ("aws_route_table_association", "db", "{}", #"{"id": true, "subnet_id": true, "route_table_id": true}"#),
        ], configuration: #"""
            [{"address": "aws_subnet.db", "type": "aws_subnet", "name": "db", "expressions": {"vpc_id": {"references": ["aws_vpc.main.id", "aws_vpc.main"]}}},
             {"address": "aws_route_table.private", "type": "aws_route_table", "name": "private", "expressions": {"vpc_id": {"references": ["aws_vpc.main.id", "aws_vpc.main"]}}},
             {"address": "aws_route_table.database", "type": "aws_route_table", "name": "database", "count_expression": {"constant_value": 0}},
             {"address": "aws_route_table_association.db", "type": "aws_route_table_association", "name": "db", "expressions": {
                "subnet_id": {"references": ["aws_subnet.db.id", "aws_subnet.db"]},
                "route_table_id": {"references": ["aws_route_table.database", "aws_route_table.private"]}}}]
            """#)
        let result = importTerraform(bytes: Array(plan.utf8), file: "plan.json")
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.topology.allVPCs.first?.vpc.subnets.first?.routeTableID == "aws_route_table.private")
    }
}
