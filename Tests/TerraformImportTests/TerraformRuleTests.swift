import Foundation
import Testing
import VPCModel
@testable import TerraformImport

/// One small state per importer rule that no fixture triggers: the rule's diagnostics as printed.
@Suite struct TerraformRuleTests {
    /// A `terraform show -json` of a state holding `resources` (each `(type, name, values)`).
    static func state(_ resources: [(String, String, String)]) -> String {
        let items = resources.map { type, name, values in
            #"{"address": "\#(type).\#(name)", "mode": "managed", "type": "\#(type)", "name": "\#(name)", "values": \#(values)}"#
        }
        return #"{"format_version": "1.0", "values": {"root_module": {"resources": [\#(items.joined(separator: ",\n"))]}}}"#
    }

    static let vpc = ("aws_vpc", "main", #"{"id": "vpc-0a1b2c3d4e5f60718", "cidr_block": "10.0.0.0/16", "main_route_table_id": "rtb-0f0e0d0c0b0a09080"}"#)
    static let table = ("aws_route_table", "rt", #"{"id": "rtb-0d1e2f3a4b5c6d7e8", "vpc_id": "vpc-0a1b2c3d4e5f60718"}"#)

    /// A `terraform show -json` of a plan creating `resources` (each `(type, name, after, after_unknown)`), with
    /// `configuration` as its configuration's root module resources.
    static func plan(_ resources: [(String, String, String, String)], configuration: String = "[]") -> String {
        let items = resources.map { type, name, after, unknown in
            #"{"address": "\#(type).\#(name)", "mode": "managed", "type": "\#(type)", "name": "\#(name)", "change": {"actions": ["create"], "after": \#(after), "after_unknown": \#(unknown)}}"#
        }
        return #"{"format_version": "1.2", "resource_changes": [\#(items.joined(separator: ",\n"))], "configuration": {"root_module": {"resources": \#(configuration)}}}"#
    }

    static let cases: [(rule: String, document: String, expected: [String])] = [
        ("tf-unknown-value", plan([("aws_vpc", "main", "{}", #"{"id": true, "cidr_block": true}"#)]), ["plan.json:1:48: error: aws_vpc.main: cidr_block is known only after apply (an IPAM pool?); vpcgraph needs the CIDR [tf-unknown-value]"]),
        ("tf-unresolved-reference", plan([("aws_vpc", "a", #"{"cidr_block": "10.0.0.0/16"}"#, #"{"id": true}"#),
                                          ("aws_vpc", "b", #"{"cidr_block": "10.1.0.0/16"}"#, #"{"id": true}"#),
                                          ("aws_route_table", "rt", "{}", #"{"id": true, "vpc_id": true}"#)],
                                         configuration: #"[{"address": "aws_route_table.rt", "type": "aws_route_table", "name": "rt", "expressions": {"vpc_id": {"references": ["local.vpc_id"]}}}]"#), ["plan.json:3:1: error: aws_route_table.rt: vpc_id is known only after apply and vpcgraph cannot tell which aws_vpc it refers to [tf-unresolved-reference]"]),
        ("tf-format", "[1, 2]", ["state.json:1:1: error: expected a JSON object from 'terraform show -json' or a terraform.tfstate file [tf-format]"]),
        ("tf-duplicate", state([vpc,
                                ("aws_internet_gateway", "a", #"{"id": "igw-0a1b2c3d4e5f60718", "vpc_id": "vpc-0a1b2c3d4e5f60718"}"#),
                                ("aws_internet_gateway", "b", #"{"id": "igw-0a1b2c3d4e5f60719", "vpc_id": "vpc-0a1b2c3d4e5f60718"}"#)]), ["state.json:3:155: warning: aws_internet_gateway.b: a second internet gateway for aws_vpc.main; a VPC has one, the first is kept [tf-duplicate]"]),
        ("tf-invalid-value", state([("aws_vpc", "main", #"{"id": "vpc-0a1b2c3d4e5f60718", "cidr_block": "10.0.0.0/33"}"#)]), ["state.json:1:206: error: aws_vpc.main: cidr_block '10.0.0.0/33' is not a CIDR [tf-invalid-value]"]),
        ("tf-missing-attribute", state([vpc, ("aws_subnet", "a", #"{"id": "subnet-0a1b2c3d4e5f60718", "cidr_block": "10.0.1.0/24", "availability_zone": "eu-west-1a"}"#)]), ["state.json:2:1: error: aws_subnet.a: vpc_id is not set [tf-missing-attribute]"]),
        ("tf-unsupported", state([vpc, table,
                                  ("aws_route", "r", #"{"id": "r-1", "route_table_id": "rtb-0d1e2f3a4b5c6d7e8", "destination_cidr_block": "0.0.0.0/0", "gateway_id": "cagw-0a1b2c3d4e5f60718"}"#)]), ["state.json:3:201: warning: aws_route.r: route to 'cagw-0a1b2c3d4e5f60718' (gateway_id) left out: vpcgraph does not draw that kind of target [tf-unsupported]"]),
    ]

    @Test(arguments: cases)
    func ruleIsReported(_ rule: String, _ document: String, _ expected: [String]) {
        let result = importTerraform(bytes: Array(document.utf8), file: document.contains("resource_changes") ? "plan.json" : "state.json")
        #expect(result.diagnostics.map(\.description).filter { $0.hasSuffix("[\(rule)]") } == expected, "\(result.diagnostics.map(\.description))")
    }
}
