import Foundation
import Pipeline
import TestSupport
import Testing
import VPCModel
import VPCReaders
@testable import TerraformImport

/// `vpcgraph render|check|import terraform --from terraform` as a user runs them.
@Suite struct TerraformCLITests {
    static let bad: [(file: String, message: String)] = [
        ("bad/invalid.json", "bad/invalid.json:6:55: error: invalid JSON: unexpected '}', expected a member name in double quotes [tf-json]"),
        ("bad/format-version.json",
         "bad/format-version.json:2:21: error: format_version '2.0' is not supported; vpcgraph reads format 1.x of 'terraform show -json' [tf-format-version]"),
        ("bad/missing-reference.json",
         "bad/missing-reference.json:19:35: error: module.net.aws_route.r: route_table_id refers to module.net.aws_route_table.x, which is not in the state [tf-unknown-reference]"),
    ]

    @Test(arguments: bad)
    func badInputIsLocatedExitsOneAndWritesNothing(_ file: String, _ message: String) throws {
        let out = Paths.temporaryDirectory("tf-bad")
        defer { try? FileManager.default.removeItem(at: out) }
        let render = try Run.vpcgraph(["render", "--from", "terraform", file, "-o", out.appendingPathComponent("docs").path], currentDirectory: TF.fixtures)
        #expect(render.status == 1)
        #expect(render.stderr == message + "\n")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("docs").path))
        let check = try Run.vpcgraph(["check", "--from", "terraform", file], currentDirectory: TF.fixtures)
        #expect(check.status == 1 && check.stderr == message + "\n")
        let target = out.appendingPathComponent("topology.yaml").path
        let imported = try Run.vpcgraph(["import", "terraform", file, "-o", target], currentDirectory: TF.fixtures)
        #expect(imported.status == 1 && imported.stderr == message + "\n")
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test func importWritesTheTopologyFile() throws {
        let out = Paths.temporaryDirectory("tf-import")
        defer { try? FileManager.default.removeItem(at: out) }
        let target = out.appendingPathComponent("topology.yaml").path
        let result = try Run.vpcgraph(["import", "terraform", "app-vpc/state.json", "-o", target], currentDirectory: TF.fixtures)
        #expect(result.status == 0)
        #expect(result.stderr == "wrote \(target)\n")
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written == (try String(contentsOf: TF.fixtures.appendingPathComponent("app-vpc/state.json.yaml"), encoding: .utf8)))
        let again = try Run.vpcgraph(["check", target])
        #expect(again.status == 0 && again.stderr == "")
    }

    /// Nothing marked sensitive, and no VPN key, reaches the YAML, DOT, SVG or Markdown; data sources and
    /// unsupported types are one note.
    @Test func sensitiveValuesReachNoOutput() throws {
        let out = Paths.temporaryDirectory("tf-sensitive")
        defer { try? FileManager.default.removeItem(at: out) }
        let render = try Run.vpcgraph(["render", "--from", "terraform", "sensitive/state.json", "-o", out.path], currentDirectory: TF.fixtures)
        #expect(render.status == 0)
        #expect(render.stderr == "sensitive/state.json: note: ignored 1 data source and 1 resource of types vpcgraph does not draw: aws_instance (1)\n")
        let yaml = try Run.vpcgraph(["import", "terraform", "sensitive/state.json", "-o", "-"], currentDirectory: TF.fixtures)
        var outputs = [yaml.stdout, render.stdout, render.stderr]
        for name in try FileManager.default.contentsOfDirectory(atPath: out.path) {
            outputs.append(try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8))
        }
        #expect(outputs.count >= 6)
        for secret in ["SECRET-SITE-NAME", "SECRET-SUBNET-NAME", "SECRET-TAG-VALUE", "SECRET_PSK_ONE", "SECRET_PSK_TWO", "SECRET-PSK-IN-CONFIG"] {
            #expect(!outputs.contains { $0.contains(secret) }, "\(secret) reached an output")
        }
        // What is not sensitive is kept.
        #expect(yaml.stdout.contains("name: to-datacenter") && yaml.stdout.contains("name: datacenter-vpn"))
        // The shared-services sample's plan carries a real pre-shared key, marked sensitive by Terraform.
        let t = try #require(TF.load("shared-services/plan.json").topology)
        #expect(!TopologyWriter.write(t).contains("sensitive_psk"))
        let markdown = Pipeline(formats: [.md, .dot]).render(t, name: "shared").files.map(\.contents)
        #expect(markdown.count == 2 && !markdown.contains { $0.contains("sensitive_psk") })
        let raw = try String(contentsOf: TF.fixtures.appendingPathComponent("shared-services/plan.json"), encoding: .utf8)
        #expect(raw.contains("sensitive_psk_do_not_print"))
    }

    /// A plan: ids are addresses, what apply decides is "(known after apply)", and two runs are byte-identical.
    @Test func planRendersDeterministicallyWithAddressesAsIDs() throws {
        var runs: [[String: String]] = []
        for _ in 0..<2 {
            let out = Paths.temporaryDirectory("tf-plan")
            defer { try? FileManager.default.removeItem(at: out) }
            let result = try Run.vpcgraph(["render", "--from", "terraform", "--jobs", "1", "app-vpc/plan.json", "-o", out.path], currentDirectory: TF.fixtures)
            #expect(result.status == 0)
            var files: [String: String] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: out.path) where !name.hasPrefix(".") {
                files[name] = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            }
            runs.append(files)
        }
        #expect(runs[0] == runs[1])
        let markdown = try #require(runs[0]["plan.md"])
        #expect(markdown.contains("`aws_subnet.private[\"a\"]`"))
        #expect(markdown.contains("| `(known after apply)` | regional |"))
        #expect(!markdown.contains("not in the snapshot"))
        let t = try #require(TF.load("app-vpc/plan.json").topology)
        let vpc = try #require(t.vpc("aws_vpc.app"))
        #expect(vpc.mainRouteTable?.id == "aws_vpc.app.main_route_table_id")
        #expect(vpc.subnets.map(\.id) == ["aws_subnet.private[\"a\"]", "aws_subnet.private[\"b\"]", "aws_subnet.public[\"a\"]", "aws_subnet.public[\"b\"]"])
        #expect(vpc.natGateways.allSatisfy { $0.publicIP == nil })
    }

    @Test func terraformAddressesAreIDsOfTheirType() {
        #expect(TerraformAddress("module.net[\"a\"].aws_subnet.private[0]")?.idKinds == [.subnet])
        #expect(TerraformAddress("aws_vpc.app.main_route_table_id")?.idKinds == [.routeTable])
        #expect(RouteTarget("aws_nat_gateway.nat[\"a\"]")?.kind == .natGateway)
        #expect(TerraformAddress("aws_subnet.x[\"\u{7}\"]") == nil)
        #expect(IDRules.check("aws_subnet.a", as: .subnet, at: nil) == nil)
        #expect(IDRules.check("aws_vpc.a", as: .subnet, at: nil)?.rule == "id-characters")
    }
}

/// With a real `terraform` and the AWS provider in the local mirror, the committed plan is what
/// Terraform prints for main.tf today (compared through the import: `timestamp` differs per run).
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/local/bin/terraform")
                && FileManager.default.fileExists(atPath: "/opt/tf-plugins/registry.terraform.io/hashicorp/aws")))
struct RealTerraformTests {
    /// The module example, and the hand-written twin of the terraform-aws-modules/vpc fixture (whose own
    /// plan reads data sources, so it is planned against moto by scripts/terraform-fixtures.sh only).
    @Test(arguments: [("modules", ["main.tf", "net"]), ("vpc-hand", ["main.tf"])])
    func planOfTheFixtureImportsLikeTheCommittedOne(_ fixture: String, _ files: [String]) throws {
        let work = Paths.temporaryDirectory("tf-real")
        defer { try? FileManager.default.removeItem(at: work) }
        let source = TF.fixtures.appendingPathComponent(fixture)
        for file in files {
            try FileManager.default.copyItem(at: source.appendingPathComponent(file), to: work.appendingPathComponent(file))
        }
        let env = ProcessInfo.processInfo.environment.merging(
            ["TF_CLI_CONFIG_FILE": TF.fixtures.appendingPathComponent("terraformrc").path, "TF_IN_AUTOMATION": "1", "CHECKPOINT_DISABLE": "1"]) { $1 }
        let terraform = "/usr/local/bin/terraform"
        #expect(try Run.process(terraform, ["init", "-input=false", "-no-color"], environment: env, currentDirectory: work).status == 0)
        let plan = try Run.process(terraform, ["plan", "-refresh=false", "-input=false", "-no-color", "-out=plan.bin"], environment: env, currentDirectory: work)
        #expect(plan.status == 0, "\(plan.stderr)")
        let show = try Run.process(terraform, ["show", "-json", "plan.bin"], environment: env, currentDirectory: work)
        #expect(show.status == 0)
        let fresh = importTerraform(bytes: Array(show.stdout.utf8), file: "plan.json")
        #expect(fresh.diagnostics.filter { $0.severity != .note }.map(\.description) == [])
        let committed = try #require(TF.load("\(fixture)/plan.json").topology)
        #expect(TopologyWriter.write(fresh.topology) == TopologyWriter.write(committed))
    }
}
